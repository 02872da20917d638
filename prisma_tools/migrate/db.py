"""Connecting to PostgreSQL with psycopg 3 (the optional ``postgres`` extra), with one-line errors.

A Prisma connection URL is libpq's, plus parameters only Prisma understands
(``schema``, ``connection_limit``...): those are taken out, and ``schema``
becomes the default schema (``search_path``), as Prisma uses it. Every
connection problem (refused, wrong password, unknown database, timeout)
becomes a :class:`MigrateError` whose message is one line without the password.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .errors import MigrateError

if TYPE_CHECKING:
    import psycopg

__all__ = ["ConnectionTarget", "connect", "parse_url", "require_psycopg"]

# URL parameters Prisma reads itself; libpq rejects unknown ones.
PRISMA_ONLY_PARAMETERS = frozenset(
    {
        "schema",
        "connection_limit",
        "pool_timeout",
        "pgbouncer",
        "statement_cache_size",
        "socket_timeout",
        "sslaccept",
        "sslidentity",
        "single_use_connections",
    }
)
DEFAULT_CONNECT_TIMEOUT = "10"


@dataclass(frozen=True)
class ConnectionTarget:
    """A parsed URL: what to give libpq, the default schema, and a password-free label for messages."""

    conninfo: str
    schema: str
    label: str


def parse_url(url: str) -> ConnectionTarget:
    """Split a Prisma PostgreSQL URL into libpq's URL and the default schema."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        scheme = parts.scheme or url.partition(":")[0]
        raise MigrateError(f"database URL scheme {scheme!r} is not supported yet (only postgresql://)")
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema" and v), "public")
    kept = [(k, v) for k, v in query if k not in PRISMA_ONLY_PARAMETERS]
    if not any(k == "connect_timeout" for k, _ in kept):
        kept.append(("connect_timeout", DEFAULT_CONNECT_TIMEOUT))
    conninfo = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(kept), ""))
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    label = f"{host}{port}{parts.path or '/'}"
    return ConnectionTarget(conninfo=conninfo, schema=schema, label=label)


def require_psycopg() -> Any:
    """The psycopg module, or a clear error telling how to install it."""
    try:
        import psycopg
    except ImportError:
        raise MigrateError(
            "this command needs psycopg 3: pip install 'prisma-tools[postgres]' (or pip install 'psycopg[binary]')"
        ) from None
    return psycopg


def _reason(error: Exception) -> str:
    """The useful part of libpq's message, on one line."""
    text = str(error).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = lines[0] if lines else type(error).__name__
    first = re.sub(r"^connection failed:\s*", "", first)
    first = re.sub(r"^connection to server (at|on) [^,]*(, port \d+)? failed:\s*", "", first)
    return first.rstrip(".") or text


def connect(url: str) -> psycopg.Connection[Any]:
    """An autocommit connection whose ``search_path`` is the URL's schema."""
    target = parse_url(url)
    psycopg = require_psycopg()
    try:
        conn = psycopg.connect(target.conninfo, autocommit=True)
    except psycopg.Error as e:
        raise MigrateError(f"cannot connect to the database at {target.label}: {_reason(e)}") from None
    try:
        conn.execute(f"SET search_path TO {quote_ident(target.schema)}")
    except psycopg.Error as e:
        conn.close()
        raise MigrateError(f"cannot use schema {target.schema!r}: {_reason(e)}") from None
    return conn  # type: ignore[no-any-return]


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def database_error(error: Exception) -> str:
    """A database error as one line (for messages) with libpq's details dropped."""
    return _reason(error)
