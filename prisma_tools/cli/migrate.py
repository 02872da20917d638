"""``prisma-tools migrate``: the SQL Prisma Migrate writes, and migration folders.

Register with ``cli.add_command(migrate)``. Exit status: 0 done; 2 usage,
input or parse error, a change or schema that is not supported, or a database
problem; always one clear message, never a traceback.

Heavy modules are imported inside the commands, so that the rest of the
command line does not pay for them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from ..nodes import Schema

__all__ = ["migrate"]

EXIT_ERROR = 2


def fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the errors a user can cause into one message and exit status 2."""
    from ..diagnostics import InvalidSchemaError, ParseError
    from ..files import SchemaReadError
    from ..migrate.errors import MigrateError

    try:
        yield
    except ParseError as e:
        for d in e.diagnostics:
            click.echo(d.render(), err=True)
        if isinstance(e, InvalidSchemaError):
            click.echo("error: the schema has errors Prisma rejects (see `prisma-tools check`); nothing done", err=True)
        sys.exit(EXIT_ERROR)
    except (SchemaReadError, MigrateError) as e:
        fail(str(e))


def _schema_path(path: str | None) -> Path:
    """``--schema``, else the schema Prisma's CLI would find here (see schema_location)."""
    if path is not None:
        return Path(path)
    from ..schema_location import SchemaNotFound, locate_schema

    try:
        return Path(locate_schema()[0])
    except SchemaNotFound as e:
        fail(str(e))


def _migrations_dir(schema_path: Path, schema: Schema | None) -> Path:
    """``migrations`` beside the file holding the datasource block, as Prisma places it."""
    from ..nodes import Datasource

    if schema_path.is_dir() and schema is not None:
        for f in schema.files:
            if any(isinstance(b, Datasource) for b in f.blocks):
                return Path(f.path).parent / "migrations"
        return schema_path.parent / "migrations"
    return schema_path.parent / "migrations"


def _from_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--from-git", "from_git", metavar="REV", help="FROM is the schema at this git revision.")(f)
    f = click.option("--from-empty", is_flag=True, help="FROM is an empty database.")(f)
    return f


def _load_from(path: str | None, from_empty: bool, from_git: str | None, to_path: Path) -> Schema | None:
    """The FROM schema chosen by the options (None for an empty database)."""
    from ..migrate.sources import load_schema, load_schema_at_revision

    chosen = sum(bool(x) for x in (path, from_empty, from_git))
    if chosen > 1:
        raise click.UsageError("give only one of FROM, --from-empty and --from-git")
    if from_git:
        return load_schema_at_revision(to_path, from_git)
    if path:
        return load_schema(path)
    return None


@click.group("migrate", context_settings={"help_option_names": ["-h", "--help"]})
def migrate() -> None:
    """The SQL Prisma Migrate would write for a schema change (PostgreSQL; diff and create also CockroachDB, SQLite).

    Every change Prisma's engine writes: tables, columns (type casts, nullability,
    defaults, sequences), primary keys, indexes, foreign keys, enums and their
    values, join tables, schemas and extensions, in Prisma's order and text.
    """


