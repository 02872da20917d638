"""Names: duplicate blocks, fields, enum values and settings; reserved and malformed names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import CompositeType, Datasource, EnumBlock, FieldAttribute, Generator, Model, View
from ..resolve import SCALAR_TYPES
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import Node
    from ..resolve import SourceFile
    from .context import Context

DUPLICATE_BLOCK = rule(
    "E101",
    "duplicate-block",
    'The {kind} "{name}" cannot be defined because a {existing} with that name already exists.',
)
DUPLICATE_FIELD = rule("E102", "duplicate-field", 'Field "{name}" is already defined on {kind} "{block}".')
DUPLICATE_ENUM_VALUE = rule("E103", "duplicate-enum-value", 'Value "{name}" is already defined on enum "{block}".')
DUPLICATE_SETTING = rule("E104", "duplicate-setting", 'Key "{name}" is already defined in {kind} "{block}".')
MULTIPLE_DATASOURCES = rule(
    "E105",
    "multiple-datasources",
    "Error validating datasource `{name}`: You defined more than one datasource. "
    "This is not allowed yet because support for multiple databases has not been implemented yet.",
)
RESERVED_SCALAR_NAME = rule(
    "E106", "reserved-scalar-name", '"{name}" is a reserved scalar type name and cannot be used.'
)
RESERVED_MODEL_NAME = rule(
    "E107",
    "reserved-model-name",
    'Error validating model "{name}": The {kind} name `{name}` is invalid. It is a reserved name. '
    "Please change it. Read more at https://pris.ly/d/naming-models",
)
RESERVED_ENUM_NAME = rule(
    "E108",
    "reserved-enum-name",
    "Error validating enum `{name}`: The enum name `{name}` is invalid. It is a reserved name. Please change it. "
    "Read more at https://www.prisma.io/docs/reference/tools-and-interfaces/prisma-schema/data-model#naming-enums",
)
EMPTY_NAME = rule("E109", "empty-name", "Error validating: The name of a {item} must not be empty.")
NAME_STARTS_WITH_NUMBER = rule(
    "E110", "name-starts-with-number", "Error validating: The name of a {item} must not start with a number."
)
NAME_WITH_DASH = rule("E111", "name-with-dash", "Error validating: The character `-` is not allowed in {item} names.")

# Names the generated client reserves (Prisma's list, from prisma-client-js).
RESERVED_NAMES = frozenset(
    [
        "PrismaClient",
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "implements",
        "import",
        "in",
        "instanceof",
        "interface",
        "let",
        "new",
        "null",
        "package",
        "private",
        "protected",
        "public",
        "return",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "yield",
    ]
)

_KIND_WORDS = {"model": "model", "view": "view", "type": "composite type", "enum": "enum"}


PHASE = "database"
ORDER = 20


def check(ctx: Context) -> None:
    tops: dict[str, str] = {}
    generators: set[str] = set()
    for file in ctx.db.files:
        for block in file.ast.blocks:
            if isinstance(block, (Model, View, CompositeType, EnumBlock)):
                _block(ctx, file, block)
                existing = tops.get(block.name)
                if existing is not None:
                    ctx.report(
                        DUPLICATE_BLOCK,
                        file,
                        ctx.name_span(file, block, block.name),
                        kind=_KIND_WORDS[block.kind],
                        name=block.name,
                        existing=_KIND_WORDS[existing],
                    )
                else:
                    tops[block.name] = block.kind
            elif isinstance(block, Generator):
                _settings(ctx, file, block)
                if block.name in generators:
                    ctx.report(
                        DUPLICATE_BLOCK,
                        file,
                        ctx.name_span(file, block, block.name),
                        kind="generator",
                        name=block.name,
                        existing="generator",
                    )
                generators.add(block.name)
            elif isinstance(block, Datasource):
                # more than one datasource: reported by configuration.py, where Prisma loads them
                _settings(ctx, file, block)


def _identifier(ctx: Context, file: SourceFile, where: tuple[int, int], name: str, item: str) -> None:
    if not name:
        ctx.report(EMPTY_NAME, file, where, item=item)
    elif name[0].isnumeric():
        ctx.report(NAME_STARTS_WITH_NUMBER, file, where, item=item)
    elif "-" in name:
        ctx.report(NAME_WITH_DASH, file, where, item=item)


def _attributes(ctx: Context, file: SourceFile, attrs: tuple[FieldAttribute, ...]) -> None:
    for a in attrs:
        if a.name and (a.name[0].isnumeric() or "-" in a.name):
            start, _ = ctx.offsets(a)
            at = file.text.find(a.name, start)
            _identifier(ctx, file, (at, at + len(a.name)), a.name, "Attribute")


def _member_name(ctx: Context, file: SourceFile, node: Node, name: str) -> tuple[int, int]:
    start, _ = ctx.offsets(node)
    return start, start + len(name)


def _block(ctx: Context, file: SourceFile, block: Model | View | CompositeType | EnumBlock) -> None:
    name_at = ctx.name_span(file, block, block.name)
    if block.name in SCALAR_TYPES:
        ctx.report(RESERVED_SCALAR_NAME, file, name_at, name=block.name)
    if isinstance(block, EnumBlock):
        _identifier(ctx, file, name_at, block.name, "Enum")
        if block.name in RESERVED_NAMES:
            ctx.report(RESERVED_ENUM_NAME, file, block, name=block.name)
        _attributes(ctx, file, block.attributes)
        seen: set[str] = set()
        for v in block.values:
            _identifier(ctx, file, _member_name(ctx, file, v, v.name), v.name, "Enum Value")
            _attributes(ctx, file, v.attributes)
            if v.name in seen:
                ctx.report(DUPLICATE_ENUM_VALUE, file, ctx.line_span(file, v), name=v.name, block=block.name)
            seen.add(v.name)
        return
    if isinstance(block, CompositeType):
        _identifier(ctx, file, name_at, block.name, "Composite type")
    else:
        is_view = isinstance(block, View)
        _identifier(ctx, file, name_at, block.name, "view" if is_view else "Model")
        if block.name in RESERVED_NAMES:
            ctx.report(RESERVED_MODEL_NAME, file, block, name=block.name, kind=block.kind)
        _attributes(ctx, file, block.attributes)
    kind = _KIND_WORDS[block.kind]
    fields_seen: set[str] = set()
    for f in block.fields:
        where = _member_name(ctx, file, f, f.name)
        if not isinstance(block, CompositeType):
            _identifier(ctx, file, where, f.name, "field" if isinstance(block, View) else "Field")
            _attributes(ctx, file, f.attributes)
        if f.name in fields_seen:
            ctx.report(DUPLICATE_FIELD, file, where, name=f.name, kind=kind, block=block.name)
        fields_seen.add(f.name)


def _settings(ctx: Context, file: SourceFile, block: Generator | Datasource) -> None:
    seen: set[str] = set()
    for s in block.members:
        key = getattr(s, "key", None)
        if key is None:
            continue
        if key in seen:
            ctx.report(
                DUPLICATE_SETTING,
                file,
                _member_name(ctx, file, s, key),
                name=key,
                kind="source" if isinstance(block, Datasource) else block.kind,  # Prisma's word for a datasource
                block=block.name,
            )
        seen.add(key)
