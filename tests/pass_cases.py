"""The golden cases of the repair passes and the EdPsych acceptance scenarios.

Shared by the tests and ``scripts/regen_pass_goldens.py``, so that both build
exactly the same inputs.

Golden cases live in ``tests/fixtures/passes/<pass>/``: ``NAME.input.prisma``
(or a folder ``NAME.input/`` for a multi-file schema), optionally
``NAME.merge.prisma`` (additions to merge), and the generated
``NAME.output.prisma`` (or ``NAME.output/``) and ``NAME.changes.txt`` (the
report). ``ORACLE.tsv`` beside them records what Prisma said about each
output when it was generated.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from prisma_tools.files import read_text
from prisma_tools.fixer import FixResult, fix
from prisma_tools.nodes import CompositeType, Model, Schema, View
from prisma_tools.parser import parse, parse_file_text
from prisma_tools.passes import Change, DuplicatesPolicy, Pass, PassContext
from prisma_tools.passes._ast import render_field
from prisma_tools.printer import print_file, print_schema

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "passes"
ORACLE_TSV = GOLDEN / "ORACLE.tsv"
CORPUS_TSV = GOLDEN / "CORPUS_ORACLE.tsv"
ORACLE_COLUMNS = ("case", "output_sha256", "validate", "canonical", "prisma_format_validates", "agrees_with_prisma")


@dataclass(frozen=True)
class Golden:
    """One golden case: ``<pass>/<name>``."""

    pass_name: str
    name: str

    @property
    def id(self) -> str:
        return f"{self.pass_name}/{self.name}"

    @property
    def folder(self) -> Path:
        return GOLDEN / self.pass_name

    @property
    def input(self) -> Path:
        single = self.folder / f"{self.name}.input.prisma"
        return single if single.exists() else self.folder / f"{self.name}.input"

    @property
    def output(self) -> Path:
        return self.folder / (f"{self.name}.output" + ("" if self.input.is_dir() else ".prisma"))

    @property
    def merge(self) -> Path | None:
        p = self.folder / f"{self.name}.merge.prisma"
        return p if p.exists() else None

    @property
    def changes(self) -> Path:
        return self.folder / f"{self.name}.changes.txt"

    def input_files(self) -> list[Path]:
        return sorted(self.input.rglob("*.prisma")) if self.input.is_dir() else [self.input]

    def output_path(self, source: Path) -> Path:
        """Where the output for input file ``source`` goes."""
        if not self.input.is_dir():
            return self.output
        return self.output / source.relative_to(self.input)

    def load(self, path: Path) -> Schema:
        """A file or folder of the case, with paths relative to the pass folder (stable reports)."""
        files = sorted(path.rglob("*.prisma")) if path.is_dir() else [path]
        parsed = (parse_file_text(read_text(f), f.relative_to(self.folder).as_posix()) for f in files)
        return Schema(files=tuple(parsed))

    def run(self) -> FixResult:
        merge = [self.load(self.merge)] if self.merge is not None else []
        return fix(self.load(self.input), merge=merge)

    def rendered(self) -> tuple[dict[Path, str], str]:
        """Our output text by output path, and the report, as the golden files hold them."""
        result = self.run()
        texts = {self.output_path(self.folder / f.path): print_file(f) for f in result.schema.files}
        report = "".join(c.render() + "\n" for c in result.changes)
        return texts, report


def goldens() -> list[Golden]:
    out: list[Golden] = []
    for d in sorted(p for p in GOLDEN.iterdir() if p.is_dir()):
        names = {p.name.split(".input")[0] for p in d.iterdir() if ".input" in p.name}
        out.extend(Golden(d.name, n) for n in sorted(names))
    return out


def sha256(texts: dict[Path, str]) -> str:
    """One digest of a case's output files (path-independent, in path order)."""
    h = hashlib.sha256()
    for path in sorted(texts):
        h.update(path.name.encode() + b"\0" + texts[path].encode() + b"\0")
    return h.hexdigest()


def read_tsv(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]
    header, body = rows[0], rows[1:]
    return {r[0]: dict(zip(header, r, strict=True)) for r in body}


