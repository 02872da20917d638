"""``migrate reset``: drop what Prisma's engine drops, then apply every migration as ``deploy`` does.

What Prisma 6.19's schema engine does on PostgreSQL (``reset`` of the
PostgreSQL flavour, then ``applyMigrations``; read in its source): the schemas
reset are the datasource's ``schemas`` when it lists some, else the
connection's default schema (the URL's ``?schema=``, default ``public``); each
is dropped with ``DROP SCHEMA "s" CASCADE`` and created again empty, so its
tables, views, enums and other types, sequences, functions and the extensions
installed in it go with it; then ``_prisma_migrations`` is dropped from the
default schema (it may be outside those schemas). Nothing outside these schemas
is touched. Before that, as Prisma's CLI does, a database that does not exist
is created (:func:`create_missing_database`).

Where prisma-tools differs, on purpose:

- the drops run in one transaction. When the database refuses to drop a
  schema (``must be owner of schema "public"``), Prisma falls back to dropping
  what it holds one by one; so does prisma-tools (views, tables, sequences,
  functions, types and domains not from an extension), in a second
  transaction, and when that fails too nothing has changed (P3016);
- a schema that does not exist is created (Prisma's ``DROP SCHEMA`` fails there);
- a re-created schema gets back its owner, its privileges and its comment.
  Prisma's new schema belongs to the connecting user without any grant (on
  PostgreSQL 15 ``public`` loses its ``USAGE`` for everyone and its owner
  ``pg_database_owner``), which breaks other roles (prisma/orm#16588, #24597).
  Its default privileges (``ALTER DEFAULT PRIVILEGES ... IN SCHEMA``) come back
  too, before the migrations create its tables again. Each restoration that the
  database refuses is skipped with a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .datasource import datasource_of
from .db import database_error, parse_url, quote_ident, require_psycopg
from .deploy import _lock, deploy
from .errors import MigrateError
from .migrations import Migration

if TYPE_CHECKING:
    from ..nodes import Schema

__all__ = ["ResetResult", "create_missing_database", "reset", "reset_schemas", "schemas_to_reset"]


def schemas_to_reset(schema: Schema | None, default: str) -> list[str]:
    """The datasource's ``schemas`` in their order, else the connection's default schema (the URL's ``?schema=``)."""
    listed = list(datasource_of(schema).schemas) if schema is not None else []
    return listed or [default]


@dataclass
class ResetResult:
    """What reset did: the schemas re-created, the migrations applied, what it could not restore."""

    schemas: list[str]
    applied: list[str]
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _SchemaMeta:
    owner: str
    comment: str | None
    # (privilege, grantee or None for PUBLIC, grantable); None: the default privileges (no ACL stored)
    grants: tuple[tuple[str, str | None, bool], ...] | None
    # ALTER DEFAULT PRIVILEGES ... IN SCHEMA: (for role, object kind, privilege, grantee or None, grantable)
    default_privileges: tuple[tuple[str, str, str, str | None, bool], ...] = ()


_OWNER_DEFAULT = frozenset({"USAGE", "CREATE"})
# pg_default_acl.defaclobjtype -> the object kind ALTER DEFAULT PRIVILEGES names
_OBJECT_KINDS = {"r": "TABLES", "S": "SEQUENCES", "f": "FUNCTIONS", "T": "TYPES"}


def _meta(conn: Any, schema: str) -> _SchemaMeta | None:
    row = conn.execute(
        "SELECT pg_get_userbyid(n.nspowner), obj_description(n.oid, 'pg_namespace'), n.nspacl IS NULL"
        " FROM pg_namespace n WHERE n.nspname = %s",
        (schema,),
    ).fetchone()
    if row is None:
        return None
    owner, comment, default_acl = row
    grants = None
    if not default_acl:
        grants = tuple(
            (priv, grantee, grantable)
            for priv, grantee, grantable in conn.execute(
                "SELECT a.privilege_type, CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END,"
                " a.is_grantable FROM pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = %s",
                (schema,),
            ).fetchall()
        )
    defaults = tuple(
        (role, _OBJECT_KINDS[kind], priv, grantee, grantable)
        for role, kind, priv, grantee, grantable in conn.execute(
            "SELECT pg_get_userbyid(d.defaclrole), d.defaclobjtype::text, a.privilege_type,"
            " CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END, a.is_grantable"
            " FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a"
            " WHERE n.nspname = %s ORDER BY d.oid",
            (schema,),
        ).fetchall()
        if kind in _OBJECT_KINDS
    )
    return _SchemaMeta(owner=owner, comment=comment, grants=grants, default_privileges=defaults)


def _restore(conn: Any, schema: str, meta: _SchemaMeta, warn: Callable[[str], None]) -> None:
    """Give the re-created ``schema`` its comment, owner, privileges and default privileges back.

    Each as far as the database allows: a refused step is undone alone and reported through ``warn``.
    """
    psycopg = require_psycopg()
    from psycopg import sql

    name = quote_ident(schema)
    steps: list[tuple[str, Any]] = []
    if meta.comment is not None:
        steps.append(
            ("its comment", sql.SQL("COMMENT ON SCHEMA {} IS {}").format(sql.Identifier(schema), meta.comment))
        )
    current = conn.execute("SELECT current_user").fetchone()[0]
    if meta.owner != current:
        steps.append((f"its owner {meta.owner}", f"ALTER SCHEMA {name} OWNER TO {quote_ident(meta.owner)}"))
    if meta.grants is not None:
        owner_has = {p for p, grantee, _ in meta.grants if grantee == meta.owner}
        for priv in sorted(_OWNER_DEFAULT - owner_has):
            steps.append(
                (f"{priv} revoked from {meta.owner}", f"REVOKE {priv} ON SCHEMA {name} FROM {quote_ident(meta.owner)}")
            )
        for priv, grantee, grantable in meta.grants:
            if grantee == meta.owner and priv in _OWNER_DEFAULT and not grantable:
                continue  # the owner has these by default
            to = "PUBLIC" if grantee is None else quote_ident(grantee)
            option = " WITH GRANT OPTION" if grantable else ""
            steps.append((f"{priv} for {grantee or 'PUBLIC'}", f"GRANT {priv} ON SCHEMA {name} TO {to}{option}"))
    for role, kind, priv, grantee, grantable in meta.default_privileges:
        to = "PUBLIC" if grantee is None else quote_ident(grantee)
        option = " WITH GRANT OPTION" if grantable else ""
        steps.append(
            (
                f"the default privilege {priv} on {kind.lower()} of {role} for {grantee or 'PUBLIC'}",
                f"ALTER DEFAULT PRIVILEGES FOR ROLE {quote_ident(role)} IN SCHEMA {name}"
                f" GRANT {priv} ON {kind} TO {to}{option}",
            )
        )
    for what, statement in steps:
        try:
            with conn.transaction():  # a savepoint: a refusal undoes this step only
                conn.execute(statement)
        except psycopg.Error as e:
            warn(f'schema "{schema}": could not restore {what}: {database_error(e)}')


def _drop_schemas(conn: Any, schemas: list[str], warn: Callable[[str], None]) -> None:
    for schema in schemas:
        meta = _meta(conn, schema)
        conn.execute(f"DROP SCHEMA IF EXISTS {quote_ident(schema)} CASCADE")
        conn.execute(f"CREATE SCHEMA {quote_ident(schema)}")
        if meta is not None:
            _restore(conn, schema, meta, warn)


# What the fallback drops, in this order; extension members stay (they go with their extension).
_NOT_FROM_EXTENSION = " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = {oid} AND d.deptype = 'e')"
_CONTENTS = (
    (
        "SELECT CASE c.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END, quote_ident(c.relname)"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = %s AND c.relkind IN ('v', 'm')" + _NOT_FROM_EXTENSION.format(oid="c.oid")
    ),
    (
        "SELECT CASE c.relkind WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, quote_ident(c.relname)"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = %s AND c.relkind IN ('r', 'p', 'f') AND NOT c.relispartition"
        + _NOT_FROM_EXTENSION.format(oid="c.oid")
    ),
    (
        "SELECT 'SEQUENCE', quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = %s AND c.relkind = 'S'" + _NOT_FROM_EXTENSION.format(oid="c.oid")
    ),
    (
        "SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,"
        " quote_ident(p.proname) || '(' || pg_get_function_identity_arguments(p.oid) || ')'"
        " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = %s" + _NOT_FROM_EXTENSION.format(oid="p.oid")
    ),
    (
        "SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, quote_ident(t.typname)"
        " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
        " WHERE n.nspname = %s AND (t.typtype IN ('e', 'd', 'r', 'm')"
        " OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))"
        + _NOT_FROM_EXTENSION.format(oid="t.oid")
    ),
)


def _drop_contents(conn: Any, schemas: list[str]) -> None:
    """The fallback when a schema cannot be dropped: what it holds, one object at a time (the schema stays)."""
    for schema in schemas:
        for listing in _CONTENTS:
            for kind, name in conn.execute(listing, (schema,)).fetchall():
                # IF EXISTS: an object may already be gone with one dropped before it (CASCADE)
                conn.execute(f"DROP {kind} IF EXISTS {quote_ident(schema)}.{name} CASCADE")


def reset_schemas(conn: Any, schemas: list[str], warn: Callable[[str], None] = lambda _: None) -> None:
    """Drop and re-create ``schemas``, and drop ``_prisma_migrations`` from the default schema.

    One transaction. When the database refuses to drop a schema (its owner is
    another role), the objects in it are dropped one by one instead, as Prisma's
    fallback does; when that fails too, nothing has changed and the error is
    Prisma's P3016.
    """
    psycopg = require_psycopg()
    try:
        with conn.transaction():
            _drop_schemas(conn, schemas, warn)
            conn.execute("DROP TABLE IF EXISTS _prisma_migrations")
        return
    except psycopg.errors.InsufficientPrivilege as e:
        first = database_error(e)
    try:
        with conn.transaction():
            _drop_contents(conn, schemas)
            conn.execute("DROP TABLE IF EXISTS _prisma_migrations")
    except psycopg.Error as e:
        raise MigrateError(
            "P3016: The fallback method for database resets failed, meaning Migrate could not clean up the"
            f" database entirely. Original error: {database_error(e)} (dropping the schema: {first})"
        ) from None
    warn(
        f"could not drop the schema ({first}): dropped the objects in it one by one instead;"
        " the schema itself stays, with its owner, grants and comment"
    )


def reset(
    conn: Any,
    schemas: list[str],
    migrations: list[Migration],
    log: Callable[[str], None] = lambda _: None,
) -> ResetResult:
    """``prisma migrate reset --force --skip-seed --skip-generate`` on ``conn`` (search_path: the default schema)."""
    warnings: list[str] = []
    _lock(conn)
    reset_schemas(conn, schemas, warnings.append)
    for schema in schemas:
        log(f'Dropped schema "{schema}" with everything in it, and created it again')
    result = deploy(conn, migrations, log=log)
    return ResetResult(schemas=list(schemas), applied=result.applied, warnings=warnings)


def create_missing_database(url: str) -> str | None:
    """Create the URL's database when it does not exist, as Prisma's ``reset`` does first; say so.

    Called once connecting has failed. Whether the database exists is asked of
    the maintenance database ``postgres`` (so the server's message language does
    not matter); None when it exists, cannot be asked or cannot be created:
    the first error then stands.
    """
    psycopg = require_psycopg()
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    target = parse_url(url)
    params = conninfo_to_dict(target.conninfo)
    name = str(params.get("dbname") or params.get("user") or "")
    if not name:
        return None
    try:
        with psycopg.connect(make_conninfo(target.conninfo, dbname="postgres"), autocommit=True) as admin:
            if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
                return None
            admin.execute(f"CREATE DATABASE {quote_ident(name)}")
    except psycopg.Error:
        return None
    host, port = params.get("host"), params.get("port")
    return f"PostgreSQL database {name} created at {host}:{port}" if port else f"PostgreSQL database {name} created"
