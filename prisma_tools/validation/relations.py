"""Relation fields: ambiguity, ignored targets, referential actions per connector, foreign key names, indexes.

Runs as Prisma's validation pipeline runs these checks, model after model
(views last), each relation field in order; then every relation
(:mod:`.relation_shapes`). An ambiguous relation ends Prisma's validations
at once: what Prisma would have checked after it is withdrawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..nodes import BlockAttribute, CompositeType, EnumBlock, FieldAttribute, Model, View
from . import relation_shapes
from .relation_view import RelationView, container
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import Node
    from ..resolve import FieldBlockInfo, RelationFieldInfo
    from .context import Context, Finding

AMBIGUOUS = rule(
    "E420",
    "ambiguous-relation",
    'Error validating {container} "{model}": Ambiguous relation detected. The fields {fields} in model `{model}` '
    "both refer to `{target}`. Please provide different relation names for them by adding `@relation(<name>).",
)
AMBIGUOUS_SELF = rule(
    "E421",
    "ambiguous-self-relation",
    'Error validating {container} "{model}": Ambiguous self relation detected. The fields {fields} in model '
    "`{model}` both refer to `{target}`. If they are part of the same relation add the same relation name for "
    "them with `@relation(<name>)`.",
)
UNNAMED_SELF = rule(
    "E422",
    "unnamed-self-relation",
    'Error validating {container} "{model}": Unnamed self relation detected. The fields {fields} in model '
    "`{model}` have no relation name. Please provide a relation name for one of them by adding `@relation(<name>).",
)
WRONGLY_NAMED_SELF = rule(
    "E423",
    "wrongly-named-self-relation",
    'Error validating {container} "{model}": Wrongly named self relation detected. The fields {fields} in model '
    "`{model}` have the same relation name. At most two relation fields can belong to the same relation and "
    "therefore have the same name. Please assign a different relation name to one of them.",
)
WRONGLY_NAMED = rule(
    "E424",
    "wrongly-named-relation",
    'Error validating {container} "{model}": Wrongly named relation detected. The fields {fields} in model '
    "`{model}` both use the same relation name. Please provide different relation names for them through "
    "`@relation(<name>).",
)
IGNORED_TARGET = rule(
    "E425",
    "relation-to-ignored-model",
    'Error parsing attribute "@ignore": The relation field `{field}` on Model `{model}` must specify the `@ignore` '
    "attribute, because the model {target} it is pointing to is marked ignored.",
)
ACTION_NOT_ALLOWED = rule(
    "E426",
    "referential-action-not-allowed",
    "Error validating: Invalid referential action: `{action}`. Allowed values: ({allowed}){extra}",
)
NAMED_FK_UNSUPPORTED = rule(
    "E427",
    "named-foreign-key-unsupported",
    'Error parsing attribute "@relation": Your provider does not support named foreign keys.',
)
FK_NAME_TOO_LONG = rule(
    "E428",
    "foreign-key-name-too-long",
    "Error validating {container} \"{model}\": The constraint name '{name}' specified in the `map` argument for the "
    "`@relation` constraint is too long for your chosen provider. The maximum allowed length is {limit} bytes.",
)
MISSING_INDEX = rule(
    "W401",
    "relation-mode-prisma-missing-index",
    'With `relationMode = "prisma"`, no foreign keys are used, so relation fields will not benefit from the index '
    "usually created by the relational database under the hood. This can lead to poor performance when querying "
    "these fields. We recommend adding an index manually. Learn more at "
    'https://pris.ly/d/relation-mode-prisma-indexes" ',
    "warning",
)
MYSQL_SET_DEFAULT = rule(
    "W402",
    "mysql-set-default",
    "{connector} does not actually support the `SetDefault` referential action, so using it may result in "
    "unexpected errors. Read more at https://pris.ly/d/mysql-set-default ",
    "warning",
)
MONGO_NATIVE_TYPES = rule(
    "W403",
    "mongodb-relation-native-types",
    "Warning validating field `{field}` in model `{model}`: Field {a} and {b} must have the same native type for "
    "MongoDB to join those collections correctly. {advice} Beware that this will become an error in the future.",
    "warning",
)

PHASE = "validations"
ORDER = 90
"""After the other validations: some relation checks run only while no error has been found."""


def check(ctx: Context) -> None:
    view = RelationView(ctx)
    groups = _name_groups(view)
    by_block: dict[int, list[RelationFieldInfo]] = {}
    for rf in ctx.db.relation_fields:
        by_block.setdefault(id(rf.model), []).append(rf)
    for block in view.blocks:
        for rf in by_block.get(id(block), ()):
            members = groups.get(_key(rf), [])
            if len(members) > 1 and _ambiguity(ctx, rf, members):
                _withdraw_after(ctx, view, block, rf)
                return
            _ignored_target(ctx, view, rf)
            _referential_actions(ctx, view, rf)
            _foreign_key_name(ctx, view, rf)
            _missing_index(ctx, view, rf)
            _connector_specific(ctx, view, rf)
    relation_shapes.check(view)


# ----------------------------------------------------------------- ambiguity


def _relation_name(rf: RelationFieldInfo) -> str:
    """The explicit name, else Prisma's generated ``AToB`` (the two model names in order)."""
    if rf.relation_name is not None:
        return rf.relation_name
    a, b = sorted((rf.model.name, rf.target))
    return f"{a}To{b}"


