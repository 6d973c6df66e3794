"""Redaction for workshops and sharing: redacted copies of tables and audit results.

:class:`Redactor` is the :class:`~privacy_audit.report.pseudonyms.Pseudonymizer` of one
audit (stable pseudonyms for people, chats, accounts and devices; masks for numbers,
e-mails and IP addresses) applied to whole evidence tables, sources, findings and
results; :func:`redact_result` is the shortcut the report, the exports and the app use.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pandas as pd

from privacy_audit.analysis.result import AuditResult, Finding
from privacy_audit.i18n import Translator, translator
from privacy_audit.model import Evidence, SourceInfo
from privacy_audit.report.fmt import is_missing
from privacy_audit.report.masks import (
    ENUM_COLUMNS,
    IPV4,
    IPV6,
    digits_of,
    field_kind,
    mask_email,
    mask_phone,
    truncate_ip,
)
from privacy_audit.report.pseudonyms import Pseudonymizer

__all__ = ["Redactor", "mask_email", "mask_phone", "redact_result", "truncate_ip"]


class Redactor(Pseudonymizer):
    """A :class:`Pseudonymizer` that also makes redacted copies of tables and results."""

    # -- tables and results ------------------------------------------------------
    def series(self, column: pd.Series, func: Callable[[Any], Any]) -> pd.Series:
        """Apply ``func`` once per distinct value of ``column`` (fast on big tables)."""
        if column.dtype.kind in "biufcmM" or not len(column):
            return column
        uniques = column.dropna().unique()
        mapping = {u: func(u) for u in uniques}
        return column.map(mapping).astype(object).where(column.notna(), None)

    def frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        """A redacted copy of a crossref or evidence table (columns recognized by name)."""
        if not isinstance(frame, pd.DataFrame) or frame.empty:
            return frame
        out = frame.copy()
        for column in out.columns:
            name = str(column)
            if out[column].dtype.kind in "biufcmM" or name in ENUM_COLUMNS:
                continue
            if name in ("value", "key", "raw"):
                if "kind" in out:
                    pairs = zip(out[column].tolist(), out["kind"].tolist(), strict=True)
                    out[column] = [self._by_shape(v, k) for v, k in pairs]
                else:
                    out[column] = self.series(out[column], lambda v: self._by_shape(v, None))
            elif name in (
                "app",
                "services",
                "service",
                "origin",
                "relation",
                "relations",
                "via",
                "kind",
                "confidence",
                "event",
            ):
                out[column] = self.series(out[column], self.text)
            elif name == "linked_to":
                out[column] = self.series(out[column], lambda v: self._by_shape(v, "account"))
            elif field_kind(name):
                out[column] = self.series(out[column], functools.partial(self.value, name))
            else:
                out[column] = self.series(out[column], self.text)
        return out

    def _by_shape(self, value: Any, kind: Any) -> Any:
        if is_missing(value):
            return value
        text = str(value)
        kind = str(kind) if not is_missing(kind) else ""
        if kind in ("phone", "email", "ip", "device", "name", "username", "account"):
            return self.value({"username": "account"}.get(kind, kind), text)
        if "@" in text:
            return mask_email(text)
        if IPV4.fullmatch(text) or (":" in text and IPV6.fullmatch(text)):
            return truncate_ip(text)
        if len(digits_of(text)) >= 7 and text.lstrip("+").replace(" ", "").isdigit():
            return mask_phone(text)
        return self.value("account" if kind == "account" else "name", text)

    def source(self, info: SourceInfo) -> SourceInfo:
        """A redacted copy of a SourceInfo (paths, member names, warnings, chat stats)."""
        return replace(
            info,
            path=self.text(info.path),
            parts=[self.text(p) for p in info.parts],
            files_recognized=[self.text(p) for p in info.files_recognized],
            warnings=[self.text(w) for w in info.warnings],
            chat=self.deep(info.chat) if info.chat is not None else None,
            extra=self.deep(info.extra),
        )

    def evidence(self, evidence: Evidence, *, tables: bool = True) -> Evidence:
        """A redacted copy of the sources and tables (``tables=False``: empty tables)."""
        return Evidence(
            {
                name: self.frame(table) if tables else table.iloc[0:0].copy()
                for name, table in evidence.tables.items()
            },
            [self.source(s) for s in evidence.sources],
            evidence.region,
        )

    def rows(self, frame: pd.DataFrame) -> pd.DataFrame:
        """A redacted copy of a finding's evidence rows, masked as :meth:`deep` masks one."""
        if frame.empty:
            return frame.copy()
        out = frame.copy()
        for column in out.columns:
            name = str(column)
            if out[column].dtype.kind in "biufcmM" or name in ENUM_COLUMNS:
                continue
            if field_kind(name):
                out[column] = self.series(out[column], functools.partial(self.value, name))
            else:
                out[column] = self.series(out[column], self.text)
        return out

    def finding(self, finding: Finding) -> Finding:
        """A redacted copy of a finding (texts, example rows, file names).

        The copy holds no rows beyond the examples (``rows`` is None): :meth:`result`
        adds them, redacted, once every example has its pseudonym.
        """
        return replace(
            finding,
            title=self.text(finding.title),
            summary=self.text(finding.summary),
            evidence=[self.deep(dict(row)) for row in finding.evidence],
            source_files=[self.text(f) for f in finding.source_files],
            recommendations=copy.deepcopy(finding.recommendations),
            rows=None,
        )

    def result(
        self, result: AuditResult, *, tables: bool = True, rows: bool = False
    ) -> AuditResult:
        """A fully redacted copy of ``result``; the original is not changed.

        ``tables=False`` leaves the evidence tables out (empty) of the copy: the report
        does not show them, and redacting 100k rows takes seconds. ``rows=True`` keeps
        every evidence row of the findings (redacted; the CSV and JSON exports hold them),
        else only their examples. Pseudonyms are numbered in the order the report shows
        people (findings' examples first, then every finding row, evidence tables last),
        so the copies with and without tables and rows agree on every number the HTML shows.
        """
        findings = [self.finding(f) for f in result.findings]
        explanation = [self.text(s) for s in result.score_explanation]
        summary = self.deep(result.summary)
        missing = self.deep(result.not_checked)
        crossref = {
            k: self.frame(v) if isinstance(v, pd.DataFrame) else self.deep(v)
            for k, v in result.crossref.items()
        }
        cards = self.deep(result.cards)
        letters = {k: self.text(v) for k, v in result.letters.items()}
        if rows:
            findings = [
                replace(f, rows=self.rows(orig.rows) if orig.rows is not None else None)
                for f, orig in zip(findings, result.findings, strict=True)
            ]
        return replace(
            result,
            evidence=self.evidence(result.evidence, tables=tables),
            findings=findings,
            score_explanation=explanation,
            summary=summary,
            not_checked=missing,
            crossref=crossref,
            cards=cards,
            letters=letters,
            baseline=copy.deepcopy(result.baseline),
        )


def redact_result(
    result: AuditResult,
    tr: Translator | None = None,
    *,
    tables: bool = True,
    rows: bool = False,
) -> AuditResult:
    """Shortcut: a redacted copy of ``result`` with labels in its own language.

    ``tables`` and ``rows``: see :meth:`Redactor.result`.
    """
    redactor = Redactor(result.evidence, tr or translator(result.lang), result.crossref)
    return redactor.result(result, tables=tables, rows=rows)
