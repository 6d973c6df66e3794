"""A small validator for the ``audit --json`` shape (DESIGN.md, schema ``privacy-audit/1``).

:func:`problems` returns a list of readable problems (empty when the document is valid);
it checks keys, types, severities, confidence values, score ranges, that finding ids are
known, that every value is plain JSON, and that links are https.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from privacy_audit.analysis.result import SCHEMA, SEVERITIES
from privacy_audit.analysis.rulekit import FINDING_IDS

_TOP: dict[str, type] = {
    "schema": str,
    "lang": str,
    "sources": list,
    "summary": dict,
    "score": int,
    "score_explanation": list,
    "score_after": dict,
    "findings": list,
    "not_checked": list,
    "cards": list,
}
_FINDING: dict[str, type] = {
    "id": str,
    "severity": str,
    "title": str,
    "summary": str,
    "confidence": str,
    "counts": dict,
    "evidence": list,
    "evidence_total": int,
    "source_files": list,
    "services": list,
    "points": int,
    "recommendations": list,
}
_REC: dict[str, type] = {
    "id": str,
    "title": str,
    "why": str,
    "steps_app": list,
    "steps_web": list,
    "links": list,
    "checked": str,
}
_CARD: dict[str, type] = {
    "id": str,
    "kind": str,
    "title": str,
    "text": list,
    "rows": list,
    "facts": dict,
    "links": list,
}
_PLAIN = (str, int, float, bool, type(None))


def _keys(where: str, obj: Any, spec: Mapping[str, type], out: list[str]) -> bool:
    if not isinstance(obj, dict):
        out.append(f"{where}: not an object")
        return False
    for key, kind in spec.items():
        if key not in obj:
            out.append(f"{where}: missing {key!r}")
        elif kind is int and (isinstance(obj[key], bool) or not isinstance(obj[key], int)):
            out.append(f"{where}.{key}: not an integer")
        elif not isinstance(obj[key], kind):
            out.append(f"{where}.{key}: not {kind.__name__}")
    return True


def _plain(where: str, value: Any, out: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                out.append(f"{where}: non-string key")
            _plain(f"{where}.{key}", item, out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _plain(f"{where}[{index}]", item, out)
    elif not isinstance(value, _PLAIN):
        out.append(f"{where}: {type(value).__name__} is not plain JSON")


def _links(where: str, links: Any, out: list[str]) -> None:
    for index, link in enumerate(links or []):
        if not isinstance(link, dict) or not str(link.get("url", "")).startswith("https://"):
            out.append(f"{where}.links[{index}]: not an https link")
        elif not link.get("label"):
            out.append(f"{where}.links[{index}]: no label")


def problems(doc: Any) -> list[str]:
    """Everything wrong with ``doc`` as an ``audit --json`` document (empty list = valid)."""
    out: list[str] = []
    if not _keys("$", doc, _TOP, out):
        return out
    _plain("$", doc, out)
    if doc.get("schema") != SCHEMA:
        out.append(f"$.schema: expected {SCHEMA!r}")
    if isinstance(doc.get("score"), int) and not 0 <= doc["score"] <= 100:
        out.append("$.score: not in 0-100")
    for fid, after in (doc.get("score_after") or {}).items():
        if fid not in FINDING_IDS or not isinstance(after, int) or not 0 <= after <= 100:
            out.append(f"$.score_after.{fid}: bad entry")
    for index, finding in enumerate(doc.get("findings") or []):
        where = f"$.findings[{index}]"
        if not _keys(where, finding, _FINDING, out):
            continue
        if finding.get("id") not in FINDING_IDS:
            out.append(f"{where}.id: unknown finding id")
        if finding.get("severity") not in SEVERITIES:
            out.append(f"{where}.severity: unknown")
        if finding.get("confidence") not in ("confirmed", "probable"):
            out.append(f"{where}.confidence: unknown")
        for key, count in (finding.get("counts") or {}).items():
            if isinstance(count, bool) or not isinstance(count, int):
                out.append(f"{where}.counts.{key}: not an integer")
        if not finding.get("recommendations"):
            out.append(f"{where}: no recommendation")
        if finding.get("recommendation") is None and finding.get("recommendations"):
            out.append(f"{where}.recommendation: missing")
        for r_index, rec in enumerate(finding.get("recommendations") or []):
            if _keys(f"{where}.recommendations[{r_index}]", rec, _REC, out):
                _links(f"{where}.recommendations[{r_index}]", rec.get("links"), out)
    for index, item in enumerate(doc.get("not_checked") or []):
        if not isinstance(item, dict) or not {"service", "what", "how"} <= set(item):
            out.append(f"$.not_checked[{index}]: needs service, what, how")
    for index, card in enumerate(doc.get("cards") or []):
        if _keys(f"$.cards[{index}]", card, _CARD, out):
            _links(f"$.cards[{index}]", card.get("links"), out)
    baseline = doc.get("baseline")
    if baseline is not None and (
        not isinstance(baseline, dict)
        or not isinstance(baseline.get("resolved"), list)
        or not isinstance(baseline.get("new"), list)
    ):
        out.append("$.baseline: needs resolved and new lists")
    return out