@migrate.command("diff")
@click.argument("paths", nargs=-1, metavar="[FROM] TO")
@_from_options
@click.option("--from-schema", metavar="PATH", help="FROM is this schema file or folder (Prisma's spelling).")
@click.option("--to-schema", metavar="PATH", help="TO is this schema file or folder (Prisma's spelling).")
@click.option("--to-empty", is_flag=True, help="TO is an empty database (drop everything).")
@click.option("--from-url", metavar="URL", help="FROM is this database (read back; never changed).")
@click.option("--to-url", metavar="URL", help="TO is this database (read back; never changed).")
@click.option(
    "--from-migrations", metavar="DIR", help="FROM is what this migrations folder produces (shadow database)."
)
@click.option("--to-migrations", metavar="DIR", help="TO is what this migrations folder produces (shadow database).")
@click.option(
    "--shadow-database-url",
    metavar="URL",
    help="Where to replay --from/--to-migrations (emptied first); default: the schema's shadowDatabaseUrl,"
    " else a temporary database on the server of the URL or datasource.",
)
@click.option("--script", is_flag=True, help="Print the SQL script (the default when TO is a positional argument).")
@click.option("--exit-code", is_flag=True, help="Exit 0 for an empty diff, 2 for a non-empty one, 1 on error.")
@click.option(
    "--output-format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help='json: {"sql": ..., "summary": ..., "diagnostics": [...]} on stdout (null on failure).',
)
def diff_command(
    paths: tuple[str, ...],
    from_empty: bool,
    from_git: str | None,
    from_schema: str | None,
    to_schema: str | None,
    to_empty: bool,
    from_url: str | None,
    to_url: str | None,
    from_migrations: str | None,
    to_migrations: str | None,
    shadow_database_url: str | None,
    script: bool,
    exit_code: bool,
    output_format: str,
) -> None:
    """Print what `prisma migrate diff` prints for FROM -> TO.

    FROM and TO are schema files or schema folders, given as arguments or with
    Prisma's own options (--from-schema, --to-schema, --from-empty, --to-empty).
    With --from-git REV, FROM is TO's path at REV. Positional TO prints the SQL
    script; with Prisma's options the summary is printed unless --script is
    given, as Prisma does.
    """
    if len(paths) > 2:
        raise click.UsageError("expected [FROM] TO")
    positional_from, positional_to = (paths[0], paths[1]) if len(paths) == 2 else (None, paths[0] if paths else None)
    if from_url or to_url or from_migrations or to_migrations:
        from .migrate_live import _side, run_live_diff

        frm = _side(
            {
                "schema": positional_from or from_schema,
                "empty": from_empty,
                "git": from_git,
                "url": from_url,
                "migrations": from_migrations,
            },
            "from",
        )
        to = _side(
            {"schema": positional_to or to_schema, "empty": to_empty, "url": to_url, "migrations": to_migrations},
            "to",
        )
        as_script = script or positional_to is not None
        run_live_diff(
            frm, to, shadow_database_url, as_script=as_script, exit_code=exit_code, output_format=output_format
        )
        return
    if sum(bool(x) for x in (positional_from, from_schema, from_empty, from_git)) != 1:
        raise click.UsageError("give exactly one FROM: a path, --from-schema, --from-empty or --from-git REV")
    if sum(bool(x) for x in (positional_to, to_schema, to_empty)) != 1:
        raise click.UsageError("give exactly one TO: a path, --to-schema or --to-empty")
    if from_git and to_empty:
        raise click.UsageError("--from-git needs a TO schema")
    to_path = positional_to or to_schema
    as_script = script or positional_to is not None

    def load_pair() -> tuple[Schema | None, Schema | None]:
        from ..migrate.sources import load_schema

        old = _load_from(positional_from or from_schema, from_empty, from_git, Path(to_path or "."))
        return old, load_schema(to_path) if to_path else None

    if output_format == "json":
        _diff_json(load_pair, to_path or str(positional_from or from_schema or "-"), exit_code)
        return
    try:
        with user_errors():
            from ..migrate import diff_steps, render_script
            from ..migrate.summary import render_summary

            steps = diff_steps(*load_pair())
    except SystemExit as e:
        # Prisma's --exit-code: 1 is an error (2 means "the diff is not empty").
        sys.exit(1 if exit_code and e.code else e.code)
    click.echo(render_script(steps) if as_script else render_summary(steps), nl=False)
    if exit_code and steps:
        sys.exit(2)


def _diff_json(
    load_pair: Callable[[], tuple[Schema | None, Schema | None]], to_path: str, exit_code: bool = False
) -> None:
    """``migrate diff --output-format json``: always one JSON object on stdout; exit 2 when there is no SQL."""
    from ..migrate import diff_steps

    print_diff_json(lambda: diff_steps(*load_pair()), to_path, exit_code)


def print_diff_json(compute_steps: Callable[[], Sequence[Any]], where: str, exit_code: bool) -> None:
    """One JSON object on stdout whatever happens: ``sql``, ``summary`` and ``diagnostics``
    (``sql`` null and the reasons in ``diagnostics``, exit 2, or 1 with ``--exit-code``)."""
    import json

    from ..migrate import render_script
    from ..migrate.summary import render_summary

    sql: str | None = None
    summary: str | None = None
    steps: Sequence[Any] = []
    diagnostics: list[dict[str, Any]] = []
    try:
        steps = compute_steps()
        sql, summary = render_script(steps), render_summary(steps)
    except Exception as e:
        diagnostics = json_diagnostics(where, e)
    click.echo(json.dumps({"sql": sql, "summary": summary, "diagnostics": diagnostics}, indent=2, ensure_ascii=False))
    if sql is None:
        sys.exit(1 if exit_code else EXIT_ERROR)
    if exit_code and steps:
        sys.exit(2)