def _key(rf: RelationFieldInfo) -> tuple[str, str, str]:
    return (rf.model.name, rf.target, _relation_name(rf))


def _name_groups(view: RelationView) -> dict[tuple[str, str, str], list[RelationFieldInfo]]:
    groups: dict[tuple[str, str, str], list[RelationFieldInfo]] = {}
    for rf in view.db.relation_fields:
        groups.setdefault(_key(rf), []).append(rf)
    return groups


def _joined(members: list[RelationFieldInfo]) -> str:
    names = [f"`{m.field.name}`" for m in members]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _ambiguity(ctx: Context, rf: RelationFieldInfo, members: list[RelationFieldInfo]) -> bool:
    """Report the ambiguity of ``rf``'s relation name, if any (then Prisma stops validating)."""
    explicit = rf.relation_name is not None
    if rf.is_self:
        if explicit and len(members) == 2:
            return False
        unnamed = AMBIGUOUS_SELF if len(members) == 2 else UNNAMED_SELF
        chosen = WRONGLY_NAMED_SELF if explicit else unnamed
    else:
        chosen = WRONGLY_NAMED if explicit else AMBIGUOUS
    ctx.report(
        chosen,
        rf.field.file,
        ctx.line_span(rf.field.file, rf.field.node),
        container=container(rf.model),
        model=rf.model.name,
        fields=_joined(members),
        target=rf.target,
    )
    return True


def _withdraw_after(ctx: Context, view: RelationView, block: FieldBlockInfo, rf: RelationFieldInfo) -> None:
    """Drop this phase's findings from checks Prisma runs after the ambiguous field (later models, indexes, enums).

    Findings are placed by their position: those in earlier models and outside
    any model, view or enum stay; in the model itself, only those on its
    scalar fields and non-index block attributes stay.
    """
    start = ctx.phase_starts.get("validations", 0)
    ambiguous = ctx.findings[-1]
    position = view.order.get(id(block), 0)
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for top in ctx.db.tops:
        s, e = ctx.offsets(top.node)
        if isinstance(top.node, (Model, View)):
            spans[(top.file.index, s)] = (e, view.order.get(id(top), -1))
        elif isinstance(top.node, EnumBlock):
            spans[(top.file.index, s)] = (e, 1 << 30)
    relation_lines = {id(r.field.node) for r in ctx.db.relation_fields if r.model is block}
    kept: list[Finding] = []
    for i, finding in enumerate(ctx.findings):
        if i < start or finding is ambiguous:
            kept.append(finding)
            continue
        where = _block_of(spans, finding)
        earlier = where is None or where < position
        if earlier or (where == position and _before_relations(block, finding, relation_lines)):
            kept.append(finding)
    ctx.findings[:] = kept


def _block_of(spans: dict[tuple[int, int], tuple[int, int]], finding: Finding) -> int | None:
    for (file_index, s), (e, position) in spans.items():
        if file_index == finding.file.index and s <= finding.start < e:
            return position
    return None


def _before_relations(block: FieldBlockInfo, finding: Finding, relation_lines: set[int]) -> bool:
    """Whether a finding in the ambiguous model comes from checks Prisma runs before its relation fields."""
    for f in block.node.fields:
        if _inside(f, finding):
            if id(f) in relation_lines:
                return False
            return not any(a.name == "unique" and _inside(a, finding) for a in f.attributes)
    for attr in block.node.attributes:
        if _inside(attr, finding):
            return isinstance(attr, BlockAttribute) and attr.name not in ("index", "unique", "fulltext")
    return not isinstance(block.node, CompositeType)


