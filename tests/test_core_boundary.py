"""The core never imports Qt; the CLI works without a display.

The core is every module of ``sources``, ``model``, ``phones``, ``pipeline``, ``analysis``,
``report`` and ``commands``, found with :mod:`pkgutil` (a new module is covered without
editing this file). All of them are imported in one fresh interpreter, which then must
not have loaded PySide6. A control plants a core module that imports Qt and shows the
same check fails.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import privacy_audit

#: the core: packages walked with pkgutil, and single modules
CORE_PACKAGES: tuple[str, ...] = ("sources", "analysis", "report", "commands")
CORE_MODULES: tuple[str, ...] = ("model", "phones", "pipeline")

#: run in a fresh interpreter: import every core module of the package at ``root``,
#: print how many were imported, then the PySide6 modules that got loaded
WALK = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    root = sys.argv[1]
    packages, modules = sys.argv[2].split(","), sys.argv[3].split(",")
    names = [f"{root}.{m}" for m in modules]
    for package in packages:
        pkg = importlib.import_module(f"{root}.{package}")
        names.append(pkg.__name__)
        names += [i.name for i in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]
    for name in names:
        importlib.import_module(name)
    print(len(names))
    print(",".join(sorted(m for m in sys.modules if m.split(".")[0] == "PySide6")))
    """
)


def walk_core(
    root: str = "privacy_audit",
    packages: tuple[str, ...] = CORE_PACKAGES,
    modules: tuple[str, ...] = CORE_MODULES,
    path: Path | None = None,
) -> tuple[int, list[str]]:
    """Import every core module in a fresh interpreter: (modules imported, Qt modules loaded)."""
    env = None
    if path is not None:
        import os

        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(path), *sys.path])}
    out = subprocess.run(
        [sys.executable, "-c", WALK, root, ",".join(packages), ",".join(modules)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=300,
    )
    count, loaded = out.stdout.split("\n")[:2]
    return int(count), [m for m in loaded.split(",") if m]


def test_core_does_not_import_qt() -> None:
    count, loaded = walk_core()
    package = Path(privacy_audit.__file__).parent
    expected = len(CORE_MODULES) + sum(
        1 for name in CORE_PACKAGES for _ in (package / name).rglob("*.py")
    )
    assert count == expected  # every module file of the core was imported
    assert loaded == []


def test_control_a_core_module_importing_qt_is_caught(tmp_path: Path) -> None:
    """The same walk over a planted core whose deepest module imports Qt fails the check."""
    root = tmp_path / "planted"
    (root / "report" / "deep").mkdir(parents=True)
    for init in (root, root / "report", root / "report" / "deep"):
        (init / "__init__.py").write_text("", encoding="utf-8")
    (root / "model.py").write_text("import json\n", encoding="utf-8")
    (root / "report" / "deep" / "printer.py").write_text(
        "from PySide6.QtCore import QObject\n", encoding="utf-8"
    )
    count, loaded = walk_core("planted", ("report",), ("model",), path=tmp_path)
    assert count == 4
    assert "PySide6.QtCore" in loaded


def test_version_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "privacy_audit", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert out.stdout.startswith("privacy-audit ")