def json_diagnostics(where: str, e: Exception) -> list[dict[str, Any]]:
    """An error as the ``diagnostics`` of a JSON answer: parse errors, a file not read or not found, what
    migrate refuses, a database error. Anything else is a bug, and is raised again."""
    from ..diagnostics import ParseError
    from ..files import SchemaReadError
    from ..migrate.errors import MigrateError
    from ..schema_location import SchemaNotFound
    from .output import diagnostic_json, message_json

    if isinstance(e, ParseError):
        return [diagnostic_json(d) for d in e.diagnostics]
    if isinstance(e, SchemaReadError | SchemaNotFound):
        return [message_json(where, str(e))]
    if isinstance(e, MigrateError):
        return [message_json(where, str(e), code="migrate")]
    if type(e).__module__.split(".")[0] == "psycopg":
        from ..migrate.db import database_error

        return [message_json(where, f"database error: {database_error(e)}", code="migrate")]
    raise e


@migrate.command("create")
@click.argument("name")
@click.option("--schema", "schema_option", metavar="PATH", help="The schema file or folder (default: prisma/...).")
@click.option("--from", "from_path", metavar="PATH", help="FROM is this schema (what the database has now).")
@_from_options
@click.option("--migrations-dir", metavar="DIR", help="Default: migrations/ beside the datasource's file.")
@click.option("--url", metavar="URL", help="Server for the temporary shadow database (default: the datasource's url).")
@click.option(
    "--shadow-database-url",
    metavar="URL",
    help="Replay the migrations there (default: the schema's shadowDatabaseUrl).",
)
def create_command(
    name: str,
    schema_option: str | None,
    from_path: str | None,
    from_empty: bool,
    from_git: str | None,
    migrations_dir: str | None,
    url: str | None,
    shadow_database_url: str | None,
) -> None:
    """Write a new migration NAME, as `prisma migrate dev --create-only` does.

    Creates MIGRATIONS/<YYYYMMDDHHMMSS>_NAME/migration.sql (and
    migration_lock.toml when missing) for the change from FROM to the schema.
    Without --from, --from-git or --from-empty, FROM is what the migrations
    already there produce, replayed into a shadow database (--shadow-database-url,
    the schema's shadowDatabaseUrl, else a temporary database on the server of
    --url or the datasource's url); an empty database when there are none. When
    nothing changed, an empty migration is written, as --create-only does.
    """
    from ..migrate import build, diff, diff_steps, render_script
    from ..migrate.datasource import lock_provider
    from ..migrate.migrations import create_migration, list_migrations, migration_warnings
    from ..migrate.sources import load_schema
    from ..migrate.sqlite import SqliteStep
    from ..migrate.steps import Step

    schema_path = _schema_path(schema_option)
    with database_errors():
        to_schema = load_schema(schema_path)
        folder = Path(migrations_dir) if migrations_dir else _migrations_dir(schema_path, to_schema)
        if not (from_path or from_empty or from_git) and list_migrations(folder):
            if lock_provider(to_schema) != "postgresql":
                fail(
                    f"{folder} already has migrations, and replaying them needs PostgreSQL: say what the"
                    " database has now with --from PATH, --from-git REV (e.g. HEAD) or --from-empty"
                )
            from .migrate_live import replayed_for_schema

            new = build(to_schema)
            replayed = replayed_for_schema(folder, to_schema, new, url=url, shadow_url=shadow_database_url)
            steps: list[Step] | list[SqliteStep] = diff(replayed, new)
        else:
            steps = diff_steps(_load_from(from_path, from_empty, from_git, schema_path), to_schema)
        warnings = migration_warnings(steps)
        target = create_migration(folder, name, render_script(steps, warnings), provider=lock_provider(to_schema))
    if not steps:
        click.echo("The schema has no change from the migrations: the migration is empty.", err=True)
    for w in warnings:
        click.echo(f"warning: {w}", err=True)
    click.echo(f"Created {target / 'migration.sql'}")


# ------------------------------------------------------------------ database commands
# psycopg is imported only here (the optional `postgres` extra); without it these commands say so.


def _url_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--url",
        metavar="URL",
        help="postgresql://... (default: the datasource's url or env(...), else DATABASE_URL).",
    )(f)


def _schema_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--schema", "schema_option", metavar="PATH", help="The schema file or folder.")(f)


def _dir_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--migrations-dir", metavar="DIR", help="Default: migrations/ beside the datasource's file.")(f)


@contextmanager
def database_errors() -> Iterator[None]:
    """Database errors raised outside the migrate package's own handling, as one line."""
    from ..migrate.db import database_error

    with user_errors():
        try:
            yield
        except Exception as e:
            if type(e).__module__.split(".")[0] != "psycopg":
                raise
            fail(f"database error: {database_error(e)}")


@dataclass
class _Project:
    schema: Schema | None
    url: str
    migrations: Path


