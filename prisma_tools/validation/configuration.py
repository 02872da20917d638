"""Configuration: loading the datasource and generator blocks as Prisma does, with its diagnostics.

Prisma reads each block's settings into a map; a setting without a value,
a missing or unusable ``provider`` (or, on engine 6, ``url``) makes it drop
the block and stop reading it, so what comes after is not checked. A
datasource that loaded tells the generators which connector their preview
features are judged for (``fullTextSearchPostgres`` exists only for
PostgreSQL). Engine 7 takes no connection URL in the schema at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from ..nodes import (
    ArrayValue,
    ConstantValue,
    Datasource,
    FunctionCall,
    Generator,
    ObjectValue,
    Setting,
    StringValue,
)
from . import preview_features
from .config_values import EnvOrString, items_of, mismatch, string_or_env, string_value
from .names import MULTIPLE_DATASOURCES
from .rules import rule
from .syntax import INVALID_DATASOURCE_LINE, INVALID_GENERATOR_LINE

if TYPE_CHECKING:
    from ..nodes import Argument, Value
    from ..resolve import SourceFile
    from .context import Context

MISSING_VALUE = rule("E701", "setting-without-value", "Property {key} in {kind} {block} needs to be assigned a value")
DATASOURCE_ARGUMENT_MISSING = rule(
    "E702", "datasource-argument-missing", 'Argument "{name}" is missing in data source block "{block}".'
)
GENERATOR_ARGUMENT_MISSING = rule(
    "E703", "generator-argument-missing", 'Argument "{name}" is missing in generator block "{block}".'
)
PROVIDER_FROM_ENV = rule(
    "E704", "provider-from-env", "A datasource must not use the env() function in the provider argument."
)
PROVIDER_EMPTY = rule(
    "E705",
    "provider-empty",
    "Error validating datasource `{block}`: The provider argument in a datasource must not be empty",
)
PROVIDER_NOT_STRING = rule(
    "E706",
    "provider-not-string",
    "Error validating datasource `{block}`: The provider argument in a datasource must be a string literal",
)
PROVIDER_NOT_KNOWN = rule("E707", "provider-not-known", 'Datasource provider not known: "{provider}".')
RELATION_MODE_INVALID = rule(
    "E708",
    "relation-mode-invalid",
    'Error validating datasource `relationMode`: Invalid relation mode setting: "{value}". Supported values: {allowed}',
)
RELATION_MODE_TWICE = rule(
    "E709",
    "relation-mode-set-twice",
    "The `referentialIntegrity` and `relationMode` attributes cannot be used together. "
    "Please use only `relationMode` instead.",
)
REFERENTIAL_INTEGRITY_DEPRECATED = rule(
    "W710",
    "referential-integrity-deprecated",
    "The `referentialIntegrity` attribute is deprecated. Please use `relationMode` instead. "
    "Learn more at https://pris.ly/d/relation-mode",
    severity="warning",
)
SHADOW_SAME_AS_URL = rule(
    "E715",
    "shadow-database-same-as-url",
    'shadowDatabaseUrl is the same as {other} for datasource "{block}". '
    "Please specify a different database as shadow database to avoid data loss.",
)
PREVIEW_FEATURES_IN_DATASOURCE = rule(
    "E717",
    "preview-features-in-datasource",
    "Preview features are only supported in the generator block. Please move this field to the generator block.",
)
SCHEMAS_NOT_SUPPORTED = rule(
    "E740", "schemas-not-supported", "The `schemas` property is not supported on the current connector."
)
SCHEMAS_EMPTY = rule("E718", "schemas-empty", "If provided, the schemas array can not be empty.")
DUPLICATE_SCHEMA = rule("E719", "duplicate-schema-name", "Duplicated schema names are not allowed")
PROPERTY_NOT_KNOWN = rule("E720", "property-not-known", 'Property not known: "{name}".')
URL_NOT_SUPPORTED = rule(
    "E721",
    "url-in-schema",
    "The datasource property `url` is no longer supported in schema files. Move connection URLs for Migrate to "
    "`prisma.config.ts` and pass either `adapter` for a direct database connection or `accelerateUrl` for "
    "Accelerate to the `PrismaClient` constructor. See https://pris.ly/d/config-datasource and "
    "https://pris.ly/d/prisma7-client-config",
)
CONNECTION_URL_NOT_SUPPORTED = rule(
    "E722",
    "connection-url-in-schema",
    "The datasource property `{name}` is no longer supported in schema files. "
    "Move connection URLs to `prisma.config.ts`. See https://pris.ly/d/config-datasource",
)
PREVIEW_FEATURE_NOT_KNOWN = rule(
    "E723", "preview-feature-not-known", 'The preview feature "{name}" is not known. Expected one of: {expected}'
)
PREVIEW_FEATURE_DEPRECATED = rule(
    "W724",
    "preview-feature-deprecated",
    'Preview feature "{name}" is deprecated. The functionality can be used without specifying it as a preview feature.',
    severity="warning",
)
PREVIEW_FEATURE_GOING = rule(
    "W725",
    "preview-feature-to-be-removed",
    'Preview feature "{name}" is deprecated. It will be removed in a future version of Prisma.',
    severity="warning",
)
PREVIEW_FEATURE_RENAMED = rule(
    "W726",
    "preview-feature-renamed",
    'On `provider = "{provider}"`, preview feature "{name}" has been renamed to "{new}". '
    "Learn more at https://pris.ly/d/{link}.",
    severity="warning",
)
EXTENSION_ARGUMENT_TWICE = rule(
    "E728", "extension-argument-twice", "Error validating: The argument `{name}` can only be defined once"
)
EXTENSION_ARGUMENT_UNNAMED = rule(
    "E729", "extension-argument-unnamed", "Error validating: The argument must have a name"
)
EXTENSION_ARGUMENT_NOT_STRING = rule(
    "E730", "extension-argument-not-string", "Error validating: The `{name}` argument must be a string literal"
)
ARGUMENT_NOT_KNOWN = rule("E731", "extension-argument-not-known", 'Argument not known: "{name}".')
DUPLICATE_DATASOURCE = rule(
    "E732",
    "duplicate-datasource",
    'The source "{name}" cannot be defined because a source with that name already exists.',
)

# provider -> the connector behind it
CONNECTORS = {
    "postgresql": "postgresql",
    "postgres": "postgresql",
    "mysql": "mysql",
    "sqlite": "sqlite",
    "sqlserver": "sqlserver",
    "cockroachdb": "cockroachdb",
    "mongodb": "mongodb",
}
MULTI_SCHEMA_CONNECTORS = frozenset({"postgresql", "cockroachdb", "sqlserver"})
"""The connectors that take a ``schemas`` list and ``@@schema``."""
_RELATION_MODES = ("prisma", "foreignKeys")
_URL_KEYS = ("url", "directUrl", "shadowDatabaseUrl")
_EXTENSION_ARGUMENTS = ("map", "schema", "version")


PHASE = "configuration"
ORDER = 10


@dataclass
class _Settings:
    """A block's settings by key (the last of a repeated key wins, as in Prisma's map)."""

    file: SourceFile
    block: Datasource | Generator
    values: dict[str, tuple[Setting, Value]]

    def pop(self, key: str) -> tuple[Setting, Value] | None:
        return self.values.pop(key, None)


def check(ctx: Context) -> None:
    # Prisma reads the configuration file by file: a generator's preview features are judged for
    # the datasource of its own file
    for file in ctx.db.files:
        loaded: list[str] = []
        sources: list[Datasource] = []
        for block in file.ast.blocks:
            if isinstance(block, Datasource):
                sources.append(block)
                found = _datasource(ctx, file, block)
                if found is not None:
                    loaded.append(found)
        if len(loaded) > 1:
            for ds in sources:
                ctx.report(MULTIPLE_DATASOURCES, file, ds, name=ds.name)
        for block in file.ast.blocks:
            if isinstance(block, Generator):
                _generator(ctx, file, block, loaded[0] if loaded else None)
    _duplicate_datasources(ctx)


def _duplicate_datasources(ctx: Context) -> None:
    seen: set[str] = set()
    for file in ctx.db.files:
        for block in file.ast.blocks:
            if isinstance(block, Datasource):
                if block.name in seen:
                    ctx.report(DUPLICATE_DATASOURCE, file, ctx.name_span(file, block, block.name), name=block.name)
                seen.add(block.name)


def _settings(ctx: Context, file: SourceFile, block: Datasource | Generator) -> _Settings | None:
    """The block's settings, or None (reported) at the first one without a value."""
    values: dict[str, tuple[Setting, Value]] = {}
    for m in block.members:
        if not isinstance(m, Setting):
            continue
        if ctx.prisma_version < 7 and m.value is not None and _has_object(m.value):
            # engine 6's grammar has no object values: the line is not a setting at all
            line_rule = INVALID_DATASOURCE_LINE if isinstance(block, Datasource) else INVALID_GENERATOR_LINE
            ctx.report(line_rule, file, ctx.line_span(file, m))
            continue
        if m.value is None:
            ctx.report(MISSING_VALUE, file, block, key=m.key, kind=block.kind, block=block.name)
            return None
        values[m.key] = (m, m.value)
    return _Settings(file, block, values)


