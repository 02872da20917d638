"""Hypothesis properties of the parser and the printer (strategies in ``strategies.py``).

1. print -> parse: a canonical AST (the form the printer's output parses back to) survives
   ``parse(print(a))`` unchanged; an AST with arbitrary layout survives up to
   :func:`~prisma_tools.layout.without_layout`.
2. idempotence: ``print(parse(print(a))) == print(a)`` for generated ASTs, and printing is a
   fixed point after one run on generated schema-like text (``strict=False``). Inputs that hit
   one of Prisma's own non-idempotent behaviours (§3.2 text after ``}``, §7.4 leading blank
   line, §10.2 block comment runs, and a ``/*`` left open, see ``strategies.prisma_quirks``)
   are excluded from the text strategy; the assertion itself is not weakened.
3. comments: the multiset of ``//`` and ``///`` comment texts (and of ``/* */`` comments, in
   canonical form when they stand alone) survives printing.
4. crash-freedom: any text parses or raises :class:`~prisma_tools.diagnostics.ParseError`
   (and valid text prints as valid text); with ``strict=False`` it always parses, and the
   printed result parses again.
5. JSON: ``Schema.model_validate_json(s.model_dump_json()) == s``, spans included.

Then the shrunk inputs of the failures found with these strategies, each checked against
``prisma-oracle format``, as regression tests.

Profiles: set ``HYPOTHESIS_PROFILE=dev`` for a quick run (a quarter of the examples) or
``HYPOTHESIS_PROFILE=ci`` for a thorough one (ten times the examples). The default is sized to
run this file in well under 30 s on a slow two-core machine. (The profiles are registered here,
not in conftest.py, so ``--hypothesis-profile`` cannot select them; use the variable.)
"""

from __future__ import annotations

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import comments_of, prisma_quirks, schema_files, schema_soup

from prisma_tools.diagnostics import ParseError
from prisma_tools.layout import meaning_digest, same_meaning, without_layout
from prisma_tools.nodes import (
    Argument,
    BlockAttribute,
    CatchAll,
    Comment,
    FieldAttribute,
    FieldDecl,
    FunctionCall,
    Model,
    NumberValue,
    Schema,
    SchemaFile,
)
from prisma_tools.parser import parse, parse_file_text
from prisma_tools.printer import print_file

# ------------------------------------------------------------------ profiles

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("dev", **_COMMON)
settings.register_profile("ci", print_blob=True, **_COMMON)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
if PROFILE in ("dev", "ci"):
    settings.load_profile(PROFILE)
_SCALE = {"dev": 0.25, "ci": 10.0}.get(PROFILE, 1.0)


def examples(n: int) -> settings:
    """Settings for a property worth ``n`` examples in the default profile (scaled by the profile)."""
    return settings(max_examples=max(5, round(n * _SCALE)), **_COMMON)  # type: ignore[arg-type]


canonical_files = schema_files()
# Arbitrary layout, including the layouts that reproduce Prisma's non-idempotent outputs.
layout_files = schema_files(canonical=False, quirks=True)
# Arbitrary layout, but none of those: printing such an AST must be a fixed point already.
stable_layout_files = schema_files(canonical=False, quirks=False)
# Text with none of Prisma's non-idempotent cases (see strategies.prisma_quirks). The filter
# rejects about one input in four; the quirks are excluded here, not by weakening the
# assertions below.
quirk_free_soup = schema_soup().filter(lambda t: not prisma_quirks(t))
any_text = st.one_of(st.text(), schema_soup())


def reparse(text: str, path: str = "<string>") -> SchemaFile:
    return parse_file_text(text, path, strict=False)


# ------------------------------------------------------------------ 1. print -> parse


@examples(120)
@given(canonical_files)
def test_print_then_parse_gives_back_a_canonical_ast(a: SchemaFile) -> None:
    printed = print_file(a)
    assert parse(printed, a.path) == Schema(files=(a,)), printed


