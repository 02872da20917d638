"""Database names (``@@map``, ``@map``): two models, or two enums, may not share one; MongoDB field names.

Part of Prisma's validations proper (psl-core), so reported only for a
schema without earlier errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .attribute_args import ATTRIBUTE_ERROR, attribute_span
from .rules import rule

if TYPE_CHECKING:
    from ..resolve import FieldBlockInfo
    from .context import Context

DUPLICATE_MODEL_DB_NAME = rule(
    "E330",
    "duplicate-model-database-name",
    'The model with database name "{db_name}" could not be defined because another model or view with this name '
    'exists: "{existing}"',
)
DUPLICATE_ENUM_DB_NAME = rule(
    "E331", "duplicate-enum-database-name", "An enum with the same database name is already defined."
)

MONGODB_ID_NAME = rule(
    "E332",
    "mongodb-id-name",
    'Error validating field `{field}` in {kind} `{model}`: MongoDB model IDs must have an @map("_id") annotation.',
)

PHASE = "validations"
ORDER = 40


def check(ctx: Context) -> None:
    db = ctx.db
    models: dict[tuple[str | None, str], FieldBlockInfo] = {}
    in_order = db.models + db.views  # Prisma walks the models, then the views
    for model in in_order:
        key = (model.schema, model.db_name)
        existing = models.get(key)
        models[key] = model
        if existing is None:
            continue
        # The error goes on a @@map: the current model's, else the earlier one's.
        if _has_map(model):
            _report_model(ctx, model, existing.name, model)
        elif _has_map(existing):
            _report_model(ctx, existing, model.name, model)
    enums: set[tuple[str | None, str]] = set()
    for enum in db.enums if db.provider != "sqlserver" else ():  # SQL Server has no enums to clash
        key = (enum.schema, enum.db_name)
        if key in enums:
            ctx.report(DUPLICATE_ENUM_DB_NAME, enum.file, enum.node)
        enums.add(key)
    if db.provider == "mongodb":
        for model in in_order:
            _mongodb_field_names(ctx, model)


def _has_map(model: FieldBlockInfo) -> bool:
    # Validations run on error-free schemas only: a @@map there is a valid one.
    return any(a.name == "map" for a in model.node.attributes)


def _report_model(ctx: Context, holder: FieldBlockInfo, existing: str, current: FieldBlockInfo) -> None:
    attr = next(a for a in holder.node.attributes if a.name == "map")
    ctx.report(
        DUPLICATE_MODEL_DB_NAME,
        holder.file,
        attribute_span(holder.file, attr),
        db_name=current.db_name,
        existing=existing,
    )


def _mongodb_field_names(ctx: Context, model: FieldBlockInfo) -> None:
    """MongoDB field names may not start with ``$`` nor contain ``.``; a one-field id is named ``_id``."""
    pk = model.primary_key
    if pk is not None and len(pk.fields) == 1:
        f = model.field(pk.fields[0].name)
        if f is not None and "_id" not in (f.name, f.db_name):
            ctx.report(
                MONGODB_ID_NAME, f.file, ctx.line_span(f.file, f.node), field=f.name, kind=model.kind, model=model.name
            )
    for f in model.fields:
        if f.type.kind in ("model", "view", "unknown"):
            continue
        attr = f.attribute("map")
        if attr is None:
            continue
        where = attribute_span(f.file, attr)
        if f.db_name.startswith("$"):
            ctx.report(
                ATTRIBUTE_ERROR,
                f.file,
                where,
                attribute="@map",
                detail="The field name cannot start with a `$` character",
            )
        if "." in f.db_name:
            ctx.report(
                ATTRIBUTE_ERROR, f.file, where, attribute="@map", detail="The field name cannot contain a `.` character"
            )
