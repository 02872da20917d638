"""Validations of keys, indexes, views and shard keys (Prisma's validation pipeline, after the parser database).

Reads what :mod:`.keys` parsed. Covers: every model has a strict unique
criterion; constraint names are unique in the namespaces of the database
(:mod:`.capabilities` says which) and not too long; what the connector
supports (length prefixes, sort orders, clustering, index types, fulltext,
partial indexes, shard keys); MySQL text and blob columns in keys; and what
views may not have.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import capabilities as caps
from .keys import ATTRIBUTE_ERROR, MODEL_ERROR, Key, ModelKeys, attribute_span, model_keys
from .rules import rule

if TYPE_CHECKING:
    from ..nodes import Argument
    from ..resolve import FieldBlockInfo, FieldInfo
    from .context import Context

PHASE = "validations"
ORDER = 40

VALIDATION_ERROR = rule("E510", "key-validation", "Error validating: {detail}")


def _offsets(node: Argument | None) -> tuple[int, int] | None:
    if node is None or node.span is None:
        return None
    return node.span.start_offset, node.span.end_offset


class _Validator:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.db = ctx.db
        self.conn = caps.connector(ctx.db)
        self.keys = model_keys(ctx)
        self.preview = ctx.db.preview_features
        self.namespace = _Namespace(self)

    # -- reporting

    def attr_error(self, key: Key, message: str, where: tuple[int, int] | None = None) -> None:
        block = key.block
        self.ctx.report(
            ATTRIBUTE_ERROR,
            block.file,
            where or attribute_span(block.file.text, key.attribute),
            attribute=key.attribute_name,
            detail=message,
        )

    def model_error(self, block: FieldBlockInfo, where: tuple[int, int], message: str) -> None:
        self.ctx.report(MODEL_ERROR, block.file, where, model=block.name, detail=message)

    def validation_error(self, block: FieldBlockInfo, where: tuple[int, int], message: str) -> None:
        self.ctx.report(VALIDATION_ERROR, block.file, where, detail=message)

    def block_span(self, block: FieldBlockInfo) -> tuple[int, int]:
        return self.ctx.offsets(block.node)

    # -- per model

    def run(self) -> None:
        for block in self.db.models + self.db.views:
            keys = self.keys.get(block.name)
            if keys is None:
                continue
            self.model(block, keys)

    def model(self, block: FieldBlockInfo, keys: ModelKeys) -> None:
        is_view = block.kind == "view"
        if is_view:
            self.view(block, keys)
        else:
            self.strict_unique_criteria(block, keys)
        pk = keys.primary_key
        if pk is not None:
            self.primary_key(block, keys, pk)
        self.fulltext_count(keys)
        if self.conn is not None and self.conn.provider == "mongodb":
            self.mongodb_model(block, keys)
        # native types a key cannot hold (MySQL text/blob, SQL Server heap types): connector_indexes
        for f in block.fields:
            self.client_name(block, keys, f)
        for index in keys.indexes:
            self.index(block, keys, index)

    def view(self, block: FieldBlockInfo, keys: ModelKeys) -> None:
        if "views" not in self.preview:
            self.validation_error(
                block, self.block_span(block), "View definitions are only available with the `views` preview feature."
            )
        pk = keys.primary_key
        if pk is not None:
            self.validation_error(block, self._span(pk), "Views cannot have primary keys.")
        for index in keys.indexes:
            if index.kind == "unique":
                if index.map is not None:
                    self.validation_error(
                        block,
                        self._span(index),
                        "@@unique annotations on views are not backed by unique indexes in the database and "
                        "cannot specify a mapped database name.",
                    )
                if index.clustered is not None:
                    self.validation_error(
                        block,
                        self._span(index),
                        "@@unique annotations on views are not backed by unique indexes in the database and "
                        "cannot be clustered.",
                    )
            else:
                self.validation_error(block, self._span(index), "Views cannot have indexes.")

    def _span(self, key: Key) -> tuple[int, int]:
        return attribute_span(key.block.file.text, key.attribute)

    def strict_unique_criteria(self, block: FieldBlockInfo, keys: ModelKeys) -> None:
        if block.is_ignored:
            return
        criteria = ([keys.primary_key] if keys.primary_key else []) + [i for i in keys.indexes if i.kind == "unique"]
        for c in criteria:
            if all(kf.field.is_required and kf.field.type.kind != "unsupported" for kf in c.fields):
                return
        message = (
            "Each model must have at least one unique criteria that has only required fields. Either mark a single "
            "field with `@id`, `@unique` or add a multi field criterion with `@@id([])` or `@@unique([])` to the model."
        )
        if criteria:
            loose = "\n".join("- " + ", ".join(kf.name for kf in c.fields) for c in criteria)
            message += (
                " The following unique criterias were not considered as they contain fields that are not required:\n"
                + loose
            )
        self.model_error(block, self.block_span(block), message)

    # -- primary keys

    def primary_key(self, block: FieldBlockInfo, keys: ModelKeys, pk: Key) -> None:
        conn = self.conn
        name = self.namespace.primary_key_name(block, pk)
        if name is not None:
            self.too_long(block, pk, name)
            for scope in self.namespace.violations(block, "primary", name):
                self.attr_error(pk, _namespace_message(name, scope, block.name), self._arg_span(pk, "map"))
        if pk.name is not None and self.namespace.custom_name_taken(block, pk.name):
            self.attr_error(
                pk,
                f"The given custom name `{pk.name}` has to be unique on the model. "
                "Please provide a different name for the `name` argument.",
                self._arg_span(pk, "name"),
            )
        if not pk.fields and pk.source_field is None:
            self.attr_error(
                pk, "The list of fields in an `@@id()` attribute cannot be empty. Please specify at least one field."
            )
        if len(pk.fields) > 1:
            client = "_".join(kf.name for kf in pk.fields)
            if any(f.name == client and not f.is_relation for f in block.fields):
                self.model_error(
                    block,
                    self._span(pk),
                    f"The field `{client}` clashes with the `@@id` attribute's name. Please resolve the conflict by "
                    'providing a custom id name: `@@id([...], name: "custom_name")`',
                )
        if conn is None:
            return
        if pk.map is not None and not conn.named_primary_keys:
            self.model_error(
                block,
                self.block_span(block),
                "You defined a database name for the primary key on the model. This is not supported by the provider.",
            )
        if len(pk.fields) > 1 and not conn.compound_ids:
            self.model_error(block, self._span(pk), "The current connector does not support compound ids.")
        if not conn.length_prefix and any(kf.length is not None for kf in pk.fields):
            self.attr_error(pk, "The length argument is not supported in the primary key with the current connector")
        if not conn.primary_key_sort and any(kf.sort is not None for kf in pk.fields):
            self.attr_error(pk, "The sort argument is not supported in the primary key with the current connector")
        self.length_types(pk)
        if not conn.clustering:
            if pk.clustered is not None:
                self.attr_error(pk, "Defining clustering is not supported in the current connector.")
        elif pk.clustered is not False and any(i.clustered is True for i in keys.indexes):
            self.attr_error(pk, "A model can only hold one clustered index or id.")

    def mongodb_model(self, block: FieldBlockInfo, keys: ModelKeys) -> None:
        if keys.primary_key is None:
            self.ctx.report(
                MODEL_ERROR,
                block.file,
                self.block_span(block),
                message="Invalid model: MongoDB models require exactly one identity field annotated with @id",
            )
        seen: dict[tuple[object, ...], int] = {}
        for i in keys.indexes:
            sig = tuple((tuple(id(f) for f in kf.path), kf.sort, kf.length) for kf in i.fields)
            seen[sig] = seen.get(sig, 0) + 1
        pk = keys.primary_key
        pk_field = pk.fields[0].field if pk is not None and len(pk.fields) == 1 else None
        for i in keys.indexes:
            sig = tuple((tuple(id(f) for f in kf.path), kf.sort, kf.length) for kf in i.fields)
            if seen[sig] > 1:
                self.ctx.report(
                    ATTRIBUTE_ERROR,
                    block.file,
                    self._span(i),
                    attribute="@@" + i.attribute.name,
                    detail="Index already exists in the model.",
                )
            if i.kind == "unique" and len(i.fields) == 1 and i.fields[0].field is pk_field:
                self.attr_error(i, "The same field cannot be an id and unique on MongoDB.")

    def too_long(self, block: FieldBlockInfo, key: Key, name: str) -> None:
        conn = self.conn
        if conn is None or len(name.encode("utf-8")) <= conn.max_identifier_length:
            return
        ats = "@" if key.source_field is not None else "@@"
        self.model_error(
            block,
            self._span(key),
            f"The constraint name '{name}' specified in the `map` argument for the `{ats}{key.attribute.name}` "
            f"constraint is too long for your chosen provider. The maximum allowed length is "
            f"{conn.max_identifier_length} bytes.",
        )

    def _arg_span(self, key: Key, *names: str) -> tuple[int, int] | None:
        for n in names:
            span = _offsets(key.argument(n))
            if span is not None:
                return span
        return None

    def length_types(self, key: Key) -> None:
        conn = self.conn
        if conn is None or not conn.length_prefix:
            return
        for kf in key.fields:
            t = kf.field.type
            if kf.length is None or t.kind == "unsupported" or (t.kind == "scalar" and t.name in ("String", "Bytes")):
                continue
            self.attr_error(key, "The length argument is only allowed with field types `String` or `Bytes`.")

    # -- indexes

    def index(self, block: FieldBlockInfo, keys: ModelKeys, index: Key) -> None:
        conn = self.conn
        if not index.fields:
            self.attr_error(index, "The list of fields in an index cannot be empty. Please specify at least one field.")
        name = self.namespace.index_name(block, index)
        for scope in self.namespace.violations(block, "index", name):
            self.attr_error(index, _namespace_message(name, scope, block.name), self._arg_span(index, "map", "name"))
        if index.kind == "unique" and len(index.fields) > 1:
            client = "_".join(f.name for kf in index.fields for f in kf.path)
            if any(f.name == client and not f.is_relation for f in block.fields):
                attr = index.attribute_name
                self.ctx.report(
                    MODEL_ERROR,
                    block.file,
                    self._span(index),
                    message=f'Error validating {"view" if block.kind == "view" else "model"} "{block.name}": '
                    f"The field `{client}` clashes with the `{attr}` name. Please resolve the conflict by providing "
                    f'a custom id name: `{attr}([...], name: "custom_name")`',
                )
        if index.name is not None and self.namespace.custom_name_taken(block, index.name):
            self.attr_error(
                index,
                f"The given custom name `{index.name}` has to be unique on the model. "
                "Please provide a different name for the `name` argument.",
                self._arg_span(index, "name"),
            )
        if conn is not None:
            self.index_connector(block, keys, index, conn)
        if index.map is not None:
            self.too_long(block, index, index.map)
        if any(kf.ops is not None for kf in index.fields) and index.kind != "index":
            self.attr_error(index, "Operator classes can only be defined to fields in an @@index attribute.")
        if index.kind == "unique" and len(index.fields) > 1:
            composite = next((kf for kf in index.fields if kf.field.type.kind == "composite"), None)
            if composite is not None:
                self.attr_error(
                    index,
                    "Prisma does not currently support composite types in compound unique indices, please remove "
                    f'"{composite.field.name}" from the index. '
                    "See https://pris.ly/d/mongodb-composite-compound-indices for more details",
                )
        self.length_types(index)
        self.partial(index)

    def index_connector(self, block: FieldBlockInfo, keys: ModelKeys, index: Key, conn: caps.Connector) -> None:
        if not conn.length_prefix and any(kf.length is not None for kf in index.fields):
            self.attr_error(
                index, "The length argument is not supported in an index definition with the current connector"
            )
        if index.algorithm is not None and index.algorithm not in conn.index_types:
            self.attr_error(
                index,
                "The given index type is not supported with the current connector",
                self._arg_span(index, "type"),
            )
        if "Hash" in conn.index_types and index.algorithm == "Hash" and any(kf.sort is not None for kf in index.fields):
            self.attr_error(index, "Hash type does not support sort option.")
        if index.kind == "fulltext":
            if not conn.fulltext:
                self.attr_error(index, "Defining fulltext indexes is not supported with the current connector.")
            else:
                if any(kf.length is not None for kf in index.fields):
                    self.attr_error(index, "The length argument is not supported in a @@fulltext attribute.")
                if not conn.fulltext_sort and any(kf.sort is not None for kf in index.fields):
                    self.attr_error(
                        index, "The sort argument is not supported in a @@fulltext attribute in the current connector."
                    )
                if conn.fulltext_sort and not _bundled(index):
                    self.attr_error(index, "All index fields must be listed adjacently in the fields argument.")
        if index.block.kind == "view":
            pass  # a view's unique is only told it cannot be clustered (see view())
        elif not conn.clustering:
            if index.clustered is not None:
                self.attr_error(index, "Defining clustering is not supported in the current connector.")
        elif index.clustered is True:
            pk = keys.primary_key
            if pk is not None and pk.clustered is not False:
                self.attr_error(index, "A model can only hold one clustered index or key.")
            if any(o is not index and o.clustered is True for o in keys.indexes):
                self.attr_error(index, "A model can only hold one clustered index.")

    def partial(self, index: Key) -> None:
        if index.where is None:
            return
        where = _offsets(index.where)
        if "partialIndexes" not in self.preview:
            self.attr_error(
                index,
                "Partial indexes are a preview feature. "
                'Add "partialIndexes" to previewFeatures in your generator block.',
                where,
            )
        elif self.conn is not None and not self.conn.partial_indexes:
            self.attr_error(
                index, "Partial indexes (with a `where` clause) are not supported by the current connector.", where
            )

    def fulltext_count(self, keys: ModelKeys) -> None:
        conn = self.conn
        if conn is None or not conn.fulltext or conn.multiple_fulltext:
            return
        fulltext = [i for i in keys.indexes if i.kind == "fulltext"]
        if len(fulltext) > 1:
            for i in fulltext:
                self.attr_error(i, "The current connector only allows one fulltext attribute per model")

    def client_name(self, block: FieldBlockInfo, keys: ModelKeys, f: FieldInfo) -> None:
        container = "view" if block.kind == "view" else "model"
        taken = []
        if any(i.name == f.name for i in keys.indexes if i.kind == "unique"):
            taken.append("@@unique")
        if keys.primary_key is not None and keys.primary_key.name == f.name:
            taken.append("@@id")
        for attr in taken:
            self.ctx.report(
                MODEL_ERROR,
                block.file,
                self.block_span(block),
                message=f'Error validating {container} "{block.name}": The custom name `{f.name}` specified for the '
                f"`{attr}` attribute is already used as a name for a field. Please choose a different name.",
            )


def _bundled(index: Key) -> bool:
    """MongoDB wants the text fields of a fulltext index next to each other (sorted fields around them)."""
    state = "init"
    for kf in index.fields:
        sorted_ = kf.sort is not None
        if state in ("init", "head") and sorted_:
            state = "head"
        elif state in ("text", "tail") and sorted_:
            state = "tail"
        elif state == "tail":
            return False
        else:
            state = "text"
    return True


def _namespace_message(name: str, scope: str, model: str) -> str:
    where = caps.SCOPE_DESCRIPTIONS[scope].format(model=model)
    return (
        f"The given constraint name `{name}` has to be unique in the following namespace: {where}. "
        "Please provide a different name using the `map` argument."
    )


def _truncate(name: str, limit: int) -> str:
    """Cut ``name`` to at most ``limit`` UTF-8 bytes, on a character boundary."""
    data = name.encode("utf-8")
    if len(data) <= limit:
        return name
    return data[:limit].decode("utf-8", "ignore")


class _Namespace:
    """How many constraints of each name each namespace holds (Prisma's constraint namespaces)."""

    def __init__(self, v: _Validator) -> None:
        self.v = v
        self.counts: dict[tuple[str, object, str], int] = {}
        self.custom: dict[tuple[str, str], int] = {}
        conn = v.conn
        scopes = conn.scopes if conn is not None else ()
        blocks = v.db.models + v.db.views
        for block in blocks:
            keys = v.keys.get(block.name)
            if keys is None:
                continue
            if keys.primary_key is not None and keys.primary_key.name is not None:
                self._add_custom(block, keys.primary_key.name)
            for i in keys.indexes:
                if i.name is not None:
                    self._add_custom(block, i.name)
        for scope in scopes:
            is_global = scope.startswith("Global")
            holds_pk = scope in (caps.GLOBAL_PK_KEY_INDEX, caps.GLOBAL_PK_FK_DEFAULT) or scope in (
                caps.MODEL_PK_KEY_INDEX,
                caps.MODEL_PK_KEY_INDEX_FK,
            )
            holds_index = scope in (
                caps.GLOBAL_KEY_INDEX,
                caps.GLOBAL_PK_KEY_INDEX,
                caps.MODEL_KEY_INDEX,
                caps.MODEL_PK_KEY_INDEX,
                caps.MODEL_PK_KEY_INDEX_FK,
            )
            holds_fk = scope in (caps.GLOBAL_FOREIGN_KEY, caps.GLOBAL_PK_FK_DEFAULT, caps.MODEL_PK_KEY_INDEX_FK)
            holds_default = scope == caps.GLOBAL_PK_FK_DEFAULT
            for block in blocks:
                keys = v.keys.get(block.name)
                if keys is None:
                    continue
                where: object = block.schema if is_global else id(block)
                if holds_pk and keys.primary_key is not None:
                    pk_name = self.primary_key_name(block, keys.primary_key)
                    if pk_name is not None:
                        self._add(scope, where, pk_name)
                if holds_index:
                    for i in keys.indexes:
                        self._add(scope, where, self.index_name(block, i))
                if holds_default:
                    for f in block.fields:
                        d = f.attribute("default")
                        if d is not None and not f.is_relation:
                            self._add(scope, where, self.default_name(block, f, d))
            if holds_fk:
                for rf in v.db.relation_fields:
                    if rf.fields is None or rf.model.kind != "model":
                        continue
                    where = rf.model.schema if is_global else id(rf.model)
                    self._add(scope, where, self.foreign_key_name(rf.model, rf.fields, rf.map))

    def _add(self, scope: str, where: object, name: str) -> None:
        k = (scope, where, name)
        self.counts[k] = self.counts.get(k, 0) + 1

    def _add_custom(self, block: FieldBlockInfo, name: str) -> None:
        k = (str(id(block)), name)
        self.custom[k] = self.custom.get(k, 0) + 1

    def custom_name_taken(self, block: FieldBlockInfo, name: str) -> bool:
        return self.custom.get((str(id(block)), name), 0) > 1

    def violations(self, block: FieldBlockInfo, kind: str, name: str) -> list[str]:
        conn = self.v.conn
        if conn is None:
            return []
        out = []
        checked = caps.SCOPES_CHECKED[kind]
        for scope in checked:
            if scope.startswith("Global") and self.counts.get((scope, block.schema, name), 0) > 1:
                out.append(scope)
        for scope in checked:
            if not scope.startswith("Global") and self.counts.get((scope, id(block), name), 0) > 1:
                out.append(scope)
        return out

    # -- the names Prisma gives constraints without `map`

    @property
    def limit(self) -> int:
        conn = self.v.conn
        return conn.max_identifier_length if conn is not None else 10000

    def primary_key_name(self, block: FieldBlockInfo, pk: Key) -> str | None:
        conn = self.v.conn
        if conn is None or not conn.named_primary_keys:
            return None
        if pk.map is not None:
            return pk.map
        name = block.db_name
        if len(name.encode("utf-8")) >= self.limit - 5:
            name = _truncate(name, self.limit - 5)
        return name + "_pkey"

    def index_name(self, block: FieldBlockInfo, index: Key) -> str:
        if index.map is not None:
            return index.map
        columns = ["_".join(f.db_name for f in kf.path) for kf in index.fields]
        suffix = "_key" if index.kind == "unique" else "_idx"
        joined = f"{block.db_name}_{'_'.join(columns)}"
        if len(joined.encode("utf-8")) >= self.limit - len(suffix):
            joined = _truncate(joined, self.limit - len(suffix))
        return joined + suffix

    def default_name(self, block: FieldBlockInfo, f: FieldInfo, attr: object) -> str:
        from ..nodes import FieldAttribute, StringValue

        if isinstance(attr, FieldAttribute):
            for a in attr.arguments or ():
                if a.name == "map" and isinstance(a.value, StringValue):
                    return a.value.value
        joined = f"{block.db_name}_{f.db_name}"
        if len(joined.encode("utf-8")) >= self.limit - 3:
            joined = _truncate(joined, self.limit - 3)
        return joined + "_df"

    def foreign_key_name(self, block: FieldBlockInfo, fields: tuple[str, ...], mapped: str | None) -> str:
        if mapped is not None:
            return mapped
        names = []
        for n in fields:
            f = block.field(n)
            names.append(f.db_name if f is not None else n)
        joined = f"{block.db_name}_{'_'.join(names)}"
        if len(joined.encode("utf-8")) >= self.limit - 5:
            joined = _truncate(joined, self.limit - 5)
        return joined + "_fkey"


def check(ctx: Context) -> None:
    _Validator(ctx).run()
