"""Finding the schema when no path is given, in the order Prisma's CLI looks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from prisma_tools.cli.app import cli
from prisma_tools.schema_location import SchemaNotFound, locate_schema

UGLY = "model User {\nid Int @id\n}\n"
PRETTY = "model User {\n  id Int @id\n}\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_order_package_json_config_then_defaults(tmp_path: Path) -> None:
    with pytest.raises(SchemaNotFound, match="none found"):
        locate_schema(str(tmp_path))
    write(tmp_path / "prisma" / "schema" / "main.prisma", PRETTY)
    assert locate_schema(str(tmp_path)) == (str(tmp_path / "prisma" / "schema"), "Prisma's default location")
    write(tmp_path / "schema.prisma", PRETTY)
    assert locate_schema(str(tmp_path))[0] == str(tmp_path / "schema.prisma")
    write(tmp_path / "prisma" / "schema.prisma", PRETTY)
    assert locate_schema(str(tmp_path))[0] == str(tmp_path / "prisma" / "schema.prisma")
    write(tmp_path / "db" / "app.prisma", PRETTY)
    write(
        tmp_path / "prisma.config.ts",
        'import { defineConfig } from "prisma/config"\nexport default defineConfig({\n  schema: "db/app.prisma",\n})\n',
    )
    assert locate_schema(str(tmp_path)) == (str(tmp_path / "db" / "app.prisma"), "prisma.config.ts (schema)")
    write(tmp_path / "custom" / "s.prisma", PRETTY)
    write(tmp_path / "package.json", json.dumps({"prisma": {"schema": "custom/s.prisma"}}))
    assert locate_schema(str(tmp_path)) == (str(tmp_path / "custom" / "s.prisma"), "package.json (prisma.schema)")
    write(tmp_path / "package.json", json.dumps({"prisma": {"schema": "gone.prisma"}}))
    with pytest.raises(SchemaNotFound, match="does not exist"):
        locate_schema(str(tmp_path))


def test_commands_without_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["format"])
    assert r.exit_code == 2
    assert "none found" in r.stderr
    schema = write(tmp_path / "prisma" / "schema.prisma", UGLY)
    r = CliRunner().invoke(cli, ["format", "-v"])
    assert r.exit_code == 0, r.output
    assert f"using {os.path.join('prisma', 'schema.prisma')} (Prisma's default location)" in r.stderr
    assert schema.read_text() == PRETTY
    other = write(tmp_path / "other.prisma", UGLY)
    assert CliRunner().invoke(cli, ["fix", "--schema", "other.prisma"]).exit_code == 0
    assert other.read_text() == PRETTY
    assert CliRunner().invoke(cli, ["check", "--schema", "other.prisma", "prisma"]).exit_code == 2
    assert CliRunner().invoke(cli, ["check"]).exit_code == 0
