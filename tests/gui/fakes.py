"""A fake core for GUI tests: hand-made evidence and audit, a loader that can be slow or fail.

Like Dangerzone's ``Dummy`` provider: the GUI is tested on its own, quickly and
deterministically; ``test_real_pipeline.py`` runs the real core on the demo persona.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from privacy_audit.analysis.result import AuditResult, Finding, Link, Recommendation
from privacy_audit.errors import InputError
from privacy_audit.fsutil import atomic_write_text
from privacy_audit.gui.core import Core
from privacy_audit.i18n import N_
from privacy_audit.model import Evidence, EvidenceBuilder, SourceInfo
from privacy_audit.progress import CancelToken, Progress, check

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">'
    '<rect x="10" y="10" width="120" height="30" fill="#4f46e5"/></svg>'
)


def fake_evidence(n_contacts: int = 30) -> Evidence:
    """Two sources (Facebook, WhatsApp) with contacts, identifiers and activity."""
    builder = EvidenceBuilder()
    fb = builder.source(SourceInfo("facebook.zip", "facebook", "dyi", "json", "facebook-2024"))
    wa = builder.source(SourceInfo("whatsapp.zip", "whatsapp", "account_report", "json", "wa"))
    fb.add("identifiers", kind="phone", value="+393331234567", raw="333 123 4567")
    wa.add("identifiers", kind="phone", value="+393331234567", raw="+39 333 1234567")
    for i in range(n_contacts):
        fb.add(
            "contacts",
            origin="address_book",
            name=f"Zed Person {i:03d}",
            phone_raw=f"+3933300{i:05d}",
            created_at=1_600_000_000 + i * 3600,
        )
    fb.add("contacts", origin="address_book", name="Anna Alpha", phone_raw="+393330000999")
    for i in range(5):
        fb.add("activity", kind="login", timestamp=1_650_000_000 + i * 86400, ip=f"10.0.0.{i}")
    fb.recognized("personal_information/profile_information.json")
    evidence = builder.build()
    return evidence


def _rec(rid: str, lang: str) -> Recommendation:
    it = lang == "it"
    return Recommendation(
        id=rid,
        title=("Disattiva " if it else "Turn off ") + rid,
        why="Perché conta." if it else "Why it matters.",
        steps_app=["Apri le impostazioni" if it else "Open settings"],
        steps_web=["Vai al sito" if it else "Go to the website"],
        links=[Link("Help", f"https://www.facebook.com/help/{rid}")],
        checked="2026-01-01",
        setting_url=f"https://accountscenter.facebook.com/{rid}",
    )


def fake_result(evidence: Evidence, lang: str = "en") -> AuditResult:
    """An audit with three findings of different severities."""
    it = lang == "it"
    findings = [
        Finding(
            "contacts-uploaded",
            "medium",
            "Rubrica caricata" if it else "Your address book was uploaded",
            "31 contatti" if it else "31 contacts were uploaded",
            {"contacts": 31},
            [{"name": "Anna Alpha", "phone": "+393330000999"}],
            31,
            ["facebook.zip"],
            ["facebook"],
            recommendations=[_rec("contact-upload", lang)],
            points=20,
        ),
        Finding(
            "phone-shared-across-services",
            "high",
            "Lo stesso numero ovunque" if it else "The same number everywhere",
            "2 servizi" if it else "2 services share your number",
            {"services": 2},
            [{"phone": "+393331234567", "services": "facebook,whatsapp"}],
            1,
            ["facebook.zip"],
            ["facebook", "whatsapp"],
            recommendations=[_rec("lookup-by-phone", lang), _rec("two-factor", lang)],
            points=30,
        ),
        Finding(
            "off-meta-activity",
            "low",
            "Attività fuori da Meta" if it else "Activity off Meta",
            "3 app" if it else "3 apps",
            {"apps": 3},
            [{"app": "Shop"}],
            3,
            ["facebook.zip"],
            ["facebook"],
            recommendations=[_rec("off-meta", lang)],
            points=10,
        ),
    ]
    return AuditResult(
        lang=lang,
        evidence=evidence,
        findings=findings,
        score=60,
        score_explanation=["Punti per ogni risultato." if it else "Points for each finding."],
        score_after={f.id: 60 - f.points for f in findings},
        summary={"services": 2},
        not_checked=[{"service": "instagram", "what": "", "how": ""}],
    )


class FakeCore(Core):
    """The GUI's core interface over the fakes above."""

    def __init__(self, tmp: Path, *, steps: int = 5, delay: float = 0.0) -> None:
        super().__init__()
        self.tmp = tmp
        self.steps = steps
        self.delay = delay
        self.loads = 0
        self.load_evidence = self._load  # type: ignore[method-assign]
        self.run_audit = self._audit  # type: ignore[method-assign]
        self.score_after_actions = self._score  # type: ignore[method-assign]
        self.render_html = self._html  # type: ignore[method-assign]
        self.write_report = self._write  # type: ignore[method-assign]
        self.demo_paths = self._demo  # type: ignore[method-assign]
        self.charts = lambda result, tr: [("Chart", SVG)]  # type: ignore[method-assign]
        self.redact_result = self._redact  # type: ignore[method-assign]

    def _load(
        self,
        paths: Any,
        *,
        lang: str,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> Evidence:
        self.loads += 1
        for path in paths:
            if Path(path).name.startswith("bad"):
                raise InputError(
                    N_("This is not a data export."), path, hint=N_("Give the zip you downloaded.")
                )
        for step in range(self.steps):
            check(cancel)
            if progress:
                progress(step / self.steps, f"Reading the export…\npart-{step}.json")
            if self.delay:
                time.sleep(self.delay)
        return fake_evidence()

    def _audit(
        self, evidence: Evidence, *, lang: str, progress: Any = None, cancel: Any = None
    ) -> AuditResult:
        return fake_result(evidence, lang)

    def _score(self, result: AuditResult, ids: set[str]) -> int:
        return result.score - sum(f.points for f in result.findings if f.id in ids)

    def _html(self, result: AuditResult, *, redact: bool = False) -> str:
        names = "Contact 1" if redact else "Anna Alpha"
        return f"<html><body><h1>Report {result.score}</h1><p>{names}</p></body></html>"

    def _write(self, result: AuditResult, path: Path, fmt: str, redact: bool) -> Path:
        atomic_write_text(path, self._html(result, redact=redact))
        return path

    def _demo(self, persona: str) -> list[Path]:
        path = self.tmp / f"{persona}-facebook.zip"
        path.write_bytes(b"demo")
        return [path]

    def _redact(self, result: AuditResult) -> AuditResult:
        findings = [replace(f, evidence=[{"name": "Contact 1"}]) for f in result.findings]
        return replace(result, findings=findings)
