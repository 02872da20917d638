"""PT003 add-back-relations: complete relations as ``prisma format`` does, but always validly."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..edit.members import append_fields
from ..edit.schema_edit import SchemaEdit, resolve_first_definitions
from ..nodes import FieldAttribute, FieldDecl, FieldType, Model, Schema
from ..resolve import RelationFieldInfo, RelationGroup, group_relation_fields
from ._ast import (
    complete_relation,
    ensure_unique,
    field_list,
    has_attribute,
    is_unique_over,
    make_relation,
    relation_attribute,
    relation_name,
    render_attribute,
    render_field,
    unique_criterion,
    with_relation_name,
)
from .base import PassContext, register
from .naming import camel_case, foreign_key_name, pluralize, upper_first

__all__ = ["add_back_relations"]


@register(code="PT003", name="add-back-relations", runs_after=("remove-duplicates", "merge-additions"))
def add_back_relations(schema: Schema, ctx: PassContext) -> Schema:
    """Add the relation fields and foreign keys a relation lacks, as ``prisma format`` adds them.

    What ``prisma format`` inserts (``prisma-format-rules.md`` §15), with the
    same names, types and places, so that the result agrees with Prisma's own:

    * the missing opposite (back-relation) field of a relation field holding
      ``@relation(fields: ..., references: ...)``: named after the referencing
      model in camel case, plural for a list (``books Book[]``), ``Model?``
      when the foreign key is ``@unique``/``@@unique`` over exactly those
      fields, ``@ignore`` when that model is ``@@ignore``d; added before ``}``;
    * for a list field with no opposite, the opposite field with its
      ``@relation`` and foreign-key scalars (``library Library? @relation(...)``,
      ``libraryId String? @db.Uuid``);
    * ``@relation(fields, references)`` and foreign-key scalars on the side
      that must hold the key when the relation has none (the singular side of
      a one-to-many; for a one-to-one the required side, else the model whose
      name sorts first), and the arguments a partial ``@relation`` lacks.

    Where Prisma's insertion gives an invalid schema, this pass does what is
    needed to make it valid, and says so:

    * the inserted field carries the relation name (``@relation("Name")``);
    * a foreign key it adds for a one-to-one relation gets ``@unique``;
    * a name that is taken is never reused: the field is named after the
      field it answers instead (``senderMessages`` for ``Message.sender``),
      with a number if even that is taken;
    * several unnamed relations from one model to another with no opposite
      fields (Prisma's "ambiguous relation") are named
      ``"<Model><Field>"`` (``"MessageSender"``) and every back field is named
      after its field, so each answers one relation; unnamed self-relations,
      which Prisma 6 rejects, are named the same way. Relations are named only
      then: a user who did not name them expects them to stay unnamed.

    Runs after remove-duplicates (relations are resolved by model name) and
    merge-additions (merged models need their back-relations).

    Never touches: views and composite types; relations that are ambiguous in
    a way no insertion resolves (fields already on both sides), which are a
    warning; a relation whose target has no unique criterion of required
    fields or whose foreign-key name is taken by a field of another type (a
    warning); complete relations.

    Before::

        model User {
          id Int @id
        }

        model Post {
          id       Int  @id
          authorId Int
          author   User @relation(fields: [authorId], references: [id])
        }

    After: ``User`` gains ``posts Post[]``.
    """
    edit = SchemaEdit(schema)
    resolved = resolve_first_definitions(schema, ctx)
    ambiguous = {m.name: m.duplicate_field_names for m in resolved.models if m.duplicate_field_names}
    _warn_duplicate_fields(edit, ambiguous, ctx)
    candidates = [
        rf
        for rf in resolved.relation_fields
        if rf.model.kind == "model"
        and rf.related is not None
        and rf.related.kind == "model"
        and rf.model.name not in ambiguous
        and rf.target not in ambiguous
    ]
    groups = group_relation_fields(candidates, name=lambda rf: relation_name(rf.field.node))
    if not groups:
        return schema
    planner = _Planner(edit, groups, ctx)
    for group in groups:
        planner.complete(group)
    return planner.apply()


@dataclass(frozen=True)
class _Side:
    """One side of a relation as the planner sees it: its current field (renamed relations included)."""

    model: str
    field: FieldDecl
    target: str
    name: str | None

    @classmethod
    def of(cls, rf: RelationFieldInfo) -> _Side:
        return cls(model=rf.model.name, field=rf.field.node, target=rf.target, name=relation_name(rf.field.node))

    @property
    def is_list(self) -> bool:
        return self.field.type is not None and self.field.type.list

    @property
    def is_optional(self) -> bool:
        return self.field.type is not None and self.field.type.optional

    @property
    def defines_keys(self) -> bool:
        """Whether this is the side that holds the foreign key (``fields:`` or ``references:`` given)."""
        attr = relation_attribute(self.field)
        return attr is not None and (attr.argument("fields") is not None or attr.argument("references") is not None)

    @property
    def label(self) -> str:
        return f"{self.model}.{self.field.name}"


def _warn_duplicate_fields(edit: SchemaEdit, ambiguous: dict[str, list[str]], ctx: PassContext) -> None:
    for model, names in ambiguous.items():
        block = edit.get(model)
        ctx.warn(
            f"{model} declares {', '.join(names)} more than once (Prisma rejects this); "
            f"its relations are left alone until the duplicate fields are renamed or removed",
            path=edit.path(model),
            span=None if block is None else block.span,
        )


@dataclass(frozen=True)
class _Key:
    """A foreign-key scalar for a relation: an existing field reused, or one to add."""

    name: str
    existing: FieldDecl | None
    type_name: str
    native: tuple[FieldAttribute, ...]


class _Planner:
    """The insertions for one schema, collected per model and applied at the end."""

    def __init__(self, edit: SchemaEdit, groups: list[RelationGroup], ctx: PassContext) -> None:
        self.edit = edit
        self.ctx = ctx
        self.updated: dict[str, dict[str, FieldDecl]] = {}
        self.appended: dict[str, dict[str, FieldDecl]] = {}  # by name, in insertion order
        self.unique: dict[str, list[tuple[str, ...]]] = {}
        self._taken: dict[str, dict[str, None]] = {}
        self._current: dict[str, Model] = {}
        self.claimed: dict[str, dict[str, None]] = {}  # scalars already serving as foreign keys
        self.relation_names: dict[tuple[str, str], dict[str, None]] = {}
        for g in groups:
            if g.name is not None:
                self.relation_names.setdefault(_pair_key(g.first, g.second), {})[g.name] = None
            for rf in g.fields:
                for n in field_list(rf.field.node, "fields") or ():
                    self.claimed.setdefault(rf.model.name, {})[n] = None

    # ------------------------------------------------------------ state

    def taken(self, model: str) -> dict[str, None]:
        if model not in self._taken:
            block = self.edit.get(model)
            assert isinstance(block, Model)
            self._taken[model] = {f.name: None for f in block.fields}
        return self._taken[model]

    def field(self, model: str, name: str) -> FieldDecl | None:
        added = self.appended.get(model, {}).get(name)
        if added is not None:
            return added
        if name in self.updated.get(model, {}):
            return self.updated[model][name]
        block = self.edit.get(model)
        assert isinstance(block, Model)
        return block.field(name)

    def update(self, model: str, f: FieldDecl) -> None:
        self._current.pop(model, None)
        added = self.appended.get(model, {})
        if f.name in added:
            added[f.name] = f
        else:
            self.updated.setdefault(model, {})[f.name] = f

    def append(self, model: str, f: FieldDecl) -> None:
        self._current.pop(model, None)
        self.appended.setdefault(model, {})[f.name] = f
        self.taken(model)[f.name] = None

    def make_unique(self, model: str, names: tuple[str, ...]) -> None:
        self._current.pop(model, None)
        self.unique.setdefault(model, []).append(names)

    def current(self, model: str) -> Model:
        """The model with the insertions planned so far."""
        cached = self._current.get(model)
        if cached is not None:
            return cached
        block = self.edit.get(model)
        assert isinstance(block, Model)
        updated = self.updated.get(model)
        if updated:
            members = tuple(updated.get(m.name, m) if isinstance(m, FieldDecl) else m for m in block.members)
            block = block.model_copy(update={"members": members})
        block = append_fields(block, list(self.appended.get(model, {}).values()))
        for names in self.unique.get(model, ()):
            block = ensure_unique(block, names)
        self._current[model] = block
        return block

    def apply(self) -> Schema:
        for model in dict.fromkeys([*self.updated, *self.appended, *self.unique]):
            self.edit.replace(model, self.current(model))
        return self.edit.result()

    def report(self, model: str, message: str) -> None:
        block = self.edit.get(model)
        self.ctx.report(message, path=self.edit.path(model), span=None if block is None else block.span)

    def warn(self, f: _Side, message: str) -> None:
        self.ctx.warn(f"{f.label}: {message}; left alone", path=self.edit.path(f.model), span=f.field.span)

    # ------------------------------------------------------------ groups

    def complete(self, g: RelationGroup) -> None:
        fs = [_Side.of(rf) for rf in g.fields]
        if g.is_self:
            self._self_relation(g, fs)
            return
        first = [_Side.of(rf) for rf in g.side(g.first)]
        second = [_Side.of(rf) for rf in g.side(g.second)]
        if len(first) == 1 and len(second) == 1:
            self._pair(first[0], second[0])
        elif len(fs) == 1:
            self._single(fs[0], force=False)
        elif not (first and second) and g.name is None:
            for f in fs:
                named = self._name(f, f"{f.model} has several unnamed relations to {f.target}")
                self._single(named, force=True)
        else:
            self._ambiguous(g)

    def _self_relation(self, g: RelationGroup, fs: list[_Side]) -> None:
        if len(fs) == 1:
            f = fs[0] if g.name is not None else self._name(fs[0], "a self-relation needs a name")
            self._single(f, force=False)
        elif len(fs) == 2:
            a, b = fs
            if a.defines_keys and b.defines_keys:
                return
            if not (a.defines_keys or b.defines_keys or a.is_list or b.is_list):
                self.warn(a, f"cannot decide which side of the self-relation with {b.field.name} holds the key")
                return
            if g.name is None:
                keyed = a if a.defines_keys or b.is_list else b
                name = self._fresh_name(a.model, a.model, a.model + upper_first(keyed.field.name))
                a = self._name(a, "a self-relation needs a name", name)
                b = self._name(b, "a self-relation needs a name", name)
            self._pair(a, b)
        elif g.name is None and all(f.defines_keys for f in fs):
            for f in fs:
                self._single(self._name(f, f"{f.model} has several unnamed self-relations"), force=True)
        else:
            self._ambiguous(g)

    def _ambiguous(self, g: RelationGroup) -> None:
        fs = [_Side.of(rf) for rf in g.fields]
        labels = ", ".join(f.label for f in fs)
        self.warn(fs[0], f"ambiguous relations ({labels}); cannot decide which fields pair up")

    # ------------------------------------------------------------ naming

    def _fresh_name(self, a: str, b: str, base: str) -> str:
        used = self.relation_names.setdefault(_pair_key(a, b), {})
        name, i = base, 2
        while name in used:
            name, i = f"{base}{i}", i + 1
        used[name] = None
        return name

    def _name(self, f: _Side, reason: str, name: str | None = None) -> _Side:
        """Give ``f``'s relation a name (``"<Model><Field>"`` unless given)."""
        if name is None:
            name = self._fresh_name(f.model, f.target, f.model + upper_first(f.field.name))
        cur = self.field(f.model, f.field.name)
        assert cur is not None
        named = with_relation_name(cur, name)
        self.update(f.model, named)
        self.report(f.model, f'named the relation of {f.label} "{name}": {reason}')
        return replace(f, field=named, name=name)

    def _pick(self, model: str, default: str, f: _Side, force: bool) -> str:
        """Prisma's ``default`` name, or, when taken (or ``force``), one after the field ``f``."""
        taken = self.taken(model)
        if not force and default not in taken:
            return default
        base = f.field.name + upper_first(default)
        name, i = base, 2
        while name in taken:
            name, i = f"{base}{i}", i + 1
        return name

    # ------------------------------------------------------------ one relation

    def _single(self, f: _Side, *, force: bool) -> None:
        """``f`` has no opposite field."""
        if f.is_list and not f.defines_keys:
            self._add_forward(f, force)
        elif self._complete(f, unique=False):
            self._add_back(f, force)

    def _pair(self, a: _Side, b: _Side) -> None:
        keyed = [x for x in (a, b) if x.defines_keys]
        if len(keyed) == 2 or (a.is_list and b.is_list):
            return
        if len(keyed) == 1:
            key = keyed[0]
            self._complete(key, unique=not (b if key is a else a).is_list)
        elif a.is_list != b.is_list:
            self._complete(b if a.is_list else a, unique=False)
        else:
            side = _key_side(a, b)
            if side is None:
                self.warn(a, f"cannot decide which side of the one-to-one relation with {b.label} holds the key")
                return
            self._complete(side, unique=True)

    def _add_back(self, f: _Side, force: bool) -> None:
        """Add the opposite of ``f``, which holds the foreign key, to the model it points to."""
        referencing = self.current(f.model)
        keys = field_list(self.field(f.model, f.field.name) or f.field, "fields")
        one_to_one = bool(keys) and is_unique_over(referencing, keys or (), include_id=False)
        default = camel_case(f.model) if one_to_one else pluralize(camel_case(f.model))
        name = self._pick(f.target, default, f, force)
        attrs: list[FieldAttribute] = []
        if f.name is not None:
            attrs.append(make_relation(f.name))
        if has_attribute(referencing.attributes, "ignore"):
            attrs.append(FieldAttribute(name="ignore"))
        ftype = FieldType(name=f.model, optional=one_to_one, list=not one_to_one)
        new = FieldDecl(name=name, type=ftype, attributes=tuple(attrs))
        self.append(f.target, new)
        why = "" if name == default else f" (not {default}: {'taken' if not force else 'one per relation'})"
        self.report(f.target, f"added {f.target}.{render_field(new)}, the opposite of {f.label}{why}")

    def _add_forward(self, f: _Side, force: bool) -> None:
        """``f`` is a list with no opposite: add the singular side, with its foreign key, to its target."""
        referenced = self.current(f.model)
        refs = unique_criterion(referenced)
        if refs is None:
            self.warn(f, f"{f.model} has no unique criterion of required fields to reference")
            return
        default = camel_case(f.model)
        name = self._pick(f.target, default, f, force)
        keys = self._keys(f.target, f.model, refs, name)
        if keys is None:
            return
        required = all(
            k.existing is not None and k.existing.type is not None and not k.existing.type.optional for k in keys
        )
        relation = make_relation(f.name, [k.name for k in keys], refs)
        forward = FieldDecl(name=name, type=FieldType(name=f.model, optional=not required), attributes=(relation,))
        self.append(f.target, forward)
        added = self._add_keys(f.target, keys, optional=not required)
        self.report(
            f.target,
            f"added {f.target}.{render_field(forward)}{added}, the opposite of {f.label}",
        )

    def _complete(self, f: _Side, *, unique: bool) -> bool:
        """Give ``f`` the ``fields``/``references`` its ``@relation`` lacks; False if that cannot be done."""
        cur = self.field(f.model, f.field.name)
        assert cur is not None
        assert cur.type is not None
        attr = relation_attribute(cur)
        has_fields = attr is not None and attr.argument("fields") is not None
        has_refs = attr is not None and attr.argument("references") is not None
        if has_fields and has_refs:
            return True
        fields = field_list(cur, "fields")
        refs = field_list(cur, "references")
        if (has_fields and fields is None) or (has_refs and refs is None):
            self.warn(f, "cannot read its @relation arguments")
            return False
        if refs is None:
            refs = unique_criterion(self.current(f.target))
            if refs is None:
                self.warn(f, f"{f.target} has no unique criterion of required fields to reference")
                return False
        added = ""
        keys: list[_Key] = []
        if fields is not None:
            if len(fields) != len(refs):
                self.warn(f, f"its fields do not match the unique criterion ({', '.join(refs)}) of {f.target}")
                return False
        else:
            found = self._keys(f.model, f.target, refs, f.field.name)
            if found is None:
                return False
            keys = found
            fields = tuple(k.name for k in keys)
        done = complete_relation(cur, None if has_fields else fields, None if has_refs else refs)
        self.update(f.model, done)
        if not has_fields:
            added = self._add_keys(f.model, keys, optional=cur.type.optional)
        if unique and not is_unique_over(self.current(f.model), fields):
            self.make_unique(f.model, tuple(fields))
            added += f" and made {', '.join(fields)} unique (one-to-one)"
        relation = relation_attribute(done)
        assert relation is not None
        self.report(f.model, f"completed {f.label} with {render_attribute(relation)}{added}")
        return True

    # ------------------------------------------------------------ foreign keys

    def _keys(self, model: str, referenced: str, refs: tuple[str, ...], relation_field: str) -> list[_Key] | None:
        """Foreign-key scalars in ``model`` for ``refs`` of ``referenced``: reused when Prisma would, else new."""
        target = self.current(referenced)
        claimed = self.claimed.setdefault(model, {})
        taken = self.taken(model)
        keys: list[_Key] = []
        chosen: dict[str, None] = {}
        for ref in refs:
            rf = target.field(ref)
            if rf is None or rf.type is None:
                self.ctx.warn(
                    f"{referenced}.{ref} does not exist; cannot add a foreign key for it to {model}; left alone",
                    path=self.edit.path(referenced),
                    span=target.span,
                )
                return None
            native = tuple(a for a in rf.attributes if "." in a.name)
            name = foreign_key_name(referenced, ref)
            existing = self.field(model, name)
            if existing is not None and name not in claimed and name not in chosen:
                if existing.type is None or existing.type.name != rf.type.name or existing.type.list:
                    self.ctx.warn(
                        f"{model}.{name} exists but is not of type {rf.type.name}; cannot use it as the "
                        f"foreign key for {referenced}.{ref}; left alone",
                        path=self.edit.path(model),
                        span=existing.span,
                    )
                    return None
                keys.append(_Key(name, existing, rf.type.name, native))
                chosen[name] = None
                continue
            if name in taken or name in chosen:
                base = relation_field + upper_first(ref)
                name, i = base, 2
                while name in taken or name in chosen:
                    name, i = f"{base}{i}", i + 1
            keys.append(_Key(name, None, rf.type.name, native))
            chosen[name] = None
        claimed.update(chosen)
        return keys

    def _add_keys(self, model: str, keys: list[_Key], *, optional: bool) -> str:
        """Append the new scalars of ``keys`` to ``model``; a phrase for the report."""
        added = []
        for k in keys:
            if k.existing is None:
                scalar = FieldDecl(
                    name=k.name, type=FieldType(name=k.type_name, optional=optional), attributes=k.native
                )
                self.append(model, scalar)
                added.append(render_field(scalar))
        return "" if not added else f" and {model}." + f", {model}.".join(added)


def _pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def _key_side(a: _Side, b: _Side) -> _Side | None:
    """Which side of a one-to-one without keys gets them: the only required one, else the first model by name."""
    required = [x for x in (a, b) if not x.is_optional]
    if len(required) == 1:
        return required[0]
    if a.model == b.model:
        return None
    return a if a.model.encode("utf-8", "surrogatepass") < b.model.encode("utf-8", "surrogatepass") else b
