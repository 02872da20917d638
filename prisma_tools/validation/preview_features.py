"""Prisma's preview features per engine: which are current, hidden, deprecated or renamed.

The tables were read off each engine (the names it accepts, the warnings it
gives); a feature name matches case-insensitively, as in Prisma.

>>> [f.name for f in parse(["VIEWS", "multiSchema", "nope"], "postgresql", 6)]
['views', 'multiSchema', None]
>>> enabled(["fullTextSearch"], "postgresql", 7)
frozenset({'fullTextSearchPostgres'})
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["FeatureUse", "active_features", "enabled", "parse"]

# Shown in "Expected one of" (engine 6 also lists `metrics`, which it warns will go).
_ACTIVE = {
    6: (
        "metrics",
        "nativeDistinct",
        "postgresqlExtensions",
        "relationJoins",
        "schemaEngineDriverAdapters",
        "shardKeys",
        "strictUndefinedChecks",
        "views",
    ),
    7: (
        "nativeDistinct",
        "partialIndexes",
        "postgresqlExtensions",
        "relationJoins",
        "schemaEngineDriverAdapters",
        "shardKeys",
        "strictUndefinedChecks",
        "typedSql",
        "views",
    ),
}
# Valid only with a provider (and then listed too).
_NATIVE = {"postgresql": ("fullTextSearchPostgres",)}
# Valid, never listed.
_HIDDEN = {6: ("reactNative", "typedSql"), 7: ("reactNative",)}
# Accepted with a warning: the functionality needs no flag any more.
_DEPRECATED = (
    "aggregateApi",
    "atomicNumberOperations",
    "clientExtensions",
    "cockroachdb",
    "connectOrCreate",
    "createMany",
    "dataProxy",
    "deno",
    "distinct",
    "driverAdapters",
    "extendedIndexes",
    "extendedWhereUnique",
    "fieldReference",
    "filterJson",
    "filteredRelationCount",
    "fullTextIndex",
    "fullTextSearch",
    "groupBy",
    "improvedQueryRaw",
    "interactiveTransactions",
    "jsonProtocol",
    "microsoftSqlServer",
    "middlewares",
    "mongoDb",
    "multiSchema",
    "nApi",
    "namedConstraints",
    "nativeTypes",
    "omitApi",
    "orderByAggregateGroup",
    "orderByNulls",
    "orderByRelation",
    "prismaSchemaFolder",
    "queryCompiler",
    "referentialActions",
    "referentialIntegrity",
    "selectRelationCount",
    "tracing",
    "transactionApi",
    "uncheckedScalarInputs",
)
# Accepted with a warning that they will be removed.
_GOING = {6: ("metrics",), 7: ()}
# (old name, provider) -> (new name, pris.ly link)
_RENAMED = {("fullTextSearch", "postgresql"): ("fullTextSearchPostgres", "fts-postgres")}

Status = Literal["ok", "unknown", "deprecated", "going", "renamed"]


@dataclass(frozen=True)
class FeatureUse:
    """How an engine reads one name of ``previewFeatures``."""

    written: str
    status: Status
    name: str | None = None
    """The feature it enables (None when unknown)."""
    link: str = ""
    """For a renamed feature, the pris.ly page."""


def active_features(provider: str | None, version: int) -> tuple[str, ...]:
    """The features an unknown name is told to choose from, in Prisma's (alphabetical) order."""
    native = _NATIVE.get(provider or "", ())
    return tuple(sorted((*_ACTIVE[version], *native), key=str.lower))


def _known(provider: str | None, version: int) -> dict[str, str]:
    names = (*active_features(provider, version), *_HIDDEN[version], *_DEPRECATED, *_GOING[version])
    return {n.lower(): n for n in names}


def parse(features: Iterable[str], provider: str | None, version: int) -> list[FeatureUse]:
    """Each written feature with its status for ``provider`` (the datasource's connector, if it loaded)."""
    known = _known(provider, version)
    out: list[FeatureUse] = []
    for written in features:
        name = known.get(written.lower())
        if name is None:
            out.append(FeatureUse(written, "unknown"))
        elif name in _DEPRECATED:
            renamed = _RENAMED.get((name, provider or ""))
            if renamed is not None:
                out.append(FeatureUse(written, "renamed", renamed[0], renamed[1]))
            else:
                out.append(FeatureUse(written, "deprecated", name))
        elif name in _GOING[version]:
            out.append(FeatureUse(written, "going", name))
        else:
            out.append(FeatureUse(written, "ok", name))
    return out


def enabled(features: Iterable[str], provider: str | None, version: int) -> frozenset[str]:
    """The canonical names of the features ``features`` turn on."""
    return frozenset(u.name for u in parse(features, provider, version) if u.name is not None)
