"""Syntax: what Prisma's grammar accepts only to reject (invalid lines, legacy spellings, fields without a type)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import (
    ArbitraryBlock,
    BlockAttribute,
    CatchAll,
    CompositeType,
    Datasource,
    EnumBlock,
    EnumValue,
    FieldDecl,
    Generator,
    Model,
    TopCatchAll,
    TypeAlias,
    View,
)
from ..parser import ALIAS_MESSAGE, ARBITRARY_MESSAGE, LINE_MESSAGES, SYNTAX_CODES, TOO_DEEP
from .rules import Rule, rule

if TYPE_CHECKING:
    from ..resolve import SourceFile
    from .context import Context


def _parser_rule(message: str, name: str, text: str | None = None) -> Rule:
    """A rule for a line the parser already reports, under the parser's code for it."""
    return rule(SYNTAX_CODES[message], name, "Error validating: " + (text or message))


INVALID_TOP_LINE = _parser_rule(LINE_MESSAGES["top"], "invalid-line")
INVALID_FIELD_LINE = _parser_rule(LINE_MESSAGES["model"], "invalid-field-line")
# `check` words it as Prisma's validator does; the parser's wording is the formatter's.
INVALID_ENUM_LINE = _parser_rule(
    LINE_MESSAGES["enum"], "invalid-enum-line", "This line is not an enum value definition."
)
INVALID_DATASOURCE_LINE = _parser_rule(LINE_MESSAGES["datasource"], "invalid-datasource-line")
INVALID_GENERATOR_LINE = _parser_rule(LINE_MESSAGES["generator"], "invalid-generator-line")
INVALID_BLOCK = _parser_rule(ARBITRARY_MESSAGE, "block-without-keyword")
TYPE_ALIAS = _parser_rule(ALIAS_MESSAGE, "type-alias")
FIELD_WITHOUT_TYPE = rule(
    "E008",
    "field-without-type",
    'Error validating {kind} "{block}": This field declaration is invalid. It is either missing a name or a type.',
)
LEGACY_COLON = rule("E009", "legacy-colon", "Field declarations don't require a `:`.")
LEGACY_REQUIRED = rule("E010", "legacy-required", "Fields are required by default, `!` is no longer required.")
LEGACY_LIST = rule("E011", "legacy-list", "To specify a list, please use `Type[]` instead of `[Type]`.")
OPTIONAL_LIST = rule("E012", "optional-list", "Optional lists are not supported. Use either `Type[]` or `Type?`.")
# Not Prisma's: a limit of prisma-tools (the printer and the passes recurse once per level).
TOO_DEEP_VALUE = rule(SYNTAX_CODES[TOO_DEEP], "value-too-deep", TOO_DEEP)

_LINE_RULES = {
    Model: INVALID_FIELD_LINE,
    View: INVALID_FIELD_LINE,
    CompositeType: INVALID_FIELD_LINE,
    EnumBlock: INVALID_ENUM_LINE,
    Datasource: INVALID_DATASOURCE_LINE,
    Generator: INVALID_GENERATOR_LINE,
}
_KIND_WORDS = {"model": "model", "view": "view", "type": "composite type"}


PHASE = "database"
ORDER = 10


def check(ctx: Context) -> None:
    for file in ctx.db.files:
        for block in file.ast.blocks:
            if isinstance(block, TopCatchAll):
                ctx.report(INVALID_TOP_LINE, file, ctx.line_span(file, block))
            elif isinstance(block, ArbitraryBlock):
                ctx.report(INVALID_BLOCK, file, block)
            elif isinstance(block, TypeAlias):
                ctx.report(TYPE_ALIAS, file, block)
            else:
                line_rule = _LINE_RULES.get(type(block))
                for member in getattr(block, "members", ()):
                    if isinstance(member, CatchAll) and member.message == TOO_DEEP:
                        ctx.report(TOO_DEEP_VALUE, file, ctx.line_span(file, member))
                    elif isinstance(member, CatchAll) and line_rule is not None:
                        ctx.report(line_rule, file, ctx.line_span(file, member))
                    elif isinstance(member, FieldDecl):
                        _field(ctx, file, block, member)
                if ctx.prisma_version < 7 and line_rule is not None and ctx.objects_possible:
                    _object_lines(ctx, file, block, line_rule)


def _object_lines(ctx: Context, file: SourceFile, block: object, line_rule: Rule) -> None:
    """Prisma 6 reads no object values (``{ ... }``, Prisma 7's ``where:``): a line holding one is invalid."""
    from .values import attributes_hold_object

    for item in (*getattr(block, "members", ()), *getattr(block, "attributes", ())):
        if isinstance(item, (FieldDecl, EnumValue)):
            if attributes_hold_object(item.attributes):
                ctx.report(line_rule, file, ctx.line_span(file, item))
        elif isinstance(item, BlockAttribute) and attributes_hold_object((item,)):
            ctx.report(line_rule, file, ctx.line_span(file, item))


def _field(ctx: Context, file: SourceFile, block: object, f: FieldDecl) -> None:
    if f.type is None:
        kind = _KIND_WORDS.get(getattr(block, "kind", ""), "model")
        ctx.report(FIELD_WITHOUT_TYPE, file, ctx.line_span(file, f), kind=kind, block=getattr(block, "name", ""))
        return
    t = f.type
    if f.legacy_colon:
        start, end = ctx.offsets(f)
        ctx.report(LEGACY_COLON, file, ctx.word_at(file, start + len(f.name), ":", end))
    if t.legacy == "bang":
        ctx.report(LEGACY_REQUIRED, file, t)
    elif t.legacy == "brackets":
        ctx.report(LEGACY_LIST, file, t)
    elif t.list and t.optional:
        ctx.report(OPTIONAL_LIST, file, t)
