"""The datasource's ``relationMode`` (and its deprecated alias ``referentialIntegrity``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import StringValue
from .relation_attributes import describe
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import Setting
    from ..resolve import DatasourceInfo
    from .context import Context

BOTH_SETTINGS = rule(
    "E412",
    "relation-mode-and-referential-integrity",
    "The `referentialIntegrity` and `relationMode` attributes cannot be used together. "
    "Please use only `relationMode` instead.",
)
DEPRECATED_SETTING = rule(
    "W405",
    "referential-integrity-deprecated",
    "The `referentialIntegrity` attribute is deprecated. Please use `relationMode` instead. "
    "Learn more at https://pris.ly/d/relation-mode",
    "warning",
)
INVALID_MODE = rule(
    "E413",
    "invalid-relation-mode",
    "Error validating datasource `relationMode`: Invalid relation mode setting: {value}. Supported values: {allowed}",
)
NOT_A_STRING = rule("E414", "relation-mode-not-a-string", "Expected a string value, but received {kind} value `{raw}`.")

PHASE = "configuration"
ORDER = 60

_KNOWN_PROVIDERS = ("postgresql", "cockroachdb", "mysql", "sqlite", "sqlserver", "mongodb")


def check(ctx: Context) -> None:
    ds = ctx.db.datasource
    if ds is None:
        return
    mode = ds.node.setting("relationMode")
    legacy = ds.node.setting("referentialIntegrity")
    if legacy is not None:
        if mode is not None:
            ctx.report(BOTH_SETTINGS, ds.file, legacy)
        ctx.report(DEPRECATED_SETTING, ds.file, legacy)
    setting = mode or legacy
    if setting is not None and ds.active_provider in _KNOWN_PROVIDERS:
        _value(ctx, ds, setting)


def _value(ctx: Context, ds: DatasourceInfo, setting: Setting) -> None:
    value = setting.value
    if not isinstance(value, StringValue):
        if value is not None:
            start, end = ctx.offsets(value)
            ctx.report(NOT_A_STRING, ds.file, value, kind=describe(value), raw=ds.file.text[start:end])
        return
    if value.value not in ("prisma", "foreignKeys"):
        ctx.report(INVALID_MODE, ds.file, ds.node, value=value.text, allowed='"prisma", "foreignKeys"')
    elif ctx.db.provider == "mongodb" and value.value != "prisma":
        ctx.report(INVALID_MODE, ds.file, value, value=value.text, allowed='"prisma"')
