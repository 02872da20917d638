"""The fixes of Prisma's diagnostics: Prisma's own quick fixes, and repairs its messages imply.

Each module registers fixers (:func:`prisma_tools.registry.fixer`) for rule codes
of :mod:`prisma_tools.validation`. Where Prisma's language server offers a quick
fix (prisma-engines ``prisma-fmt/src/code_actions``), the edits are the ones it
makes, character for character, so that ``fix`` and the editor agree; the
formatter then makes the text canonical.

=====================  ============================================================
module                 fixes
=====================  ============================================================
``relations``          unique referencing/referenced fields, relation index under
                       ``relationMode = "prisma"``, missing opposite relation field,
                       ``SetDefault`` on MySQL
``configuration``      ``referentialIntegrity``, ``@@schema``, datasource ``schemas``,
                       MongoDB ``@map("_id")`` and ``@db.ObjectId``, deprecated and
                       renamed preview features, the native type prefix, both
                       ``relationMode`` and ``referentialIntegrity``
``syntax``             legacy ``:``/``!``/``[Type]``, optional lists, identical duplicate
                       fields, values, settings, attributes and indexes
``spelling``           "did you mean" for unknown types and attributes (unsafe)
=====================  ============================================================
"""

from __future__ import annotations

from . import configuration, relations, spelling, syntax

__all__ = ["configuration", "relations", "spelling", "syntax"]
