"""Every module, name and file of ``privacy_audit`` that the code's docstrings and comments,
the README and the docs mention exists.

Checked, read from the source (nothing is imported):

- a dotted name ``privacy_audit.a.b`` (also inside ``:mod:`` / ``:func:`` roles): the
  longest prefix that is a module, and after it a name the module defines at top level
  (function, class, assignment or import) or a submodule; ``Class.attr`` is looked up
  in the class body;
- a path ``privacy_audit/…``: the file or folder exists;
- a path ending in ``.py`` (``gui/webengine.py``, ``meta/spec.py``): some file of the
  repository ends with it.

The tests are left out: their controls name modules that do not exist on purpose.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import privacy_audit

PACKAGE_DIR = Path(privacy_audit.__file__).parent
ROOT = PACKAGE_DIR.parent
DOTTED = re.compile(r"(?<![\w./])privacy_audit(?:\.[A-Za-z_]\w*)+")
PACKAGE_PATH = re.compile(r"(?<![\w./-])privacy_audit/[\w./-]*\w")
PY_PATH = re.compile(r"(?<![\w./-])((?:[\w-]+/)*[\w-]+\.py)\b")


def documented_files(root: Path) -> list[Path]:
    """The files whose text is checked: the package (code, catalogs, templates, data),
    scripts, README, docs and build files."""
    package = root / "privacy_audit"
    files = [*package.rglob("*.py"), *(root / "scripts").glob("*.py")]
    files += [
        p for p in (package / "resources").rglob("*") if p.suffix in (".po", ".toml", ".html")
    ]
    files += [*(root / "docs").rglob("*.md"), *root.glob("*.md")]
    files += [p for p in (root / "Makefile", root / "pyproject.toml") if p.is_file()]
    files += [p for p in (root / "packaging").rglob("*") if p.is_file() and p.suffix != ".png"]
    return sorted(files)


@functools.cache
def _top_level(path: Path) -> dict[str, ast.AST]:
    """Names a module defines at top level (also under if/try), with their nodes."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: dict[str, ast.AST] = {}

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names[node.name] = node
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    for sub in ast.walk(target):
                        if isinstance(sub, ast.Name):
                            names[sub.id] = node
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    names[(alias.asname or alias.name).split(".")[0]] = node
            elif isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(node.orelse)
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(tree.body)
    return names


def _lazy(module: Path, name: str) -> ast.AST | None:
    """The module's ``__getattr__`` (PEP 562) when it answers ``name`` (the name is one of
    its string constants), else None."""
    hook = _top_level(module).get("__getattr__")
    if hook is None:
        return None
    strings = {n.value for n in ast.walk(hook) if isinstance(n, ast.Constant)}
    return hook if name in strings else None


def _class_names(node: ast.ClassDef) -> set[str]:
    """Methods, nested classes and attributes assigned in a class body."""
    names = set()
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(item.name)
        elif isinstance(item, (ast.Assign, ast.AnnAssign)):
            names.update(n.id for n in ast.walk(item) if isinstance(n, ast.Name))
    return names


def _module_path(root: Path, dotted: list[str]) -> Path | None:
    base = root.joinpath(*dotted)
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    return None


def dotted_exists(root: Path, name: str) -> bool:
    """True when ``privacy_audit.…`` names a module, or a name defined in one."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        module = _module_path(root, parts[:cut])
        if module is None:
            continue
        rest = parts[cut:]
        if not rest:
            return True
        node = _top_level(module).get(rest[0]) or _lazy(module, rest[0])
        if node is None:
            return False
        if len(rest) > 1 and isinstance(node, ast.ClassDef):
            return rest[1] in _class_names(node)
        return True
    return False


def stale_references(files: list[Path], root: Path) -> list[str]:
    """``file: reference`` for every mention of a module, name or file that does not exist."""
    every_py = [
        p.relative_to(root).as_posix() for p in root.rglob("*.py") if ".venv" not in p.parts
    ]
    found: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(root).as_posix()
        for match in DOTTED.finditer(text):
            if not dotted_exists(root, match.group(0)):
                found.append(f"{where}: {match.group(0)}")
        for match in PACKAGE_PATH.finditer(text):
            if not (root / match.group(0)).exists():
                found.append(f"{where}: {match.group(0)}")
        for match in PY_PATH.finditer(text):
            named = match.group(1)
            if not any(p == named or p.endswith("/" + named) for p in every_py):
                found.append(f"{where}: {named}")
    return sorted(set(found))


def test_every_mentioned_module_and_file_exists() -> None:
    files = documented_files(ROOT)
    assert any(p.name == "README.md" for p in files) and len(files) > 100
    assert stale_references(files, ROOT) == []


def _tree(tmp_path: Path, text: str) -> list[Path]:
    """A small repository: ``privacy_audit/lib.py`` and a README with ``text``."""
    package = tmp_path / "privacy_audit"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "lib.py").write_text(
        "import os\n\nLIMIT = 3\n\n\nclass Reader:\n    size = 1\n\n    def read(self):\n"
        "        return os.sep\n\n\ndef helper():\n    pass\n"
    )
    (tmp_path / "README.md").write_text(text)
    return documented_files(tmp_path)


def test_control_real_references_pass(tmp_path: Path) -> None:
    text = (
        "`privacy_audit.lib`, :func:`privacy_audit.lib.helper`, privacy_audit.lib.LIMIT, "
        "privacy_audit.lib.Reader.read, privacy_audit.lib.Reader.size, privacy_audit.sub, "
        "`privacy_audit/lib.py`, `privacy_audit/sub/`, `sub/__init__.py`, `lib.py`."
    )
    assert stale_references(_tree(tmp_path, text), tmp_path) == []


def test_control_stale_module_is_found(tmp_path: Path) -> None:
    files = _tree(tmp_path, "The PDF lives in :mod:`privacy_audit.report.pdf`.")
    assert stale_references(files, tmp_path) == ["README.md: privacy_audit.report.pdf"]


def test_control_stale_name_is_found(tmp_path: Path) -> None:
    files = _tree(tmp_path, "See privacy_audit.lib.gone and privacy_audit.lib.Reader.write.")
    assert stale_references(files, tmp_path) == [
        "README.md: privacy_audit.lib.Reader.write",
        "README.md: privacy_audit.lib.gone",
    ]


def test_control_stale_paths_are_found(tmp_path: Path) -> None:
    files = _tree(tmp_path, "Read `privacy_audit/report/pdf.py` and `sources/inputs.py`.")
    assert stale_references(files, tmp_path) == [
        "README.md: privacy_audit/report/pdf.py",
        "README.md: sources/inputs.py",
    ]
