"""The migration histories of ``tests/fixtures/migrate/status/cases.json``, as folders and ``_prisma_migrations`` rows.

A case lists its folders (``local``: name and script, in name order) and its rows
(``rows``: null for a database without the table) in ``started_at`` order, each
with the script its checksum is of (``checksum``: ``legacy`` for the digest's
bytes written without zero padding, as early engines wrote them, ``stripped``
for the hex digest without its leading zeros, ``empty``), and a ``state``: ``applied`` (the default), ``failed``,
``rolled-back`` (a failed row marked by ``migrate resolve --rolled-back``) or
``resolved`` (``migrate resolve --applied``). ``expected.json`` beside it holds
what Prisma's engine answers for each (``scripts/regen_status_goldens.py``);
``reset_cases.json`` and ``reset_expected.json`` hold schemas (with the URL's
default schema) and the statements the engine's ``reset`` sends for each.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from prisma_tools.migrate.deploy import Row
from prisma_tools.migrate.history import Local

FOLDER = Path(__file__).resolve().parent / "fixtures" / "migrate" / "status"
CASES = FOLDER / "cases.json"
EXPECTED = FOLDER / "expected.json"
RESET_CASES = FOLDER / "reset_cases.json"
RESET_EXPECTED = FOLDER / "reset_expected.json"
START = datetime(2024, 1, 5, tzinfo=UTC)


def load_cases() -> list[dict[str, Any]]:
    return list(json.loads(CASES.read_text(encoding="utf-8")))


def local_of(case: dict[str, Any]) -> list[Local]:
    return [Local(name, script.encode("utf-8")) for name, script in case["local"]]


def rows_of(case: dict[str, Any]) -> list[Row] | None:
    if case["rows"] is None:
        return None
    out = []
    for i, r in enumerate(case["rows"]):
        digest = hashlib.sha256(r["script"].encode("utf-8")).digest()
        checksum = {
            "legacy": "".join(f"{b:x}" for b in digest),  # what early engines wrote
            "stripped": digest.hex().lstrip("0"),
            "empty": "",
        }.get(r.get("checksum", ""), digest.hex())
        state = r.get("state", "applied")
        started = START + timedelta(minutes=i)
        out.append(
            Row(
                id=f"id-{i}",
                checksum=checksum,
                finished_at=started if state in ("applied", "resolved") else None,
                migration_name=r["name"],
                logs={"failed": "boom", "rolled-back": "boom", "resolved": ""}.get(state),
                rolled_back_at=started + timedelta(seconds=30) if state == "rolled-back" else None,
                started_at=started,
                applied_steps_count=1 if state == "applied" else 0,
            )
        )
    return out


def _timestamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


def oracle_input(case: dict[str, Any]) -> dict[str, Any]:
    """The case as ``scripts/diagnose_oracle.js`` takes it."""
    rows = rows_of(case)
    return {
        "local": case["local"],
        "lock": case.get("lock"),
        "rows": None
        if rows is None
        else [
            [
                r.id,
                r.checksum,
                _timestamp(r.finished_at),
                r.migration_name,
                r.logs,
                _timestamp(r.rolled_back_at),
                _timestamp(r.started_at),
                r.applied_steps_count,
            ]
            for r in rows
        ],
    }
