#!/usr/bin/env python3
"""Fails when the bench scripts import each other in a cycle (CI runs it; standard library only).

Reads every bench/*.py with ast (or every *.py of each FOLDER given, e.g. scripts/), takes each `import X` and
`from X import ...` that names another script of the same folder, wherever it stands (the top of the file or
inside a function), prints the graph, and exits 1 with the cycle when there is one.

usage: check_imports.py [--quiet] [FOLDER]...
"""
import ast, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def graph(folder=HERE):
    """{module: sorted bench modules it imports} for every .py file of the folder."""
    modules = {f[:-3] for f in os.listdir(folder) if f.endswith(".py")}
    out = {}
    for m in sorted(modules):
        with open(os.path.join(folder, m + ".py"), encoding="utf-8") as fh:
            tree = ast.parse(fh.read(), m + ".py")
        deps = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                deps.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                deps.add(node.module.split(".")[0])
        out[m] = sorted((deps & modules) - {m})
    return out


def cycle(g):
    """One cycle of the graph as a list of modules (the first repeated at the end), or None."""
    state = {}  # 1: on the current path, 2: done

    def visit(m, path):
        state[m] = 1
        path.append(m)
        for d in g[m]:
            if state.get(d) == 1:
                return path[path.index(d):] + [d]
            if d not in state:
                found = visit(d, path)
                if found:
                    return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(g):
        if m not in state:
            found = visit(m, [])
            if found:
                return found
    return None


def main():
    folders = [a for a in sys.argv[1:] if a != "--quiet"] or [HERE]
    failed = False
    for folder in folders:
        g = graph(folder)
        if "--quiet" not in sys.argv[1:]:
            for m, deps in g.items():
                print(f"{m}: {', '.join(deps) if deps else '-'}")
        c = cycle(g)
        if c:
            name = os.path.basename(os.path.normpath(folder))
            print(f"{name}/ imports in a cycle: " + " -> ".join(c), file=sys.stderr)
            failed = True
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
