"""No import cycle anywhere in ``privacy_audit``: the modules form a one-way graph.

The graph is read from the source with :mod:`ast`, without importing anything. Every
``import`` statement counts, also one deferred into a function body (deferring an import
hides a cycle from the interpreter, not from the reader); only imports under
``if TYPE_CHECKING:`` are left out, since they never run. ``from package import name``
points at the submodule ``package.name`` when there is one, else at ``package``.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import privacy_audit

PACKAGE_DIR = Path(privacy_audit.__file__).parent


def module_files(package_dir: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, is a package ``__init__``) for every module under it."""
    modules: dict[str, tuple[Path, bool]] = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        modules[".".join(parts)] = (path, is_package)
    return modules


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """Ids of the nodes inside ``if TYPE_CHECKING:`` blocks."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.If):
            continue
        test = node.test
        name = test.id if isinstance(test, ast.Name) else getattr(test, "attr", None)
        if name == "TYPE_CHECKING":
            for child in node.body:
                skipped.update(id(n) for n in ast.walk(child))
    return skipped


def import_graph(package_dir: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports (anywhere in its body)."""
    modules = module_files(package_dir)

    def owner(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, (path, is_package) in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        skipped = _type_checking_nodes(tree)
        here = name if is_package else name.rpartition(".")[0]
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = here
                    for _ in range(node.level - 1):
                        anchor = anchor.rpartition(".")[0]
                    base = f"{anchor}.{base}" if base else anchor
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                    for alias in node.names
                ]
            for target in targets:
                module = owner(target)
                if module is not None and module != name:
                    graph[name].add(module)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_privacy_audit_has_no_import_cycle() -> None:
    graph = import_graph(PACKAGE_DIR)
    assert len(graph) > 100  # every module was walked, sources/ and gui/ included
    assert "privacy_audit.analysis.rules" in graph["privacy_audit.analysis.audit"]
    assert cycles(graph) == []


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root / "pkg"


def test_control_a_planted_cycle_is_found(tmp_path: Path) -> None:
    package = _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from pkg.b import helper\n",
            "pkg/b.py": """
                def helper():
                    from pkg import a  # deferred, still a cycle

                    return a
            """,
            "pkg/sub/__init__.py": "",
            "pkg/sub/c.py": "from . import d\n",
            "pkg/sub/d.py": "from ..sub.c import x\n",
            "pkg/e.py": "import pkg.a\n",
        },
    )
    assert cycles(import_graph(package)) == [
        ["pkg.a", "pkg.b"],
        ["pkg.sub.c", "pkg.sub.d"],
    ]


def test_control_type_checking_imports_do_not_count(tmp_path: Path) -> None:
    package = _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from pkg.b import helper\n",
            "pkg/b.py": """
                from typing import TYPE_CHECKING

                if TYPE_CHECKING:
                    from pkg.a import Thing

                def helper(thing: "Thing") -> None: ...
            """,
        },
    )
    assert import_graph(package)["pkg.b"] == set()
    assert cycles(import_graph(package)) == []


#: the pipeline's layers, lowest first: a module may import its own layer and those below
LAYERS: tuple[tuple[str, ...], ...] = (
    ("sources", "model", "model_frames", "model_merge", "phones", "phones_fast", "phones_metadata"),
    ("analysis",),
    ("report",),
    ("gui", "commands"),
)


def _layer_of(module: str) -> int | None:
    """The index of the layer ``privacy_audit.<top>...`` belongs to, or None (shared)."""
    parts = module.split(".")
    if len(parts) < 2:
        return None
    for index, tops in enumerate(LAYERS):
        if parts[1] in tops:
            return index
    return None


def upward_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Every (importer, imported) pair where a lower layer imports a higher one."""
    found = []
    for module, targets in sorted(graph.items()):
        low = _layer_of(module)
        if low is None:
            continue
        for target in sorted(targets):
            high = _layer_of(target)
            if high is not None and high > low:
                found.append((module, target))
    return found


def test_pipeline_imports_run_one_way() -> None:
    """sources/model/phones -> analysis -> report -> gui/commands, never back up."""
    assert upward_imports(import_graph(PACKAGE_DIR)) == []


def test_control_an_upward_import_is_found(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "privacy_audit/__init__.py": "",
            "privacy_audit/analysis/__init__.py": "",
            "privacy_audit/analysis/rules.py": "from privacy_audit.report.fmt import number\n",
            "privacy_audit/report/__init__.py": "",
            "privacy_audit/report/fmt.py": "number = str\n",
        },
    )
    assert upward_imports(import_graph(tmp_path / "privacy_audit")) == [
        ("privacy_audit.analysis.rules", "privacy_audit.report.fmt")
    ]