def _has_object(value: Value) -> bool:
    if isinstance(value, ObjectValue):
        return True
    if isinstance(value, ArrayValue):
        return any(_has_object(v) for v in value.items)
    if isinstance(value, FunctionCall):
        return any(a.value is not None and _has_object(a.value) for a in value.arguments)
    return False


def last_setting(block: Datasource | Generator, key: str) -> Setting | None:
    """The setting Prisma reads for ``key`` (the last one when the key is repeated)."""
    found = None
    for m in block.members:
        if isinstance(m, Setting) and m.key == key:
            found = m
    return found


def property_span(file: SourceFile, setting: Setting) -> tuple[int, int]:
    """A setting's span as Prisma gives it: from its key to the end of its line (trailing comment and blanks
    included, the line break not)."""
    start = setting.span.start_offset if setting.span is not None else 0
    end = file.text.find("\n", start)
    if end < 0:
        end = len(file.text)
    if end > start and file.text[end - 1] == "\r":
        end -= 1
    return start, end


# ------------------------------------------------------------------ datasource


def _datasource(ctx: Context, file: SourceFile, block: Datasource) -> str | None:
    """Load one datasource; its connector when it loads, None when Prisma drops it."""
    settings = _settings(ctx, file, block)
    if settings is None:
        return None
    connector = _provider(ctx, settings)
    if connector is None:
        return None
    _relation_mode(ctx, settings, connector)
    if connector == "postgresql":
        _extensions(ctx, settings)
    if ctx.prisma_version >= 7:
        for key in _URL_KEYS:
            found = settings.pop(key)
            if found is not None:
                where = property_span(file, found[0])
                if key == "url":
                    ctx.report(URL_NOT_SUPPORTED, file, where)
                else:
                    ctx.report(CONNECTION_URL_NOT_SUPPORTED, file, where, name=key)
    elif not _urls(ctx, settings, connector):
        return None
    found = settings.pop("previewFeatures")
    if found is not None:
        ctx.report(PREVIEW_FEATURES_IN_DATASOURCE, file, property_span(file, found[0]))
    _schemas(ctx, settings, connector)
    for key, (setting, _value) in settings.values.items():
        ctx.report(PROPERTY_NOT_KNOWN, file, property_span(file, setting), name=key)
    return connector


