"""No handler in the core catches every exception and carries on.

A bug in our code is never turned into a warning: outside ``gui/`` no ``except:``,
``except Exception`` or ``except BaseException`` (alone or in a tuple), and no
``contextlib.suppress`` of them, unless the handler ends by raising again (cleanup on
the way out). Read from the source with :mod:`ast`; controls plant each kind of broad
catch and show the check finds it, and that a cleanup which raises again is allowed.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import privacy_audit

PACKAGE_DIR = Path(privacy_audit.__file__).parent
BROAD = frozenset({"Exception", "BaseException"})


def _names(node: ast.expr | None) -> set[str]:
    """The exception names an ``except`` clause (or a suppress call) lists."""
    if node is None:
        return set()
    items = node.elts if isinstance(node, ast.Tuple) else [node]
    return {n.id if isinstance(n, ast.Name) else getattr(n, "attr", "") for n in items}


def broad_catches(source: str, name: str = "<source>") -> list[int]:
    """Line numbers of the handlers in ``source`` that catch everything and carry on."""
    found = []
    for node in ast.walk(ast.parse(source, filename=name)):
        if isinstance(node, ast.ExceptHandler):
            broad = node.type is None or bool(_names(node.type) & BROAD)
            raises_again = bool(node.body) and isinstance(node.body[-1], ast.Raise)
            if broad and not raises_again:
                found.append(node.lineno)
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if called == "suppress" and any(_names(arg) & BROAD for arg in node.args):
                found.append(node.lineno)
    return found


def core_sources(package: Path) -> list[Path]:
    """Every module file of the package outside ``gui/``."""
    return [p for p in sorted(package.rglob("*.py")) if "gui" not in p.relative_to(package).parts]


def test_the_core_has_no_broad_catch() -> None:
    files = core_sources(PACKAGE_DIR)
    assert any(p.parts[-3:] == ("sources", "meta", "extract.py") for p in files)
    found = {
        str(p.relative_to(PACKAGE_DIR)): lines
        for p in files
        if (lines := broad_catches(p.read_text(encoding="utf-8"), str(p)))
    }
    assert found == {}


def test_control_every_kind_of_broad_catch_is_found() -> None:
    source = textwrap.dedent(
        """
        import contextlib

        try:
            read()
        except Exception:
            warn()
        try:
            read()
        except (ValueError, BaseException) as exc:
            warn(exc)
        try:
            read()
        except:
            pass
        with contextlib.suppress(Exception):
            read()
        try:
            read()
        except BaseException:
            cleanup()
            raise
        try:
            read()
        except (ValueError, OSError):
            warn()
        """
    )
    assert broad_catches(source) == [6, 10, 14, 16]


def test_control_the_walk_skips_only_gui(tmp_path: Path) -> None:
    for rel in ("gui/window.py", "sources/meta/reader.py", "guide.py"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in core_sources(tmp_path)] == [
        "guide.py",
        "sources/meta/reader.py",
    ]
