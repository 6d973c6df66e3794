"""The HTML report: jinja2 templates (autoescaped, strict) over a small view model.

The view model (:func:`build_context`, from the sections of
:mod:`privacy_audit.report.sections`) turns an :class:`AuditResult` into plain strings
and lists, formatted for the audit's language with babel; the templates only lay them
out. Export data is never marked safe: the only :class:`~markupsafe.Markup` values are
the SVG charts, which escape every text node themselves
(:mod:`privacy_audit.report.charts`).
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from privacy_audit import __version__
from privacy_audit.analysis.result import AuditResult
from privacy_audit.i18n import Translator, translator
from privacy_audit.labels import (
    service_name,
)
from privacy_audit.report import charts
from privacy_audit.report import fmt as f
from privacy_audit.report.labels import (
    BAND_LABELS,
    LETTER_FALLBACK,
    LETTER_TITLES,
)
from privacy_audit.report.redact import redact_result
from privacy_audit.report.sections import (
    baseline_view,
    cards_view,
    column_header,
    finding_view,
    frame_table,
    sources_table,
    stats_view,
    top_actions,
)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@functools.cache
def environment(lang: str) -> Environment:
    """The jinja2 environment for ``lang``: autoescape, StrictUndefined, gettext wired."""
    env = Environment(
        loader=PackageLoader("privacy_audit", "resources/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
    )
    tr = translator(lang)
    gettext, ngettext = tr.gettext, tr.ngettext
    if tr.lang == "qps":  # the pseudo-locale keeps {name} but not %(name)s placeholders
        gettext = _keep_percent(tr.gettext)
        ngettext = _keep_percent_n(tr.ngettext)
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def _finalize(value: Any) -> Any:
    """Every value the templates print, with control characters made harmless."""
    if isinstance(value, Markup):
        return Markup(f.clean_text(str(value)))
    if isinstance(value, str):
        return f.clean_text(value)
    return value


_PERCENT = re.compile(r"%\((\w+)\)s")
_BRACED = re.compile(r"\{(\w+)\}")


def _keep_percent(func: Any) -> Any:
    def gettext(message: str) -> str:
        text = func(_PERCENT.sub(r"{\1}", message))
        return str(_BRACED.sub(r"%(\1)s", text))

    return gettext


def _keep_percent_n(func: Any) -> Any:
    def ngettext(singular: str, plural: str, n: int) -> str:
        text = func(_PERCENT.sub(r"{\1}", singular), _PERCENT.sub(r"{\1}", plural), n)
        return str(_BRACED.sub(r"%(\1)s", text))

    return ngettext


def not_read_files(result: AuditResult, tr: Translator) -> list[dict[str, str]]:
    """Every file of the exports no importer read, with the reason (shape sweep)."""
    from privacy_audit.sources.not_read import REASONS

    rows = []
    for source in result.sources:
        for entry in source.extra.get("not_read") or []:
            reason = REASONS.get(entry.get("reason", ""))
            found = int(entry.get("found") or 0)
            text = tr.gettext(reason) if reason else ""
            rows.append(
                {
                    "export": source.path,
                    "file": str(entry.get("file", "")),
                    "reason": f"{text} ({found})" if found else text,
                }
            )
    return rows


def build_context(result: AuditResult, tr: Translator) -> dict[str, Any]:
    """Everything the report template shows, as plain formatted values."""
    cross = result.crossref
    findings = [finding_view(x, tr) for x in result.findings]
    for finding, view in zip(result.findings, findings, strict=True):
        # what following its advice does to the score, in the score's own units
        after = result.score_after.get(finding.id)
        view["score_after"] = int(after) if after is not None else None
        view["score_before"] = int(result.score)
    actions = top_actions(result, findings)
    band = charts.score_band(int(result.score))
    source_columns, sources = sources_table(result, tr)
    return {
        "lang": tr.lang if tr.lang != "qps" else "en",
        "csp": CSP,
        "version": __version__,
        "generated": f.day(datetime.now(UTC), tr.locale, "long"),
        "score": int(result.score),
        "band": band,
        "band_label": tr.gettext(BAND_LABELS[band]),
        "gauge": charts.score_gauge(int(result.score), tr=tr),
        "score_explanation": list(result.score_explanation),
        "top_actions": actions,
        "source_columns": source_columns,
        "sources": sources,
        "baseline": baseline_view(result),
        "warnings": [{"file": s.path, "text": w} for s in result.sources for w in s.warnings],
        "not_read": not_read_files(result, tr),
        "stats": stats_view(result, tr),
        "own_ids": frame_table(cross.get("own_ids"), ["kind", "value", "services"], tr),
        "shared": frame_table(
            cross.get("shared_network"),
            ["kind", "value", "services", "first_seen", "last_seen"],
            tr,
        ),
        "linked": frame_table(
            cross.get("linked_accounts"),
            ["service", "account", "linked_to", "via", "linked_at"],
            tr,
        ),
        "charts": {
            "overlap": charts.overlap_chart(cross.get("contact_overlap"), tr=tr),
            "activity": charts.activity_chart(cross.get("activity_daily"), tr=tr),
            "apps": charts.top_apps_chart(cross.get("off_meta_top"), tr=tr),
            "advertisers": charts.advertisers_chart(cross.get("advertisers"), tr=tr),
        },
        "findings": findings,
        "not_checked_columns": [
            column_header("service", tr),
            {"label": tr.gettext("What is missing"), "num": False},
            {"label": tr.gettext("How to get it"), "num": False},
        ],
        "not_checked": [
            [service_name(n.get("service", "")), n.get("what", ""), n.get("how", "")]
            for n in result.not_checked
        ],
        "cards": cards_view(result, tr),
        "letters": [
            {"title": tr.gettext(LETTER_TITLES.get(k, LETTER_FALLBACK)), "text": v}
            for k, v in result.letters.items()
        ],
        "redacted": False,
    }


def render_prepared(result: AuditResult, tr: Translator, *, redacted: bool = False) -> str:
    """Render ``result`` as it is (already redacted when ``redacted``) in ``tr``'s language."""
    context = build_context(result, tr)
    context["redacted"] = redacted
    return environment(tr.lang).get_template("report.html").render(context)


def render_html(result: AuditResult, *, redact: bool = False, lang: str | None = None) -> str:
    """The self-contained HTML report of ``result`` (in its language unless ``lang``).

    With ``redact`` names become pseudonyms and numbers, emails and IPs are masked.
    """
    tr = translator(lang or result.lang)
    if redact:
        result = redact_result(result, tr, tables=False)
    return render_prepared(result, tr, redacted=redact)