def _provider(ctx: Context, settings: _Settings) -> str | None:
    file, block = settings.file, settings.block
    found = settings.pop("provider")
    if found is None:
        ctx.report(DATASOURCE_ARGUMENT_MISSING, file, block, name="provider", block=block.name)
        return None
    value = found[1]
    if isinstance(value, FunctionCall) and value.name == "env":
        ctx.report(PROVIDER_FROM_ENV, file, block)
        return None
    if not isinstance(value, StringValue):
        ctx.report(PROVIDER_NOT_STRING, file, value, block=block.name)
        return None
    if value.value == "":
        ctx.report(PROVIDER_EMPTY, file, value, block=block.name)
        return None
    connector = CONNECTORS.get(value.value)
    if connector is None:
        ctx.report(PROVIDER_NOT_KNOWN, file, value, provider=value.value)
    return connector


def _relation_mode(ctx: Context, settings: _Settings, connector: str) -> None:
    file = settings.file
    mode = settings.pop("relationMode")
    legacy = settings.pop("referentialIntegrity")
    if legacy is not None:
        ctx.report(REFERENTIAL_INTEGRITY_DEPRECATED, file, property_span(file, legacy[0]))
        if mode is not None:
            ctx.report(RELATION_MODE_TWICE, file, property_span(file, legacy[0]))
            return
    used = mode or legacy
    if used is None:
        return
    value = string_value(ctx, file, used[1])
    if value is None:
        return
    if value not in _RELATION_MODES:
        allowed = ", ".join(f'"{m}"' for m in _RELATION_MODES)
        ctx.report(RELATION_MODE_INVALID, file, settings.block, value=value, allowed=allowed)
    elif connector == "mongodb" and value != "prisma":
        ctx.report(RELATION_MODE_INVALID, file, used[1], value=value, allowed='"prisma"')


