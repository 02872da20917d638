"""Fixes of datasource and multi-schema diagnostics, and of MongoDB's id rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..edits import Fix, TextEdit
from ..nodes import ArrayValue, Setting
from ..registry import fixer
from .text import after, block_at, block_attribute_edit, field_at, indentation, newline, offsets

if TYPE_CHECKING:
    from ..resolve import ResolvedSchema
    from ..validation.context import Finding

__all__: list[str] = []


@fixer("W710", "safe")
def rename_referential_integrity(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Rename property to relationMode

    `referentialIntegrity` is the old name of `relationMode`; same values, same meaning.
    Not offered when `relationMode` is set as well (that is E709, whose fix removes
    the old line): Prisma's language server renames it anyway, which sets
    `relationMode` twice.

    ```prisma
    datasource db {
      provider     = "mysql"
      relationMode = "prisma" // was referentialIntegrity
    }
    ```
    """
    text = finding.file.text
    key = "referentialIntegrity"
    if text[finding.start : finding.start + len(key)] != key:
        return None
    ds = db.datasource
    if ds is not None and any(isinstance(m, Setting) and m.key == "relationMode" for m in ds.node.members):
        return None
    edit = TextEdit(path=finding.path, start=finding.start, end=finding.start + len(key), content="relationMode")
    return Fix(message="Rename property to relationMode", applicability="safe", edits=(edit,))


def _schema_attribute_fix(finding: Finding, db: ResolvedSchema) -> Fix | None:
    block = block_at(db, finding.file, finding.start)
    if block is None:
        return None
    edit = block_attribute_edit(block.file.path, block.file.text, block.node, "schema()")
    return Fix(message="Add `@@schema` attribute", applicability="display", edits=(edit,))


