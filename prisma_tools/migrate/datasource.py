"""The datasource block as migrations need it: provider, URL, relation mode, schemas, extensions."""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..nodes import ArrayValue, ConstantValue, Datasource, FunctionCall, Schema, StringValue
from .ast_util import decode_string
from .errors import MigrateError, UnsupportedSchema
from .model import Extension

__all__ = ["DatasourceInfo", "datasource_of", "lock_provider", "provider_of", "resolve_url"]

SUPPORTED_PROVIDERS = ("postgresql", "postgres", "cockroachdb")
# What `migrate diff` and `migrate create` write besides PostgreSQL (the database commands need PostgreSQL).
SCRIPT_ONLY_PROVIDERS = ("sqlite",)


@dataclass(frozen=True)
class DatasourceInfo:
    """What the datasource block says. ``url_env`` is the variable of ``url = env("X")``."""

    name: str
    provider: str
    url: str | None = None
    url_env: str | None = None
    relation_mode: str = "foreignKeys"
    schemas: tuple[str, ...] = ()
    extensions: tuple[Extension, ...] = ()

    @property
    def foreign_keys(self) -> bool:
        """With ``relationMode = "prisma"`` the engine creates no foreign keys at all."""
        return self.relation_mode != "prisma"


def _string(value: object) -> str | None:
    return decode_string(value) if isinstance(value, StringValue) else None


def _extension(item: object) -> Extension:
    if isinstance(item, ConstantValue):
        return Extension(name=item.name)
    if isinstance(item, FunctionCall):
        args = {a.name: _string(a.value) for a in item.arguments if a.name is not None}
        return Extension(name=args.get("map") or item.name, schema=args.get("schema"), version=args.get("version"))
    raise UnsupportedSchema("datasource: `extensions` must list extension names")


def datasource_of(schema: Schema, providers: tuple[str, ...] = SUPPORTED_PROVIDERS) -> DatasourceInfo:
    """Read the (single) datasource block; refuse providers other than ``providers`` (PostgreSQL)."""
    blocks = [b for b in schema.blocks if isinstance(b, Datasource)]
    if not blocks:
        raise UnsupportedSchema("the schema has no datasource block, so its database provider is unknown")
    if len(blocks) > 1:
        raise UnsupportedSchema("the schema has more than one datasource block")
    ds = blocks[0]
    provider_setting = ds.setting("provider")
    provider = _string(provider_setting.value) if provider_setting is not None else None
    if provider is None:
        raise UnsupportedSchema(f'datasource "{ds.name}" has no provider')
    if provider not in providers:
        if provider in SCRIPT_ONLY_PROVIDERS:
            raise UnsupportedSchema(
                f'provider "{provider}": prisma-tools writes its migrations (migrate diff, migrate create),'
                " but the database commands work with PostgreSQL only"
            )
        raise UnsupportedSchema(
            f'provider "{provider}" is not supported yet by prisma-tools migrate'
            ' (only "postgresql", "cockroachdb" and "sqlite")'
        )
    url: str | None = None
    url_env: str | None = None
    url_setting = ds.setting("url")
    if url_setting is not None:
        value = url_setting.value
        if isinstance(value, FunctionCall) and value.name == "env" and value.arguments:
            url_env = _string(value.arguments[0].value)
        else:
            url = _string(value)
    mode_setting = ds.setting("relationMode") or ds.setting("referentialIntegrity")
    relation_mode = (_string(mode_setting.value) if mode_setting else None) or "foreignKeys"
    schemas: tuple[str, ...] = ()
    schemas_setting = ds.setting("schemas")
    if schemas_setting is not None and isinstance(schemas_setting.value, ArrayValue):
        schemas = tuple(s for s in (_string(v) for v in schemas_setting.value.items) if s is not None)
    extensions: tuple[Extension, ...] = ()
    ext_setting = ds.setting("extensions")
    if ext_setting is not None and isinstance(ext_setting.value, ArrayValue):
        extensions = tuple(_extension(v) for v in ext_setting.value.items)
    return DatasourceInfo(
        name=ds.name,
        provider=provider,
        url=url,
        url_env=url_env,
        relation_mode=relation_mode,
        schemas=schemas,
        extensions=extensions,
    )


def provider_of(schema: Schema) -> str | None:
    """The provider the schema's datasource names (None without one), without validating the rest."""
    for block in schema.blocks:
        if isinstance(block, Datasource) and (setting := block.setting("provider")) is not None:
            return _string(setting.value)
    return None


def lock_provider(schema: Schema) -> str:
    """The provider ``migration_lock.toml`` names for the schema: its connector's name."""
    provider = provider_of(schema)
    return provider if provider in ("sqlite", "cockroachdb") else "postgresql"


def resolve_url(explicit: str | None, schema: Schema | None) -> str:
    """The connection URL: ``--url``, else the datasource's ``env(...)`` or literal, else ``DATABASE_URL``."""
    if schema is not None and provider_of(schema) == "cockroachdb":
        # Scripts are written for CockroachDB; reading and applying to a live database is PostgreSQL's only.
        raise MigrateError(
            "the database commands support PostgreSQL only, not CockroachDB (migrate diff and create do)"
        )
    if explicit:
        return explicit
    ds = datasource_of(schema) if schema is not None else None
    if ds is not None and ds.url_env and os.environ.get(ds.url_env):
        return os.environ[ds.url_env]
    if ds is not None and ds.url:
        return ds.url
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    if ds is not None and ds.url_env:
        raise MigrateError(f"no database URL: the datasource reads env({ds.url_env!r}), which is not set; pass --url")
    raise MigrateError("no database URL: pass --url or set DATABASE_URL")