def _extensions(ctx: Context, settings: _Settings) -> None:
    found = settings.pop("extensions")
    if found is None:
        return
    file = settings.file
    items = items_of(found[1])
    calls = [i for i in items if isinstance(i, FunctionCall)]
    bad = [i for i in items if not isinstance(i, (ConstantValue, FunctionCall))]
    for item in bad:
        mismatch(ctx, file, item, "constant or function")
    if bad:  # Prisma reads the arguments only of a list that is all names and calls
        return
    for call in calls:
        _extension_arguments(ctx, file, call.arguments)


def _extension_arguments(ctx: Context, file: SourceFile, arguments: tuple[Argument, ...]) -> None:
    named: dict[str, Argument] = {}
    strings: dict[str, str | None] = {}
    for a in arguments:
        if a.name is None:
            ctx.report(EXTENSION_ARGUMENT_UNNAMED, file, a)
        elif a.name in named:
            ctx.report(EXTENSION_ARGUMENT_TWICE, file, a, name=a.name)
        else:
            named[a.name] = a
            strings[a.name] = None if a.value is None else string_value(ctx, file, a.value)
    for name, a in named.items():
        if name not in _EXTENSION_ARGUMENTS:
            ctx.report(ARGUMENT_NOT_KNOWN, file, a, name=name)
        elif strings[name] is None:
            ctx.report(EXTENSION_ARGUMENT_NOT_STRING, file, a, name=name)


def _urls(ctx: Context, settings: _Settings, connector: str) -> bool:
    """Engine 6: ``url`` (required), ``shadowDatabaseUrl`` and ``directUrl``; False when Prisma drops the block."""
    file, block = settings.file, settings.block
    found = settings.pop("url")
    url_at: Value | Datasource | Generator
    if found is not None:
        url_at = found[1]
        url = string_or_env(ctx, file, url_at)
        if url is None:
            return False
    elif connector == "sqlite" and _schema_engine_adapters(ctx):
        # Prisma stands a placeholder in for the URL the driver adapter will provide
        url, url_at = EnvOrString(literal="<invalid>"), block
    else:
        ctx.report(DATASOURCE_ARGUMENT_MISSING, file, block, name="url", block=block.name)
        return False
    shadow: EnvOrString | None = None
    found = settings.pop("shadowDatabaseUrl")
    if found is not None:
        shadow = string_or_env(ctx, file, found[1])
        if shadow is not None and shadow.literal == "":
            shadow = None
    direct: EnvOrString | None = None
    direct_value: Value | None = None
    found = settings.pop("directUrl")
    if found is not None:
        direct_value = found[1]
        direct = string_or_env(ctx, file, direct_value)
    if shadow is not None:
        if direct is not None and direct == shadow:
            ctx.report(SHADOW_SAME_AS_URL, file, direct_value, other="directUrl", block=block.name)
        if shadow == url:
            ctx.report(SHADOW_SAME_AS_URL, file, url_at, other="url", block=block.name)
    return True