def _project(schema_option: str | None, url: str | None, migrations_dir: str | None, *, need_schema: bool) -> _Project:
    from ..migrate.datasource import resolve_url
    from ..migrate.sources import load_schema

    schema: Schema | None = None
    schema_path: Path | None = None
    if schema_option or need_schema or not (url and migrations_dir):
        schema_path = _schema_path(schema_option)
        schema = load_schema(schema_path)
    if migrations_dir:
        folder = Path(migrations_dir)
    else:
        assert schema_path is not None  # loaded above whenever --migrations-dir is missing
        folder = _migrations_dir(schema_path, schema)
    return _Project(schema=schema, url=resolve_url(url, schema), migrations=folder)


@migrate.command("check")
@_schema_option
@_url_option
@click.option("--write-missing", metavar="NAME", help="Write a migration NAME creating only what is missing.")
@_dir_option
def check_command(
    schema_option: str | None, url: str | None, write_missing: str | None, migrations_dir: str | None
) -> None:
    """Report which tables, columns, enums and indexes of the schema the database lacks.

    Exit status 0 when nothing is missing, 1 when something is (with
    --write-missing, 0 once the migration is written), 2 on errors.
    """
    from ..migrate import build, diff, render_script
    from ..migrate.db import connect, parse_url
    from ..migrate.live import inspect, missing_report, present_part
    from ..migrate.migrations import create_migration, migration_warnings

    with database_errors():
        project = _project(schema_option, url, migrations_dir, need_schema=True)
        assert project.schema is not None
        expected = build(project.schema)
        default = parse_url(project.url).schema
        namespaces = sorted(
            {t.namespace or default for t in expected.tables}
            | {e.namespace or default for e in expected.enums}
            | {default}
        )
        conn = connect(project.url)
        try:
            present = present_part(expected, inspect(conn, namespaces), default)
        finally:
            conn.close()
        lines = missing_report(expected, present)
        if write_missing is None:
            for line in lines:
                click.echo(line)
            if not lines:
                click.echo("The database has every table, column, enum and index of the schema.")
                return
            tables = sum(1 for line in lines if line.startswith("missing table"))
            click.echo(f"{len([x for x in lines if not x.startswith('  ')])} missing ({tables} tables).", err=True)
            sys.exit(1)
        steps = diff(present, expected)
        if not steps:
            click.echo("Nothing is missing: no migration written.")
            return
        warnings = migration_warnings(steps)
        target = create_migration(project.migrations, write_missing, render_script(steps, warnings))
    click.echo(f"Created {target / 'migration.sql'}")


@migrate.command("deploy")
@_schema_option
@_url_option
@_dir_option
def deploy_command(schema_option: str | None, url: str | None, migrations_dir: str | None) -> None:
    """Apply pending migrations in order, as `prisma migrate deploy` does.

    Each migration runs as one transaction and is recorded in _prisma_migrations;
    a failed one is rolled back, recorded with its error, and blocks further
    deploys until `migrate resolve`.
    """
    from ..migrate.db import connect
    from ..migrate.deploy import deploy
    from ..migrate.migrations import list_migrations

    with database_errors():
        project = _project(schema_option, url, migrations_dir, need_schema=False)
        migrations = list_migrations(project.migrations)
        click.echo(f"{len(migrations)} migration{'s' if len(migrations) != 1 else ''} found in {project.migrations}")
        conn = connect(project.url)
        try:
            result = deploy(conn, migrations, log=click.echo)
        finally:
            conn.close()
    if not result.applied:
        click.echo("No pending migrations to apply.")
        return
    click.echo("The following migration(s) have been applied:")
    for name in result.applied:
        click.echo(f"  {name}/migration.sql")
    click.echo("All migrations have been successfully applied.")


@migrate.command("resolve")
@click.option("--applied", metavar="NAME", help="Record migration NAME as applied (without running it).")
@click.option("--rolled-back", "rolled_back", metavar="NAME", help="Mark the failed migration NAME as rolled back.")
@_schema_option
@_url_option
@_dir_option
def resolve_command(
    applied: str | None,
    rolled_back: str | None,
    schema_option: str | None,
    url: str | None,
    migrations_dir: str | None,
) -> None:
    """Resolve a migration's state in _prisma_migrations, as `prisma migrate resolve` does."""
    from ..migrate.db import connect
    from ..migrate.deploy import resolve_applied, resolve_rolled_back
    from ..migrate.migrations import list_migrations

    if bool(applied) == bool(rolled_back):
        raise click.UsageError("give exactly one of --applied NAME and --rolled-back NAME")
    with database_errors():
        project = _project(schema_option, url, migrations_dir, need_schema=False)
        conn = connect(project.url)
        try:
            if applied:
                found = [m for m in list_migrations(project.migrations) if m.name == applied]
                if not found:
                    fail(
                        f"P3017: The migration {applied} could not be found in {project.migrations}. Make sure that"
                        " the migration exists, and that you included the whole name of the directory."
                    )
                resolve_applied(conn, found[0])
            else:
                assert rolled_back is not None
                resolve_rolled_back(conn, rolled_back)
        finally:
            conn.close()
    click.echo(
        f"Migration {applied} marked as applied." if applied else f"Migration {rolled_back} marked as rolled back."
    )


