"""Attribute validation on small schemas, against Prisma's answers for them.

``validation/attribute_cases.json`` holds schemas written to probe Prisma's
attribute pass (unknown and repeated attributes, arguments, ``@default``,
``@map``, shard keys, ``where:``...) with what Prisma 6 or 7 reports for each
(character offsets, covered text, message, is_warning). ``ignore`` lists
messages of other validations that this case does not check.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from prisma_tools.nodes import Schema, construct
from prisma_tools.parser import parse_file_text
from prisma_tools.validation import check_schema

CASES = json.loads((Path(__file__).resolve().parent / "validation" / "attribute_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_attribute_case(case: dict) -> None:
    text = case["schema"]
    schema = construct(Schema, {"files": (parse_file_text(text, "schema.prisma", strict=False),)})
    ignore = set(case["ignore"])
    ours = sorted(
        [f.start, f.end, text[f.start : f.end], f.message, f.severity == "warning"]
        for f in check_schema(schema, prisma_version=case["engine"])
        if f.message not in ignore
    )
    assert ours == sorted(case["expected"])
