"""Write the report as HTML, JSON, CSV (zip or folder) or PDF, atomically.

PDF is the HTML report printed by the caller's :data:`PdfPrinter` (the command line
passes :func:`privacy_audit.gui.webengine.html_to_pdf`; the app prints on its own GUI
thread with :func:`~privacy_audit.gui.webengine.print_html_to_pdf`): no Qt here.

The CSV and JSON exports hold every evidence row of every finding (the HTML shows a few)
and every Evidence table in full (``tables/<name>.csv``, ``"tables"`` in the JSON), with
the same redaction as the HTML under ``redact``. The JSON shape is published as a JSON
Schema in ``docs/schema/``.

A file is written through a temp file and ``os.replace`` (:mod:`privacy_audit.fsutil`),
so an existing report is only replaced once the new one is complete. A CSV folder is
built beside the target and swapped in; an existing folder is replaced only when it
is an earlier CSV report (it holds ``findings.csv``), never any other folder.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pandas as pd

from privacy_audit.analysis.result import AuditResult
from privacy_audit.errors import InputError
from privacy_audit.fsutil import (
    atomic_write_bytes,
    atomic_write_text,
    part_prefix,
    sweep_stale_parts,
)
from privacy_audit.i18n import N_, translator
from privacy_audit.output_guard import refuse_special
from privacy_audit.report.fmt import clean_text, is_missing, json_escape_controls
from privacy_audit.report.redact import redact_result
from privacy_audit.report.render import render_prepared

FORMATS: tuple[str, ...] = ("html", "json", "csv", "pdf")
#: turns the report HTML into PDF bytes; raises InputError when it cannot
PdfPrinter = Callable[[str], bytes]
#: crossref tables written to the CSV export: file name -> (crossref key, columns)
CSV_TABLES: dict[str, tuple[str, list[str]]] = {
    "contacts.csv": ("contact_overlap", ["key", "name", "services", "n_services", "confidence"]),
    "own_identifiers.csv": ("own_ids", ["kind", "value", "services", "n_services"]),
    "shared_network.csv": (
        "shared_network",
        ["kind", "value", "services", "n_services", "first_seen", "last_seen"],
    ),
    "linked_accounts.csv": (
        "linked_accounts",
        ["service", "account", "linked_to", "via", "linked_at", "source_file"],
    ),
    "off_meta_apps.csv": ("off_meta_top", ["app", "events", "first", "last"]),
    "advertisers.csv": (
        "advertisers",
        ["name", "relations", "in_off_meta", "in_whatsapp_business"],
    ),
    "activity_daily.csv": ("activity_daily", ["service", "date", "events"]),
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _default(value: Any) -> Any:
    if isinstance(value, (datetime, date, pd.Timestamp)):
        return None if pd.isna(value) else value.isoformat()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if is_missing(value):
        return None
    return str(value)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return frame.to_dict("records") if len(frame) else []


def report_json(result: AuditResult, *, redacted: bool = False) -> bytes:
    """The audit JSON shape (``AuditResult.to_json``), indented, UTF-8, plus every row:
    each finding's ``rows`` (all ``evidence_total`` of them) and the Evidence ``tables``.
    """
    data = result.to_json()
    for finding, out in zip(result.findings, data["findings"], strict=True):
        out["rows"] = _records(finding.all_rows())
    data["tables"] = {name: _records(table) for name, table in result.evidence.tables.items()}
    if redacted:
        data["redacted"] = True
    return json_escape_controls(
        orjson.dumps(
            data,
            default=_default,
            option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY,
        )
    )


def _csv_cell(value: Any) -> str:
    if isinstance(value, (list, tuple, set)):
        value = ",".join(str(v) for v in value)
    if is_missing(value):
        return ""
    if isinstance(value, (datetime, date, pd.Timestamp)):
        text = value.isoformat()
    elif isinstance(value, np.generic):
        text = str(value.item())
    else:
        text = clean_text(str(value))
    # spreadsheet formula injection: names are attacker-controlled
    return "'" + text if text.startswith(_FORMULA_START) else text


def _column_cells(column: pd.Series) -> list[str]:
    """:func:`_csv_cell` of every value of ``column``, computed once per distinct value."""
    try:
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
    except TypeError:  # unhashable cells (lists of services): one by one
        return [_csv_cell(v) for v in column.tolist()]
    cells = np.array([*(_csv_cell(v) for v in uniques.tolist()), ""], dtype=object)
    return list(cells[codes])  # code -1 (missing) picks the trailing ""


def _frame_rows(frame: pd.DataFrame, columns: list[str]) -> Iterable[tuple[str, ...]]:
    """The CSV cells of ``frame``'s ``columns`` (missing columns empty), row by row."""
    if not len(frame):
        return []
    wide = frame.reindex(columns=columns)
    return zip(*(_column_cells(wide[c]) for c in columns), strict=True)


