"""``privacy-audit report PATH... -o FILE [--format html|json|csv|pdf] [--lang it] [--redact]``.

Loads the exports, runs the audit and writes the report. The format comes from
``--format`` or the output's extension (``.html``, ``.json``, ``.pdf``, ``.zip`` for
CSV files in a zip; ``--format csv`` with a folder name writes a folder of CSV files).
The output path is checked before the exports are read: it must not be, hold or lie
inside one of the exports, nor be an existing device, pipe or socket.
A PDF is printed by the QtWebEngine module of the app
(:mod:`privacy_audit.gui.webengine`), imported only for ``pdf``: every other format runs
without Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from privacy_audit import output_guard
from privacy_audit.commands.common import input_paths
from privacy_audit.errors import InputError
from privacy_audit.i18n import N_, Translator
from privacy_audit.terminal import safe_line

if TYPE_CHECKING:
    from privacy_audit.report.writers import PdfPrinter

SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".json": "json", ".pdf": "pdf", ".zip": "csv"}
_SUFFIX_OF = {"html": ".html", "json": ".json", "pdf": ".pdf", "csv": ".zip"}


def output_format(output: Path, requested: str | None) -> str:
    """The report format for ``output``: ``requested`` or the one its extension names."""
    suffix = output.suffix.lower()
    if requested:
        if requested == "csv" and suffix == ".csv":
            raise InputError(
                N_("A CSV report has several tables and cannot be one .csv file."),
                output,
                hint=N_("Give a .zip file or a folder name."),
            )
        named = SUFFIX_FORMATS.get(suffix)
        if named is not None and named != requested:
            raise InputError(
                N_("The name {file} does not fit the format {format}."),
                output,
                hint=N_("End the name with {suffix}, or leave out --format."),
                format=requested.upper(),
                suffix=_SUFFIX_OF[requested],
            )
        return requested
    if suffix in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[suffix]
    if output.is_dir():
        raise InputError(
            N_("{file} is a folder."),
            output,
            hint=N_(
                "Give the name of the file to write, or add --format csv to write the CSV "
                "tables into this folder."
            ),
        )
    if suffix == ".csv":
        raise InputError(
            N_("A CSV report has several tables and cannot be one .csv file."),
            output,
            hint=N_("Give a .zip file or a folder name."),
        )
    raise InputError(
        N_("Cannot tell the report format from the name {file}."),
        output,
        hint=N_("End the name with .html, .json, .pdf or .zip, or add --format."),
    )


def check_output(output: Path, fmt: str) -> None:
    """Refuse an output path that cannot be written, before any work is done."""
    parent = output.expanduser().resolve().parent
    if not parent.is_dir():
        raise InputError(
            N_("The folder for {file} does not exist."),
            output,
            hint=N_("Create the folder first or choose another place."),
        )
    if fmt != "csv" and output.is_dir():
        raise InputError(
            N_("{file} is a folder."), output, hint=N_("Give the name of the file to write.")
        )


def pdf_printer(fmt: str) -> PdfPrinter | None:
    """The headless QtWebEngine printer for ``pdf`` (imported only then), else None."""
    if fmt != "pdf":
        return None
    from privacy_audit.gui.webengine import html_to_pdf

    return html_to_pdf


def run(args: argparse.Namespace, tr: Translator) -> int:
    """Write the report; returns the exit code."""
    output = Path(args.output)
    fmt = output_format(output, args.format)
    check_output(output, fmt)
    paths = input_paths(args)
    output_guard.check_output(output, fmt, paths)

    from privacy_audit.analysis.audit import run_audit
    from privacy_audit.pipeline import load_evidence
    from privacy_audit.report import write_report

    evidence = load_evidence(paths, region=args.region, lang=tr.lang)
    result = run_audit(evidence, lang=tr.lang)
    written = write_report(
        result, output, fmt=fmt, redact=bool(args.redact), pdf_printer=pdf_printer(fmt)
    )
    print(safe_line(tr.gettext("Report written to {path}").format(path=written)))
    return 0