def _schema_engine_adapters(ctx: Context) -> bool:
    """Some generator lists exactly ``"schemaEngineDriverAdapters"`` among string-only preview features."""
    for file in ctx.db.files:
        for block in file.ast.blocks:
            setting = last_setting(block, "previewFeatures") if isinstance(block, Generator) else None
            if setting is None or setting.value is None:
                continue
            items = items_of(setting.value)
            if all(isinstance(i, StringValue) for i in items) and any(
                isinstance(i, StringValue) and i.value == "schemaEngineDriverAdapters" for i in items
            ):
                return True
    return False


def _schemas(ctx: Context, settings: _Settings, connector: str) -> None:
    found = settings.pop("schemas")
    if found is None:
        return
    file, value = settings.file, found[1]
    names: list[tuple[str, Value]] = []
    ok = True
    for item in items_of(value):
        name = string_value(ctx, file, item)
        if name is None:
            ok = False
        else:
            names.append((name, item))
    if not ok:
        return
    if connector not in MULTI_SCHEMA_CONNECTORS:
        ctx.report(SCHEMAS_NOT_SUPPORTED, file, value)
        return
    if not names:
        ctx.report(SCHEMAS_EMPTY, file, value)
        return
    names.sort(key=lambda t: t[0])
    for (a, node), (b, _) in pairwise(names):
        if a == b:
            ctx.report(DUPLICATE_SCHEMA, file, node)


# ------------------------------------------------------------------- generator


def _generator(ctx: Context, file: SourceFile, block: Generator, connector: str | None) -> None:
    settings = _settings(ctx, file, block)
    if settings is None:
        return
    engine_type = settings.values.get("engineType")
    if engine_type is not None and not isinstance(engine_type[1], StringValue):
        mismatch(ctx, file, engine_type[1], "String")
    found = settings.pop("provider")
    if found is None:
        ctx.report(GENERATOR_ARGUMENT_MISSING, file, block, name="provider", block=block.name)
        return
    if string_or_env(ctx, file, found[1]) is None:
        return
    found = settings.pop("output")
    if found is not None:
        string_or_env(ctx, file, found[1])
    found = settings.pop("binaryTargets")
    if found is not None:
        for item in items_of(found[1]):
            string_or_env(ctx, file, item)
    found = settings.pop("previewFeatures")
    if found is not None:
        _preview_features(ctx, file, found[1], connector)
    # other settings are free-form, but their env() calls are read; Prisma stops at the first that fails
    for _setting, value in settings.values.values():
        if not _config_value(ctx, file, value):
            return


def _config_value(ctx: Context, file: SourceFile, value: Value) -> bool:
    if isinstance(value, FunctionCall) and value.name == "env":
        return string_or_env(ctx, file, value) is not None
    if isinstance(value, ArrayValue):
        return all(_config_value(ctx, file, item) for item in value.items)
    return True


def _preview_features(ctx: Context, file: SourceFile, value: Value, connector: str | None) -> None:
    names: list[str] = []
    ok = True
    for item in items_of(value):
        name = string_value(ctx, file, item)
        if name is None:
            ok = False
        else:
            names.append(name)
    if not ok:
        return
    version = ctx.prisma_version
    for use in preview_features.parse(names, connector, version):
        if use.status == "unknown":
            expected = ", ".join(preview_features.active_features(connector, version))
            ctx.report(PREVIEW_FEATURE_NOT_KNOWN, file, value, name=use.written, expected=expected)
        elif use.status == "deprecated":
            ctx.report(PREVIEW_FEATURE_DEPRECATED, file, value, name=use.written)
        elif use.status == "going":
            ctx.report(PREVIEW_FEATURE_GOING, file, value, name=use.written)
        elif use.status == "renamed":
            ctx.report(
                PREVIEW_FEATURE_RENAMED, file, value, provider=connector, name=use.written, new=use.name, link=use.link
            )
