"""MySQL accepts ``SetDefault`` in a foreign key but does not implement it: Prisma warns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..resolve import as_constant
from .rules import rule

if TYPE_CHECKING:
    from .context import Context

MYSQL_SET_DEFAULT = rule(
    "W601",
    "mysql-set-default",
    "MySQL does not actually support the `SetDefault` referential action, so using it may result in unexpected "
    "errors. Read more at https://pris.ly/d/mysql-set-default ",
    "warning",
)


PHASE = "validations"
ORDER = 60


def check(ctx: Context) -> None:
    ds = ctx.db.datasource
    if ds is None or ds.active_provider != "mysql" or ds.relation_mode == "prisma":
        return
    for rf in ctx.db.relation_fields:
        if rf.attribute is None or rf.model.kind != "model":
            continue
        for a in rf.attribute.arguments or ():
            if a.name in ("onUpdate", "onDelete") and as_constant(a.value) == "SetDefault":
                ctx.report(MYSQL_SET_DEFAULT, rf.field.file, a)
