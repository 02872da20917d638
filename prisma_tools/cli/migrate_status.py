"""``prisma-tools migrate status``: registered on the ``migrate`` group by ``cli/migrate.py``.

Exit status as Prisma's: 0 in sync, 1 not in sync (migrations not applied,
histories that diverge, a database without ``_prisma_migrations``, a failed
migration); 2 (not 1, as in Prisma) for errors, so "not in sync" and "could
not tell" stay apart.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .migrate import _dir_option, _project, _schema_option, _url_option, database_errors, json_diagnostics, migrate

if TYPE_CHECKING:
    from ..migrate.status import Status

__all__ = ["status_command"]


@migrate.command("status")
@_schema_option
@_url_option
@_dir_option
@click.option(
    "--output-format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help='json: {"status": {...every category...}, "diagnostics": [...]} on stdout.',
)
def status_command(schema_option: str | None, url: str | None, migrations_dir: str | None, output_format: str) -> None:
    """Compare the migrations folder with the database's _prisma_migrations, as `prisma migrate status` does.

    Reports migrations not yet applied, failed ones, histories that diverge
    (migrations of the database not found locally) and a database Prisma
    Migrate does not manage, in Prisma's words; migrations edited after they
    were applied, and other things Prisma's report omits, as warnings. Exit
    status: 0 up to date, 1 not in sync, 2 errors.
    """
    if output_format == "json":
        _status_json(schema_option, url, migrations_dir)
        return
    from ..migrate.status import notes, render

    with database_errors():
        folder, status = _diagnose(schema_option, url, migrations_dir)
    for line in render(status, str(folder)):
        click.echo(line.text, err=line.stream == "err")
    for note in notes(status, str(folder)):
        click.echo(f"warning: {note}", err=True)
    sys.exit(status.exit_code)


def _diagnose(schema_option: str | None, url: str | None, migrations_dir: str | None) -> tuple[Path, Status]:
    from ..migrate.db import connect
    from ..migrate.errors import MigrateError
    from ..migrate.history import Local
    from ..migrate.migrations import list_migrations
    from ..migrate.status import diagnose, lock_provider_error, read_history

    project = _project(schema_option, url, migrations_dir, need_schema=False)
    lock_provider_error(project.migrations)
    try:
        local = [Local(m.name, m.script_path.read_bytes()) for m in list_migrations(project.migrations)]
    except OSError as e:
        raise MigrateError(f"cannot read {e.filename}: {e.strerror}") from None
    conn = connect(project.url)
    try:
        rows, others = read_history(conn)
    finally:
        conn.close()
    return project.migrations, diagnose(local, rows, tables_without_history=others)


def _status_json(schema_option: str | None, url: str | None, migrations_dir: str | None) -> None:
    """One JSON object on stdout whatever happens (``status`` null and the reasons in ``diagnostics``)."""
    import json

    from ..migrate.status import as_json

    where = migrations_dir or schema_option or "-"
    report: dict[str, Any] | None = None
    diagnostics: list[dict[str, Any]] = []
    code = 2
    try:
        if schema_option is None and not (url and migrations_dir):
            from ..schema_location import locate_schema

            schema_option = str(locate_schema()[0])  # here, so that not finding it is JSON too
        folder, status = _diagnose(schema_option, url, migrations_dir)
        report, code = as_json(status, str(folder)), status.exit_code
    except Exception as e:
        diagnostics = json_diagnostics(where, e)
    click.echo(json.dumps({"status": report, "diagnostics": diagnostics}, indent=2, ensure_ascii=False))
    sys.exit(code)
