"""The privacy report: self-contained HTML, JSON, CSV (zip or folder) and PDF.

``render_html(result, redact=...)`` gives the HTML text; ``write_report(result, path,
fmt=...)`` writes any format atomically. The SVG charts in :mod:`.charts` are shared with
the GUI; :mod:`.redact` masks personal data in every format. Nothing here imports Qt:
PDF is printed by the printer the caller passes to ``write_report``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from privacy_audit.report.render import render_html
    from privacy_audit.report.writers import FORMATS, write_report

__all__ = ["FORMATS", "render_html", "write_report"]


def __getattr__(name: str) -> Any:
    """``render_html``, ``write_report`` and ``FORMATS``, imported on first use: the
    charts alone (the import child draws them) need neither jinja2 nor the writers."""
    if name == "render_html":
        from privacy_audit.report.render import render_html

        return render_html
    if name in ("write_report", "FORMATS"):
        from privacy_audit.report import writers

        return getattr(writers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
