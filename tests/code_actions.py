"""Run Prisma's quick-fix scenarios (``../shared/prisma-tests/code-actions``) against our fixes.

For every quick fix a scenario's ``result.json`` lists, the text after Prisma's
edits is compared with the text after the edits of our fix for the same
diagnostic (found by the fix's message, which is Prisma's action title, and the
diagnostic's message). Outcomes: ``same``, ``differs``, ``aligned`` (same text once
Prisma's edits are moved by the lines its ``result.json`` is off from the schema
file, which the README warns can come from another commit), ``missing`` (we offer
no such fix), ``skipped`` (with the reason: the scenario's files disagree, or it is
outside our fixes). ``python -m tests.code_actions [ROOT] [--fresh]`` prints the table
(``--fresh``: against the code actions Prisma's engines offer today, see :func:`run_fresh`).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from prisma_tools.diagnostics import Diagnostic
from prisma_tools.edits import apply_edits
from prisma_tools.nodes import Schema, construct
from prisma_tools.parser import parse_file_text
from prisma_tools.validation import validate

FIXES = Path(__file__).resolve().parent / "fixtures" / "fixes"
GOLDEN = Path(__file__).resolve().parent / "fixtures" / "code_actions" / "prisma.json"
"""Prisma's code actions for the scenarios' files and the fix cases (scripts/regen_code_action_goldens.py)."""

# Titles of Prisma's quick fixes that prisma-tools does not offer, and why.
NOT_OFFERED = {
    "Add relation attribute for relation field": "writes @relation(fields: [], references: []) with guessed names; "
    "the add-back-relations pass completes keys instead",
    "Mark relation field as many `[]`": "one of two contradictory repairs for the same diagnostic",
    "Create new model": "creates an empty block: a guess at what the author meant, not a repair",
    "Create new enum": "creates an empty block: a guess at what the author meant, not a repair",
    "Create new type": "creates an empty block: a guess at what the author meant, not a repair",
    "Add namespace to namespaces": "`namespaces` is the pre-release name of `schemas`; Prisma 6 rejects it",
    "Add `@@namespace` attribute": "`@@namespace` is the pre-release name of `@@schema`; Prisma 6 rejects it",
}


# Quick fixes Prisma offers where we decline on purpose: (scenario, title) -> why.
DECLINED = {
    ("e709_relation_mode_set_twice", "Rename property to relationMode"): "relationMode is set already: renaming "
    "the old property defines it twice (E709's fix removes the old line instead)",
}
# result.json recorded by an older engine: (scenario, title) -> what changed since
OUTDATED = {
    # today's engine (the fresh answers) names the field `songs`, as we do
    ("add_missing_opposite_relation", "Add missing relation field to model Artist"): "outdated result.json: "
    "the engine then named the field after the model; today's names it in camelCase plural",
}


@dataclass
class Outcome:
    scenario: str
    title: str
    status: str
    detail: str = ""


@dataclass
class Scenario:
    name: str
    texts: dict[str, str]
    target: str
    actions: list[dict[str, object]] = field(default_factory=list)


def load(folder: Path, *, require_result: bool = True) -> Scenario | None:
    """A scenario folder; None when it has no schema file, no target file (several files and no
    ``_target.prisma``), or, with ``require_result``, no ``result.json``."""
    files = sorted(folder.glob("*.prisma"))
    result = folder / "result.json"
    if not files or (require_result and not result.exists()):
        return None
    texts = {f.name: f.read_bytes().decode("utf-8") for f in files}
    if folder.name.endswith("_crlf"):
        texts = {k: v.replace("\r\n", "\n").replace("\n", "\r\n") for k, v in texts.items()}
    target = "_target.prisma" if "_target.prisma" in texts else "schema.prisma"
    if target not in texts:
        if require_result:
            target = files[0].name  # result.json names the files; which one was asked about matters not
        else:
            return None
    actions = json.loads(result.read_text(encoding="utf-8")) if result.exists() else []
    return Scenario(folder.name, texts, target, actions)


def fix_case_scenarios() -> list[Scenario]:
    """The golden fix cases (tests/fixtures/fixes), each a one-file scenario ``schema.prisma``."""
    return [
        Scenario(p.stem, {"schema.prisma": p.read_text(encoding="utf-8")}, "schema.prisma")
        for p in sorted(FIXES.glob("*.prisma"))
    ]


def scenario_digest(scenario: Scenario) -> str:
    h = hashlib.sha256()
    for name, text in sorted(scenario.texts.items()):
        h.update(name.encode() + b"\0" + text.encode("utf-8") + b"\0")
    return h.hexdigest()[:16]


def _offset(text: str, line: int, character: int) -> int:
    """A character offset from an LSP position (0-based line, UTF-16 column)."""
    lines = text.splitlines(keepends=True)
    start = sum(len(x) for x in lines[:line])
    rest = lines[line] if line < len(lines) else ""
    units = 0
    i = 0
    while units < character and i < len(rest):
        units += 2 if ord(rest[i]) > 0xFFFF else 1
        i += 1
    return start + i


def prisma_result(scenario: Scenario, action: dict[str, object], shift: tuple[str, int] = ("", 0)) -> dict[str, str]:
    """The texts after Prisma's edits; ``shift`` moves the edits of one file by some lines."""
    out = dict(scenario.texts)
    changes = action["edit"]["changes"]  # type: ignore[index]
    for uri, edits in changes.items():
        name = uri.rsplit("/", 1)[-1]
        text = out[name]
        delta = shift[1] if name == shift[0] else 0
        ordered = sorted(
            edits,
            key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
            reverse=True,
        )
        for e in ordered:
            s = _offset(text, e["range"]["start"]["line"] + delta, e["range"]["start"]["character"])
            t = _offset(text, e["range"]["end"]["line"] + delta, e["range"]["end"]["character"])
            text = text[:s] + e["newText"] + text[t:]
        out[name] = text
    return out


