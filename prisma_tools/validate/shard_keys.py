"""Shard keys (``@shardKey``, ``@@shardKey``) need their preview feature and a provider that has them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .attribute_args import ATTRIBUTE_ERROR, attribute_span

if TYPE_CHECKING:
    from ..nodes import FieldAttribute
    from .context import Context

PHASE = "validations"
ORDER = 45

_SUPPORTED = ("mysql",)


def check(ctx: Context) -> None:
    db = ctx.db
    enabled = "shardKeys" in db.preview_features
    provider = db.datasource.provider if db.datasource is not None else None
    for model in db.models:
        attrs: list[FieldAttribute] = [a for f in model.fields for a in f.attributes("shardKey")]
        prefix = "@"
        if not attrs:
            attrs = list(model.block_attributes("shardKey"))
            prefix = "@@"
        if not attrs:
            continue
        if not enabled:
            message = "Defining shard keys requires enabling the `shardKeys` preview feature"
        elif db.provider not in _SUPPORTED:
            message = f"Shard keys are not currently supported for provider {provider}"
        else:
            continue
        a = attrs[0]
        where = attribute_span(model.file, a)
        ctx.report(ATTRIBUTE_ERROR, model.file, where, attribute=prefix + a.name, detail=message)
