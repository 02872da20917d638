"""The ``migrate`` commands that read databases: ``drift``, ``diff`` from or to a URL or a
migrations folder, and ``create`` replaying the folder (registered on the ``migrate`` group).

psycopg is imported only when one of these runs (the optional ``postgres`` extra).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .migrate import _dir_option, _migrations_dir, _schema_option, _schema_path, database_errors, print_diff_json

if TYPE_CHECKING:
    from ..migrate.migrations import Migration
    from ..migrate.model import Database
    from ..migrate.steps import Step
    from ..nodes import Schema

__all__ = ["drift_command", "live_diff", "replayed_for_schema"]

EXIT_DRIFT = 1


# ------------------------------------------------------------------ shared


def _migrations(folder: Path) -> list[Migration]:
    from ..migrate.errors import MigrateError
    from ..migrate.migrations import list_migrations

    if not folder.is_dir():
        raise MigrateError(f"{folder}: no such migrations folder")
    return list_migrations(folder)


def _datasource_url(schema: Schema | None) -> str | None:
    """The datasource's URL when one can be found (a shadow database is created on its server)."""
    from ..migrate.datasource import resolve_url
    from ..migrate.errors import MigrateError

    try:
        return resolve_url(None, schema)
    except MigrateError:
        return None


def _scope(target: Database | None, url_schema: str) -> tuple[list[str], str | None]:
    """The schemas to read and the one whose objects get no namespace (None: the datasource lists schemas)."""
    if target is not None and target.declared_schemas:
        return sorted(set(target.declared_schemas) | set(target.namespaces)), None
    return [url_schema], url_schema


def replayed_for_schema(
    folder: Path, schema: Schema, target: Database, *, url: str | None, shadow_url: str | None
) -> Database:
    """What the migrations of ``folder`` produce, read as ``target``'s namespaces (``migrate create``)."""
    from ..migrate.db import parse_url
    from ..migrate.shadow import replayed_database, shadow_url_of

    shadow = shadow_url or shadow_url_of(schema)
    main = url or _datasource_url(schema)
    where = shadow or main
    if where is None:
        from ..migrate.errors import MigrateError

        raise MigrateError(
            f"{folder} has migrations: replaying them needs a database server (set the datasource's url or"
            " DATABASE_URL, or give --shadow-database-url), or say what the database has with --from PATH,"
            " --from-git REV or --from-empty"
        )
    namespaces, default = _scope(target, parse_url(where).schema)
    return replayed_database(
        _migrations(folder), main_url=main, shadow_url=shadow, namespaces=namespaces, default_schema=default
    )


# ------------------------------------------------------------------ migrate diff with databases


@dataclass(frozen=True)
class Side:
    """One end of ``migrate diff``: ``kind`` is schema, empty, git, url or migrations."""

    kind: str
    value: str | None = None


def _side(choices: dict[str, str | bool | None], end: str) -> Side:
    given = [(k, v) for k, v in choices.items() if v]
    if len(given) != 1:
        names = ", ".join(f"--{end}-{k}" if k != "schema" else f"--{end}-schema (or a path)" for k in choices)
        raise click.UsageError(f"give exactly one {end.upper()}: {names}")
    kind, value = given[0]
    return Side(kind, value if isinstance(value, str) else None)


def _introspected(url: str, target: Database | None, *, qualify: bool) -> Database:
    from ..migrate.db import connect, parse_url
    from ..migrate.introspect import introspect

    namespaces, default = _scope(target, parse_url(url).schema)
    conn = connect(url)
    try:
        return introspect(conn, namespaces, None if qualify else default)
    finally:
        conn.close()


