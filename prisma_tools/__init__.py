"""prisma-tools: parse, repair and format Prisma schema files.

The pipeline::

    text --parse--> Schema (Pydantic AST) --passes--> Schema --print_schema--> canonical text

>>> import prisma_tools
>>> prisma_tools.format_text("model User {\\nid Int @id\\n  email String @unique\\n}")
'model User {\\n  id    Int    @id\\n  email String @unique\\n}\\n'

The printer's output is byte-identical to ``prisma format``.
"""

from __future__ import annotations

__version__ = "0.1.0"

# Names are resolved on first use so that `prisma-tools --version` does not pay
# for importing Lark and Pydantic.
_EXPORTS = {
    "parse": "parser",
    "parse_file_text": "parser",
    "print_schema": "printer",
    "print_file": "printer",
    "print_files": "printer",
    "print_value": "printer",
    "format_text": "api",
    "fix": "fixer",
    "analyze": "resolve",
    "ResolvedSchema": "resolve",
    "validate": "validation",
    "FixResult": "fixer",
    "parse_file": "api",
    "load": "files",
    "write_atomic": "files",
    "SchemaReadError": "files",
    "Diagnostic": "diagnostics",
    "ParseError": "diagnostics",
    "Schema": "nodes",
    "SchemaFile": "nodes",
    "Model": "nodes",
    "View": "nodes",
    "CompositeType": "nodes",
    "EnumBlock": "nodes",
    "EnumValue": "nodes",
    "Datasource": "nodes",
    "Generator": "nodes",
    "FieldDecl": "nodes",
    "FieldType": "nodes",
    "FieldAttribute": "nodes",
    "BlockAttribute": "nodes",
    "Argument": "nodes",
    "Comment": "nodes",
    "Setting": "nodes",
    "CatchAll": "nodes",
    "TopCatchAll": "nodes",
    "TypeAlias": "nodes",
    "ArbitraryBlock": "nodes",
    "StringValue": "nodes",
    "NumberValue": "nodes",
    "ConstantValue": "nodes",
    "FunctionCall": "nodes",
    "ArrayValue": "nodes",
    "ObjectValue": "nodes",
    "ObjectMember": "nodes",
    "Position": "nodes",
    "Span": "nodes",
}

__all__ = [
    "__version__",
    "ResolvedSchema",
    "analyze",
    "validate",
    "ArbitraryBlock",
    "Argument",
    "ArrayValue",
    "BlockAttribute",
    "CatchAll",
    "Comment",
    "CompositeType",
    "ConstantValue",
    "Datasource",
    "Diagnostic",
    "EnumBlock",
    "EnumValue",
    "FieldAttribute",
    "FieldDecl",
    "FieldType",
    "FixResult",
    "FunctionCall",
    "Generator",
    "Model",
    "NumberValue",
    "ObjectMember",
    "ObjectValue",
    "ParseError",
    "Position",
    "Schema",
    "SchemaFile",
    "SchemaReadError",
    "Setting",
    "Span",
    "StringValue",
    "TopCatchAll",
    "TypeAlias",
    "View",
    "fix",
    "format_text",
    "load",
    "parse",
    "parse_file",
    "parse_file_text",
    "print_file",
    "print_files",
    "print_schema",
    "print_value",
    "write_atomic",
]

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from .api import format_text, parse_file
    from .diagnostics import Diagnostic, ParseError
    from .files import SchemaReadError, load, write_atomic
    from .fixer import FixResult, fix
    from .nodes import (
        ArbitraryBlock,
        Argument,
        ArrayValue,
        BlockAttribute,
        CatchAll,
        Comment,
        CompositeType,
        ConstantValue,
        Datasource,
        EnumBlock,
        EnumValue,
        FieldAttribute,
        FieldDecl,
        FieldType,
        FunctionCall,
        Generator,
        Model,
        NumberValue,
        ObjectMember,
        ObjectValue,
        Position,
        Schema,
        SchemaFile,
        Setting,
        Span,
        StringValue,
        TopCatchAll,
        TypeAlias,
        View,
    )
    from .parser import parse, parse_file_text
    from .printer import print_file, print_files, print_schema, print_value
    from .resolve import ResolvedSchema, analyze
    from .validation import validate


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'prisma_tools' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