# --------------------------------------------------------------- EdPsych scenarios


def drop_new_user_relations(text: str, *, keep_comments: bool = False) -> str:
    """``text`` without the fields under the two "New relations for ..." comments of ``model User``.

    Those lines are what ``user-model-updates.prisma`` adds back. With
    ``keep_comments`` the two comment lines stay (only the fields go).
    """
    out: list[str] = []
    in_user = skipping = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if line.startswith("model User {"):
            in_user = True
        elif in_user and line.startswith("}"):
            in_user = skipping = False
        elif in_user and "New relations for" in stripped:
            skipping = True
            if keep_comments:
                out.append(line)
            continue
        elif skipping:
            if stripped:
                continue
            skipping = False
        out.append(line)
    return "".join(out)


@dataclass(frozen=True)
class Scenario:
    """One acceptance scenario over the EdPsych corpus: a schema and what to merge into it."""

    name: str
    source: str
    merge: tuple[str, ...] = ()
    keep_comments: bool | None = None  # not None: drop User's new relations first

    def load(self, edpsych: Path) -> tuple[Schema, list[Schema]]:
        text = read_text(edpsych / self.source)
        if self.keep_comments is not None:
            text = drop_new_user_relations(text, keep_comments=self.keep_comments)
        schema = Schema(files=(parse_file_text(text, self.source),))
        merge = [Schema(files=(parse_file_text(read_text(edpsych / m), m),)) for m in self.merge]
        return schema, merge

    def run(self, edpsych: Path) -> tuple[Schema, FixResult]:
        schema, merge = self.load(edpsych)
        return schema, fix(schema, merge=merge)


SCENARIOS = (
    Scenario("duplicates", "schema.prisma.backup.duplicates"),
    Scenario("one-to-one", "schema.prisma.backup.fix"),
    Scenario("user-updates", "schema.prisma.backup.fix", ("user-model-updates.prisma",), keep_comments=False),
    Scenario("user-updates-kept-comments", "schema.prisma.backup.fix", ("user-model-updates.prisma",), True),
    Scenario("additions", "schema.prisma", ("schema-additions.prisma",)),
)


# --------------------------------------------------------------- unit-test helper


def run_pass(p: Pass, text: str, *, additions: tuple[str, ...] = (), duplicates: DuplicatesPolicy = "first") -> Run:
    """Run pass ``p`` on ``text`` and check what every pass owes: a valid AST, idempotence, identity.

    * the output validates as a model (``model_copy`` skips validation);
    * the pass run again on its output changes nothing and returns that very object;
    * when nothing was reported, the input object comes back.
    """
    schema = parse(text, "schema.prisma")
    extra = tuple(parse(a, f"additions{i}.prisma") for i, a in enumerate(additions))
    ctx = PassContext(duplicates=duplicates, additions=extra)
    out = p(schema, ctx)
    assert Schema.model_validate(out.model_dump()) == out
    again_ctx = PassContext(duplicates=duplicates, additions=extra)
    assert p(out, again_ctx) is out, "the pass is not idempotent"
    assert not [c for c in again_ctx.changes if c.severity == "info"]
    if not ctx.changes:
        assert out is schema
    return Run(schema, out, tuple(ctx.changes))


@dataclass(frozen=True)
class Run:
    before: Schema
    after: Schema
    changes: tuple[Change, ...]

    @property
    def text(self) -> str:
        return print_schema(self.after)

    @property
    def messages(self) -> list[str]:
        return [c.message for c in self.changes]

    def field(self, model: str, name: str) -> str:
        """Field ``model.name`` of the output on one line, e.g. ``userId Int @unique``."""
        block = self.after.block(model)
        assert isinstance(block, (Model, View, CompositeType)), model
        f = block.field(name)
        assert f is not None, f"no field {model}.{name}"
        return render_field(f)

    def fields(self, model: str) -> list[str]:
        block = self.after.block(model)
        assert isinstance(block, (Model, View, CompositeType)), model
        return [f.name for f in block.fields]
