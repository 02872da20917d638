"""Frozen, slotted, keyword-only records whose Pydantic validation is built on first use.

The AST nodes and diagnostics are such records. Pydantic validates, dumps and
describes them (``model_validate``, ``model_dump``, ``model_json_schema``, a
validating constructor), but it is imported only when one of those is first
called: importing Pydantic and creating its dataclasses costs about 90 ms,
more than ``prisma-tools format`` needs for a whole 50-model schema, and the
parser, the printer and the command line never validate anything.

A record class declares its fields as annotations with optional defaults, as
a dataclass does; the metaclass turns them into ``__slots__`` and records
their order and defaults (``record_fields``). Pydantic sees each class
through ``__get_pydantic_core_schema__``, which builds a dataclass core schema
from the same fields, so ``TypeAdapter(Cls)`` validates, serializes and
produces a JSON Schema as it would for a Pydantic dataclass.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: importing typing costs start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, ClassVar, TypeVar, dataclass_transform

    from pydantic import GetCoreSchemaHandler, TypeAdapter
    from pydantic_core import CoreSchema

    _R = TypeVar("_R", bound="Record")
else:

    def dataclass_transform(**_: object) -> object:  # the decorator only speaks to type checkers
        return lambda cls: cls


__all__ = ["Record", "construct", "constructors", "field", "field_items", "record_fields"]

_object_new = object.__new__
_object_setattr = object.__setattr__


class _FieldSpec:
    """What ``field(...)`` returns in a class body: a default plus options."""

    __slots__ = ("compare", "default", "repr")

    def __init__(self, default: Any, repr: bool, compare: bool) -> None:
        self.default = default
        self.repr = repr
        self.compare = compare


def field(*, default: Any = ..., repr: bool = True, compare: bool = True) -> Any:
    """A field with options, as ``dataclasses.field``: ``field(default=None, repr=False, compare=False)``
    is a field that ``repr`` leaves out and ``==`` and ``hash`` ignore."""
    return _FieldSpec(default, repr, compare)


class _RecordMeta(type):
    """Turns the annotated fields of a class body into slots, in dataclass order.

    Fields are inherited in declaration order; a subclass that redeclares a
    field (to change its default) keeps the field where the base put it.
    """

    def __new__(mcls, name: str, bases: tuple[type, ...], ns: dict[str, Any], **kwargs: Any) -> _RecordMeta:
        fields: dict[str, Any] = {}
        hidden: set[str] = set()
        ignored: set[str] = set()  # not compared
        for base in reversed(bases):
            fields.update(getattr(base, "__record_fields__", {}))
            hidden.update(getattr(base, "__record_hidden__", ()))
            ignored.update(set(getattr(base, "__record_fields__", ())) - set(getattr(base, "__record_compared__", ())))
        own: list[str] = []
        for fname, annotation in ns.get("__annotations__", {}).items():
            if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            default = ns.pop(fname, ...)
            if isinstance(default, _FieldSpec):
                if not default.repr:
                    hidden.add(fname)
                if not default.compare:
                    ignored.add(fname)
                default = default.default
            if fname not in fields:
                own.append(fname)
            fields[fname] = default
        ns["__slots__"] = tuple(own)
        ns["__record_fields__"] = fields
        ns["__record_hidden__"] = frozenset(hidden)
        ns["__record_compared__"] = tuple(f for f in fields if f not in ignored)
        return super().__new__(mcls, name, bases, ns, **kwargs)


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
class Record(metaclass=_RecordMeta):
    """Base of the records: immutable, keyword-only, validated when built by hand.

    ``Cls(**values)`` validates with Pydantic (as a Pydantic dataclass does);
    :func:`construct` builds without validation (the parser's path).
    """

    __record_fields__: ClassVar[dict[str, Any]]
    __record_hidden__: ClassVar[frozenset[str]]
    __record_compared__: ClassVar[tuple[str, ...]]

    def __init__(self, **values: Any) -> None:
        from pydantic_core import ArgsKwargs

        _adapter(type(self)).validator.validate_python(ArgsKwargs((), values), self_instance=self)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable (cannot set {name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable (cannot delete {name})")

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self.__record_compared__])

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        hidden = self.__record_hidden__
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__record_fields__ if n not in hidden)
        return f"{type(self).__qualname__}({shown})"

    def __reduce__(self) -> tuple[Any, tuple[type[Record], dict[str, Any]]]:
        # slots of a frozen class cannot be restored by setattr: rebuild from the values
        return construct, (type(self), dict(field_items(self)))

    def model_copy(self: _R, *, update: dict[str, Any] | None = None) -> _R:
        """A copy with ``update`` applied, not validated (as Pydantic's ``model_copy``)."""
        values = dict(field_items(self))
        if update:
            unknown = update.keys() - values.keys()
            if unknown:
                raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
            values.update(update)
        return construct(type(self), values)

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        return _adapter(type(self)).dump_python(self, **kwargs)  # type: ignore[no-any-return]

    def model_dump_json(self, **kwargs: Any) -> str:
        return _adapter(type(self)).dump_json(self, **kwargs).decode()

    @classmethod
    def model_validate(cls: type[_R], obj: Any) -> _R:
        return _adapter(cls).validate_python(obj)  # type: ignore[no-any-return]

    @classmethod
    def model_validate_json(cls: type[_R], data: str | bytes) -> _R:
        return _adapter(cls).validate_json(data)  # type: ignore[no-any-return]

    @classmethod
    def model_json_schema(cls, **kwargs: Any) -> dict[str, Any]:
        return _adapter(cls).json_schema(**kwargs)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return _core_schema(cls, handler)


def record_fields(cls: type[Record]) -> dict[str, Any]:
    """``name -> default`` of every field of ``cls``, in order (``...``: required)."""
    return cls.__record_fields__


def field_items(record: Record) -> list[tuple[str, Any]]:
    """``(name, value)`` of every field of ``record``, in declaration order."""
    return [(name, getattr(record, name)) for name in record.__record_fields__]


class _Constructors(dict[type, "Callable[[dict[str, Any]], Any]"]):
    """``constructors[cls](values)`` is ``construct(cls, values)``, one call less (the parser's way)."""

    def __missing__(self, cls: type[Any]) -> Callable[[dict[str, Any]], Any]:
        return _constructor(cls)  # type: ignore[no-any-return]

    if TYPE_CHECKING:

        def __getitem__(self, cls: type[_R], /) -> Callable[[dict[str, Any]], _R]: ...


constructors = _Constructors()


def _constructor(cls: type[Any]) -> Any:
    """A function ``values -> record`` for ``cls``, one statement per field (as dataclasses
    generate ``__init__``): a third faster than a loop over the fields."""
    namespace: dict[str, Any] = {"new": _object_new, "put": _object_setattr, "cls": cls}
    body = ["obj = new(cls)", "get = values.get"]
    for i, (name, default) in enumerate(cls.__record_fields__.items()):
        if default is ...:
            body.append(f"put(obj, {name!r}, values[{name!r}])")
        else:
            namespace[f"d{i}"] = default
            body.append(f"put(obj, {name!r}, get({name!r}, d{i}))")
    body.append("return obj")
    exec("def construct(values):\n    " + "\n    ".join(body), namespace)
    constructors[cls] = namespace["construct"]
    return namespace["construct"]


def construct(cls: type[_R], values: dict[str, Any]) -> _R:
    """Build a record from trusted, already-typed values, without validation.

    The parser's fast path (a validated build costs several times more); like
    Pydantic's ``model_construct``, missing fields take their defaults (a
    missing required field is a ``KeyError``).
    """
    return constructors[cls](values)


# ------------------------------------------------------------------ Pydantic, on first use

_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def _adapter(cls: Any) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


class _Build:
    """The classes whose core schema the current (outermost) generation has produced.

    A record met again is a reference to its first schema (which carries the
    ``ref``): that keeps recursive types (an array of values) finite and the
    schema small.
    """

    depth = 0
    seen: ClassVar[set[type[Any]]] = set()


def _ref(cls: type[Any]) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _core_schema(cls: type[Record], handler: GetCoreSchemaHandler) -> CoreSchema:
    from pydantic_core import core_schema as cs

    if cls in _Build.seen:
        return cs.definition_reference_schema(_ref(cls))
    _Build.seen.add(cls)
    _Build.depth += 1
    try:
        hints = _hints(cls)
        fields = []
        for name, default in cls.__record_fields__.items():
            schema = handler.generate_schema(hints[name])
            if default is not ...:
                schema = cs.with_default_schema(schema, default=default)
            fields.append(cs.dataclass_field(name, schema, kw_only=True))
        args = cs.dataclass_args_schema(cls.__name__, fields, extra_behavior="forbid")
        _describe_as_dataclass(cls)
        return cs.dataclass_schema(
            cls,
            args,
            list(cls.__record_fields__),
            slots=True,
            frozen=True,
            ref=_ref(cls),
            config=cs.CoreConfig(title=cls.__name__, extra_fields_behavior="forbid"),
        )
    finally:
        _Build.depth -= 1
        if _Build.depth == 0:
            _Build.seen.clear()


def _describe_as_dataclass(cls: type[Record]) -> None:
    """Give ``cls`` the ``__dataclass_fields__`` of the dataclass it behaves as.

    Pydantic's dataclass serializer recognises an instance by that attribute.
    It is set here, once Pydantic is in use, because the ``dataclasses``
    module costs 16 ms to import; :func:`record_fields` works at any time.
    """
    if "__dataclass_fields__" in cls.__dict__:
        return
    import dataclasses

    described: dict[str, dataclasses.Field[Any]] = {}
    hidden = cls.__record_hidden__
    for name, default in cls.__record_fields__.items():
        value = dataclasses.MISSING if default is ... else default
        f: Any = dataclasses.field(
            default=value, kw_only=True, repr=name not in hidden, compare=name in cls.__record_compared__
        )
        f.name = name
        f._field_type = dataclasses._FIELD  # type: ignore[attr-defined]  # what fields() lists
        described[name] = f
    type.__setattr__(cls, "__dataclass_fields__", described)


def _hints(cls: type[Any]) -> dict[str, Any]:
    """The evaluated annotations of every field of ``cls`` (bases first).

    Each class's annotations are read in its own module, where a module may
    name, in ``__pydantic_names__()``, what some names mean to Pydantic (a
    union with its discriminator, say) but need not import at run time.
    """
    import inspect  # Pydantic imports it anyway
    import typing

    hints: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        annotations = inspect.get_annotations(klass)
        if not annotations:
            continue
        module = sys.modules[klass.__module__]
        namespace = {name: getattr(typing, name) for name in typing.__all__}  # annotations may use
        namespace.update(vars(module))  # typing's names without importing typing at run time
        extra = getattr(module, "__pydantic_names__", None)
        if extra is not None:
            namespace.update(extra())
        for name, annotation in annotations.items():
            if name in cls.__record_fields__:
                hints[name] = eval(annotation, namespace) if isinstance(annotation, str) else annotation
    return hints