@examples(100)
@given(layout_files)
def test_print_then_parse_keeps_the_meaning_of_any_ast(a: SchemaFile) -> None:
    # Raw equality is impossible here by design: the printer normalises layout (it sorts
    # attributes, drops legacy `!`/`[T]`/`:` spellings, text after `{` and trailing commas,
    # rewrites `/* */` comments, folds blank lines), exactly as `prisma format` does. What is
    # left after `without_layout` is the meaning, which must survive.
    printed = print_file(a)
    b = parse_file_text(printed, a.path)
    assert without_layout(b) == without_layout(a), printed
    assert same_meaning(b, a), printed


@examples(100)
@given(layout_files, layout_files)
def test_same_meaning_is_equality_without_layout(a: SchemaFile, b: SchemaFile) -> None:
    # The safety check compares layout-blind serializations (and their digests) instead of
    # layout-blind copies: it must agree with the copies, on equal and on different trees.
    assert same_meaning(a, b) == (without_layout(a) == without_layout(b))
    assert (meaning_digest(a) == meaning_digest(b)) == same_meaning(a, b)
    printed = parse_file_text(print_file(a), a.path)
    assert same_meaning(printed, a)
    assert meaning_digest(printed) == meaning_digest(a)
    assert same_meaning(printed, b) == (without_layout(printed) == without_layout(b))


# ------------------------------------------------------------------ 2. idempotence


@examples(100)
@given(st.one_of(canonical_files, stable_layout_files))
def test_printing_is_idempotent_on_asts(a: SchemaFile) -> None:
    printed = print_file(a)
    assert print_file(reparse(printed, a.path)) == printed


@examples(150)
@given(quirk_free_soup)
def test_printing_is_idempotent_on_text(text: str) -> None:
    once = print_file(reparse(text))
    twice = print_file(reparse(once))
    assert twice == once


# ------------------------------------------------------------------ 3. comments


@examples(100)
@given(layout_files)
def test_printing_keeps_every_comment_of_an_ast(a: SchemaFile) -> None:
    printed = print_file(a)
    assert Counter(comments_of(reparse(printed, a.path))) == Counter(comments_of(a)), printed


@examples(80)
@given(quirk_free_soup)
def test_printing_keeps_every_comment_of_text(text: str) -> None:
    parsed = reparse(text)
    assert Counter(comments_of(reparse(print_file(parsed)))) == Counter(comments_of(parsed))


# ------------------------------------------------------------------ 4. crash-freedom


@examples(200)
@given(any_text)
def test_strict_parse_returns_or_raises_parse_error(text: str) -> None:
    try:
        f = parse_file_text(text, strict=True)
    except ParseError as e:
        diagnostics = e.diagnostics
    else:
        # valid in, valid out
        parse_file_text(print_file(f), strict=True)
        return
    assert diagnostics, "a ParseError says what is wrong"


@examples(200)
@given(any_text)
def test_lenient_parse_never_raises_and_its_output_parses_again(text: str) -> None:
    printed = print_file(parse_file_text(text, strict=False))
    parse_file_text(printed, strict=False)


# ------------------------------------------------------------------ 5. JSON


@examples(60)
@given(st.one_of(canonical_files, layout_files, schema_soup().map(reparse)))
def test_json_round_trip(f: SchemaFile) -> None:
    schema = Schema(files=(f,))
    back = Schema.model_validate_json(schema.model_dump_json())
    assert back == schema
    assert back.model_dump() == schema.model_dump()  # spans too


# ------------------------------------------------------------------ shrunk failures
# The minimal inputs of failures found with the strategies above, kept as regression tests:
# by the properties, or by running generated text through `prisma-oracle format` and comparing
# (where a property cannot see the bug because parser and printer agree with each other). Each
# expected output is what `prisma-oracle format` printed for the input, and Prisma prints it
# unchanged when formatting it again.


def fmt(text: str) -> str:
    return print_file(parse_file_text(text, strict=False))