def _csv_bytes(header: list[str], rows: Iterable[Iterable[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8


def _frames_csv(header: list[str], parts: Iterable[Iterable[tuple[str, ...]]]) -> bytes:
    """Like :func:`_csv_bytes` for rows already made of CSV cells (:func:`_frame_rows`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for rows in parts:
        writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def csv_files(result: AuditResult) -> dict[str, bytes]:
    """Every CSV table of the report: file name -> UTF-8 (with BOM) bytes."""
    files: dict[str, bytes] = {}
    findings = [
        [
            f.id,
            f.severity,
            f.title,
            f.summary,
            f.confidence,
            f.points,
            result.score_after.get(f.id, ""),
            f.evidence_total,
            f.services,
            f.source_files,
            f.recommendations[0].title if f.recommendations else "",
        ]
        for f in result.findings
    ]
    files["findings.csv"] = _csv_bytes(
        [
            "id",
            "severity",
            "title",
            "summary",
            "confidence",
            "points",
            "score_after",
            "evidence_total",
            "services",
            "source_files",
            "recommendation",
        ],
        findings,
    )
    frames = [(f.id, f.all_rows()) for f in result.findings]
    keys: list[str] = []
    for _fid, frame in frames:
        keys += [str(k) for k in frame.columns if k not in keys]
    files["evidence.csv"] = _frames_csv(
        ["finding", *keys],
        (((fid, *row) for row in _frame_rows(frame, keys)) for fid, frame in frames),
    )
    for name, (key, columns) in CSV_TABLES.items():
        frame = result.crossref.get(key)
        if not isinstance(frame, pd.DataFrame):
            continue
        cols = [c for c in columns if c in frame.columns]
        cols += [str(c) for c in frame.columns if c not in cols]
        files[name] = _frames_csv(cols, [_frame_rows(frame, cols)])
    for name, table in result.evidence.tables.items():
        columns = [str(c) for c in table.columns]
        files[f"tables/{name}.csv"] = _frames_csv(columns, [_frame_rows(table, columns)])
    files["sources.csv"] = _csv_bytes(
        ["service", "kind", "format", "layout", "export_date", "path", "warnings"],
        (
            [s.service, s.kind, s.format, s.layout, s.export_date, s.path, " | ".join(s.warnings)]
            for s in result.sources
        ),
    )
    files["not_read.csv"] = _csv_bytes(
        ["export", "file", "reason", "found"],
        (
            [s.path, entry.get("file", ""), entry.get("reason", ""), entry.get("found", 0)]
            for s in result.sources
            for entry in s.extra.get("not_read") or []
        ),
    )
    files["not_checked.csv"] = _csv_bytes(
        ["service", "what", "how"],
        ([n.get("service"), n.get("what"), n.get("how")] for n in result.not_checked),
    )
    return files


def _write_zip(target: Path, files: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    atomic_write_bytes(target, buffer.getvalue())


def _write_folder(target: Path, files: dict[str, bytes]) -> None:
    if target.exists() and not target.is_dir():
        raise InputError(
            N_("{file} exists and is not a folder."),
            target,
            hint=N_("Give a new folder name or a .zip file for the CSV export."),
        )
    if target.is_dir() and any(target.iterdir()) and not (target / "findings.csv").is_file():
        raise InputError(
            N_("The folder {file} is not empty."),
            target,
            hint=N_("Give a new folder name or a .zip file for the CSV export."),
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale_parts(target)
    staging: Path | None = None
    old: Path | None = None
    try:
        staging = Path(
            tempfile.mkdtemp(prefix=part_prefix(target), suffix=".part", dir=target.parent)
        )
        for name, data in files.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(data)
        if target.exists():
            old = Path(
                tempfile.mkdtemp(prefix=part_prefix(target), suffix=".old", dir=target.parent)
            )
            os.rmdir(old)
            os.replace(target, old)
        os.replace(staging, target)
    except BaseException:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if old is not None and old.exists() and not target.exists():
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_report(
    result: AuditResult,
    path: str | Path,
    fmt: str = "html",
    redact: bool = False,
    *,
    pdf_printer: PdfPrinter | None = None,
) -> Path:
    """Write the report of ``result`` to ``path`` in ``fmt``; returns the path written.

    ``csv`` writes a zip when ``path`` ends with ``.zip``, else a folder of CSV files.
    ``pdf`` needs ``pdf_printer``, which prints the HTML report to PDF bytes.
    With ``redact`` every format holds pseudonyms and masks instead of personal data.
    Raises :class:`InputError` when the path cannot be written.
    """
    if fmt not in FORMATS:
        raise InputError(
            N_("Unknown report format {format}."),
            hint=N_("Use html, json, csv or pdf."),
            format=fmt,
        )
    if fmt == "pdf" and pdf_printer is None:
        raise TypeError("write_report(fmt='pdf') needs a pdf_printer")
    target = Path(path).expanduser()
    refuse_special(target, fmt)
    tr = translator(result.lang)
    if redact:
        # CSV and JSON hold every row: the tables and the findings' rows are redacted too
        full = fmt in ("csv", "json")
        result = redact_result(result, tr, tables=full, rows=full)
    try:
        if fmt == "html":
            atomic_write_text(target, render_prepared(result, tr, redacted=redact))
        elif fmt == "json":
            atomic_write_bytes(target, report_json(result, redacted=redact))
        elif fmt == "csv":
            files = csv_files(result)
            if target.suffix.lower() == ".zip":
                _write_zip(target, files)
            else:
                _write_folder(target, files)
        elif pdf_printer is not None:
            atomic_write_bytes(target, pdf_printer(render_prepared(result, tr, redacted=redact)))
    except OSError:
        raise InputError(
            N_("The report could not be written to {file}."),
            target,
            hint=N_("Check that the folder exists and that you can write there."),
        ) from None
    return target