@fixer("E852", "display")
def model_schema(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Add `@@schema` attribute

    With `schemas` in the datasource, every model says which schema it lives in.
    The fix adds an empty `@@schema()` for you to fill in (as Prisma's language
    server does), so it is shown, never applied.

    ```prisma
    model User {
      id Int @id

      @@schema() // <- added: name one of the datasource's schemas
    }
    ```
    """
    return _schema_attribute_fix(finding, db)


@fixer("E853", "display")
def enum_schema(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Add `@@schema` attribute

    As for models: an empty `@@schema()` to fill in; shown, never applied.

    ```prisma
    enum Role {
      USER

      @@schema() // <- added
    }
    ```
    """
    return _schema_attribute_fix(finding, db)


@fixer("E850", "unsafe")
def add_schema_to_datasource(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Add schema to schemas

    `@@schema("name")` names a schema the datasource does not list: add it to the
    datasource's `schemas` (creating the property when there is none). Unsafe:
    the name may be a typo of a listed schema, and migrations will create it.

    ```prisma
    datasource db {
      provider = "postgresql"
      schemas  = ["a", "base"] // "base" added
    }
    ```
    """
    ds = db.datasource
    text = finding.file.text
    name = text[finding.start : finding.end].strip('"')
    if ds is None or not name:
        return None
    dtext, path = ds.file.text, ds.file.path
    settings = [m for m in ds.node.members if isinstance(m, Setting)]
    schemas = next((s for s in reversed(settings) if s.key == "schemas"), None)
    if schemas is not None:
        value = schemas.value
        if not isinstance(value, ArrayValue) or value.span is None:
            return None
        close = value.span.end_offset - 1
        j = close - 1
        while j > value.span.start_offset and dtext[j] in " \t":
            j -= 1
        if dtext[j] == '"':  # replace the last item's closing quote, as Prisma does
            edit = TextEdit(path=path, start=j, end=j + 1, content=f'", "{name}"')
        elif dtext[j] == "[":
            edit = TextEdit(path=path, start=close, end=close, content=f'"{name}"')
        else:
            edit = TextEdit(path=path, start=j + 1, end=j + 1, content=f', "{name}"')
    else:
        anchor = next((s for s in settings if s.key == "url"), settings[-1] if settings else None)
        if anchor is None:
            return None
        model = block_at(db, finding.file, finding.start)
        indent = indentation(model.file.text, model.node) if model is not None else "  "
        start, end = offsets(ds.node)
        at = after(anchor)
        edit = TextEdit(
            path=path, start=at, end=at, content=f'{newline(dtext, start, end)}{indent}schemas = ["{name}"]'
        )
    return Fix(message="Add schema to schemas", applicability="unsafe", edits=(edit,))


def _append_to_field(finding: Finding, db: ResolvedSchema, attribute: str, message: str) -> Fix | None:
    f = field_at(db, finding)
    if f is None:
        return None
    at = after(f.node)
    return Fix(
        message=message,
        applicability="safe",
        edits=(TextEdit(path=f.file.path, start=at, end=at, content=f" {attribute}"),),
    )


@fixer("E332", "safe")
def mongodb_id_map(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Add @map("_id")

    MongoDB stores a document's id in `_id`: map the id field to it.

    ```prisma
    model User {
      id String @id @map("_id") // @map("_id") added
    }
    ```
    """
    return _append_to_field(finding, db, '@map("_id")', 'Add @map("_id")')


@fixer("E323", "safe")
def mongodb_object_id(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Add @db.ObjectId

    On MongoDB, `@default(auto())` generates an ObjectId, so the field needs the
    `ObjectId` native type (spelled with the datasource's name). Offered for that
    message only, on a `String` field.

    ```prisma
    model User {
      id String @id @default(auto()) @map("_id") @db.ObjectId // @db.ObjectId added
    }
    ```
    """
    if "must have `ObjectId` native type" not in finding.message:
        return None
    f = field_at(db, finding)
    ds = db.datasource
    if f is None or ds is None or f.type.name != "String":
        return None
    return _append_to_field(finding, db, f"@{ds.name}.ObjectId", "Add @db.ObjectId")


def _preview_item(finding: Finding) -> tuple[ArrayValue, int, str] | None:
    """The ``previewFeatures`` array, the index of the item the message names, and that name."""
    import re

    from ..nodes import StringValue

    match = re.search(r'preview feature "([^"]+)"', finding.message, re.IGNORECASE)
    array = finding.node
    if match is None or not isinstance(array, ArrayValue):
        return None
    for i, item in enumerate(array.items):
        if isinstance(item, StringValue) and item.value == match.group(1) and item.span is not None:
            return array, i, match.group(1)
    return None


@fixer("W724", "safe")
def remove_deprecated_preview_feature(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Remove the preview feature

    A deprecated preview feature is generally available: listing it does nothing
    but draw this warning, so it is removed from `previewFeatures`.

    ```prisma
    generator client {
      provider        = "prisma-client-js"
      previewFeatures = ["views"] // was ["fullTextIndex", "views"]
    }
    ```
    """
    found = _preview_item(finding)
    if found is None:
        return None
    array, i, name = found
    spans = [offsets(item) for item in array.items]
    if len(spans) == 1:
        start, end = spans[0]
    elif i + 1 < len(spans):
        start, end = spans[i][0], spans[i + 1][0]  # the item and the separator after it
    else:
        start, end = spans[i - 1][1], spans[i][1]  # the separator before the last item, and the item
    edit = TextEdit(path=finding.path, start=start, end=end)
    return Fix(message=f'Remove the deprecated preview feature "{name}"', applicability="safe", edits=(edit,))


@fixer("W726", "safe")
def rename_preview_feature(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Use the new name

    The preview feature has a new name on this provider; the old one is replaced by it.

    ```prisma
    generator client {
      provider        = "prisma-client-js"
      previewFeatures = ["fullTextSearchPostgres"] // was "fullTextSearch", on PostgreSQL
    }
    ```
    """
    import re

    found = _preview_item(finding)
    new = re.search(r'has been renamed to "([^"]+)"', finding.message)
    if found is None or new is None:
        return None
    array, i, name = found
    start, end = offsets(array.items[i])
    edit = TextEdit(path=finding.path, start=start, end=end, content=f'"{new.group(1)}"')
    return Fix(message=f'Rename the preview feature "{name}" to "{new.group(1)}"', applicability="safe", edits=(edit,))


@fixer("E601", "safe")
def native_type_prefix(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Use the datasource's name

    A native type attribute is prefixed with the datasource's name; Prisma's message
    names the one there is, so the prefix is replaced by it.

    ```prisma
    datasource db {
      provider = "postgresql"
      url      = env("DATABASE_URL")
    }

    model User {
      id   Int    @id
      name String @db.VarChar(100) // was: @pg.VarChar(100)
    }
    ```
    """
    import re

    ds = db.datasource
    found = re.match(r"The prefix (\S+) is invalid", finding.message)
    if ds is None or found is None:
        return None
    given = found.group(1)
    text = finding.file.text
    at = text.find(f"@{given}.", finding.start, max(finding.end, finding.start + len(given) + 2))
    if at < 0:
        return None
    edit = TextEdit(path=finding.path, start=at + 1, end=at + 1 + len(given), content=ds.name)
    return Fix(message=f"Use the datasource's name: `@{ds.name}.`", applicability="safe", edits=(edit,))


@fixer("E709", "safe")
def remove_referential_integrity(finding: Finding, db: ResolvedSchema) -> Fix | None:
    """Remove `referentialIntegrity`

    With both `relationMode` and its old name `referentialIntegrity` set, Prisma asks
    for `relationMode` only: the old property's line is removed. Offered when both say
    the same; when they differ, which one is meant is for you to say.

    ```prisma
    datasource db {
      provider     = "mysql"
      relationMode = "prisma" // a `referentialIntegrity = "prisma"` line removed
    }
    ```
    """
    ds = db.datasource
    if ds is None:
        return None
    settings = [m for m in ds.node.members if isinstance(m, Setting)]
    legacy = next((s for s in settings if s.key == "referentialIntegrity"), None)
    current = next((s for s in settings if s.key == "relationMode"), None)
    if legacy is None or current is None or legacy.value != current.value:
        return None
    text = ds.file.text
    start, end = offsets(legacy)
    start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    nl = text.find("\n", end)
    end = len(text) if nl < 0 else nl + 1
    edit = TextEdit(path=ds.file.path, start=start, end=end)
    return Fix(
        message="Remove `referentialIntegrity`, the old name of `relationMode`", applicability="safe", edits=(edit,)
    )
