"""``prisma-tools migrate reset``: registered on the ``migrate`` group by ``cli/migrate.py``.

It never asks: without ``--force`` it refuses (exit status 2), naming the
database it would empty, so that a script or CI job cannot hang on a prompt.
"""

from __future__ import annotations

import click

from .migrate import _dir_option, _project, _schema_option, _url_option, database_errors, fail, migrate

__all__ = ["reset_command"]


@migrate.command("reset")
@click.option("-f", "--force", is_flag=True, help="Required: drop everything without asking (it never asks).")
@_schema_option
@_url_option
@_dir_option
def reset_command(force: bool, schema_option: str | None, url: str | None, migrations_dir: str | None) -> None:
    """Drop everything and apply every migration again, as `prisma migrate reset --force --skip-seed --skip-generate`.

    Drops the datasource's `schemas` (else the URL's ?schema=, default public)
    with all they hold, _prisma_migrations included, creates them again empty
    (with their owner, privileges and comment), then applies every migration
    as `migrate deploy` does. A database that does not exist is created first.
    Given --url and --migrations-dir without --schema, no schema file is read:
    only the URL's schema is reset. Without --force nothing is done (exit
    status 2); the message names the database and the schemas.
    """
    from ..migrate.db import connect, mask_url, parse_url
    from ..migrate.errors import MigrateError
    from ..migrate.migrations import list_migrations
    from ..migrate.reset import create_missing_database, reset, schemas_to_reset

    with database_errors():
        project = _project(schema_option, url, migrations_dir, need_schema=False)
        schemas = schemas_to_reset(project.schema, parse_url(project.url).schema)
        named = ", ".join(f'"{s}"' for s in schemas)
        if not force:
            fail(
                f"migrate reset would drop all data in the database {mask_url(project.url)}"
                f" (schema{'s' if len(schemas) > 1 else ''} {named}): pass --force to reset it"
            )
        migrations = list_migrations(project.migrations)
        try:
            conn = connect(project.url)
        except MigrateError:
            created = create_missing_database(project.url)
            if created is None:
                raise
            click.echo(created)
            conn = connect(project.url)
        try:
            result = reset(conn, schemas, migrations, log=click.echo)
        finally:
            conn.close()
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if not result.applied:
        click.echo("Database reset successful")
        return
    click.echo("\nDatabase reset successful\n\nThe following migration(s) have been applied:\n")
    click.echo(f"{project.migrations}/")
    for name in result.applied:
        click.echo(f"  └─ {name}/\n    └─ migration.sql")
