"""No module of ``privacy_audit`` (or of ``scripts/``) uses another module's private names.

A name with a leading underscore belongs to its module: ``from privacy_audit.x import _y``
(or ``from .x import _y``), and ``x._y`` on an imported module, tie two modules to a detail
neither promises to keep. Read from the source with :mod:`ast`, nothing is imported. The
tests are left out: they may reach a module's helpers to test them.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import privacy_audit

PACKAGE_DIR = Path(privacy_audit.__file__).parent
SCRIPTS_DIR = PACKAGE_DIR.parent / "scripts"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _module_names(package_dir: Path) -> set[str]:
    names = set()
    for path in package_dir.rglob("*.py"):
        parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.add(".".join(parts))
    return names


def private_uses(files: list[Path], package_dir: Path) -> list[str]:
    """``file:line module name`` for every private name of a package module used elsewhere."""
    package = package_dir.name
    modules = _module_names(package_dir)
    found: list[str] = []
    for path in sorted(files):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        aliases: dict[str, str] = {}  # local name -> package module it stands for
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == package:
                        aliases[alias.asname or alias.name.split(".")[0]] = alias.name
            elif isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if node.level:  # relative: only inside the package
                    here = path.relative_to(package_dir.parent).with_suffix("").parts
                    base = list(here[: len(here) - node.level])
                    module = ".".join([*base, module] if module else base)
                if module.split(".")[0] != package:
                    continue
                for alias in node.names:
                    if _private(alias.name):
                        found.append(f"{path.name}:{node.lineno} {module} {alias.name}")
                    elif f"{module}.{alias.name}" in modules:
                        aliases[alias.asname or alias.name] = f"{module}.{alias.name}"
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and _private(node.attr):
                value = node.value
                while isinstance(value, ast.Attribute):
                    value = value.value
                if isinstance(value, ast.Name) and value.id in aliases:
                    found.append(f"{path.name}:{node.lineno} {aliases[value.id]} {node.attr}")
    return found


def test_no_private_name_crosses_modules() -> None:
    files = [*PACKAGE_DIR.rglob("*.py"), *SCRIPTS_DIR.glob("*.py")]
    assert len(files) > 100
    assert private_uses(files, PACKAGE_DIR) == []


def _package(tmp_path: Path, user: str) -> Path:
    """A small package ``pkg``: ``pkg/lib.py`` with a private helper, ``pkg/user.py``."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "lib.py").write_text("def _helper():\n    return 1\n\ndef helper():\n    return 2\n")
    (package / "user.py").write_text(textwrap.dedent(user))
    return package


def test_control_private_import_is_found(tmp_path: Path) -> None:
    package = _package(tmp_path, "from pkg.lib import _helper, helper\n")
    assert private_uses(list(package.rglob("*.py")), package) == ["user.py:1 pkg.lib _helper"]


def test_control_relative_private_import_is_found(tmp_path: Path) -> None:
    package = _package(tmp_path, "from .lib import _helper\n")
    assert private_uses(list(package.rglob("*.py")), package) == ["user.py:1 pkg.lib _helper"]


def test_control_private_attribute_of_a_module_is_found(tmp_path: Path) -> None:
    package = _package(tmp_path, "from pkg import lib\n\n\ndef f():\n    return lib._helper()\n")
    assert private_uses(list(package.rglob("*.py")), package) == ["user.py:5 pkg.lib _helper"]


def test_control_public_names_pass(tmp_path: Path) -> None:
    package = _package(tmp_path, "import pkg.lib\nfrom pkg.lib import helper\n\nhelper()\n")
    assert private_uses(list(package.rglob("*.py")), package) == []
