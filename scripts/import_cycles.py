"""Fail when project modules import each other in a cycle (function-local imports included).

    .venv/bin/python scripts/import_cycles.py

Uses grimp, the import graph builder under import-linter, and Tarjan's
strongly connected components: any component of more than one module, or a
module importing itself, is a cycle. `make lint` runs this after lint-imports.
"""

from __future__ import annotations

import sys
from pathlib import Path

import grimp

PACKAGES = ("config", "workspace", "intake", "screening", "documents", "applicants", "samples")


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            components.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import_graph = grimp.build_graph(*PACKAGES, include_external_packages=False)
    edges = {module: set(import_graph.find_modules_directly_imported_by(module)) for module in import_graph.modules}
    cycles = [c for c in strongly_connected(edges) if len(c) > 1 or c[0] in edges.get(c[0], set())]
    for cycle in cycles:
        print("import cycle: " + " <-> ".join(cycle))
    print(f"{len(edges)} modules, {sum(len(t) for t in edges.values())} imports, {len(cycles)} cycle(s)")
    return 1 if cycles else 0


if __name__ == "__main__":
    raise SystemExit(main())
