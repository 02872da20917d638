"""The benchmark's schemas (benchmarks/generate.py) are valid and formatted correctly.

So that the benchmark measures correct work: the generator is deterministic and
scales linearly; for small sizes its output, formatted by our printer (and by
the fixer, when there is one), is byte for byte what ``prisma format`` printed
(committed golden files, written by ``benchmarks/regen_goldens.py`` with the
oracle); and the committed ``VALID`` file records that Prisma validated the
generator's current output. No Node.js, no network, no timings.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from prisma_tools.parser import parse, parse_file_text
from prisma_tools.printer import print_file, print_schema

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "benchmarks"
GOLDENS = Path(__file__).resolve().parent / "fixtures" / "bench"
GOLDEN_SIZES = (1, 5, 20)


def _load(name: str) -> ModuleType:
    """A module of benchmarks/ (not a package) under a name that cannot clash."""
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


_generate = _load("generate")
_run = _load("run")
generate, main = _generate.generate, _generate.main
SizeResult, judge, table = _run.SizeResult, _run.judge, _run.table


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


# ---------------------------------------------------------------- the generator


def test_deterministic() -> None:
    assert generate(30) == generate(30)
    assert generate(30, seed=4) == generate(30, seed=4)
    assert generate(30, seed=1) != generate(30, seed=2)
    assert generate(30) != generate(31)


def test_size_scales_linearly() -> None:
    sizes = {n: len(generate(n).encode("utf-8")) for n in (50, 100, 500)}
    per_model = {n: b / n for n, b in sizes.items()}
    # about 0.88 KB per model, as the issue's schemas (50 models: 41 KB)
    for n, b in per_model.items():
        assert 700 < b < 1000, (n, b)
    assert 8.5 < sizes[500] / sizes[50] < 11.5


def test_lines_look_like_the_issue() -> None:
    text = generate(50)
    assert 1200 < text.count("\n") < 1600  # the issue: 1.4k lines for 50 models


def test_has_the_constructs_the_benchmark_needs() -> None:
    text = generate(200)
    for needle in (
        "@default(autoincrement())",
        "@default(cuid())",
        "@default(uuid())",
        "@default(now())",
        "@updatedAt",
        "@unique",
        "@@unique(",
        "@@index(",
        "@@map(",
        "@@id(",
        "@map(",
        "@db.VarChar(",
        "@db.Text",
        "@relation(",
        'env("DATABASE_URL")',
        "String[]",
        "Json",
        "Bytes?",
        "BigInt",
        "Decimal",
        "enum ",
        "/// ",
        "\t",
    ):
        assert needle in text, needle


def test_is_not_already_formatted() -> None:
    text = generate(20)
    assert print_file(parse_file_text(text)) != text


def test_cli_writes_the_same_text(tmp_path: Path) -> None:
    out = tmp_path / "schema.prisma"
    assert main(["7", "--seed", "3", "-o", str(out)]) == 0
    assert read(out) == generate(7, seed=3)


# ---------------------------------------------------------------- correctness against prisma format


@pytest.mark.parametrize("n", GOLDEN_SIZES)
def test_golden_input_is_current(n: int) -> None:
    """The committed input is the generator's output (else run benchmarks/regen_goldens.py)."""
    assert read(GOLDENS / f"models-{n}.input.prisma") == generate(n)


@pytest.mark.parametrize("n", GOLDEN_SIZES)
def test_format_matches_prisma(n: int) -> None:
    expected = read(GOLDENS / f"models-{n}.expected.prisma")
    assert print_file(parse_file_text(generate(n))) == expected


@pytest.mark.parametrize("n", GOLDEN_SIZES)
def test_format_is_idempotent_on_prisma_output(n: int) -> None:
    expected = read(GOLDENS / f"models-{n}.expected.prisma")
    assert print_file(parse_file_text(expected)) == expected


@pytest.mark.parametrize("n", GOLDEN_SIZES)
def test_fix_matches_prisma(n: int) -> None:
    """On a valid schema the repair passes change nothing: ``fix`` then print is ``prisma format``."""
    try:
        fixer = importlib.import_module("prisma_tools.fixer")
    except ImportError:
        pytest.skip("prisma_tools.fixer does not exist yet")
    result = fixer.fix(parse(generate(n), "schema.prisma"))
    for attr in ("schema", "result"):
        result = getattr(result, attr, result)
    if isinstance(result, tuple):
        result = result[0]
    assert print_schema(result) == read(GOLDENS / f"models-{n}.expected.prisma")


def test_valid_evidence_is_current() -> None:
    """``VALID`` lists Prisma's verdict on the generator's current output (hashes checked up to 500 models)."""
    rows = [line.split() for line in read(GOLDENS / "VALID").splitlines() if line.strip() and not line.startswith("#")]
    assert rows
    seen = set()
    for n, seed, digest, verdict in rows:
        assert verdict == "VALID", (n, seed)
        seen.add(int(n))
        if int(n) <= 500:
            text = generate(int(n), int(seed))
            assert hashlib.sha256(text.encode("utf-8")).hexdigest() == digest, (n, seed)
    assert set(GOLDEN_SIZES) <= seen
    assert {50, 500, 5000} <= seen  # the benchmark's sizes


# ---------------------------------------------------------------- the report (no measuring)


def test_targets_are_judged_from_the_figures() -> None:
    def size(n: int, inproc: float, whole: float, oracle: float, rss: float) -> SizeResult:
        r = SizeResult(models=n, bytes=880 * n, lines=27 * n)
        r.inproc_format = [inproc]
        r.inproc_fix = [inproc * 1.1]
        r.whole_format, r.whole_oracle, r.whole_format_rss = [whole], [oracle], [rss]
        return r

    results = [size(50, 0.01, 0.1, 0.3, 40), size(500, 0.1, 0.2, 0.4, 60), size(5000, 1.2, 1.4, 1.5, 300)]
    targets = judge(results, {"--version": [0.02], "--help": [0.07]})
    status = {t.number: t.status for t in targets}
    assert status[1] == "PASS"  # 0.33x
    assert status[2] == "FAIL"  # --help 70 ms
    assert status[3].startswith("PASS")  # 3.67 MB/s
    assert status[4] == "FAIL"  # 300 MiB
    assert status[5] == "FAIL"  # 12x
    assert status[6] == "PASS"  # 1.1x
    assert "5000" in table(results)
    assert {t.status for t in judge([], {})} == {"n/a"}
