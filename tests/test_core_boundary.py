"""The core never imports Qt; the CLI works without a display."""

from __future__ import annotations

import subprocess
import sys


def test_core_does_not_import_qt() -> None:
    code = (
        "import sys\n"
        "import privacy_audit.pipeline, privacy_audit.cli, privacy_audit.model\n"
        "import privacy_audit.sources.registry as r; r.importers()\n"
        "import privacy_audit.analysis.result\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_version_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "privacy_audit", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert out.stdout.startswith("privacy-audit ")