PRISMA_OUTPUTS = [
    # `_body` attached to `@@map` the comment run above it by walking back to the last comment
    # with a blank line before it, through `// f`, which stood before the blank line and the
    # first attribute: `// f` moved below `@@id`.
    pytest.param(
        'model X {\n  a Int\n  // f\n\n  @@id([a])\n  @@map("x")\n}\n',
        'model X {\n  a Int\n  // f\n\n  @@id([a])\n  @@map("x")\n}\n',
        id="footer-comment-stays-above-attributes",
    ),
    # Prisma tries a function call and a named argument before a number, so `2fa()` and `1a:`
    # are names; the lexer read the NUMBER `2` / `1` there and the lines became catch-alls.
    pytest.param(
        "model X {\n  longName Int\n  b Int @x(1a: 2)\n  c Int @x(2fa())\n}\n",
        "model X {\n  longName Int\n  b        Int @x(1a: 2)\n  c        Int @x(2fa())\n}\n",
        id="digit-first-call-and-argument-names",
    ),
    # ... but a digit-first constant is a number followed by junk, for Prisma too (not a bug:
    # the reason strategies.constants() never starts with a digit).
    pytest.param(
        "model X {\n  longName Int\n  a Int @default(1abc)\n}\n",
        "model X {\n  longName Int\n  a Int @default(1abc)\n}\n",
        id="digit-first-constant-is-no-path",
    ),
    # A dotted argument name or object key is a catch-all line; the parser raised its internal
    # `_Reject` instead (Lark 1.3 does not wrap errors of inline callbacks in VisitError).
    pytest.param(
        "model X {\n  longName Int\n  d Int @x(a.b: 1)\n  e Int @x({ a.b: 1 })\n  f Int @x(a.b: )\n}\n",
        "model X {\n  longName Int\n  d Int @x(a.b: 1)\n  e Int @x({ a.b: 1 })\n  f Int @x(a.b: )\n}\n",
        id="dotted-argument-name-is-a-catch-all",
    ),
    # IDENT is `[^\W\d_]...`, which in Python also matches the number categories Nl and No
    # (Ⅻ, ², ½); Prisma's identifiers take letters (category L) only, so these are catch-alls.
    pytest.param(
        "model X {\n  longName Int\n  Ⅻ Int\n  a² Int\n  f Int @x(½)\n}\n",
        "model X {\n  longName Int\n  Ⅻ Int\n  a² Int\n  f Int @x(½)\n}\n",
        id="number-characters-are-not-letters",
    ),
    # NUL is the parser's mask character: it took a comment holding one for a catch-all line
    # (`prisma-oracle validate` says VALID for this schema).
    pytest.param(
        "model X {\n  a Int @id // x\x00y\n}\n// top\x00z\n",
        "model X {\n  a Int @id // x\x00y\n}\n\n// top\x00z\n",
        id="nul-in-a-comment",
    ),
    # A block comment spanning a line the parser had masked came out with the mask (NULs) in
    # place of that line's text, and a different number of them on every run.
    pytest.param(
        "model model{\n/* unclosed\nmodel\nmodel model{\nmodel/* b */",
        "model model{\n/**\n * unclosed\n * model\n * model model{\n * model/* b\n */\n",
        id="mask-leaked-into-a-block-comment",
    ),
    # An open block whose only `}` is inside a comment: the driver gave up ("cannot recover
    # from a parse error") instead of making the header line a catch-all.
    pytest.param(
        "type Q{\n/*\n}*/\na",
        "type Q{\n/**\n * }\n */\na\n",
        id="brace-only-inside-a-comment",
    ),
    # Prisma splits a stand-alone block comment into lines at LF only: a lone CR stays in its
    # line (the printer split at CR too). Found by test_printing_keeps_every_comment_of_an_ast
    # once strategies.block_comment_lines followed Prisma.
    pytest.param("/*a\ra*/", "/**\n * a\ra\n */\n", id="lone-cr-in-a-block-comment"),
    pytest.param(
        "model A {\n  id Int\n  /* x\ry */\n}\n",
        "model A {\n  id Int\n  /**\n   * x\ry\n   */\n}\n",
        id="lone-cr-in-a-block-comment-in-a-body",
    ),
    # A keyword glued to a name (`modela{`) whose block does not close falls back, in Prisma,
    # to a keyword-less block kept verbatim; the parser made the lines catch-alls instead.
    pytest.param("modela{\n a}", "modela{\n a}\n", id="glued-keyword-falls-back-to-keyword-less-block"),
    pytest.param("datasourcea{\n a}", "datasourcea{\n a}\n", id="glued-keyword-datasource"),
    # A block comment on the line of a keyword-less block's `}`, or after a type alias, is
    # rewritten in place, glued to what precedes it (like a `//` comment there).
    pytest.param("a{\n}/**/", "a{\n}/**\n */\n", id="block-comment-after-keyword-less-block"),
    pytest.param(
        "a{\n}/* x */\nmodel A {\n  id Int\n}\n",
        "a{\n}/**\n * x\n */\nmodel A {\n  id Int\n}\n",
        id="block-comment-after-keyword-less-block-then-block",
    ),
    pytest.param("type A = B /* x */\n", "type A = B /**\n * x\n */\n", id="block-comment-after-type-alias"),
    # A block right after a keyword-less block's `}`, on the same line, stays glued to it.
    pytest.param("a{\n}b{\n}", "a{\n}b{\n}\n", id="block-after-keyword-less-block"),
    pytest.param(
        "a{\n}model A {\n  id Int\n}\n",
        "a{\n}model A {\n  id Int\n}\n",
        id="model-after-keyword-less-block",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PRISMA_OUTPUTS)
def test_shrunk_failures_print_as_prisma_does(text: str, expected: str) -> None:
    assert fmt(text) == expected
    assert fmt(expected) == expected


def test_unclosed_block_comment_is_not_idempotent_in_prisma_either() -> None:
    # Found by test_printing_is_idempotent_on_text and excluded there (strategies.prisma_quirks):
    # `/* unclosed` is a catch-all line, `@@id() /* b */` moves below it, and on the next run
    # its `*/` closes the comment. prisma-oracle format gives these two outputs too.
    text = "modelmodel{\nmodel\n@@id()/* b */\nmodel\n/* unclosed\n}"
    once = "model model {\n  model\n  model\n  /* unclosed\n\n  @@id() /* b */\n}\n"
    twice = "model model {\n  model\n  model\n  /**\n   * unclosed\n   * @@id() /* b\n   */\n}\n"
    assert fmt(text) == once
    assert fmt(once) == twice
    assert prisma_quirks(text)


def test_nul_in_a_comment_is_valid() -> None:
    f = parse_file_text("model X {\n  a Int @id // x\x00y\n}\n// top\x00z\n", strict=True)
    assert f.footer_comments[0].text == "// top\x00z"


@pytest.mark.parametrize("line", ["d Int @x(a.b: 1)", "e Int @x({ a.b: 1 })", "Ⅻ Int", "a Int @default(1abc)"])
def test_shrunk_syntax_errors_are_parse_errors(line: str) -> None:
    text = f"model X {{\n  {line}\n}}\n"
    assert isinstance(parse_file_text(text, strict=False).blocks[0].members[0], CatchAll)  # type: ignore[union-attr]
    with pytest.raises(ParseError):
        parse_file_text(text, strict=True)


def test_footer_comment_round_trips() -> None:
    a = SchemaFile(
        path="<string>",
        blocks=(
            Model(
                name="X",
                footer_comments=(Comment.line(" f"),),
                attributes=(BlockAttribute(name="id"), BlockAttribute(name="map")),
            ),
        ),
    )
    assert parse_file_text(print_file(a)) == a


def test_digit_first_names_round_trip() -> None:
    call = FunctionCall(name="2fa", arguments=(Argument(name="1a", value=NumberValue(text="2")),))
    field = FieldDecl(name="c", attributes=(FieldAttribute(name="x", arguments=(Argument(value=call),)),))
    a = SchemaFile(path="<string>", blocks=(Model(name="X", members=(field,)),))
    assert parse_file_text(print_file(a)) == a


def test_without_layout_forgets_trailing_commas() -> None:
    # layout.py promises without_layout(parse(print(x))) == without_layout(x) for every x, but
    # the printer drops a trailing comma in an argument list (`@default(1,)` -> `@default(1)`,
    # as Prisma does) while without_layout keeps `trailing_comma`.
    f = parse_file_text("model X {\n  a Int @default(f(1,),)\n}\n", strict=False)
    assert without_layout(reparse(print_file(f))) == without_layout(f)
