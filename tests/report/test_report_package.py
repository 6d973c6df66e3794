"""The report package loads its templates and writers only when they are used."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

_CHILD = textwrap.dedent(
    """
    import sys
    import privacy_audit.report.charts

    def loaded():
        return [m for m in ("jinja2", "privacy_audit.report.writers") if m in sys.modules]

    print(loaded())
    from privacy_audit.report import FORMATS, render_html, write_report

    print(loaded(), callable(render_html) and callable(write_report), "pdf" in FORMATS)
    """
)


def test_the_charts_alone_load_no_templates_and_the_package_still_gives_them() -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True, cwd=root
    )
    # the second line is the control: the same check sees them once they are used
    assert done.stdout.splitlines() == [
        "[]",
        "['jinja2', 'privacy_audit.report.writers'] True True",
    ]


def test_an_unknown_name_is_still_an_attribute_error() -> None:
    import privacy_audit.report as report

    with pytest.raises(AttributeError):
        _ = report.no_such_thing  # type: ignore[attr-defined]