def live_diff(frm: Side, to: Side, shadow_url: str | None) -> list[Step]:
    """The steps from FROM to TO where one end (or both) is a database or a migrations folder."""
    from ..migrate import build, diff, in_namespace
    from ..migrate.db import parse_url
    from ..migrate.model import Database
    from ..migrate.shadow import replayed_database, shadow_url_of
    from ..migrate.sources import load_schema, load_schema_at_revision

    schemas: dict[str, Schema] = {}
    if to.kind == "schema":
        assert to.value is not None
        schemas["to"] = load_schema(to.value)
    if frm.kind == "schema":
        assert frm.value is not None
        schemas["from"] = load_schema(frm.value)
    if frm.kind == "git":
        if to.kind != "schema":
            raise click.UsageError("--from-git needs a TO schema")
        assert frm.value is not None
        assert to.value is not None
        schemas["from"] = load_schema_at_revision(Path(to.value), frm.value)
    schema = schemas.get("to") or schemas.get("from")
    target = build(schema) if schema is not None else None
    urls = [s.value for s in (frm, to) if s.kind == "url" and s.value]
    # Extensions of a database count only when the schema declares some (Prisma's engine drops
    # them otherwise): a hosted database has extensions no schema or migration created.
    manages_extensions = target is not None and bool(target.extensions)
    to_empty = to.kind == "empty"

    def database(side: Side, end: str) -> Database | None:
        if side.kind in ("schema", "git"):
            return build(schemas[end])
        if side.kind == "empty":
            return None
        assert side.value is not None
        if side.kind == "url":
            return _introspected(side.value, target, qualify=end == "from" and to_empty)
        shadow = shadow_url or shadow_url_of(schema)
        main = urls[0] if urls else _datasource_url(schema)
        where = shadow or main
        if where is None:
            raise click.UsageError(f"--{end}-migrations needs a shadow database: give --shadow-database-url URL")
        namespaces, default = _scope(target, parse_url(where).schema)
        return replayed_database(
            _migrations(Path(side.value)),
            main_url=main,
            shadow_url=shadow,
            namespaces=namespaces,
            default_schema=None if end == "from" and to_empty else default,
        )

    old = database(frm, "from")
    if old is not None and frm.kind in ("url", "migrations") and not manages_extensions:
        old = replace(old, extensions=())
    if to_empty:
        if old is not None and frm.kind in ("schema", "git"):
            old = in_namespace(old, "public")
        return diff(old, Database())
    new = database(to, "to")
    assert new is not None
    if to.kind in ("url", "migrations") and not manages_extensions:
        new = replace(new, extensions=())
    return diff(old, new)


def run_live_diff(
    frm: Side, to: Side, shadow_url: str | None, *, as_script: bool, exit_code: bool, output_format: str
) -> None:
    """``migrate diff`` with a URL or migrations end: the same outputs and exit codes as the schema diff."""
    from ..migrate import render_script
    from ..migrate.summary import render_summary

    if output_format == "json":
        _json(frm, to, shadow_url, exit_code)
        return
    try:
        with database_errors():
            steps = live_diff(frm, to, shadow_url)
    except SystemExit as e:
        sys.exit(1 if exit_code and e.code else e.code)
    click.echo(render_script(steps) if as_script else render_summary(steps), nl=False)
    if exit_code and steps:
        sys.exit(2)


def _json(frm: Side, to: Side, shadow_url: str | None, exit_code: bool) -> None:
    where = next((s.value for s in (to, frm) if s.kind in ("schema", "migrations") and s.value), "-")
    print_diff_json(lambda: live_diff(frm, to, shadow_url), where, exit_code)


# ------------------------------------------------------------------ migrate drift


@click.command("drift")
@_schema_option
@click.option(
    "--url", metavar="URL", help="The database (default: the datasource's url or env(...), else DATABASE_URL)."
)
@_dir_option
@click.option(
    "--shadow-database-url",
    metavar="URL",
    help="Replay the migrations there (emptied first); default: the datasource's shadowDatabaseUrl,"
    " else a temporary database on the server of URL.",
)
def drift_command(
    schema_option: str | None, url: str | None, migrations_dir: str | None, shadow_database_url: str | None
) -> None:
    """Report whether the database differs from what its migrations produce.

    The migrations folder is replayed into a shadow database and compared with
    the database: differences are printed as the SQL that would turn the
    migrations' result into the database, then as a summary. Exit status: 0 no
    drift, 1 drift, 2 errors. `_prisma_migrations` is not compared.
    """
    from ..migrate.datasource import resolve_url
    from ..migrate.db import mask_url
    from ..migrate.drift import detect_drift
    from ..migrate.shadow import shadow_url_of
    from ..migrate.sources import load_schema

    with database_errors():
        schema: Schema | None = None
        if schema_option or not (url and migrations_dir):
            schema_path = _schema_path(schema_option)
            schema = load_schema(schema_path)
            folder = Path(migrations_dir) if migrations_dir else _migrations_dir(schema_path, schema)
        else:
            folder = Path(migrations_dir)
        database_url = resolve_url(url, schema)
        namespaces = None
        target = None
        if schema is not None:
            from ..migrate import build
            from ..migrate.db import parse_url

            target = build(schema)
            namespaces, _ = _scope(target, parse_url(database_url).schema)
        drift = detect_drift(
            database_url,
            _migrations(folder),
            shadow_url=shadow_database_url or shadow_url_of(schema),
            namespaces=namespaces,
            extensions=target is not None and bool(target.extensions),
        )
    if not drift.steps:
        click.echo(f"No drift: the database at {mask_url(database_url)} has what the migrations in {folder} produce.")
        return
    click.echo(drift.script, nl=False)
    click.echo("")
    click.echo(
        f"Drift detected: the database at {mask_url(database_url)} is not in sync with the migrations in {folder}."
    )
    click.echo("")
    click.echo(drift.summary, nl=False)
    sys.exit(EXIT_DRIFT)
