"""The core never imports Qt; the CLI works without a display.

The core is every module of ``privacy_audit`` outside ``gui`` (``sources``, ``model``,
``phones``, ``pipeline``, ``analysis``, ``report``, ``commands``, ``demo``, the CLI and
the shared modules), found with :mod:`pkgutil`: a new module is covered without editing
this file. ``__main__`` is left out (importing it runs the program). All of them are
imported in one fresh interpreter, which then must not have loaded PySide6. A control
plants a core module that imports Qt and shows the same check fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import privacy_audit

#: the packages and modules of ``privacy_audit`` that are not the core
NOT_CORE: tuple[str, ...] = ("gui", "__main__")

#: run in a fresh interpreter: import every module of the package ``root`` but those
#: under the top-level names given, print how many were imported, then the PySide6
#: modules loaded
WALK = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    root, skipped = sys.argv[1], sys.argv[2].split(",")
    names = [root]
    for top in pkgutil.iter_modules(importlib.import_module(root).__path__, root + "."):
        if top.name.rpartition(".")[2] in skipped:
            continue  # never imported, not even its __init__
        names.append(top.name)
        if top.ispkg:
            path = importlib.import_module(top.name).__path__
            names += [i.name for i in pkgutil.walk_packages(path, top.name + ".")]
    for name in names:
        importlib.import_module(name)
    print(len(names))
    print(",".join(sorted(m for m in sys.modules if m.split(".")[0] == "PySide6")))
    """
)


def walk_core(
    root: str = "privacy_audit", not_core: tuple[str, ...] = NOT_CORE, path: Path | None = None
) -> tuple[int, list[str]]:
    """Import every core module in a fresh interpreter: (modules imported, Qt modules loaded)."""
    env = None
    if path is not None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(path), *sys.path])}
    out = subprocess.run(
        [sys.executable, "-c", WALK, root, ",".join(not_core)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=300,
    )
    count, loaded = out.stdout.split("\n")[:2]
    return int(count), [m for m in loaded.split(",") if m]


def core_files(package: Path, not_core: tuple[str, ...] = NOT_CORE) -> list[Path]:
    """The module files of the core under ``package`` (read from the file tree)."""
    left_out = [package / name for name in not_core]
    return [
        path
        for path in package.rglob("*.py")
        if not any(path == o.with_suffix(".py") or o in path.parents for o in left_out)
    ]


def test_core_does_not_import_qt() -> None:
    package = Path(privacy_audit.__file__).parent
    count, loaded = walk_core()
    files = core_files(package)
    assert count == len(files)  # every module file of the core was imported
    assert {"sources", "analysis", "report", "commands", "demo"} <= {
        f.relative_to(package).parts[0] for f in files
    }
    assert package / "gui" / "app.py" not in files
    assert loaded == []


def test_control_a_core_module_importing_qt_is_caught(tmp_path: Path) -> None:
    """The same walk over a planted core whose deepest module imports Qt fails the check,
    and a module under a name left out of the core may import Qt."""
    root = tmp_path / "planted"
    for folder in (root / "report" / "deep", root / "gui"):
        folder.mkdir(parents=True)
    for init in (root, root / "report", root / "report" / "deep"):
        (init / "__init__.py").write_text("", encoding="utf-8")
    (root / "model.py").write_text("import json\n", encoding="utf-8")
    (root / "gui" / "__init__.py").write_text("import PySide6.QtGui\n", encoding="utf-8")
    printer = root / "report" / "deep" / "printer.py"
    printer.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    count, loaded = walk_core("planted", path=tmp_path)
    assert count == len(core_files(root)) == 5
    assert "PySide6.QtCore" in loaded and "PySide6.QtGui" not in loaded
    printer.write_text("import json\n", encoding="utf-8")
    assert walk_core("planted", path=tmp_path) == (5, [])


def test_version_command() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "privacy_audit", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert out.stdout.startswith("privacy-audit ")
