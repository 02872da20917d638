"""Measure the lint rules on the realworld corpus, and check their fixes with Prisma's engines.

For every schema ../shared/corpus/realworld/MANIFEST.tsv lists as VALID, with every rule
selected (tests/fixtures/lint/all-rules.toml):

- the findings per rule, and how many have a safe / unsafe / display-only fix;
Our own schemas in tests/fixtures/lint/cases (one per provider, and a schema folder) are
measured the same way.

- after ``fix_texts(..., unsafe=True)``: does the oracle still say VALID; are the database
  names (tables, columns, enum types and values, implicit join tables, from the DMMF) the
  same; is ``prisma-oracle sql --empty`` the same (postgresql, cockroachdb and sqlite only),
  byte for byte and by names (indexes, defaults and column order aside);
- with only the renaming rules (case, prefix, grammatical number): is the SQL identical.

``--update`` writes the per-schema figures and the hashes of the fixed texts to
tests/fixtures/lint/corpus.json, which tests/test_lint_corpus.py checks without the oracle.
Prints a Markdown report.

    python scripts/lint_corpus.py [--update] [--only NAME]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from prisma_tools.lint import RULES, LintSettings, configure, fix_texts, lint_texts  # noqa: E402

SHARED = Path(os.environ.get("PRISMA_TOOLS_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus" / "realworld"
ORACLE = SHARED / "tools" / "prisma-oracle" / "prisma-oracle"
CONFIG = REPO / "tests" / "fixtures" / "lint" / "all-rules.toml"
GOLDEN = REPO / "tests" / "fixtures" / "lint" / "corpus.json"
CASES = REPO / "tests" / "fixtures" / "lint" / "cases"
SQL_PROVIDERS = ("postgresql", "postgres", "cockroachdb", "sqlite")
RENAMING = (
    "enum-name-pascal-case",
    "enum-value-case",
    "field-name-camel-case",
    "field-name-grammatical-number",
    "model-name-grammatical-number",
    "model-name-pascal-case",
    "model-name-prefix",
)


def all_rules() -> list[Any]:
    table = tomllib.loads(CONFIG.read_text())["tool"]["prisma-tools"]["lint"]
    return configure(LintSettings.from_table(table, str(CONFIG)))


def renaming_rules() -> list[Any]:
    return [(r, o) for r, o in all_rules() if r.name in RENAMING]


def valid_entries() -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in (CORPUS / "MANIFEST.tsv").read_text().splitlines()[1:] if line]
    return [(r[0], r[5]) for r in rows if r[7] == "VALID"]


def own_cases() -> list[tuple[str, str]]:
    """Our own schemas (tests/fixtures/lint/cases): ``cases/NAME`` and the provider in their datasource."""
    out = []
    for path in sorted(CASES.iterdir()):
        texts = read_entry(f"cases/{path.name}")
        provider = re.search(r'provider\s*=\s*"(\w+)"', "\n".join(texts.values()))
        out.append((f"cases/{path.name}", provider.group(1) if provider else ""))
    return out


def read_entry(entry: str) -> dict[str, str]:
    """The files of one schema (a file or a folder), by path relative to the corpus (or to the cases)."""
    root, name = (CASES, entry.removeprefix("cases/")) if entry.startswith("cases/") else (CORPUS, entry)
    path = root / name
    files = sorted(path.rglob("*.prisma")) if path.is_dir() else [path]
    return {str(f.relative_to(root)): f.read_text(encoding="utf-8") for f in files}


def digest(texts: dict[str, str]) -> str:
    h = hashlib.sha256()
    for path in sorted(texts):
        h.update(path.encode() + b"\0" + texts[path].encode() + b"\0")
    return h.hexdigest()[:16]


def write(texts: dict[str, str], folder: Path) -> Path:
    for rel, text in texts.items():
        p = folder / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    first = Path(next(iter(texts)))
    return folder / first if len(texts) == 1 and first.parent == Path() else folder / first.parts[0]


def oracle(*args: str) -> tuple[int, str]:
    done = subprocess.run([str(ORACLE), *args], capture_output=True, text=True, check=False)
    return done.returncode, done.stdout + done.stderr


def schema_files(target: Path) -> list[str]:
    return [str(p) for p in sorted(target.rglob("*.prisma"))] if target.is_dir() else [str(target)]


def dmmf_names(target: Path) -> set[tuple[str, ...]]:
    code, out = oracle("dmmf", *schema_files(target))
    if code != 0:
        raise RuntimeError(out)
    model = json.loads(out)["datamodel"]
    names: set[tuple[str, ...]] = set()
    sides: dict[str, list[bool]] = {}
    for m in model["models"]:
        table = m.get("dbName") or m["name"]
        names.add(("table", m.get("schema") or "", table))
        for f in m["fields"]:
            if f["kind"] in ("scalar", "enum"):
                names.add(("column", table, f.get("dbName") or f["name"]))
            elif f["kind"] == "object" and f.get("relationName"):
                sides.setdefault(f["relationName"], []).append(f["isList"] and not f.get("relationFromFields"))
    # an implicit many-to-many relation (lists on both sides, no keys: not MongoDB's id lists)
    # has a join table named after it
    names.update(("join table", name) for name, lists in sides.items() if len(lists) == 2 and all(lists))
    for e in model["enums"]:
        names.add(("enum", e.get("dbName") or e["name"]))
        names.update(("value", e.get("dbName") or e["name"], v.get("dbName") or v["name"]) for v in e["values"])
    return names


def sql_names(sql: str) -> set[tuple[str, ...]]:
    """Tables with their columns, and enum types with their values, from a migration script."""
    names: set[tuple[str, ...]] = set()
    for table, body in re.findall(r'CREATE TABLE ((?:"[^"]+"\.)?"[^"]+") \((.*?)\n\);', sql, re.S):
        names.add(("table", table))
        for line in body.splitlines():
            m = re.match(r'\s+"([^"]+)" ', line)
            if m:
                names.add(("column", table, m.group(1)))
    for enum, values in re.findall(r'CREATE TYPE ((?:"[^"]+"\.)?"[^"]+") AS ENUM \(([^)]*)\)', sql):
        names.add(("enum", enum, values))
    return names


def measure(entry: str, provider: str, scratch: Path) -> dict[str, Any]:
    texts = read_entry(entry)
    rules = all_rules()
    found = lint_texts(texts, rules)
    by_rule = Counter(d.code for d in found)
    fixes = Counter(d.fix.applicability for d in found if d.fix is not None)
    result = fix_texts(texts, rules, unsafe=True)
    again = fix_texts(result.texts, rules, unsafe=True)
    renamed = fix_texts(texts, renaming_rules(), unsafe=True)
    before = write(texts, scratch / "before")
    after = write(result.texts, scratch / "after")
    renamed_at = write(renamed.texts, scratch / "renamed")
    row: dict[str, Any] = {
        "findings": dict(sorted(by_rule.items())),
        "fixes": dict(sorted(fixes.items())),
        "applied": len(result.applied),
        "refused": len(result.refused),
        "remaining": dict(sorted(Counter(d.code for d in result.remaining).items())),
        "remaining_fixable": dict(
            sorted(
                Counter(
                    d.code for d in result.remaining if d.fix is not None and d.fix.applicability != "display"
                ).items()
            )
        ),
        "fixed_digest": digest(result.texts),
        "renamed_digest": digest(renamed.texts),
        "idempotent": again.texts == result.texts,
        "changed": result.texts != texts,
    }
    code, out = oracle("validate", *schema_files(after))
    row["oracle_valid"] = code == 0 and out.strip() == "VALID"
    if not row["oracle_valid"]:
        row["oracle_message"] = out.strip()[:500]
    code, out = oracle("validate", *schema_files(renamed_at))
    row["renamed_oracle_valid"] = code == 0 and out.strip() == "VALID"
    row["dmmf_names_same"] = row["oracle_valid"] and dmmf_names(before) == dmmf_names(after)
    if provider in SQL_PROVIDERS:
        _, sql_before = oracle("sql", "--empty", str(before))
        _, sql_after = oracle("sql", "--empty", str(after))
        _, sql_renamed = oracle("sql", "--empty", str(renamed_at))
        row["sql_identical"] = sql_before == sql_after
        row["sql_names_same"] = sql_names(sql_before) == sql_names(sql_after) != set()
        row["renamed_sql_identical"] = sql_before == sql_renamed
    return row


def report(rows: dict[str, dict[str, Any]]) -> str:
    own = sum(1 for k in rows if k.startswith("cases/"))
    lines = [
        f"Schemas: {len(rows) - own} (VALID in MANIFEST.tsv) and {own} of ours (tests/fixtures/lint/cases), "
        f"every rule selected ({CONFIG.relative_to(REPO)})",
        "",
    ]
    lines += [
        "| code | rule | findings | schemas | fix | left after --fix --unsafe-fixes | of which with a fix |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in RULES:
        n = sum(row["findings"].get(r.code, 0) for row in rows.values())
        s = sum(1 for row in rows.values() if row["findings"].get(r.code))
        left = sum(row["remaining"].get(r.code, 0) for row in rows.values())
        fixable = sum(row.get("remaining_fixable", {}).get(r.code, 0) for row in rows.values())
        lines.append(f"| {r.code} | {r.name} | {n} | {s} | {r.fix or '-'} | {left} | {fixable} |")
    total = sum(sum(row["findings"].values()) for row in rows.values())
    applied = sum(row["applied"] for row in rows.values())
    left = sum(sum(row["remaining"].values()) for row in rows.values())
    lines.append(f"| | total | {total} | | | {left} | |")
    sql = [row for row in rows.values() if "sql_identical" in row]
    lines += [
        "",
        f"- fixes applied: {applied}; refused (would make the schema invalid): "
        f"{sum(row['refused'] for row in rows.values())}; "
        f"schemas changed: {sum(row['changed'] for row in rows.values())}",
        f"- oracle VALID after all fixes: {sum(row['oracle_valid'] for row in rows.values())}/{len(rows)}; "
        f"after the renaming rules' fixes: {sum(row['renamed_oracle_valid'] for row in rows.values())}/{len(rows)}",
        f"- database names identical (DMMF: tables, columns, enums, values, join tables): "
        f"{sum(row['dmmf_names_same'] for row in rows.values())}/{len(rows)}",
        f"- `sql --empty` ({len(sql)} schemas on postgresql/cockroachdb/sqlite): identical after all fixes "
        f"{sum(row['sql_identical'] for row in sql)}/{len(sql)}, same table/column/enum names "
        f"{sum(row['sql_names_same'] for row in sql)}/{len(sql)}; identical after the renaming fixes "
        f"{sum(row['renamed_sql_identical'] for row in sql)}/{len(sql)}",
        f"- a second fix changes nothing: {sum(row['idempotent'] for row in rows.values())}/{len(rows)}",
    ]
    for name, row in rows.items():
        if not row["oracle_valid"]:
            lines.append(f"- NOT VALID after fixing {name}: {row.get('oracle_message', '')}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="write tests/fixtures/lint/corpus.json")
    ap.add_argument("--only", help="one MANIFEST entry (with --update: replace its figures only)")
    args = ap.parse_args()
    rows: dict[str, dict[str, Any]] = {}
    for entry, provider in [*own_cases(), *valid_entries()]:
        if args.only and entry != args.only:
            continue
        with tempfile.TemporaryDirectory() as scratch:
            rows[entry] = measure(entry, provider, Path(scratch))
        print(f"{entry}: {sum(rows[entry]['findings'].values())} findings", file=sys.stderr)
    print(report(rows))
    if args.update:
        golden = json.loads(GOLDEN.read_text()) if args.only and GOLDEN.exists() else {}
        golden.update(rows)
        GOLDEN.write_text(json.dumps(golden, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
