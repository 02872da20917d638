"""The repair passes on the real inputs of ../shared/corpus (EdPsych and real-world schemas).

Prisma's verdicts on our outputs were recorded by ``scripts/regen_pass_goldens.py``
in ``CORPUS_ORACLE.tsv`` with a digest of each output; here we check that we
still produce exactly those outputs, and what the reports say.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from conftest import CORPUS, require_shared
from corpus_cases import Entry, entries, ids
from pass_cases import CORPUS_TSV, SCENARIOS, Scenario, read_tsv, sha256

from prisma_tools.files import read_text
from prisma_tools.fixer import fix
from prisma_tools.nodes import Schema
from prisma_tools.parser import parse_file_text
from prisma_tools.printer import print_file

pytestmark = pytest.mark.corpus
EDPSYCH = CORPUS / "edpsych"
BY_NAME = {s.name: s for s in SCENARIOS}


def run(name: str) -> tuple[Schema, Schema, list[str]]:
    require_shared(EDPSYCH, "the EdPsych corpus")
    before, result = BY_NAME[name].run(EDPSYCH)
    return before, result.schema, [c.message for c in result.changes]


def text(schema: Schema) -> str:
    return print_file(schema.files[0])


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_output_is_the_one_prisma_accepted(scenario: Scenario) -> None:
    require_shared(EDPSYCH, "the EdPsych corpus")
    _, result = scenario.run(EDPSYCH)
    row = read_tsv(CORPUS_TSV)[scenario.name]
    assert sha256({Path(f.path): print_file(f) for f in result.schema.files}) == row["output_sha256"], (
        "output changed since Prisma validated it: run scripts/regen_pass_goldens.py"
    )
    assert (row["validate"], row["canonical"]) == ("VALID", "yes")
    assert Schema.model_validate(result.schema.model_dump()) == result.schema
    _, merge = scenario.load(EDPSYCH)
    assert fix(result.schema, merge=merge).schema is result.schema, "a second fix changes something"
    reparsed = Schema(files=(parse_file_text(text(result.schema), "again.prisma"),))
    assert not fix(reparsed, merge=merge).changed


def test_duplicates_removed_and_reported() -> None:
    _, after, messages = run("duplicates")
    removed = [m for m in messages if m.startswith("removed duplicate model")]
    assert len(removed) == 8
    assert [m.split(",")[0] for m in removed if "identical" in m] == [
        "removed duplicate model PortfolioQualification",
        "removed duplicate model PortfolioEvidence",
        "removed duplicate model PortfolioEvidenceAchievement",
        "removed duplicate model PortfolioReflection",
        "removed duplicate model PortfolioReflectionEvidence",
        "removed duplicate model Certificate",
    ]
    assert [m for m in messages if not m.startswith("removed")] == [
        "PortfolioProfile.biography: @db.Text only in the kept copy",
        "PortfolioProfile.teachingPhilosophy: @db.Text only in the kept copy",
        "PortfolioAchievement.description: @db.Text only in the kept copy",
    ]
    names = [getattr(b, "name", None) for b in after.blocks]
    assert len(names) == len(set(names))
    assert text(after).count("// Portfolio Models") == 1  # the copy's header comment went with it


def test_one_to_one_gains_unique() -> None:
    before, after, messages = run("one-to-one")
    assert re.search(r"\n  requestId +String\? +@unique\n", text(after))
    assert messages == [
        "added @unique to Mentorship.requestId: Mentorship.request and MentorshipRequest.mentorship form a "
        "one-to-one relation (at schema.prisma.backup.fix:1046)"
    ]
    # nothing else changed: the output is the input formatted, plus that attribute
    assert text(after).replace(" @unique\n", "\n").count("\n") == text(before).count("\n")


@pytest.mark.parametrize("name", ["user-updates", "user-updates-kept-comments"])
def test_merged_user_fields_come_back_with_their_comments(name: str) -> None:
    before, after, messages = run(name)
    assert "mentorProfile" not in text(before)
    assert len([m for m in messages if m.startswith("added User.")]) == 14
    _, reference, _ = run("one-to-one")  # the original file, fixed
    assert text(after) == text(reference)


def test_additions_add_six_models_and_the_back_relation() -> None:
    _, after, messages = run("additions")
    assert messages == [
        *(
            f"added model {m} from schema-additions.prisma:{line}"
            for m, line in [
                ("FAQCategory", 2),
                ("FAQQuestion", 14),
                ("ChatSession", 40),
                ("ChatMessage", 58),
                ("ChatbotConfig", 73),
                ("ChatbotTrainingLog", 82),
            ]
        ),
        "added User.chatSessions ChatSession[], the opposite of ChatSession.user",
    ]
    assert text(after).endswith("  updatedBy   String?\n}\n")


# ------------------------------------------------------------------ valid schemas stay as they are


def _validate_column() -> dict[str, str]:
    out: dict[str, str] = {}
    for manifest in sorted(CORPUS.glob("*/MANIFEST.tsv")):
        with manifest.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                out[f"{manifest.parent.name}/{row['entry'].rstrip('/')}"] = row["validate"]
    return out


VALIDATE = _validate_column() if CORPUS.is_dir() else {}
ACCEPTED = [e for e in entries() if VALIDATE.get(f"{e.set}/{e.source.name}") == "VALID"]


def test_corpus_has_schemas_prisma_accepts() -> None:
    require_shared(CORPUS, "the corpus")
    assert len(ACCEPTED) >= 40


@pytest.mark.parametrize("entry", ACCEPTED, ids=ids(ACCEPTED))
def test_fix_changes_nothing_prisma_accepts(entry: Entry) -> None:
    source = entry.source
    files = sorted(source.rglob("*.prisma")) if source.is_dir() else [source]
    schema = Schema(files=tuple(parse_file_text(read_text(f), str(f), strict=False) for f in files))
    result = fix(schema)
    assert not result.changed, [c.render() for c in result.changes]
    assert result.schema is schema
    assert result.changes == ()
