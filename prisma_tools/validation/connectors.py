"""What each database connector supports: capabilities and the native types of ``@db.X``.

Data only (no validation here): the native-type catalogue of every provider
(name, argument kind, compatible scalar types) and the capabilities the
validations ask about. Read from the engine Prisma 6/7 ship (probed with the
oracle), not from newer sources: no PostGIS ``Geometry`` yet, no native types
on SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["CONNECTORS", "Connector", "NativeType", "connector_for"]

ArgKind = Literal["none", "opt_u32", "opt_u32_pair", "opt_mssql_len", "req_u32"]
"""How a native type takes arguments:

- ``none``: no argument;
- ``opt_u32``: an optional nonnegative integer (``VarChar`` / ``VarChar(10)``);
- ``req_u32``: one required nonnegative integer (MySQL ``VarChar(191)``);
- ``opt_u32_pair``: optionally two nonnegative integers (``Decimal(10, 2)``);
- ``opt_mssql_len``: optionally an integer up to 65535 or ``Max`` (SQL Server ``NVarChar(Max)``).
"""

# (required count, optional count, description used in "Expected {description}, but found (...)")
ARG_SHAPES: dict[ArgKind, tuple[int, int, str]] = {
    "none": (0, 0, ""),
    "req_u32": (1, 0, "a nonnegative integer"),
    "opt_u32": (0, 1, "a nonnegative integer"),
    "opt_u32_pair": (0, 2, "two nonnegative integers"),
    "opt_mssql_len": (0, 1, "an integer or `Max`"),
}


@dataclass(frozen=True)
class NativeType:
    name: str
    args: ArgKind
    scalars: tuple[str, ...]
    """The Prisma scalar types the native type can decorate, in Prisma's order."""

    @property
    def required_args(self) -> int:
        return ARG_SHAPES[self.args][0]

    @property
    def optional_args(self) -> int:
        return ARG_SHAPES[self.args][1]

    @property
    def description(self) -> str:
        return ARG_SHAPES[self.args][2]


@dataclass(frozen=True)
class Connector:
    provider: str
    """The active provider, as Prisma names it in messages (``postgresql``, ``sqlserver``, ...)."""
    name: str
    """The connector's display name (``Postgres``, ``SQL Server``, ...)."""
    native_types: dict[str, NativeType]
    json: bool = True
    json_lists: bool = False
    decimal: bool = True
    scalar_lists: bool = False
    enums: bool = True
    composite_types: bool = False
    autoincrement: bool = True
    autoincrement_non_id: bool = True
    autoincrement_multiple: bool = True
    autoincrement_non_indexed: bool = True
    unsupported_scalars: tuple[tuple[str, str], ...] = ()
    """Native types whose suggested scalar type (for an ``Unsupported("X")`` field) is not their first one."""

    def suggested_scalar(self, nt: NativeType) -> str:
        return dict(self.unsupported_scalars).get(nt.name, nt.scalars[0])


def _types(*entries: tuple[str, ArgKind, str]) -> dict[str, NativeType]:
    """``("VarChar", "opt_u32", "String")``; several scalars are separated by ``|``."""
    return {n: NativeType(n, a, tuple(s.split("|"))) for n, a, s in entries}


_POSTGRES = _types(
    ("SmallInt", "none", "Int"),
    ("Integer", "none", "Int"),
    ("BigInt", "none", "BigInt"),
    ("Decimal", "opt_u32_pair", "Decimal"),
    ("Money", "none", "Decimal"),
    ("Inet", "none", "String"),
    ("Oid", "none", "Int"),
    ("Citext", "none", "String"),
    ("Real", "none", "Float"),
    ("DoublePrecision", "none", "Float"),
    ("VarChar", "opt_u32", "String"),
    ("Char", "opt_u32", "String"),
    ("Text", "none", "String"),
    ("ByteA", "none", "Bytes"),
    ("Timestamp", "opt_u32", "DateTime"),
    ("Timestamptz", "opt_u32", "DateTime"),
    ("Date", "none", "DateTime"),
    ("Time", "opt_u32", "DateTime"),
    ("Timetz", "opt_u32", "DateTime"),
    ("Boolean", "none", "Boolean"),
    ("Bit", "opt_u32", "String"),
    ("VarBit", "opt_u32", "String"),
    ("Uuid", "none", "String"),
    ("Xml", "none", "String"),
    ("Json", "none", "Json"),
    ("JsonB", "none", "Json"),
)

_COCKROACH = _types(
    ("Bit", "opt_u32", "String"),
    ("Bool", "none", "Boolean"),
    ("Bytes", "none", "Bytes"),
    ("Char", "opt_u32", "String"),
    ("Date", "none", "DateTime"),
    ("Decimal", "opt_u32_pair", "Decimal"),
    ("Float4", "none", "Float"),
    ("Float8", "none", "Float"),
    ("Inet", "none", "String"),
    ("Int2", "none", "Int"),
    ("Int4", "none", "Int"),
    ("Int8", "none", "BigInt"),
    ("JsonB", "none", "Json"),
    ("Oid", "none", "Int"),
    ("CatalogSingleChar", "none", "String"),
    ("String", "opt_u32", "String"),
    ("Time", "opt_u32", "DateTime"),
    ("Timestamp", "opt_u32", "DateTime"),
    ("Timestamptz", "opt_u32", "DateTime"),
    ("Timetz", "opt_u32", "DateTime"),
    ("Uuid", "none", "String"),
    ("VarBit", "opt_u32", "String"),
)

