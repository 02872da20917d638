"""Which rules are on: ``--select``, ``--extend-select`` and ``--ignore``, as ruff reads them.

Each takes codes (``E441``), code prefixes (``E4``, ``PT``, ``W``), names
(``one-to-one-not-unique``) or ``ALL``. Without ``select`` the rules selected by
default are on (every rule but the opt-in lint rules); ``select`` replaces that
set, ``extend-select`` adds to it, and ``ignore`` removes from the result
(ignore wins over select, whatever their specificity).

>>> from prisma_tools.registry import get_rule
>>> s = Selection(select=("E4",), ignore=("E441",))
>>> s.enabled(get_rule("E430")), s.enabled(get_rule("E441")), s.enabled(get_rule("E201"))
(True, False, False)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .validation.rules import Rule

__all__ = ["Selection", "matches", "unknown_keys"]


def matches(key: str, r: Rule) -> bool:
    """Whether selector ``key`` (a code, a code prefix, a name or ``ALL``) covers rule ``r``."""
    if key.upper() == "ALL":
        return True
    if key == r.name:
        return True
    return r.code.upper().startswith(key.upper()) and key[:1].isalpha() and " " not in key


def unknown_keys(keys: Iterable[str], rules: Sequence[Rule]) -> list[str]:
    """The selectors of ``keys`` that cover no rule (a typo, most likely)."""
    return [k for k in keys if not any(matches(k, r) for r in rules)]


@dataclass(frozen=True)
class Selection:
    """The selectors of one run; :meth:`enabled` says whether a rule is on."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def ignores(self, r: Rule) -> bool:
        return any(matches(k, r) for k in self.ignore)

    def enabled(self, r: Rule) -> bool:
        if self.ignores(r):
            return False
        on = r.default if self.select is None else any(matches(k, r) for k in self.select)
        return on or any(matches(k, r) for k in self.extend_select)

    def keys(self) -> list[str]:
        return [*(self.select or ()), *self.extend_select, *self.ignore]

    @property
    def is_default(self) -> bool:
        return self.select is None and not self.extend_select and not self.ignore
