"""A shadow database: the migrations folder replayed into a scratch database, then read back.

This is what ``prisma migrate dev`` does to learn what the migrations produce
(the schema engine's ``DiffTarget::Migrations``): every ``migration.sql`` in
folder order, each as one script, as ``migrate deploy`` runs them, but without
``_prisma_migrations``; then the result is introspected
(:func:`~prisma_tools.migrate.introspect.introspect`).

Where it runs, as Prisma chooses:

* the datasource's ``shadowDatabaseUrl`` (or ``--shadow-database-url``) when
  given: that database is emptied before and after use (every schema but the
  system's dropped, the default one created again), as Prisma resets it, and
  it must not be the main database (same host, port and database name);
* else a temporary database ``prisma_migrate_shadow_db_<uuid>`` created on the
  server of the main URL and always dropped afterwards, on failure too.

A migration that fails stops the replay with Prisma's P3006 message naming the
migration and PostgreSQL's error.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..nodes import Datasource, FunctionCall, Schema, StringValue
from .ast_util import decode_string
from .db import connect, database_error, mask_url, parse_url, quote_ident, require_psycopg
from .errors import MigrateError
from .introspect import introspect
from .migrations import Migration
from .model import Database

__all__ = ["replay", "replayed_database", "shadow_database", "shadow_url_of", "with_database"]

SHADOW_PREFIX = "prisma_migrate_shadow_db_"


def shadow_url_of(schema: Schema | None) -> str | None:
    """The datasource's ``shadowDatabaseUrl`` (a literal, or ``env("X")`` when X is set)."""
    import os

    if schema is None:
        return None
    for block in schema.blocks:
        if isinstance(block, Datasource):
            setting = block.setting("shadowDatabaseUrl")
            if setting is None:
                return None
            value = setting.value
            if isinstance(value, StringValue):
                return decode_string(value)
            if isinstance(value, FunctionCall) and value.name == "env" and value.arguments:
                arg = value.arguments[0].value
                if isinstance(arg, StringValue):
                    return os.environ.get(decode_string(arg)) or None
    return None


def with_database(url: str, name: str) -> str:
    """``url`` pointing at database ``name`` on the same server, with the same credentials and parameters."""
    parse_url(url)  # refuses what cannot be read, with the URL masked
    scheme, _, rest = url.partition("://")
    end = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    authority, tail = rest[:end], rest[end:]
    _, question, query = tail.partition("?")
    encoded = "".join(c if c.isalnum() or c in "-_." else f"%{ord(c):02X}" for c in name)
    return f"{scheme}://{authority}/{encoded}{question}{query}"


def _same_database(a: str, b: str) -> bool:
    return parse_url(a).label == parse_url(b).label


def _reset(conn: Any, default_schema: str) -> None:
    """Empty a configured shadow database as Prisma resets it: drop every schema, create the default one."""
    rows = conn.execute(
        "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema')"
        " AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'"
    ).fetchall()
    for (name,) in rows:
        conn.execute(f"DROP SCHEMA {quote_ident(name)} CASCADE")
    conn.execute(f"CREATE SCHEMA IF NOT EXISTS {quote_ident(default_schema)}")


@contextmanager
def shadow_database(main_url: str | None, shadow_url: str | None) -> Iterator[str]:
    """The URL of an empty scratch database, cleaned up (or dropped) however the block ends."""
    psycopg = require_psycopg()
    if shadow_url:
        if main_url and _same_database(main_url, shadow_url):
            raise MigrateError(
                "The shadow database you configured appears to be the same as the main database"
                f" ({mask_url(shadow_url)}). Please specify another shadow database: it is emptied on every use."
            )
        schema = parse_url(shadow_url).schema
        conn = connect(shadow_url)
        try:
            _reset(conn, schema)
            yield shadow_url
        finally:
            with contextlib.suppress(psycopg.Error):  # the original error (if any) is the one to report
                _reset(conn, schema)
            conn.close()
        return
    if not main_url:
        raise MigrateError("a shadow database is needed: pass --shadow-database-url or a database URL")
    name = SHADOW_PREFIX + uuid.uuid4().hex
    admin = connect(main_url)
    try:
        try:
            admin.execute(f"CREATE DATABASE {quote_ident(name)}")
        except psycopg.Error as e:
            raise MigrateError(
                f"P3014: cannot create the shadow database on {parse_url(main_url).label}: {database_error(e)}"
                " (give a shadowDatabaseUrl or --shadow-database-url when the user may not create databases)"
            ) from None
        try:
            url = with_database(main_url, name)
            schema = parse_url(url).schema
            if schema != "public":
                setup = connect(url)
                try:
                    setup.execute(f"CREATE SCHEMA IF NOT EXISTS {quote_ident(schema)}")
                finally:
                    setup.close()
            yield url
        finally:
            _drop(admin, name)
    finally:
        admin.close()


def _drop(admin: Any, name: str) -> None:
    """Drop the temporary database, closing connections left to it (PostgreSQL 13+), else plainly."""
    psycopg = require_psycopg()
    try:
        admin.execute(f"DROP DATABASE IF EXISTS {quote_ident(name)} WITH (FORCE)")
    except psycopg.errors.SyntaxError:
        admin.execute(f"DROP DATABASE IF EXISTS {quote_ident(name)}")


def replay(conn: Any, migrations: list[Migration]) -> None:
    """Run every migration's script in order, each as one script (all or nothing), as deploy does."""
    psycopg = require_psycopg()
    conn.execute("SET standard_conforming_strings = on")
    for migration in migrations:
        try:
            script = migration.script_path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise MigrateError(f"{migration.script_path}: cannot read the migration: {e}") from None
        if not script.strip():
            continue
        try:
            conn.execute(script, prepare=False)
        except psycopg.Error as e:
            with contextlib.suppress(psycopg.Error):
                conn.execute("ROLLBACK")  # a script with its own BEGIN leaves its transaction open
            raise MigrateError(
                f"P3006: Migration `{migration.name}` failed to apply cleanly to the shadow database."
                f" Error: {database_error(e)}"
            ) from None


def replayed_database(
    migrations: list[Migration],
    *,
    main_url: str | None,
    shadow_url: str | None,
    namespaces: list[str] | None,
    default_schema: str | None,
) -> Database:
    """What ``migrations`` produce, read back from a shadow database.

    ``namespaces`` are the schemas to read (None: the shadow URL's default
    schema); objects in ``default_schema`` get no namespace (see
    :func:`~prisma_tools.migrate.introspect.introspect`).
    """
    with shadow_database(main_url, shadow_url) as url:
        conn = connect(url)
        try:
            replay(conn, migrations)
            return introspect(conn, namespaces or [parse_url(url).schema], default_schema)
        finally:
            conn.close()