@migrate.command("history")
@_schema_option
@click.option("--url", metavar="URL", help="Also compare with the database's _prisma_migrations (postgresql://...).")
@_dir_option
@click.option("--main", "main_rev", metavar="REV", help="The branch to compare with (default: main, else master).")
@click.option("--fix", is_flag=True, help="Rename out-of-order folders nothing has applied (needs --url).")
def history_command(
    schema_option: str | None, url: str | None, migrations_dir: str | None, main_rev: str | None, fix: bool
) -> None:
    """Check the migrations folder after a merge: against git's main branch and, with --url, the database.

    Reports folders sharing a timestamp, a folder that sorts before one main or
    the database already has, an applied migration edited or missing, a failed
    migration blocking deploys; each with the Prisma error it leads to. --fix
    renames an out-of-order folder to a timestamp after the newest migration,
    only when the database shows nothing has applied it. Exit status: 0 nothing
    found (or all fixed), 1 problems left, 2 errors.
    """
    from ..migrate.history import Local, analyse, plan_renames, read_rows
    from ..migrate.migrations import list_migrations

    if fix and not url:
        raise click.UsageError("--fix needs --url: only the database can tell that nothing has applied a migration")
    with database_errors():
        if migrations_dir:
            folder = Path(migrations_dir)
        else:
            from ..migrate.sources import load_schema

            schema_path = _schema_path(schema_option)
            folder = _migrations_dir(schema_path, load_schema(schema_path))
        local = [Local(m.name, m.script_path.read_bytes()) for m in list_migrations(folder)]
        main, label = _main_folders(folder, main_rev)
        rows = None
        others = False
        if url:
            from ..migrate.db import connect

            conn = connect(url)
            try:
                rows, others = read_rows(conn)
            finally:
                conn.close()
        findings = analyse(local, main=main, main_label=label, rows=rows, tables_without_history=others)
        renames = plan_renames(findings, local, rows, main) if fix else {}
        for old, new in renames.items():
            (folder / old).rename(folder / new)
            click.echo(f"{folder / old}: renamed to {new}")
        left = [f for f in findings if f.migration not in renames]
        for f in left:
            click.echo(f"{folder}: {f.render()}")
        if main is None:
            click.echo(f"note: not compared with a main branch ({label})", err=True)
        if not left:
            click.echo(f"{len(local)} migration{'s' if len(local) != 1 else ''}: no problem found.", err=True)
            return
    sys.exit(1)


def _main_folders(folder: Path, rev: str | None) -> tuple[list[str] | None, str]:
    """The migration folder names at ``rev`` (default main, else master) and its label; None outside git."""
    import subprocess

    if not folder.is_dir():
        return None, f"{folder} does not exist"

    def git(*args: str) -> subprocess.CompletedProcess[str] | None:
        try:
            return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=False)
        except OSError:
            return None

    for candidate in [rev] if rev else ["main", "master", "origin/main", "origin/master"]:
        known = git("rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}")
        if known is None:
            return None, "git is not available"
        if known.returncode != 0:
            continue
        # `REV:./` lists nothing from inside a subfolder (ls-tree filters by the folder too): `REV ./`
        listing = git("ls-tree", candidate, "./")
        if listing is None or listing.returncode != 0:
            return [], candidate  # the folder is not on that branch yet
        entries = (line.split("\t", 1) for line in listing.stdout.splitlines() if "\t" in line)
        return [
            name.rstrip("/").rsplit("/", 1)[-1] for meta, name in entries if meta.split(" ")[1:2] == ["tree"]
        ], candidate
    if rev:
        fail(f"--main {rev}: no such revision")
    return None, "no main or master branch, or not a git repository"


# `status` and `reset` live in their own modules, registered on this group when it is imported.
from . import migrate_reset, migrate_status  # noqa: E402, F401

# The database-reading commands live in their own module; registered here so `migrate drift` exists.
from .migrate_live import drift_command  # noqa: E402

migrate.add_command(drift_command)
