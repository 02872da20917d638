"""A private PostgreSQL server for the tests: initdb into a temporary folder, 127.0.0.1 only.

The server listens on a free port of 127.0.0.1 (and a unix socket inside its
own folder), with password authentication, and is stopped and deleted at the
end of the session. It comes from Debian's ``postgresql`` package
(``/usr/lib/postgresql/*/bin``, which ``scripts/ensure-postgres.sh`` installs).
PostgreSQL refuses to run as root, so as root it runs as the ``postgres`` user.

Without PostgreSQL or psycopg the tests that need them skip, except under
``CI=true``, where they fail.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PASSWORD = "prisma-tools-test"
_ids = itertools.count()


def _missing(message: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + "; CI=true requires it (scripts/ensure-postgres.sh installs it)")
    pytest.skip(message)


def find_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` with initdb, else initdb's folder on PATH."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if candidates:
        return candidates[-1].parent
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    """A running server: ``url(db)`` gives a connection URL to one of its databases."""

    bin_dir: Path
    root: Path
    port: int
    user: str = "postgres"

    def url(self, database: str = "postgres", *, password: str = PASSWORD) -> str:
        return f"postgresql://{self.user}:{password}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new, empty database; returns its URL."""
        import psycopg

        name = f"t{os.getpid()}_{next(_ids)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def pg_dump(self, url: str) -> str:
        """``pg_dump --schema-only`` of a database, without the random ``\\restrict`` tokens."""
        out = subprocess.run(
            [str(self.bin_dir / "pg_dump"), "--schema-only", "--no-owner", "--dbname", url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return "".join(line for line in out.splitlines(True) if not line.startswith(("\\restrict", "\\unrestrict")))


def _as_server_user(cmd: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@contextlib.contextmanager
def running_server() -> Iterator[PostgresServer]:
    """Start a throw-away server; stop and delete it afterwards."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _missing("psycopg is not installed (pip install -e '.[postgres]')")
    bin_dir = find_bin_dir()
    if bin_dir is None:
        _missing("PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin or on PATH)")
    assert bin_dir is not None
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        _missing("running as root needs runuser to start PostgreSQL as the postgres user")
    root = Path(tempfile.mkdtemp(prefix="prisma-tools-pg-"))
    data = root / "data"
    pwfile = root / "pwfile"
    pwfile.write_text(PASSWORD + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        shutil.chown(pwfile, "postgres", "postgres")
    port = free_port()
    server = PostgresServer(bin_dir, root, port)
    initdb = [
        str(bin_dir / "initdb"),
        "-D",
        str(data),
        "-U",
        "postgres",
        "--auth=scram-sha-256",
        f"--pwfile={pwfile}",
        "--encoding=UTF8",
        "--locale=C",
        "--no-sync",
    ]
    subprocess.run(_as_server_user(initdb), check=True, capture_output=True)
    options = f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    start = [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"]
    started = False
    try:
        subprocess.run(_as_server_user(start), check=True, capture_output=True)
        started = True
        yield server
    finally:
        if started:
            stop = [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            subprocess.run(_as_server_user(stop), check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    with running_server() as server:
        yield server


@pytest.fixture
def database_url(postgres: PostgresServer) -> str:
    """A fresh, empty database on the private server."""
    return postgres.create_database()