_MYSQL = _types(
    ("Int", "none", "Int"),
    ("UnsignedInt", "none", "Int"),
    ("SmallInt", "none", "Int"),
    ("UnsignedSmallInt", "none", "Int"),
    ("TinyInt", "none", "Boolean|Int"),
    ("UnsignedTinyInt", "none", "Boolean|Int"),
    ("MediumInt", "none", "Int"),
    ("UnsignedMediumInt", "none", "Int"),
    ("BigInt", "none", "BigInt"),
    ("Decimal", "opt_u32_pair", "Decimal"),
    ("UnsignedBigInt", "none", "BigInt"),
    ("Float", "none", "Float"),
    ("Double", "none", "Float"),
    ("Bit", "req_u32", "Boolean|Bytes"),
    ("Char", "req_u32", "String"),
    ("VarChar", "req_u32", "String"),
    ("Binary", "req_u32", "Bytes"),
    ("VarBinary", "req_u32", "Bytes"),
    ("TinyBlob", "none", "Bytes"),
    ("Blob", "none", "Bytes"),
    ("MediumBlob", "none", "Bytes"),
    ("LongBlob", "none", "Bytes"),
    ("TinyText", "none", "String"),
    ("Text", "none", "String"),
    ("MediumText", "none", "String"),
    ("LongText", "none", "String"),
    ("Date", "none", "DateTime"),
    ("Time", "opt_u32", "DateTime"),
    ("DateTime", "opt_u32", "DateTime"),
    ("Timestamp", "opt_u32", "DateTime"),
    ("Year", "none", "Int"),
    ("Json", "none", "Json"),
)

_SQLSERVER = _types(
    ("TinyInt", "none", "Int"),
    ("SmallInt", "none", "Int"),
    ("Int", "none", "Int"),
    ("BigInt", "none", "BigInt"),
    ("Decimal", "opt_u32_pair", "Decimal"),
    ("Money", "none", "Float"),
    ("SmallMoney", "none", "Float"),
    ("Bit", "none", "Boolean|Int"),
    ("Float", "opt_u32", "Float"),
    ("Real", "none", "Float"),
    ("Date", "none", "DateTime"),
    ("Time", "none", "DateTime"),
    ("DateTime", "none", "DateTime"),
    ("DateTime2", "none", "DateTime"),
    ("DateTimeOffset", "none", "DateTime"),
    ("SmallDateTime", "none", "DateTime"),
    ("Char", "opt_u32", "String"),
    ("NChar", "opt_u32", "String"),
    ("VarChar", "opt_mssql_len", "String"),
    ("Text", "none", "String"),
    ("NVarChar", "opt_mssql_len", "String"),
    ("NText", "none", "String"),
    ("Binary", "opt_u32", "Bytes"),
    ("VarBinary", "opt_mssql_len", "Bytes"),
    ("Image", "none", "Bytes"),
    ("Xml", "none", "String"),
    ("UniqueIdentifier", "none", "String"),
)

_MONGODB = _types(
    ("String", "none", "String"),
    ("Double", "none", "Float"),
    ("BinData", "none", "Bytes"),
    ("ObjectId", "none", "String|Bytes"),
    ("Bool", "none", "Boolean"),
    ("Date", "none", "DateTime"),
    ("Int", "none", "Int"),
    ("Timestamp", "none", "DateTime"),
    ("Long", "none", "Int|BigInt"),
    ("Json", "none", "Json"),
)

CONNECTORS: dict[str, Connector] = {
    "postgresql": Connector("postgresql", "Postgres", _POSTGRES, json_lists=True, scalar_lists=True),
    "cockroachdb": Connector("cockroachdb", "CockroachDB", _COCKROACH, scalar_lists=True),
    "mysql": Connector(
        "mysql",
        "MySQL",
        _MYSQL,
        autoincrement_multiple=False,
        autoincrement_non_indexed=False,
        unsupported_scalars=(("Bit", "Bytes"), ("TinyInt", "Int"), ("UnsignedTinyInt", "Int")),
    ),
    "sqlserver": Connector(
        "sqlserver",
        "SQL Server",
        _SQLSERVER,
        json=False,
        enums=False,
        unsupported_scalars=(("Bit", "Bytes"), ("BigInt", "Int")),
    ),
    "sqlite": Connector(
        "sqlite",
        "sqlite",
        {},
        autoincrement_non_id=False,
        autoincrement_multiple=False,
        autoincrement_non_indexed=False,
    ),
    "mongodb": Connector(
        "mongodb",
        "MongoDB",
        _MONGODB,
        json_lists=True,
        decimal=False,
        scalar_lists=True,
        composite_types=True,
        autoincrement=False,
    ),
}

EMPTY = Connector(
    "Default",
    "psl_core::datamodel_connector::empty_connector::EmptyDatamodelConnector",
    {},
    decimal=False,
)
"""What Prisma validates against when there is no datasource (names as its messages print them)."""


def connector_for(provider: str | None) -> Connector | None:
    """The connector of an active provider (None for an unknown one); :data:`EMPTY` without a datasource."""
    if provider is None:
        return EMPTY
    return CONNECTORS.get(provider)