def engine(scenario: Scenario) -> int:
    """The Prisma version the scenario is written for: 7 when its datasource has no ``url``
    (which Prisma 6 requires and 7 rejects), else 6."""
    return 6 if any(re.search(r"^\s*url\s*=", t, re.M) for t in scenario.texts.values()) else 7


def run_scenario(scenario: Scenario, outdated: dict[tuple[str, str], str] | None = None) -> list[Outcome]:
    prisma_version = engine(scenario)
    files = tuple(parse_file_text(t, p, strict=False) for p, t in scenario.texts.items())
    schema = construct(Schema, {"files": files})
    diagnostics = validate(schema, prisma_version=prisma_version, sources=scenario.texts, fixes=True)
    outcomes = []
    used: set[int] = set()
    for action in scenario.actions:
        title = str(action["title"])
        reason = next((why for t, why in NOT_OFFERED.items() if title.startswith(t)), None)
        reason = DECLINED.get((scenario.name, title), reason)
        reason = (outdated or {}).get((scenario.name, title), reason)
        if reason is not None:
            outcomes.append(Outcome(scenario.name, title, "skipped", reason))
            continue
        messages = [str(d["message"]) for d in action["diagnostics"]]  # type: ignore[union-attr]
        missing = [u for u in action["edit"]["changes"] if u.rsplit("/", 1)[-1] not in scenario.texts]  # type: ignore[index]
        if missing:
            outcomes.append(Outcome(scenario.name, title, "skipped", f"the scenario lacks {missing}"))
            continue
        expected = prisma_result(scenario, action)
        candidates = [
            (i, d)
            for i, d in enumerate(diagnostics)
            if i not in used
            and d.fix is not None
            and d.fix.message == title
            and any(d.message == m or m in d.message or d.message in m for m in messages)
        ]
        if not candidates:
            if not any(d.message in m or m in d.message for d in diagnostics for m in messages):
                # the files of the scenario do not give Prisma's diagnostic at all (e.g. a file is missing)
                outcomes.append(Outcome(scenario.name, title, "skipped", "the scenario's files lack the diagnostic"))
            else:
                outcomes.append(Outcome(scenario.name, title, "missing", "; ".join(m[:80] for m in messages)))
            continue
        where = [_start(d) for d in action["diagnostics"]]  # type: ignore[union-attr]
        if not any(_lsp_start(d) in where for _, d in candidates):
            # our diagnostics sit where Prisma's do (the validation suite checks that): a scenario whose
            # result.json places it elsewhere was recorded against another version of its schema, with
            # lines added or removed. Realign: move Prisma's edits by as many lines (in the diagnostic's
            # file), or leave them (the lines moved below them); "aligned" if one of these gives our text.
            outcomes.append(_aligned(scenario, title, action, candidates, where[0]))
            continue
        best = None
        for i, d in candidates:
            assert d.fix is not None
            ours = dict(scenario.texts)
            for path in {e.path for e in d.fix.edits}:
                ours[path] = apply_edits(ours[path], [e for e in d.fix.edits if e.path == path])
            if ours == expected:
                best = (i, "same", "")
                break
            changed = [p for p in ours if ours[p] != expected[p]]
            best = best or (i, "differs", f"{changed}: ours {ours[changed[0]]!r} vs {expected[changed[0]]!r}")
        assert best is not None
        used.add(best[0])
        outcomes.append(Outcome(scenario.name, title, best[1], best[2]))
    return outcomes


