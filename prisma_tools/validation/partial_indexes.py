"""``where:`` on ``@@index`` and ``@@unique`` (partial indexes, Prisma 7): how Prisma's attribute pass reads it.

Either ``raw("predicate")`` or an object of conditions on scalar fields
(``{ active: true, deletedAt: null, role: { not: "x" } }``), each value of
a kind the field's type accepts. Prisma 6 knows no ``where:`` argument.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import ConstantValue, FunctionCall, NumberValue, ObjectValue, StringValue

if TYPE_CHECKING:
    from ..nodes import Value
    from ..resolve import FieldBlockInfo, FieldInfo
    from .attribute_args import Visit
    from .context import Context

__all__ = ["where_argument"]

_SCALAR_KINDS = ("scalar", "enum", "composite", "unsupported")


def where_argument(v: Visit, ctx: Context, model: FieldBlockInfo) -> None:
    """``where:`` (partial indexes, Prisma 7): ``raw("...")`` or an object of field conditions."""
    if ctx.prisma_version < 7:
        return
    value = v.optional("where")
    if value is None:
        return
    if isinstance(value, ObjectValue):
        if not value.members:
            v.error("The `where` argument cannot be an empty object.")
            return
        for member in value.members:
            if not _where_member(v, model, member.key, member.value):
                return
        return
    if isinstance(value, FunctionCall):
        if value.name == "raw":
            _where_raw(v, value)
            return
    else:
        v.mismatch("function", value)
    v.error(
        "The `where` argument must be either a raw() function call or an object literal, e.g. "
        "`where: raw(\"status = 'active'\")` or `where: { active: true }`."
    )


def _where_raw(v: Visit, call: FunctionCall) -> None:
    refusal = (
        "The `where` argument must be a raw() function with a string argument, "
        "e.g. `where: raw(\"status = 'active'\")`."
    )
    first = call.arguments[0].value if call.arguments else None
    if first is None:
        v.error(refusal)
        return
    predicate = v.string(first)
    if predicate is None:
        v.error(refusal)
    elif predicate == "":
        v.error("The `where` argument cannot contain an empty string.")


def _where_member(v: Visit, model: FieldBlockInfo, key: str, value: Value) -> bool:
    f = model.field(key)
    if f is None:
        v.error(f"Field '{key}' does not exist in model '{model.name}'.")
        return False
    if f.type.kind not in _SCALAR_KINDS:
        v.error(f"Field '{key}' is a relation field. Only scalar fields can be used in the where clause.")
        return False
    return _where_value(v, f, value, negated=False)


_ANY_VALUE = "Expected true, false, null, a string, a number, or an object like { not: null }."


def _where_value(v: Visit, f: FieldInfo, value: Value, *, negated: bool) -> bool:
    if isinstance(value, ConstantValue):
        if value.name in ("true", "false"):
            return _where_type(v, f, ("Boolean",), "Boolean")
        if value.name == "null":
            return True
        v.error(f"Invalid value '{value.name}' in where clause. {_ANY_VALUE}")
        return False
    if isinstance(value, StringValue):
        return _where_type(v, f, ("String", "DateTime"), "a String")
    if isinstance(value, NumberValue):
        return _where_type(v, f, ("Int", "BigInt", "Float", "Decimal"), "a Number")
    if isinstance(value, ObjectValue) and not negated:
        if len(value.members) != 1:
            v.error(
                'Nested object in where clause must have exactly one key. Use `{ not: null }` or `{ not: "value" }`.'
            )
            return False
        inner = value.members[0]
        if inner.key != "not":
            v.error(f"Unknown key '{inner.key}' in nested where clause object. Only 'not' is supported.")
            return False
        return _where_value(v, f, inner.value, negated=True)
    v.error(f"Invalid value in where clause. {_ANY_VALUE}")
    return False


def _where_type(v: Visit, f: FieldInfo, accepted: tuple[str, ...], value_type: str) -> bool:
    kind = f.type.kind
    if kind == "scalar":
        if f.type.name in accepted:
            return True
        v.error(f"Type mismatch: field '{f.name}' is of type {f.type.name}, but the value is {value_type}.")
        return False
    if kind == "enum":
        if "String" in accepted:
            return True
        v.error(f"Type mismatch: field '{f.name}' is an Enum and only accepts String values in the where clause.")
        return False
    what = {"composite": "a composite type", "unsupported": "an unsupported type"}.get(kind, "a non-scalar type")
    v.error(f"Field '{f.name}' is {what} and cannot be used in the object syntax of a where clause. Use raw() instead.")
    return False
