"""Merges with real git: two branches change one schema; git merges them, with or without the driver.

Shared by ``tests/test_merge_git.py`` and ``scripts/regen_merge_goldens.py``, so
that both build exactly the same repositories. Each scenario's merged files
(the driver's result, conflict regions included) are committed under
``tests/fixtures/merge/<name>/`` as ``<file>.prisma.merged``; ``ORACLE.tsv`` there records what Prisma's
own validator said about each result when the goldens were written.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "fixtures" / "merge"
ORACLE_TSV = GOLDEN / "ORACLE.tsv"

BASE = """datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

generator client {
  provider = "prisma-client-js"
}

enum Role {
  USER
  ADMIN
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  role  Role   @default(USER)
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int
  author   User   @relation(fields: [authorId], references: [id])
}
"""


def edit(text: str, old: str, new: str) -> str:
    if old not in text:
        raise ValueError(f"not in the text: {old!r}")
    return text.replace(old, new, 1)


@dataclass(frozen=True)
class Scenario:
    """``ours`` and ``theirs`` change ``base`` (path -> text; None deletes a file).

    ``expect``: ``clean`` (exit 0, no markers), ``conflict`` (exit 1, regions) or
    ``rejected`` (merged cleanly, but Prisma rejects the result: exit 1, no markers).
    """

    name: str
    base: dict[str, str]
    ours: dict[str, str | None]
    theirs: dict[str, str | None]
    expect: str
    folder: str = "prisma"
    notes: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _one(name: str, ours: str, theirs: str, expect: str) -> Scenario:
    return Scenario(name, {"schema.prisma": BASE}, {"schema.prisma": ours}, {"schema.prisma": theirs}, expect)


_USER_END = "  posts Post[]\n}"
_USER_ID = "  id    Int    @id @default(autoincrement())\n  email"
_COMMENT = (
    "\nmodel Comment {\n  id       Int  @id\n  authorId Int\n"
    "  author   User @relation(fields: [authorId], references: [id])\n}\n"
)
_PUBLISHED = "  published Boolean @default(false)\n}"
_POST_END = "  author   User   @relation(fields: [authorId], references: [id])\n}"

_FOLDER_MAIN = BASE.split("enum Role")[0].rstrip() + "\n"
_FOLDER_USER = "enum Role" + BASE.split("enum Role")[1].split("model Post")[0].rstrip() + "\n"
_FOLDER_POST = "model Post" + BASE.split("model Post")[1]

SCENARIOS = [
    _one(
        "both-add-models",
        BASE + "\nmodel Tag {\n  id   Int    @id\n  name String @unique\n}\n",
        BASE + "\nmodel Category {\n  id    Int    @id\n  title String\n}\n",
        "clean",
    ),
    _one(
        "both-add-fields-to-user",
        edit(BASE, _USER_END, "  posts Post[]\n  name  String?\n}"),
        edit(BASE, _USER_END, "  posts Post[]\n  createdAt DateTime @default(now())\n}"),
        "clean",
    ),
    _one(
        "both-add-enum-values",
        edit(BASE, "  ADMIN\n", "  ADMIN\n  MODERATOR\n"),
        edit(BASE, "  ADMIN\n", "  ADMIN\n  GUEST\n"),
        "clean",
    ),
    # ours renames User.id, which theirs' new Comment model references in its @relation:
    # line by line nothing conflicts, but Prisma rejects the result.
    _one(
        "rename-used-in-relation",
        edit(
            edit(
                BASE,
                "  id    Int    @id @default(autoincrement())\n  email",
                "  uid   Int    @id @default(autoincrement())\n  email",
            ),
            "references: [id]",
            "references: [uid]",
        ),
        edit(BASE, _USER_END, "  posts Post[]\n  comments Comment[]\n}") + _COMMENT,
        "rejected",
    ),
    _one(
        "same-model-different-fields",
        BASE + "\nmodel Comment {\n  id   Int    @id\n  body String\n}\n",
        BASE + "\nmodel Comment {\n  id      Int      @id\n  text    String\n  created DateTime @default(now())\n}\n",
        "conflict",
    ),
    _one(
        "delete-model-other-extends",
        edit(edit(BASE, "\nmodel Post {" + BASE.split("model Post {")[1], ""), "  posts Post[]\n", "").rstrip() + "\n",
        edit(BASE, _POST_END, _POST_END[:-1] + _PUBLISHED),
        "conflict",
    ),
    Scenario(
        "schema-folder",
        {"schema/schema.prisma": _FOLDER_MAIN, "schema/user.prisma": _FOLDER_USER, "schema/post.prisma": _FOLDER_POST},
        {
            "schema/user.prisma": edit(_FOLDER_USER, _USER_END, "  posts Post[]\n  name  String?\n}"),
            "schema/post.prisma": edit(_FOLDER_POST, _POST_END, _POST_END[:-1] + "  subtitle String?\n}"),
            "schema/tag.prisma": "model Tag {\n  id Int @id\n}\n",
        },
        {
            "schema/user.prisma": edit(_FOLDER_USER, _USER_END, "  posts Post[]\n  bio   String?\n}"),
            "schema/post.prisma": edit(
                _FOLDER_POST, _POST_END, _POST_END[:-1] + "  published Boolean @default(false)\n}"
            ),
        },
        "clean",
    ),
]

CLEAN_TEXTUAL = [s for s in SCENARIOS if s.expect == "clean" and len(s.base) == 1]
"""Scenarios whose driver merge is clean: git's own line merge conflicts on them (both sides
append at the same place), and ``fix`` must repair git's markers to the driver's result."""


def driver_command() -> str:
    return f"{shlex.quote(sys.executable)} -m prisma_tools merge-driver %O %A %B %P %L"


def git_env(home: Path) -> dict[str, str]:
    """An environment without the user's git configuration, running this checkout's prisma_tools."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        GIT_CONFIG_NOSYSTEM="1",
        PYTHONPATH=str(REPO) + os.pathsep + env.get("PYTHONPATH", ""),
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.com",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.com",
    )
    return env