def _texts_after(scenario: Scenario, d: Diagnostic) -> dict[str, str]:
    assert d.fix is not None
    ours = dict(scenario.texts)
    for path in {e.path for e in d.fix.edits}:
        ours[path] = apply_edits(ours[path], [e for e in d.fix.edits if e.path == path])
    return ours


def _aligned(
    scenario: Scenario,
    title: str,
    action: dict[str, object],
    candidates: list[tuple[int, Diagnostic]],
    theirs: tuple[int, int],
) -> Outcome:
    for _, d in candidates:
        ours = _texts_after(scenario, d)
        delta = _lsp_start(d)[0] - theirs[0]
        for shift in ((d.path, delta), ("", 0)):
            try:
                expected = prisma_result(scenario, action, shift)
            except IndexError:
                continue
            if expected == ours:
                return Outcome(scenario.name, title, "aligned", f"result.json is {delta:+d} line(s) off; edits moved")
    return Outcome(scenario.name, title, "skipped", f"result.json disagrees with the schema at {theirs}")


def _start(d: object) -> tuple[int, int]:
    start = d["range"]["start"]  # type: ignore[index]
    return int(start["line"]), int(start["character"])


def _lsp_start(d: Diagnostic) -> tuple[int, int]:
    assert d.span is not None
    assert d.line_text is not None
    column = d.span.start.column - 1
    return d.span.start.line - 1, len(d.line_text[:column].encode("utf-16-le")) // 2


def run_fresh(root: Path | None, *, fix_cases: bool = True) -> list[Outcome]:
    """Our fixes against the code actions Prisma offers today (GOLDEN) for the scenarios' files (when
    ``root`` is given) and the fix cases (``fix_cases``); a digest mismatch is an ``error`` outcome
    (regenerate)."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    groups: list[tuple[str, list[Scenario]]] = [("fix_cases", fix_case_scenarios())] if fix_cases else []
    if root is not None:
        found = (load(p, require_result=False) for p in sorted(root.iterdir()) if p.is_dir())
        groups.insert(0, ("scenarios", [s for s in found if s is not None]))
    out: list[Outcome] = []
    for group, scenarios in groups:
        for s in scenarios:
            entry = golden[group].get(s.name)
            if entry is None or entry["digest"] != scenario_digest(s):
                out.append(Outcome(s.name, "-", "error", "stale: run scripts/regen_code_action_goldens.py"))
                continue
            s.actions = entry["actions"]
            out.extend(run_scenario(s))
    return out


def run_all(root: Path) -> list[Outcome]:
    out: list[Outcome] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        scenario = load(folder)
        if scenario is None:
            out.append(Outcome(folder.name, "-", "skipped", "no result.json or no schema file"))
            continue
        out.extend(run_scenario(scenario, OUTDATED))
    return out


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/prisma-tests/code-actions/scenarios")
    results = run_fresh(root) if "--fresh" in sys.argv else run_all(root)
    for o in results:
        print(f"{o.status:8} {o.scenario:75} {o.title:45} {o.detail[:300]}")
    counts: dict[str, int] = {}
    for o in results:
        counts[o.status] = counts.get(o.status, 0) + 1
    print(counts)
