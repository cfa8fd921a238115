"""The layout's rules, checked on the source with ``ast``: imports flow app → search → indexer,
and no two project modules import each other (directly or through others), function-level and
``TYPE_CHECKING`` imports included."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("indexer", "search", "app")
LAYER = {"indexer": 0, "search": 1, "app": 2}


def _modules() -> dict[str, Path]:
    """Dotted module name → file, for every module of the three packages."""
    out = {}
    for pkg in PACKAGES:
        for path in sorted((REPO / pkg).rglob("*.py")):
            parts = list(path.relative_to(REPO).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Project modules that ``name`` imports anywhere in its file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_pkg = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pkg = name.split(".") if is_pkg else name.split(".")[:-1]
                pkg = pkg[: len(pkg) - (node.level - 1)]
                base = ".".join(pkg + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        for t in targets:
            while t and t not in modules:  # longest prefix that is a project module
                t = t.rpartition(".")[0]
            if t and t != name:
                found.add(t)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {m: _imports(m, p, modules) for m, p in modules.items()}


def test_layout_has_one_room_per_job() -> None:
    for pkg in ("search/duplicates", "search/simplify", "app/web", "app/commands"):
        init = REPO / pkg / "__init__.py"
        assert init.is_file(), pkg
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), f"{pkg}/__init__.py needs a docstring"


def test_imports_flow_app_search_indexer() -> None:
    upward = [f"{m} → {t}" for m, ts in _graph().items() for t in ts
              if LAYER[t.split(".")[0]] > LAYER[m.split(".")[0]]]
    assert not upward, "imports against the flow app → search → indexer:\n" + "\n".join(sorted(upward))


def test_no_import_circles() -> None:
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    assert not cycles, "modules importing each other:\n" + "\n".join(" ↔ ".join(c) for c in cycles)


def test_checker_sees_function_level_imports(tmp_path: Path) -> None:
    src = "def f():\n    from search.simplify.advisor import advise\n"
    path = tmp_path / "m.py"
    path.write_text(src, encoding="utf-8")
    modules = {"search.simplify.advisor": path, "indexer.x": path}
    assert _imports("indexer.x", path, modules) == {"search.simplify.advisor"}