def _inside(node: Node | FieldAttribute, finding: Finding) -> bool:
    span = node.span
    return span is not None and span.start_offset <= finding.start < max(span.end_offset, span.start_offset + 1)


# ----------------------------------------------------------------- per-field checks


def _ignored_target(ctx: Context, view: RelationView, rf: RelationFieldInfo) -> None:
    related = rf.related
    if related is None or not related.is_ignored or rf.model.is_ignored or rf.field.attribute("ignore"):
        return
    ctx.report(
        IGNORED_TARGET, rf.field.file, view.field_span(rf.field), field=rf.field.name, model=rf.model.name,
        target=related.name,
    )  # fmt: skip


def _referential_actions(ctx: Context, view: RelationView, rf: RelationFieldInfo) -> None:
    allowed = view.support.actions(view.mode)
    for key, action in (("onDelete", rf.on_delete), ("onUpdate", rf.on_update)):
        if action is None or action in allowed:
            continue
        extra = ""
        if view.mode == "prisma" and action == "NoAction" and "Restrict" in allowed:
            extra = (
                f". `NoAction` is not implemented for {view.support.name} when using "
                '`relationMode = "prisma"`, you could try using `Restrict` instead. '
                "Learn more at https://pris.ly/d/relation-mode"
            )
        ctx.report(
            ACTION_NOT_ALLOWED,
            rf.field.file,
            view.argument_span(rf, key),
            action=action,
            allowed=", ".join(f"`{a}`" for a in allowed),
            extra=extra,
        )


def _foreign_key_name(ctx: Context, view: RelationView, rf: RelationFieldInfo) -> None:
    if rf.map is None:
        return
    if not view.support.named_foreign_keys:
        ctx.report(NAMED_FK_UNSUPPORTED, rf.field.file, view.attribute_span(rf))
        return
    limit = view.support.max_identifier_length
    if limit is not None and len(rf.map.encode("utf-8")) > limit:
        ctx.report(
            FK_NAME_TOO_LONG, rf.field.file, view.attribute_span(rf), container=container(rf.model),
            model=rf.model.name, name=rf.map, limit=limit,
        )  # fmt: skip


def _missing_index(ctx: Context, view: RelationView, rf: RelationFieldInfo) -> None:
    if view.mode != "prisma" or not view.support.suggests_relation_indexes or rf.fields is None:
        return
    wanted = rf.fields
    model = rf.model
    for index in model.indexes:
        if index.kind != "id" and index.field_names[: len(wanted)] == wanted:
            return
    pk = model.primary_key
    if pk is not None and pk.field_names[: len(wanted)] == wanted:
        return
    ctx.report(MISSING_INDEX, rf.field.file, view.attribute_span(rf))


def _connector_specific(ctx: Context, view: RelationView, rf: RelationFieldInfo) -> None:
    if view.db.provider == "mysql" and view.mode == "foreignKeys":
        for key, action in (("onDelete", rf.on_delete), ("onUpdate", rf.on_update)):
            if action == "SetDefault":
                ctx.report(MYSQL_SET_DEFAULT, rf.field.file, view.argument_span(rf, key), connector=view.support.name)
    if view.db.provider == "mongodb":
        _mongo_native_types(ctx, view, rf)


def _native(f: object) -> tuple[str, str] | None:
    attr = getattr(f, "native_type", None)
    if attr is None:
        return None
    prefix, _, name = attr.name.partition(".")
    return prefix, name


def _mongo_native_types(ctx: Context, view: RelationView, rf: RelationFieldInfo) -> None:
    fields = view.referencing(rf)
    refs = view.referenced(rf)
    if fields is None or refs is None:
        return
    for a, b in zip(fields, refs, strict=False):
        na, nb = _native(a), _native(b)
        if na == nb:
            continue
        if na is not None and nb is not None:
            advice = f"Consider updating those fields to either use '@{na[0]}.{na[1]}' or '@{nb[0]}.{nb[1]}'."
        elif nb is not None:
            advice = (
                f"Consider either removing {b.label}'s native type attribute or adding '@{nb[0]}.{nb[1]}' to {a.label}."
            )
        else:
            assert na is not None
            advice = (
                f"Consider either removing {a.label}'s native type attribute or adding '@{na[0]}.{na[1]}' to {b.label}."
            )
        ctx.report(
            MONGO_NATIVE_TYPES, a.file, view.field_span(a), field=rf.field.name, model=rf.model.name, a=a.label,
            b=b.label, advice=advice,
        )  # fmt: skip
