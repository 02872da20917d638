"""Records (AST nodes, diagnostics): dataclass behaviour, Pydantic validation on first use only."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys

import pytest
from pydantic import ValidationError

from prisma_tools import parse
from prisma_tools.diagnostics import Diagnostic
from prisma_tools.nodes import (
    CatchAll,
    Comment,
    FieldDecl,
    FieldType,
    Model,
    Position,
    Span,
    StringValue,
    TopCatchAll,
)
from prisma_tools.records import construct, field_items, record_fields


def test_importing_and_parsing_does_not_import_pydantic() -> None:
    code = (
        "import sys\n"
        "from prisma_tools.parser import parse_file_text\n"
        "from prisma_tools.printer import print_file\n"
        "from prisma_tools.layout import meaning_digest\n"
        "f = parse_file_text('model A {\\n  id Int @id\\n  s String? // c\\n}\\n')\n"
        "print_file(f); meaning_digest(f)\n"
        "assert 'pydantic' not in sys.modules, 'pydantic was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_fields_are_inherited_in_dataclass_order() -> None:
    # a redeclared field (kind) keeps the place its base gave it
    assert list(record_fields(TopCatchAll)) == list(record_fields(CatchAll))
    assert record_fields(TopCatchAll)["kind"] == "top_catch_all"
    assert list(record_fields(FieldDecl))[:4] == ["span", "leading_comments", "trailing_comment", "blank_line_before"]
    assert record_fields(FieldDecl)["name"] is ...
    assert not hasattr(FieldDecl(name="a"), "__dict__")  # slotted: no per-instance dict


def test_constructor_validates() -> None:
    with pytest.raises(ValidationError):
        FieldType(name=1)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        FieldType(name="Int", colour="red")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Comment(kind="shout", text="//")  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Diagnostic(severity="fatal", message="x")  # type: ignore[arg-type]
    f = FieldDecl(name="a", type={"name": "Int", "optional": True})  # type: ignore[arg-type]
    assert f.type == FieldType(name="Int", optional=True)


def test_records_are_immutable() -> None:
    f = FieldType(name="Int")
    with pytest.raises(AttributeError):
        f.name = "String"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del f.name  # type: ignore[misc]


def test_repr_hides_spans() -> None:
    node = parse("model A {\n  id Int\n}\n").files[0].blocks[0]
    assert "span" not in repr(node)
    assert repr(StringValue(text='"x"')) == "StringValue(span=None, kind='string', text='\"x\"')".replace(
        "span=None, ", ""
    )


def test_pickle_and_copies_keep_values_and_spans() -> None:
    schema = parse("model A {\n  id Int @id // c\n}\n")
    for again in (pickle.loads(pickle.dumps(schema)), copy.deepcopy(schema), copy.copy(schema)):
        assert again == schema
        assert again.files[0].blocks[0].span == schema.files[0].blocks[0].span


def test_equality() -> None:
    assert Position(line=1, column=2, offset=1) == Position(line=1, column=2, offset=1)
    assert Position(line=1, column=2, offset=1) != Position(line=1, column=3, offset=2)
    assert hash(Position(line=1, column=2, offset=1)) == hash(Position(line=1, column=2, offset=1))
    # nodes compare without their spans
    here = Span(Position(line=1, column=1, offset=0), Position(line=1, column=4, offset=3))
    assert FieldType(name="Int", span=here) == FieldType(name="Int")
    assert FieldType(name="Int") != FieldType(name="Int", optional=True)
    assert FieldType(name="Int") != Model(name="Int")


def test_construct_and_model_copy_skip_validation() -> None:
    t = construct(FieldType, {"name": "Int"})
    assert t == FieldType(name="Int")
    assert t.model_copy(update={"optional": True}).optional
    with pytest.raises(TypeError):
        t.model_copy(update={"colour": "red"})
    with pytest.raises(KeyError):
        construct(FieldType, {})
    assert dict(field_items(t))["name"] == "Int"


def test_dataclasses_view_once_pydantic_knows_the_class() -> None:
    Model.model_json_schema()
    names = [f.name for f in dataclasses.fields(Model)]
    assert names == list(record_fields(Model))


def test_diagnostic_dump_and_copy() -> None:
    d = Diagnostic(severity="error", message="bad", path="s.prisma", code="syntax")
    assert d.model_dump(mode="json", exclude={"line_text"}) == {
        "severity": "error",
        "message": "bad",
        "path": "s.prisma",
        "span": None,
        "code": "syntax",
        "fix": None,
    }
    assert d.model_copy(update={"severity": "warning"}).severity == "warning"
    assert Diagnostic.model_validate_json(d.model_dump_json()) == d


def test_severity_is_the_same_at_run_time_as_for_type_checkers() -> None:
    import typing

    from prisma_tools import diagnostics

    assert typing.get_args(diagnostics.Severity) == ("error", "warning", "info")
    assert Diagnostic(severity="warning", message="m").severity == "warning"
