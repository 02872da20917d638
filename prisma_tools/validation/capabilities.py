"""What each database connector supports, as data (Prisma's connector capabilities, the parts validations read).

One row per provider; validations ask :func:`connector` for the row of the
schema's datasource. The figures were probed against Prisma's engines
(``prisma-oracle``): which index arguments a connector accepts, how long its
identifiers may be, and in which namespaces its constraint names must be unique.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..resolve import ResolvedSchema

__all__ = ["CONNECTORS", "SCOPE_DESCRIPTIONS", "Connector", "connector"]

# Constraint-name namespaces (Prisma's ConstraintScope), named by what shares them.
GLOBAL_KEY_INDEX = "GlobalKeyIndex"
GLOBAL_FOREIGN_KEY = "GlobalForeignKey"
GLOBAL_PK_KEY_INDEX = "GlobalPrimaryKeyKeyIndex"
GLOBAL_PK_FK_DEFAULT = "GlobalPrimaryKeyForeignKeyDefault"
MODEL_KEY_INDEX = "ModelKeyIndex"
MODEL_PK_KEY_INDEX = "ModelPrimaryKeyKeyIndex"
MODEL_PK_KEY_INDEX_FK = "ModelPrimaryKeyKeyIndexForeignKey"

SCOPE_DESCRIPTIONS = {
    GLOBAL_KEY_INDEX: "global for indexes and unique constraints",
    GLOBAL_FOREIGN_KEY: "global for foreign keys",
    GLOBAL_PK_KEY_INDEX: "global for primary key, indexes and unique constraints",
    GLOBAL_PK_FK_DEFAULT: "global for primary keys, foreign keys and default constraints",
    MODEL_KEY_INDEX: "on model `{model}` for indexes and unique constraints",
    MODEL_PK_KEY_INDEX: "on model `{model}` for primary key, indexes and unique constraints",
    MODEL_PK_KEY_INDEX_FK: "on model `{model}` for primary key, indexes, unique constraints and foreign keys",
}
"""How Prisma names each namespace in its messages (``{model}``: the model's name)."""

# The namespaces a constraint of each kind is checked in, in Prisma's order.
SCOPES_CHECKED = {
    "index": (GLOBAL_KEY_INDEX, GLOBAL_PK_KEY_INDEX, MODEL_KEY_INDEX, MODEL_PK_KEY_INDEX),
    "relation": (GLOBAL_FOREIGN_KEY, GLOBAL_PK_FK_DEFAULT, MODEL_PK_KEY_INDEX_FK),
    "default": (GLOBAL_PK_FK_DEFAULT,),
    "primary": (GLOBAL_PK_FK_DEFAULT, GLOBAL_PK_KEY_INDEX, MODEL_PK_KEY_INDEX, MODEL_PK_KEY_INDEX_FK),
}


@dataclass(frozen=True)
class Connector:
    """The capabilities of one connector that validations depend on."""

    provider: str
    max_identifier_length: int
    scopes: tuple[str, ...]
    """The constraint-name namespaces of the database."""
    index_types: frozenset[str] = frozenset({"BTree"})
    named_primary_keys: bool = False
    compound_ids: bool = True
    clustering: bool = False
    """``clustered:`` on ids and indexes (SQL Server)."""
    length_prefix: bool = False
    """``length:`` on index fields (MySQL)."""
    primary_key_sort: bool = False
    """``sort:`` on primary key fields."""
    fulltext: bool = False
    multiple_fulltext: bool = False
    fulltext_sort: bool = False
    partial_indexes: bool = False
    shard_keys: bool = False
    named_defaults: bool = False


CONNECTORS: dict[str, Connector] = {
    c.provider: c
    for c in (
        Connector(
            "postgresql",
            63,
            (GLOBAL_PK_KEY_INDEX, MODEL_PK_KEY_INDEX_FK),
            index_types=frozenset({"BTree", "Hash", "Gist", "Gin", "SpGist", "Brin"}),
            named_primary_keys=True,
            partial_indexes=True,
        ),
        Connector(
            "cockroachdb",
            63,
            (MODEL_PK_KEY_INDEX_FK,),
            index_types=frozenset({"BTree", "Gin"}),
            named_primary_keys=True,
            partial_indexes=True,
        ),
        Connector(
            "mysql",
            64,
            (GLOBAL_FOREIGN_KEY, MODEL_KEY_INDEX),
            length_prefix=True,
            fulltext=True,
            multiple_fulltext=True,
            shard_keys=True,
        ),
        Connector(
            "sqlserver",
            128,
            (GLOBAL_PK_FK_DEFAULT, MODEL_PK_KEY_INDEX),
            named_primary_keys=True,
            clustering=True,
            primary_key_sort=True,
            partial_indexes=True,
            named_defaults=True,
        ),
        Connector("sqlite", 10000, (GLOBAL_KEY_INDEX,), partial_indexes=True),
        Connector("mongodb", 127, (MODEL_KEY_INDEX,), compound_ids=False, fulltext=True, fulltext_sort=True),
    )
}


def connector(db: ResolvedSchema) -> Connector | None:
    """The connector of the schema's datasource (None without a datasource or with an unknown provider)."""
    provider = db.provider
    return None if provider is None else CONNECTORS.get(provider)
