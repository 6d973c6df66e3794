"""``privacy-audit audit PATH... [--json] [--lang en|it] [--region CC] [--baseline OLD.json]``.

Readable text by default: the score and how it is made, the findings ordered by severity
with their counts, why they matter, the steps in the app and on the web and the official
links, then what could not be checked. ``--json`` prints ``AuditResult.to_json()`` (the
DESIGN.md shape) with orjson. ``--baseline`` compares with an earlier ``audit --json``
of the same person. The text output never prints evidence rows (no personal data).
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path
from typing import Any, TextIO

import orjson

from privacy_audit.analysis.audit import run_audit
from privacy_audit.analysis.labels import count_label, count_value
from privacy_audit.analysis.result import SCHEMA, AuditResult
from privacy_audit.analysis.rulekit import plain
from privacy_audit.commands.common import input_paths
from privacy_audit.errors import InputError
from privacy_audit.i18n import N_, Translator
from privacy_audit.labels import confidence_label, severity_label
from privacy_audit.pipeline import load_evidence
from privacy_audit.report.fmt import number
from privacy_audit.terminal import safe_json, safe_line

#: largest baseline file read (an audit --json of a big export is well under this)
MAX_BASELINE_BYTES = 64 * 1024 * 1024


def _read_regular(file: Path, hint: str) -> bytes:
    """The bytes of ``file`` if it is a regular file of at most MAX_BASELINE_BYTES.

    Opened without blocking (a FIFO with no writer would wait forever), checked on the
    open descriptor (no swap between check and read), read one byte past the cap.
    """
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(N_("The baseline file does not exist."), file, hint) from None
    except IsADirectoryError:
        raise InputError(N_("The baseline is a folder, not a file."), file, hint) from None
    except PermissionError:
        raise InputError(
            N_("You are not allowed to read this file."),
            file,
            N_("Check the file's permissions, or copy it to a folder of yours and open the copy."),
        ) from None
    if stat.S_ISDIR(os.fstat(fd).st_mode):  # before fdopen, which refuses a folder
        os.close(fd)
        raise InputError(N_("The baseline is a folder, not a file."), file, hint)
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(
                N_("The baseline is not a regular file (a device, pipe or socket)."), file, hint
            )
        if os.fstat(fd).st_size > MAX_BASELINE_BYTES:
            raise InputError(N_("The baseline file is too large."), file, hint)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        data = handle.read(MAX_BASELINE_BYTES + 1)
    if len(data) > MAX_BASELINE_BYTES:
        raise InputError(N_("The baseline file is too large."), file, hint)
    return data


def load_baseline(path: str | Path) -> dict[str, Any]:
    """Read an earlier ``audit --json`` file; :class:`InputError` when it is not one."""
    file = Path(path)
    hint = N_("Give a file written by privacy-audit audit --json.")
    try:
        data = orjson.loads(_read_regular(file, hint))
    except (OSError, orjson.JSONDecodeError):
        raise InputError(N_("The baseline file could not be read as JSON."), file, hint) from None
    if (
        not isinstance(data, dict)
        or data.get("schema") != SCHEMA
        or not isinstance(data.get("findings"), list)
    ):
        raise InputError(N_("The baseline file is not an audit result."), file, hint)
    return data


def to_json_bytes(result: AuditResult) -> bytes:
    """The ``--json`` document as UTF-8 bytes (numpy/pandas values made plain)."""
    return safe_json(
        orjson.dumps(
            result.to_json(),
            option=orjson.OPT_INDENT_2 | orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS,
            default=plain,
        )
    )


def write_text(result: AuditResult, tr: Translator, out: TextIO) -> None:
    """The readable audit, in the result's language."""

    def w(text: str) -> None:
        """Write one line (with its leading/trailing newlines); names come from exports,
        so every control character inside the line is neutralised."""
        body = text.strip("\n")
        lead, trail = len(text) - len(text.lstrip("\n")), len(text) - len(text.rstrip("\n"))
        out.write("\n" * lead + safe_line(body) + "\n" * trail)

    why, in_app, on_web = tr.gettext("Why"), tr.gettext("In the app"), tr.gettext("On the web")
    how = tr.gettext("How to get it")
    w(tr.gettext("Privacy Audit: exposure score {score}/100").format(score=result.score) + "\n")
    for line in result.score_explanation:
        w(f"  {line}\n")
    w("\n" + tr.gettext("Findings: {n}").format(n=number(len(result.findings), tr.locale)) + "\n")
    if not result.findings:
        w("  " + tr.gettext("Nothing to report from the exports given.") + "\n")
    for index, finding in enumerate(result.findings, 1):
        w("\n")
        head = f"{index}. [{severity_label(tr, finding.severity).upper()}] {finding.title}"
        w(head + f" ({confidence_label(tr, finding.confidence)})\n")
        w(f"   {finding.summary}\n")
        counts = ", ".join(
            f"{count_label(tr, k)}: {count_value(tr, k, v)}" for k, v in finding.counts.items()
        )
        w("   " + tr.gettext("Counts") + f": {counts}\n")
        after = result.score_after.get(finding.id)
        if after is not None:
            w("   " + tr.gettext("Score after this action: {score}").format(score=after) + "\n")
        for rec in finding.recommendations:
            w(f"   → {rec.title}\n")
            w(f"     {why}: {rec.why}\n")
            w(f"     {in_app}:\n")
            for step, text in enumerate(rec.steps_app, 1):
                w(f"       {step}. {text}\n")
            w(f"     {on_web}:\n")
            for step, text in enumerate(rec.steps_web, 1):
                w(f"       {step}. {text}\n")
            for link in rec.links:
                w(f"     - {link.label}: {link.url}\n")
            w("     " + tr.gettext("Steps last checked: {date}").format(date=rec.checked) + "\n")
    if result.not_checked:
        w("\n" + tr.gettext("Not checked (export not given)") + "\n")
        for item in result.not_checked:
            w(f"  - {item['what']}\n")
            w(f"    {how}: {item['how']}\n")
    if result.baseline is not None:
        w("\n" + tr.gettext("Compared with the earlier audit") + "\n")
        for key, label in (
            ("resolved", N_("Resolved")),
            ("new", N_("New")),
            ("still_open", N_("Still open")),
        ):
            ids = result.baseline.get(key, [])
            w(f"  {tr.gettext(label)}: {', '.join(ids) if ids else '-'}\n")


def run(args: argparse.Namespace, tr: Translator) -> int:
    """Run ``privacy-audit audit``."""
    baseline = load_baseline(args.baseline) if getattr(args, "baseline", None) else None
    paths = input_paths(args)
    evidence = load_evidence(paths, region=getattr(args, "region", None), lang=tr.lang)
    result = run_audit(evidence, lang=tr.lang, baseline=baseline)
    if getattr(args, "json", False):
        sys.stdout.buffer.write(to_json_bytes(result) + b"\n")
        sys.stdout.flush()
    else:
        write_text(result, tr, sys.stdout)
    return 0
