"""Prisma's quick fixes: where we offer the same fix, our text equals the text after Prisma's edit.

Two sources of Prisma's answers: the ``result.json`` of its code-action scenarios
(``../shared``; some were recorded against another version of their schema, see
``tests/code_actions.py``), and the code actions today's engines give for the scenarios'
files and for our golden fix cases (``tests/fixtures/code_actions/prisma.json``, written by
``scripts/regen_code_action_goldens.py``).
"""

from __future__ import annotations

import pytest

from tests.code_actions import DECLINED, NOT_OFFERED, OUTDATED, Outcome, run_all, run_fresh
from tests.conftest import SHARED, require_shared

SCENARIOS = SHARED / "prisma-tests" / "code-actions" / "scenarios"
REASONS = set(NOT_OFFERED.values()) | set(DECLINED.values()) | set(OUTDATED.values())
FILE_PROBLEMS = ("result.json disagrees", "the scenario lacks", "no result.json", "the scenario's files lack")


def _problems(outcomes: list[Outcome]) -> list[tuple[str, str, str, str]]:
    return [
        (o.scenario, o.title, o.status, o.detail[:300])
        for o in outcomes
        if o.status in ("differs", "missing", "error")
        or (o.status == "skipped" and o.detail not in REASONS and not o.detail.startswith(FILE_PROBLEMS))
    ]


@pytest.fixture(scope="module")
def recorded() -> list[Outcome]:
    require_shared(SCENARIOS, "Prisma's code-action scenarios")
    return run_all(SCENARIOS)


@pytest.fixture(scope="module")
def fresh() -> list[Outcome]:
    require_shared(SCENARIOS, "Prisma's code-action scenarios")
    return run_fresh(SCENARIOS, fix_cases=False)


def test_recorded_results_agree(recorded: list[Outcome]) -> None:
    assert _problems(recorded) == []
    # 26 exactly, 6 once result.json's line numbers are realigned with its schema file
    assert sum(o.status == "same" for o in recorded) >= 26
    assert sum(o.status == "aligned" for o in recorded) >= 6


def test_todays_prisma_agrees_on_the_scenarios(fresh: list[Outcome]) -> None:
    assert _problems(fresh) == []
    # every quick fix Prisma offers there that we offer too: 36 (the rest: NOT_OFFERED)
    assert sum(o.status == "same" for o in fresh) >= 36


def test_todays_prisma_agrees_on_our_fix_cases() -> None:
    outcomes = run_fresh(None)  # our own schemas: needs nothing from ../shared (12 quick fixes)
    assert _problems(outcomes) == []
    assert sum(o.status == "same" for o in outcomes) >= 12
