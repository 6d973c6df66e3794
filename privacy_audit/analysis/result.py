"""The result of an audit: findings with evidence and advice, score, cross-service picture.

These dataclasses are the contract between the analysis, the report and the GUI.
Everything here is already in the audit's language (``AuditResult.lang``) except ids.
Evidence rows hold personal data in the fields ``name``, ``phone``, ``email``, ``ip``,
``account``, ``chat`` and ``sender``: the report's redaction masks exactly these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from privacy_audit.model import Evidence, SourceInfo

SCHEMA = "privacy-audit/1"
SEVERITIES: tuple[str, ...] = ("high", "medium", "low", "info")
#: evidence-row fields that carry personal data (redaction masks these)
PERSONAL_FIELDS: tuple[str, ...] = (
    "name",
    "phone",
    "email",
    "ip",
    "account",
    "chat",
    "sender",
    "device",
)


@dataclass
class Link:
    """An official help page."""

    label: str
    url: str


@dataclass
class Recommendation:
    """One action from the catalogue, in the audit's language."""

    id: str
    title: str
    why: str
    steps_app: list[str]
    steps_web: list[str]
    links: list[Link]
    checked: str  # ISO date the steps were last checked
    setting_url: str | None = None  # the page "Open this setting" opens


@dataclass
class Finding:
    """One thing Meta can link or do, with its evidence and the advice."""

    id: str  # stable id from DESIGN.md
    severity: str  # high | medium | low | info
    title: str
    summary: str  # one sentence with the counts, plain language
    counts: dict[str, int]
    evidence: list[dict[str, Any]]  # a few example rows (see PERSONAL_FIELDS)
    evidence_total: int  # how many rows exist in all (``rows`` holds them)
    source_files: list[str]
    services: list[str]
    confidence: str = "confirmed"  # confirmed | probable
    recommendations: list[Recommendation] = field(default_factory=list)
    points: int = 0  # what it adds to the exposure score
    #: every evidence row (``evidence`` holds the first few); None: only the examples
    rows: pd.DataFrame | None = field(default=None, repr=False, compare=False)

    def all_rows(self) -> pd.DataFrame:
        """Every evidence row of this finding (the examples when no more were kept)."""
        if self.rows is not None:
            return self.rows
        return pd.DataFrame(self.evidence)

    def to_json(self) -> dict[str, Any]:
        """The DESIGN.md JSON shape of a finding."""
        rec = self.recommendations[0] if self.recommendations else None
        return {
            "id": self.id,
            "severity": self.severity,
            "title": self.title,
            "summary": self.summary,
            "confidence": self.confidence,
            "counts": self.counts,
            "evidence": self.evidence,
            "evidence_total": self.evidence_total,
            "source_files": self.source_files,
            "services": self.services,
            "points": self.points,
            "recommendation": _rec_json(rec) if rec else None,
            "recommendations": [_rec_json(r) for r in self.recommendations],
        }


def _rec_json(rec: Recommendation) -> dict[str, Any]:
    return {
        "id": rec.id,
        "title": rec.title,
        "why": rec.why,
        "steps_app": rec.steps_app,
        "steps_web": rec.steps_web,
        "links": [{"label": link.label, "url": link.url} for link in rec.links],
        "checked": rec.checked,
        "setting_url": rec.setting_url,
    }


@dataclass
class AuditResult:
    """Everything the report and the GUI show."""

    lang: str
    evidence: Evidence
    findings: list[Finding]  # ordered by severity then points
    score: int  # 0-100, higher = more exposed
    score_explanation: list[str]  # plain sentences on how the score is made
    score_after: dict[str, int]  # finding id -> score once its advice is followed
    summary: dict[str, Any]  # counts for the dashboard (services, contacts, overlap...)
    not_checked: list[dict[str, str]]  # {"service", "what", "how"} for missing inputs
    crossref: dict[str, Any] = field(default_factory=dict)  # tables/series for charts
    cards: list[dict[str, Any]] = field(default_factory=list)  # history / context cards
    letters: dict[str, str] = field(default_factory=dict)  # GDPR letters: kind -> text
    baseline: dict[str, list[str]] | None = None  # {"resolved": [...], "new": [...]}

    @property
    def sources(self) -> list[SourceInfo]:
        """The inputs this audit was made from."""
        return self.evidence.sources

    def to_json(self) -> dict[str, Any]:
        """The ``audit --json`` shape (DESIGN.md)."""
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "lang": self.lang,
            "sources": [s.to_json() for s in self.sources],
            "summary": self.summary,
            "score": self.score,
            "score_explanation": self.score_explanation,
            "score_after": self.score_after,
            "findings": [f.to_json() for f in self.findings],
            "not_checked": self.not_checked,
            "cards": self.cards,
        }
        if self.baseline is not None:
            data["baseline"] = self.baseline
        return data
