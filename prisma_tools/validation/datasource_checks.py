"""The datasource checks among Prisma's validations: ``extensions`` need their preview feature and valid names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import ConstantValue, Datasource, FunctionCall, StringValue
from .config_values import items_of
from .configuration import CONNECTORS, last_setting, property_span
from .preview_features import enabled
from .rules import rule

if TYPE_CHECKING:
    from ..resolve import SourceFile
    from .context import Context

__all__ = ["connector", "schema_features"]

EXTENSIONS_NEED_FEATURE = rule(
    "E741",
    "extensions-need-preview-feature",
    "The `extensions` property is only available with the `postgresqlExtensions` preview feature.",
)
EXTENSION_NAME_EMPTY = rule(
    "E742", "extension-name-empty", "Error validating: The name of an extension must not be empty."
)
EXTENSION_NAME_NUMBER = rule(
    "E743",
    "extension-name-leading-digit",
    "Error validating: The name of an extension must not start with a number.",
)
EXTENSION_NAME_DASH = rule(
    "E744", "extension-name-with-dash", "Error validating: The character `-` is not allowed in extension names."
)

PHASE = "validations"
ORDER = 1


def connector(ctx: Context) -> str | None:
    """The connector of the (loaded) datasource, if there is one."""
    ds = ctx.db.datasource
    return None if ds is None or ds.provider is None else CONNECTORS.get(ds.provider)


def schema_features(ctx: Context) -> frozenset[str]:
    """The preview features the schema's generators turn on (canonical names), each judged for the
    connector of the datasource in its own file, as Prisma does."""
    out: set[str] = set()
    for g in ctx.db.generators:
        out |= enabled(g.preview_features, _file_connector(g.file), ctx.prisma_version)
    return frozenset(out)


def _file_connector(file: SourceFile) -> str | None:
    for block in file.ast.blocks:
        if isinstance(block, Datasource):
            provider = last_setting(block, "provider")
            if provider is not None and isinstance(provider.value, StringValue):
                return CONNECTORS.get(provider.value.value)
    return None


def check(ctx: Context) -> None:
    ds = ctx.db.datasource
    extensions = None if ds is None else last_setting(ds.node, "extensions")
    if ds is None or connector(ctx) != "postgresql" or extensions is None or extensions.value is None:
        return
    if "postgresqlExtensions" not in schema_features(ctx):
        ctx.report(EXTENSIONS_NEED_FEATURE, ds.file, property_span(ds.file, extensions))
        return
    for item in items_of(extensions.value):
        name = item.name if isinstance(item, (ConstantValue, FunctionCall)) else None
        if name is None:
            continue
        if not name:
            ctx.report(EXTENSION_NAME_EMPTY, ds.file, item)
        elif name[0].isnumeric():
            ctx.report(EXTENSION_NAME_NUMBER, ds.file, item)
        elif "-" in name:
            ctx.report(EXTENSION_NAME_DASH, ds.file, item)