def git(repo: Path, *args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check)


def _write(root: Path, files: dict[str, str | None]) -> None:
    for rel, text in files.items():
        p = root / rel
        if text is None:
            p.unlink()
            continue
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(text.encode("utf-8"))


@dataclass
class Merged:
    """What ``git merge`` left: its exit status, its output, the schema files."""

    status: int
    output: str
    files: dict[str, str]


def run_merge(tmp: Path, s: Scenario, *, driver: bool, style: str = "merge") -> Merged:
    """Make a repository with ``s``'s base, an ``ours`` and a ``theirs`` branch; merge theirs into ours."""
    repo = tmp / "repo"
    repo.mkdir()
    env = git_env(tmp)
    git(repo, "init", "-q", "-b", "main", env=env)
    git(repo, "config", "merge.conflictStyle", style, env=env)
    if driver:
        (repo / ".gitattributes").write_text("*.prisma merge=prisma-tools\n")
        git(repo, "config", "merge.prisma-tools.driver", driver_command(), env=env)
    folder = repo / s.folder
    _write(folder, dict(s.base))
    git(repo, "add", "-A", env=env)
    git(repo, "commit", "-q", "-m", "base", env=env)
    for branch, files in (("theirs", s.theirs), ("ours", s.ours)):
        git(repo, "checkout", "-q", "-b", branch, "main", env=env)
        _write(folder, files)
        git(repo, "add", "-A", env=env)
        git(repo, "commit", "-q", "-m", branch, env=env)
    done = git(repo, "merge", "--no-edit", "theirs", env=env, check=False)
    out = {str(p.relative_to(folder)): p.read_text() for p in sorted(folder.rglob("*.prisma"))}
    return Merged(done.returncode, done.stdout + done.stderr, out)


GOLDEN_SUFFIX = ".merged"
"""Goldens are ``<file>.prisma.merged``: those with conflict regions are not schemas, and the
tests that read every ``.prisma`` fixture must not take them for one."""


def golden_files(s: Scenario) -> dict[str, str]:
    root = GOLDEN / s.name
    found = sorted(root.rglob("*" + GOLDEN_SUFFIX))
    return {str(p.relative_to(root))[: -len(GOLDEN_SUFFIX)]: p.read_text() for p in found}


def digest(files: dict[str, str]) -> str:
    h = hashlib.sha256()
    for rel, text in sorted(files.items()):
        h.update(rel.encode() + b"\0" + text.encode() + b"\0")
    return h.hexdigest()


def read_oracle() -> dict[str, tuple[str, str]]:
    """scenario -> (digest of the merged files, Prisma's verdict) as recorded."""
    out = {}
    for line in ORACLE_TSV.read_text().splitlines():
        if line.startswith("#") or line.startswith("scenario\t"):
            continue
        name, sha, verdict = line.split("\t")
        out[name] = (sha, verdict)
    return out


# ------------------------------------------------------------------ EdPsych replay

EDPSYCH_SCENARIO = "edpsych-replay"


def edpsych_scenario(corpus: Path) -> Scenario:
    """The EdPsych story as a merge (``corpus`` is ``../shared/corpus/edpsych``).

    * base: ``schema.prisma.backup.fix`` (repaired by ``fix``: Prisma rejects it as
      it is) without its Mentorship and Portfolio models (from ``// Mentorship
      Models`` to the end) and without the fields that refer to them;
    * ours: base plus the models of ``schema-additions.prisma`` (and the
      back-relation ``User.chatSessions`` their ``ChatSession.user`` needs);
    * theirs: base plus the Mentorship and Portfolio models back, and
      ``user-model-updates.prisma``'s relations to them on ``User``.
    """
    from prisma_tools import fix, parse, print_schema
    from prisma_tools.files import read_text
    from prisma_tools.nodes import Model

    full = fix(parse(read_text(corpus / "schema.prisma.backup.fix"), "schema.prisma")).schema
    names = [b.name for b in full.blocks if isinstance(b, Model)]
    new = set(names[names.index("MentorProfile") :])
    updates = parse(read_text(corpus / "user-model-updates.prisma"))
    user_updates = updates.block("User")
    assert isinstance(user_updates, Model)
    added_to_user = {f.name for f in user_updates.fields if f.type is not None and f.type.name in new}
    blocks = []
    for b in full.files[0].blocks:
        if isinstance(b, Model) and b.name in new:
            continue
        if isinstance(b, Model):
            kept = tuple(m for m in b.members if getattr(getattr(m, "type", None), "name", None) not in new)
            b = b.model_copy(update={"members": kept})
        blocks.append(b)
    base_schema = full.model_copy(update={"files": (full.files[0].model_copy(update={"blocks": tuple(blocks)}),)})
    base = print_schema(base_schema)
    theirs = print_schema(full)
    assert added_to_user <= {f.name for f in full.block("User").fields}  # type: ignore[union-attr]
    additions = read_text(corpus / "schema-additions.prisma")
    ours = edit(base, "model User {\n", "model User {\n  chatSessions ChatSession[]\n") + "\n" + additions
    return Scenario(
        EDPSYCH_SCENARIO, {"schema.prisma": base}, {"schema.prisma": ours}, {"schema.prisma": theirs}, "clean"
    )
