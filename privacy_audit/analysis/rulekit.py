"""The rule kit: what a finding rule reads and the helpers it builds a Finding with.

A rule (one function per finding id of DESIGN.md, in :mod:`privacy_audit.analysis.rules`)
sees a :class:`RuleContext` (the Evidence, the cross-reference tables, the translator)
and returns ``None`` when there is no evidence: no finding "just in case". Services that
were not imported are listed by :func:`privacy_audit.analysis.coverage.not_checked`,
never reported as fine. Cards and letters use the same context and wording helpers.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from babel.dates import format_date
from babel.lists import format_list

from privacy_audit.analysis.catalogue import recommendation
from privacy_audit.analysis.result import SEVERITIES, Finding
from privacy_audit.i18n import Translator
from privacy_audit.labels import SERVICE_NAMES
from privacy_audit.model import SERVICES, Evidence
from privacy_audit.values import number

#: finding ids in DESIGN.md order
FINDING_IDS: tuple[str, ...] = (
    "phone-shared-across-services",
    "contacts-uploaded",
    "contacts-shared-across-services",
    "contacts-uploaded-not-friends",
    "accounts-center-linked",
    "off-meta-activity",
    "advertisers-have-your-contact",
    "business-chats",
    "whatsapp-privacy-settings",
    "shared-devices-ips",
    "two-factor-off",
    "number-exposed-in-groups",
    "contacts-suggested-as-friends",
)
#: how many example rows a finding carries
EXAMPLES = 5
#: base points per severity (score.py adds a little for the amount of evidence)
BASE_POINTS = {"high": 16, "medium": 9, "low": 4, "info": 0}


@dataclass
class RuleContext:
    """What every rule may read."""

    evidence: Evidence
    tables: dict[str, Any]  # crossref.crossref(evidence)
    tr: Translator
    services: list[str] = field(default_factory=list)  # imported services

    def has(self, service: str, kind: str | None = None) -> bool:
        """True when a source of ``service`` (and of ``kind``: dyi/account_report/chat) exists."""
        return any(
            s.service == service and (kind is None or s.kind == kind) for s in self.evidence.sources
        )


Rule = Callable[[RuleContext], Finding | None]


def service_names(services: Iterable[str], tr: Translator | None = None) -> str:
    """Display names of ``services`` in canonical order, joined for the language of ``tr``
    ("Facebook and Instagram", "Facebook e Instagram"); comma-joined without ``tr``.
    """
    wanted = set(services)
    names = [SERVICE_NAMES[s] for s in SERVICES if s in wanted]
    if tr is None or not names:
        return ", ".join(names)
    return _format_list(tuple(names), str(tr.locale))


def join_names(names: Iterable[str], tr: Translator) -> str:
    """``names`` joined for a sentence in the language of ``tr`` ("A, B and C", "A, B e C")."""
    items = tuple(str(n) for n in names)
    return _format_list(items, str(tr.locale)) if items else ""


@functools.lru_cache(maxsize=256)
def _format_list(names: tuple[str, ...], locale: str) -> str:
    return format_list(list(names), locale=locale)


def day(tr: Translator, value: Any) -> str:
    """A date in the audit's language ("21 maggio 2013", "May 21, 2013")."""
    when = pd.Timestamp(value) if value is not None else pd.NaT
    if pd.isna(when):
        return ""
    return format_date(when.date(), format="long", locale=tr.locale)


def plain(value: Any) -> Any:
    """A JSON-friendly plain Python value (numpy/pandas scalars, timestamps, NaN)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.isoformat()
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        return None if math.isnan(float(value)) else float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def examples(frame: pd.DataFrame, columns: dict[str, str], limit: int = EXAMPLES) -> list[dict]:
    """The first ``limit`` rows of ``frame`` as plain dicts, renaming columns (src -> out)."""
    head = frame.head(limit)
    out = []
    for record in head[list(columns)].to_dict("records"):
        out.append({columns[k]: plain(v) for k, v in record.items()})
    return out


def evidence_rows(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Every evidence row of a finding: ``frame``'s ``columns`` renamed (src -> out).

    The report's CSV and JSON exports hold these rows; the finding's ``evidence`` holds
    the first few of them (:func:`examples`).
    """
    return frame[list(columns)].rename(columns=columns).reset_index(drop=True)


def source_files(*frames: pd.DataFrame, limit: int = 20) -> list[str]:
    """Distinct ``source_file`` values of ``frames`` (sorted, at most ``limit``)."""
    files: set[str] = set()
    for frame in frames:
        if "source_file" in frame and len(frame):
            files.update(str(v) for v in frame["source_file"].dropna().unique())
    return sorted(files)[:limit]


def confidence_counts(frame: pd.DataFrame) -> tuple[int, int]:
    """How many rows of ``frame`` are ``confirmed`` and how many ``probable``."""
    confidence = frame["confidence"]
    return int((confidence == "confirmed").sum()), int((confidence == "probable").sum())


def numbers(tr: Translator, **values: Any) -> dict[str, Any]:
    """``values`` for a sentence's ``{placeholders}``: whole numbers written with the
    grouping of the audit's language (3,200 / 3.200), anything else as given."""
    return {
        key: number(value, tr.locale)
        if isinstance(value, (int, np.integer)) and not isinstance(value, bool)
        else value
        for key, value in values.items()
    }


def severity_points(severity: str, amount: int) -> int:
    """Points a finding adds to the score: base by severity, plus up to 4 for its size."""
    base = BASE_POINTS[severity]
    if base == 0:
        return 0
    return base + min(4, int(math.log10(max(1, amount)) * 1.5))


def make_finding(
    ctx: RuleContext,
    fid: str,
    severity: str,
    *,
    title: str,
    summary: str,
    counts: dict[str, int],
    table: pd.DataFrame,
    columns: dict[str, str],
    files: Iterable[str],
    services: Iterable[str],
    rec_ids: Iterable[str],
    evidence_total: int | None = None,
    shown: int = EXAMPLES,
    confidence: str = "confirmed",
    amount: int | None = None,
) -> Finding:
    """Build a :class:`Finding` with its recommendations in the audit's language.

    ``table``'s ``columns`` (renamed src -> out) are the evidence: every row goes to the
    finding's ``rows`` (:func:`evidence_rows`), the first ``shown`` to its ``evidence``
    (:func:`examples`). ``evidence_total`` (what the finding counts) defaults to the
    table's length; ``amount`` (what the score weighs) to ``evidence_total``.
    """
    assert severity in SEVERITIES
    ordered = [s for s in SERVICES if s in set(services)]
    total = len(table) if evidence_total is None else int(evidence_total)
    return Finding(
        id=fid,
        severity=severity,
        title=title,
        summary=summary,
        counts={k: int(v) for k, v in counts.items()},
        evidence=examples(table, columns, shown),
        evidence_total=total,
        source_files=sorted(set(files)),
        services=ordered,
        confidence=confidence,
        recommendations=[recommendation(r, ctx.tr.lang) for r in dict.fromkeys(rec_ids)],
        points=severity_points(severity, total if amount is None else amount),
        rows=evidence_rows(table, columns),
    )
