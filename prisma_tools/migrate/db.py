"""Connecting to PostgreSQL with psycopg 3 (the optional ``postgres`` extra), with one-line errors.

A Prisma connection URL is libpq's, plus parameters only Prisma understands
(``schema``, ``connection_limit``...): those are taken out, and ``schema``
becomes the default schema (``search_path``), as Prisma uses it. Every
connection problem (refused, wrong password, unknown database, timeout)
becomes a :class:`MigrateError` whose message is one line without the password.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import quote, unquote_plus, unquote_to_bytes

from .errors import MigrateError

if TYPE_CHECKING:
    import psycopg

__all__ = ["ConnectionTarget", "connect", "mask_url", "parse_url", "require_psycopg"]

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

    conninfo: str = field(repr=False)
    schema: str
    label: str
    password: str = field(default="", repr=False)


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*(?=:)")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})|%00")
# Query parameters whose value is a secret, masked like the password.
_SECRET_PARAMETER = re.compile(r"([?&](?:ssl)?password=)[^&#]*", re.IGNORECASE)


def mask_url(url: str) -> str:
    """``url`` with its password (and ``password=`` parameters) shown as ``****``.

    The password runs from the first ``:`` after the scheme to the *last* ``@``, as
    URL parsers read it; when a ``/``, ``?`` or ``#`` in it makes the URL
    ambiguous this masks more than the password, never less.
    """
    scheme = _SCHEME.match(url)
    cut = scheme.end() + 1 if scheme else 0
    cut += 2 if url.startswith("//", cut) else 0
    head, rest = url[:cut], url[cut:]
    at = rest.rfind("@")
    colon = rest.find(":", 0, at) if at > 0 else -1
    if colon >= 0:
        rest = rest[: colon + 1] + "****" + rest[at:]
    return _SECRET_PARAMETER.sub(r"\1****", head + rest)


def _decoded(text: str, what: str, fail: Callable[[str], NoReturn]) -> bytes:
    """``text`` percent-decoded as libpq decodes it (``%`` + two hex digits; ``+`` stays ``+``)."""
    if _BAD_PERCENT.search(text):
        fail(f"bad percent-encoding in the {what} (a % must be followed by two hex digits, not 00; write % as %25)")
    return unquote_to_bytes(text)


_RESERVED_IN_PASSWORD = (
    "a '/', '?' or '#' in the user name or password (or a '@' in the database name)"
    " must be percent-encoded: %2F, %3F, %23, %40"
)


def _check_hosts(hosts: str, fail: Callable[[str], NoReturn], *, ambiguous: bool) -> None:
    """``host[:port]`` items separated by commas, as libpq reads them; every port a number."""
    for item in hosts.split(","):
        if item.startswith("["):
            close = item.find("]")
            if close < 0:
                fail("a '[' in the host has no closing ']'")
            host, port = item[: close + 1], item[close + 1 :]
            if port and not port.startswith(":"):
                fail(f"unexpected text after the host {host}")
            port = port[1:]
        else:
            host, _, port = item.partition(":")
        _decoded(host, "host", fail)
        if port and not (port.isascii() and port.isdigit() and 0 < int(port) < 65536):
            fail(_RESERVED_IN_PASSWORD if ambiguous else f"the port {port!r} is not a number from 1 to 65535")


def parse_url(url: str) -> ConnectionTarget:
    """Split a Prisma PostgreSQL URL into libpq's URL and the default schema.

    Invalid URLs raise :class:`MigrateError` naming the problem, with the URL
    masked (:func:`mask_url`): libpq's own messages quote the offending text,
    which may be the password.
    """
    scheme_match = _SCHEME.match(url)
    scheme = scheme_match.group(0) if scheme_match else ""
    if scheme not in ("postgresql", "postgres"):
        shown = repr(scheme) if scheme else "of this URL"
        raise MigrateError(f"database URL scheme {shown} is not supported yet (only postgresql://)")
    shown = mask_url(url)

    def fail(why: str) -> NoReturn:
        raise MigrateError(f"invalid database URL {shown}: {why}")

    rest = url[len(scheme) :]
    if not rest.startswith("://"):
        fail(f"expected {scheme}://")
    rest = rest[3:]
    if "#" in rest:
        fail("a '#' must be percent-encoded as %23 (in a password too)")
    # The authority ends at the first '/' or '?' (as Prisma's URL parser and libpq read it);
    # its userinfo ends at its last '@'.
    end = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    authority, tail = rest[:end], rest[end:]
    userinfo, at, hosts = authority.rpartition("@")
    path, _, query = tail.partition("?")
    # A '@' after the authority when it has none: most likely a '/' or '?' in the password cut
    # the URL short, so what looks like the port or a parameter may be part of the password.
    ambiguous = not at and "@" in tail
    if ambiguous and ("@" in path or any("@" in item.partition("=")[0] for item in query.split("&"))):
        fail(_RESERVED_IN_PASSWORD)
    user, colon, password = userinfo.partition(":")
    raw_user, raw_password = _decoded(user, "user name", fail), _decoded(password, "password", fail)
    _check_hosts(hosts, fail, ambiguous=ambiguous)
    _decoded(path, "database name", fail)
    schema = "public"
    kept: list[str] = []
    for item in query.split("&") if query else ():
        key, eq, value = item.partition("=")
        if not eq:
            fail(f"query parameter {key!r} has no '=' and value")
        name = _decoded(key, "name of a query parameter", fail).decode("utf-8", "replace")
        _decoded(value, f"value of the query parameter {name!r}", fail)
        if name in PRISMA_ONLY_PARAMETERS:
            # Prisma reads its own parameters as form data: '+' is a space there.
            if name == "schema" and value:
                schema = unquote_plus(value)
            continue
        kept.append(item)  # passed as written: libpq decodes it itself ('+' stays '+')
    if not any(item.partition("=")[0] == "connect_timeout" for item in kept):
        kept.append(f"connect_timeout={DEFAULT_CONNECT_TIMEOUT}")
    credentials = ""
    if at:
        # Re-encoded: a '@' or ':' the user wrote raw in the password reaches libpq as the password.
        credentials = quote(raw_user, safe="") + (":" + quote(raw_password, safe="") if colon else "") + "@"
    conninfo = f"{scheme}://{credentials}{hosts}{path}?{'&'.join(kept)}"
    label = f"{hosts or 'localhost'}{path or '/'}"
    return ConnectionTarget(
        conninfo=conninfo, schema=schema, label=label, password=raw_password.decode("utf-8", "replace")
    )


def require_psycopg() -> Any:
    """The psycopg module, or a clear error telling how to install it."""
    try:
        import psycopg
    except ImportError:
        raise MigrateError(
            "this command needs psycopg 3: pip install 'prisma-tools[postgres]' (or pip install 'psycopg[binary]')"
        ) from None
    return psycopg


def _reason(error: Exception, secret: str = "") -> str:
    """The useful part of libpq's message, on one line, with ``secret`` (the password) masked."""
    text = str(error).strip()
    if secret:
        text = text.replace(secret, "****")
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
        raise MigrateError(f"cannot connect to the database at {target.label}: {_reason(e, target.password)}") from None
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
