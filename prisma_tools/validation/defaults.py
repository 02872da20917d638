"""``@default``: the value against the field's type, and the functions Prisma knows with their arguments.

Called by :mod:`.attributes` for each ``@default`` it visits (model fields
and composite type fields differ: composite fields take neither ``map:``,
``dbgenerated()``, ``autoincrement()`` nor unknown functions).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import ArrayValue, ConstantValue, FunctionCall, NumberValue, StringValue
from ..resolve import TypeRef
from . import values
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import Argument, Value
    from ..resolve import FieldInfo
    from .attribute_args import Visit

__all__ = ["DATETIME", "KNOWN_FUNCTIONS", "composite_field_default", "model_field_default"]

DATETIME = TypeRef("scalar", "DateTime")

COMPOSITE_DEFAULT = rule(
    "E320",
    "default-on-composite-field",
    "Error validating field `{field}` in composite type `{type}`: Defaults on fields of type composite are not "
    "supported. Please remove the `@default` attribute.",
)
UNKNOWN_FUNCTION = rule(
    "E321",
    "unknown-default-function",
    "Unknown function in @default(): `{name}` is not known. You can read about the available functions here: "
    "https://pris.ly/d/attribute-functions",
)

KNOWN_FUNCTIONS = frozenset(["autoincrement", "cuid", "dbgenerated", "nanoid", "now", "uuid", "auto", "ulid"])
"""The functions parser-database knows; others are left to the connector (e.g. ``sequence()``)."""

# The literal kinds each scalar type accepts as a default.
_LITERALS: dict[str, tuple[type, ...]] = {
    "String": (StringValue,),
    "Json": (StringValue,),
    "Bytes": (StringValue,),
    "DateTime": (StringValue,),
    "Int": (NumberValue,),
    "BigInt": (NumberValue,),
    "Float": (NumberValue,),
    "Decimal": (NumberValue, StringValue),
    "Boolean": (ConstantValue,),
}

# (scalar type, function): the functions a scalar type accepts, and how their arguments are checked.
_MODEL_FUNCTIONS = {
    ("Int", "autoincrement"): "none",
    ("BigInt", "autoincrement"): "none",
    ("String", "cuid"): "cuid",
    ("String", "uuid"): "uuid",
    ("String", "nanoid"): "nanoid",
    ("String", "ulid"): "none",
    ("DateTime", "now"): "none",
}
_COMPOSITE_FUNCTIONS = {
    ("String", "cuid"): "cuid",
    ("String", "uuid"): "uuid",
    ("String", "ulid"): "none",
    ("DateTime", "now"): "none",
}


def model_field_default(v: Visit, f: FieldInfo) -> None:
    value = v.default("value")
    if value is None:
        return  # reported; Prisma looks at no other argument then
    mapped = v.name_string(v.optional("map"), "map")
    if isinstance(value, FunctionCall) and value.name == "dbgenerated":
        _dbgenerated(v, value.arguments)
        return
    kind = f.type.kind
    if kind == "composite":
        _composite_typed(v, f)
    elif kind == "enum":
        _enum_default(v, f, value)
    elif kind == "unsupported":
        v.error('Only @default(dbgenerated("...")) can be used for Unsupported types.')
    elif kind == "scalar":
        scalar = f.type.name
        if isinstance(value, FunctionCall):
            if value.name == "autoincrement" and mapped is not None:
                v.error("Naming an autoincrement default value is not allowed.")
                return
            check = _MODEL_FUNCTIONS.get((scalar, value.name))
            if check is not None:
                _function_arguments(v, value, check)
            elif value.name == "auto":
                if value.arguments:
                    v.error("`auto()` takes no arguments")
            elif value.name in KNOWN_FUNCTIONS:
                v.error(f"The function `{value.name}()` cannot be used on fields of type `{scalar}`.")
            return  # an unknown function is the connector's to judge
        _literal_default(v, f, scalar, value)


def composite_field_default(v: Visit, f: FieldInfo) -> None:
    value = v.default("value")
    if value is None:
        return
    if v.optional("map") is not None:
        v.error("The `map` argument is not allowed on a composite type field.")
    if isinstance(value, FunctionCall) and value.name == "dbgenerated":
        v.error("Fields of composite types cannot have `dbgenerated()` as default.")
        return
    kind = f.type.kind
    if kind == "composite":
        _composite_typed(v, f)
    elif kind == "enum":
        _enum_default(v, f, value)
    elif kind == "unsupported":
        v.error("Composite field of type `Unsupported` cannot have default values.")
    elif kind == "scalar":
        scalar = f.type.name
        if isinstance(value, FunctionCall):
            check = _COMPOSITE_FUNCTIONS.get((scalar, value.name))
            if check is not None:
                _function_arguments(v, value, check)
            elif value.name in ("autoincrement", "auto"):
                v.error(f"The function `{value.name}()` is not supported on composite fields.")
            elif value.name not in KNOWN_FUNCTIONS:
                v.ctx.report(UNKNOWN_FUNCTION, v.file, value, name=value.name)
            else:
                v.error(f"The function `{value.name}()` cannot be used on fields of type `{scalar}`.")
            return
        _literal_default(v, f, scalar, value)


def _composite_typed(v: Visit, f: FieldInfo) -> None:
    v.ctx.report(COMPOSITE_DEFAULT, v.file, v.span, field=f.name, type=f.type.name)


# ----------------------------------------------------------------- literals


def _literal_default(v: Visit, f: FieldInfo, scalar: str, value: Value) -> None:
    if f.is_list:
        if not isinstance(value, ArrayValue):
            v.error("The default value of a list field must be a list.")
            return
        for item in value.items:
            if not _scalar_literal(v, scalar, item):
                return
        return
    if isinstance(value, ArrayValue):
        v.error("The default value of a non-list field cannot be a list.")
        return
    _scalar_literal(v, scalar, value)


def _scalar_literal(v: Visit, scalar: str, value: Value) -> bool:
    if isinstance(value, _LITERALS.get(scalar, ())):
        if scalar == "Boolean" and isinstance(value, ConstantValue) and value.name not in ("true", "false"):
            v.error("A boolean literal must be `true` or `false`.", _offsets(value))
            return False
        return True
    v.error(f"Expected a {scalar} value, but found `{values.display(value)}`.")
    return False


def _enum_default(v: Visit, f: FieldInfo, value: Value) -> None:
    enum = v.ctx.db.enum(f.type.name)
    names = {val.name for val in enum.node.values} if enum is not None else set()
    if not f.is_list:
        _enum_value(v, names, value)
    elif isinstance(value, ArrayValue):
        for item in value.items:
            if not _enum_value(v, names, item):
                return
    else:
        v.error(f"Expected an enum value, but found `{values.display(value)}`.")


def _enum_value(v: Visit, names: set[str], value: Value) -> bool:
    if not isinstance(value, ConstantValue):
        v.error(f"Expected an enum value, but found `{values.display(value)}`.")
        return False
    if value.name not in names:
        v.error(f"The defined default value `{value.name}` is not a valid value of the enum specified for the field.")
        return False
    return True


def _offsets(node: Value) -> tuple[int, int]:
    span = node.span
    return (0, 0) if span is None else (span.start_offset, span.end_offset)


# ----------------------------------------------------------------- functions


def _function_arguments(v: Visit, call: FunctionCall, check: str) -> None:
    args = call.arguments
    if check == "none":
        if args:
            v.error(
                f"The `{call.name}` function does not take any argument. "
                f"Consider changing this default to `{call.name}()`."
            )
        return
    if len(args) > 1:
        v.error(f"`{call.name}()` takes a single Int argument.")
    if not args:
        return
    first = args[0].value
    if not isinstance(first, NumberValue):
        v.error(f"`{call.name}()` takes a single Int argument.")
        return
    n = int(first.text) if first.text.isdigit() and int(first.text) < 256 else None
    if check == "cuid" and n not in (1, 2):
        v.error(f"`{call.name}()` takes either no argument, or a single integer argument which is either 1 or 2.")
    elif check == "uuid" and n not in (4, 7):
        v.error(f"`{call.name}()` takes either no argument, or a single integer argument which is either 4 or 7.")
    elif check == "nanoid" and (n is None or n < 2):
        v.error(f"`{call.name}()` takes either no argument, or a single integer argument between 2 and 255.")


def _dbgenerated(v: Visit, args: tuple[Argument, ...]) -> None:
    if len(args) > 1:
        v.error("`dbgenerated()` takes a single String argument")
    if not args:
        return
    first = args[0].value
    if isinstance(first, StringValue):
        if first.value == "":
            v.error("dbgenerated() takes either no argument, or a single nonempty string argument.")
    else:
        v.error("`dbgenerated()` takes a single String argument")
