"""Fuzz the library and the command line with mutated corpus schemas and random text (issue #11).

Not part of the test run. Each input goes through:

* the library: ``parse_file_text`` strict and lenient, ``print_file``: only
  :class:`~prisma_tools.ParseError` may be raised, and strict output must parse
  back (strictly) and format to itself;
* the command line, in process (``console.main``, as the console script runs it):
  ``format``, ``format --allow-invalid`` and ``fix --no-check`` on a file: no
  traceback, no "internal error"; ``fix``'s output formats to itself and a
  second ``fix`` changes nothing.

Usage (from the repository root)::

    python scripts/fuzz.py                        # every seed of scripts/fuzz_seeds.txt, 1,000 inputs each
    python scripts/fuzz.py --seed 7 --count 5000  # one seed
    python scripts/fuzz.py --out /tmp/fuzz        # where the first input of each failure class is kept

The corpus (``../shared/corpus/**/*.prisma`` beside the repository, or
``--corpus``) is read at run time; half of the inputs are windows of its files
mutated, half random text from schema-like pieces. A run is reproducible from
its seed. The exit status is 1 when any check failed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from prisma_tools.cli import console  # noqa: E402
from prisma_tools.diagnostics import ParseError  # noqa: E402
from prisma_tools.parser import parse_file_text  # noqa: E402
from prisma_tools.printer import print_file  # noqa: E402

SEEDS = REPO / "scripts" / "fuzz_seeds.txt"

PIECES = [
    "model", "enum", "type", "view", "datasource", "generator", " A", " B", " {", "}", "{", "\n", "\n", "\n",
    "  id Int @id", "  a String?", "  b B[]", "  x A @relation(fields: [aId], references: [id])", "  aId Int",
    "  @@index([a, b])", "  @@id([a, b])", " @default(", "autoincrement()", ")", "[", "]", "(", ",", ":", "=",
    '"str"', '"esc\\"q"', "1", "-2.5", "true", "@", "@@", "@db.VarChar(20)", "?", "[]", " // c", "/// doc",
    "/* b */", "/**\n * d\n */", "\r\n", "\r", "\t", " ", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u00a0",
    "\x00", "é", "ß", "²", "\ud800", "-", ".", 'provider = "postgresql"', 'url = env("X")',
    "previewFeatures =", 'Unsupported("x")', "type T = Int", "= ", "a-b", "1a", "_", "\\",
]  # fmt: skip
ODD = ["{", "}", "[", "]", "(", ")", "@", '"', "\n", "\r", "\t", " ", "\x0b", "\x00", "/", "*", "=", ",", ":", "?",
       "-", ".", "\\", "é", "\u2028", "\ud800", "//", "/*", "*/", "\r\n"]  # fmt: skip


def corpus_files(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8", errors="surrogateescape") for p in sorted(folder.rglob("*.prisma"))]


def mutate(rng: random.Random, text: str) -> str:
    lines = text.splitlines(keepends=True)
    if len(lines) > 60:  # a window: big files would make each input slow
        start = rng.randrange(len(lines) - 40)
        lines = lines[start : start + rng.randint(10, 60)]
    text = "".join(lines)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(7)
        i = rng.randint(0, len(text))
        if op == 0:  # insert a piece
            text = text[:i] + rng.choice(PIECES + ODD) + text[i:]
        elif op == 1:  # delete a span
            text = text[:i] + text[i + rng.randint(1, 12) :]
        elif op == 2 and lines:  # duplicate a line
            text = text[:i] + rng.choice(lines) + text[i:]
        elif op == 3:  # replace a character
            text = text[:i] + rng.choice(ODD) + text[i + 1 :]
        elif op == 4:  # truncate
            text = text[:i]
        elif op == 5:  # swap two halves of a line region
            j = rng.randint(0, len(text))
            a, b = sorted((i, j))
            text = text[:a] + text[b:] + text[a:b]
        else:  # no final newline, or CR line ends
            text = text.rstrip("\n") if rng.random() < 0.5 else text.replace("\n", "\r", rng.randint(1, 3))
    return text


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) if rng.random() < 0.8 else rng.choice(ODD) for _ in range(rng.randint(1, 80)))


def run_cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            console.main(args)
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    return code, out.getvalue(), err.getvalue()


def check(text: str, folder: str) -> list[tuple[str, str]]:
    """The failures for one input: (class, detail)."""
    found: list[tuple[str, str]] = []

    def crash(stage: str, e: BaseException) -> None:
        frame = traceback.extract_tb(e.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        found.append((f"{stage}: {type(e).__name__} at {where}", "".join(traceback.format_exception(e))[-2000:]))

    # the library
    for strict in (True, False):
        stage = "strict" if strict else "lenient"
        try:
            f = parse_file_text(text, "fuzz.prisma", strict=strict)
        except ParseError:
            continue
        except Exception as e:
            crash(f"library parse {stage}", e)
            continue
        try:
            out = print_file(f)
            again = parse_file_text(out, "fuzz.prisma", strict=strict)
            if strict and print_file(again).split() != out.split():
                found.append(("library: strict output does not format to itself", out[-500:]))
        except ParseError as e:
            found.append((f"library: {stage} output does not parse back", str(e)[:300]))
        except Exception as e:
            crash(f"library print {stage}", e)
    # the command line
    path = os.path.join(folder, "schema.prisma")
    data = text.encode("utf-8", "surrogatepass")
    for args in (["format"], ["format", "--allow-invalid"], ["fix", "--no-check"]):
        with open(path, "wb") as fh:
            fh.write(data)
        try:
            code, out, err = run_cli([*args, path])
        except Exception as e:
            crash(" ".join(args), e)
            continue
        if "internal error" in err or "Traceback" in err:
            line = next((ln for ln in err.splitlines() if "internal error" in ln or "Error" in ln), err[:200])
            line = line.replace(path, "FILE").partition("internal error: ")[2] or line
            found.append((f"{' '.join(args)}: {line[:90]}", err[-1500:]))
            continue
        if args[0] == "fix" and code == 0:
            fixed = Path(path).read_bytes()
            code2, _, err2 = run_cli(["format", "--check", path])
            if code2 != 0:
                found.append(("fix: output does not format to itself", err2[-500:]))
            run_cli(["fix", "--no-check", path])
            if Path(path).read_bytes() != fixed:
                found.append(("fix: a second fix changes the output", fixed.decode("utf-8", "replace")[-500:]))
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, action="append", help="a seed (repeatable; default: scripts/fuzz_seeds.txt)")
    ap.add_argument("--count", type=int, default=1000, help="inputs per seed (default 1000)")
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "prisma-tools-fuzz")
    opts = ap.parse_args()
    seeds = opts.seed or [int(s) for s in SEEDS.read_text().splitlines() if s.strip() and not s.startswith("#")]
    corpus = corpus_files(opts.corpus) if opts.corpus.is_dir() else []
    if not corpus:
        print(f"no corpus at {opts.corpus}: random text only", file=sys.stderr)
    opts.out.mkdir(parents=True, exist_ok=True)
    classes: Counter[str] = Counter()
    examples: dict[str, Path] = {}
    total = failed = 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        for seed in seeds:
            rng = random.Random(seed)
            for n in range(opts.count):
                text = mutate(rng, rng.choice(corpus)) if corpus and rng.random() < 0.5 else random_text(rng)
                found = check(text, folder)
                total += 1
                if found:
                    failed += 1
                for cls, detail in found:
                    classes[cls] += 1
                    if cls not in examples:
                        p = examples[cls] = opts.out / f"seed{seed}-{n}.prisma"
                        p.write_bytes(text.encode("utf-8", "surrogatepass"))
                        p.with_suffix(".txt").write_text(f"{cls}\n\n{detail}\n", encoding="utf-8", errors="replace")
            print(f"seed {seed}: {total} inputs, {failed} failed ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    print(f"{total} inputs, {failed} with a failure, {len(classes)} classes")
    for cls, k in classes.most_common():
        print(f"{k:7}  {cls}  (e.g. {examples[cls]})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
