"""``run_audit``: Evidence -> cross-reference -> findings -> score -> AuditResult.

The one entry point the CLI, the report and the GUI call after loading the exports.
"""

from __future__ import annotations

from typing import Any

from privacy_audit.analysis import crossref as xr
from privacy_audit.analysis import score as scoring
from privacy_audit.analysis.coverage import not_checked
from privacy_audit.analysis.result import SEVERITIES, AuditResult, Finding
from privacy_audit.analysis.rulekit import RuleContext, plain
from privacy_audit.analysis.rules import evaluate
from privacy_audit.i18n import translator
from privacy_audit.model import Evidence
from privacy_audit.progress import CancelToken, Progress, check, no_progress


def run_audit(
    evidence: Evidence,
    *,
    lang: str = "en",
    baseline: dict[str, Any] | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> AuditResult:
    """Audit ``evidence`` in ``lang``; ``baseline`` is an earlier ``audit --json`` dict.

    Raises :class:`~privacy_audit.errors.Cancelled` when ``cancel`` is set.
    """
    from privacy_audit.analysis.cards import build_cards
    from privacy_audit.analysis.letters import build_letters

    report = progress or no_progress
    tr = translator(lang)
    check(cancel)
    report(0.0, tr.gettext("Finding what links your accounts…"))
    tables = xr.crossref(evidence)
    check(cancel)
    report(0.5, tr.gettext("Checking what each export shows about you…"))
    ctx = RuleContext(evidence=evidence, tables=tables, tr=tr, services=evidence.services())
    findings = evaluate(ctx)
    missing = not_checked(ctx)
    check(cancel)
    report(0.8, tr.gettext("Working out your exposure score…"))
    result = AuditResult(
        lang=tr.lang,
        evidence=evidence,
        findings=findings,
        score=scoring.score(findings),
        score_explanation=scoring.explanation(findings, missing, tr),
        score_after=scoring.score_after(findings),
        summary=summary(evidence, tables, findings),
        not_checked=missing,
        crossref=xr.public(tables),
    )
    result.cards = build_cards(ctx, result)
    result.letters = build_letters(ctx, result)
    if baseline is not None:
        result.baseline = compare(baseline, findings)
    report(1.0, "")
    return result


def summary(evidence: Evidence, tables: dict[str, Any], findings: list[Finding]) -> dict[str, Any]:
    """Counts for the dashboard (plain JSON values)."""
    own = tables["own_ids"]
    up = tables["uploads"]
    overlap = tables["contact_overlap"]
    adv = tables["advertisers"]
    msgs = evidence.messages
    times = [
        t
        for t in (
            evidence.activity["timestamp"].min(),
            msgs["timestamp"].min(),
            evidence.activity["timestamp"].max(),
            msgs["timestamp"].max(),
        )
        if t is not None and str(t) != "NaT"
    ]
    who = up["phone"].fillna(up["email"]).fillna(up["name_key"]) if len(up) else up.get("phone")
    listed = adv[adv["relations"].str.contains("uploaded_list", regex=False)] if len(adv) else adv
    by_sev = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    data = {
        "services": evidence.services(),
        "sources": len(evidence.sources),
        "own_ids": len(own),
        "own_phones": int((own["kind"] == "phone").sum()) if len(own) else 0,
        "own_ids_shared": int((own["n_services"] >= 2).sum()) if len(own) else 0,
        "contacts_uploaded": len(up),
        "people_uploaded": int(who.dropna().nunique()) if who is not None else 0,
        "contacts_overlap": len(overlap),
        "contacts_overlap_confirmed": int((overlap["confidence"] == "confirmed").sum())
        if len(overlap)
        else 0,
        "shared_ips_devices": len(tables["shared_network"]),
        "linked_accounts": len(tables["linked_accounts"]),
        "off_meta_apps": len(tables["off_meta_top"]),
        "off_meta_events": int(tables["off_meta_top"]["events"].sum())
        if len(tables["off_meta_top"])
        else 0,
        "advertisers": len(adv),
        "advertisers_with_your_list": len(listed),
        "business_chats": len(tables["business_chats"]),
        "messages": len(msgs),
        "chats": int(msgs["chat"].nunique()),
        "groups": len(tables["group_exposure"]),
        "activity_events": len(evidence.activity),
        "findings": len(findings),
        "findings_by_severity": by_sev,
        "first_date": min(times).date().isoformat() if times else None,
        "last_date": max(times).date().isoformat() if times else None,
    }
    return {k: plain(v) if not isinstance(v, (dict, list)) else v for k, v in data.items()}


def compare(baseline: dict[str, Any], findings: list[Finding]) -> dict[str, list[str]]:
    """Which findings of an earlier audit are gone (resolved), which are new."""
    before = [str(f.get("id")) for f in baseline.get("findings", []) if isinstance(f, dict)]
    now = [f.id for f in findings]
    return {
        "resolved": [fid for fid in before if fid not in now],
        "new": [fid for fid in now if fid not in before],
        "still_open": [fid for fid in now if fid in before],
    }
