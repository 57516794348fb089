#!/usr/bin/env python3
"""layers.py [SRC] - keep the layering of src/ true.

The folders of src/ are layers, lowest first (LAYERS below).  A file may
include headers of its own folder and of lower layers only; folders of the
same rank (drills/ and configs/) are siblings and may not include each other.
Every project include is written "folder/name.h" so the layer is visible at
the include line.  A module is NAME.c + NAME.h; an edge is an include of
another module's header; any strongly connected component of more than one
module is a circle.

Prints every violation, then one line:
  "layers: M modules in F folders, C circles, U upward includes"
and exits 1 when anything is wrong (run by `make check`).
"""
import os
import re
import sys

# folder -> rank; equal ranks are siblings.
LAYERS = {
    "base": 0,      # error, strings, hashing, threads, XML in/out: no domain
    "model": 1,     # questionnaire, assessment, durations, dates, findings
    "evidence": 2,  # workspace inventory, text/line reading, patterns, secrets
    "drills": 3,    # drill records and their readers (text, JUnit, RDS, FIS)
    "configs": 3,   # exported AWS configurations
    "results": 4,   # the results database (write and read back)
    "checks": 5,    # the check registry and every check
    "reports": 6,   # HTML, JSON, JUnit, OSCAL, calendar
    "run": 7,       # options and the assessment pipeline
    "package": 8,   # the review package: bag, zip, signature
    "cli": 9,       # main and one file per command
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "src"
    problems = []
    modules = {}      # name -> folder
    deps = {}         # name -> set of names
    folders = set()
    for folder in sorted(os.listdir(root)):
        path = os.path.join(root, folder)
        if not os.path.isdir(path):
            continue
        if folder not in LAYERS:
            problems.append(f"{path}: folder is not a known layer (tools/layers.py)")
            continue
        folders.add(folder)
        for name in sorted(os.listdir(path)):
            if name.endswith((".c", ".h")):
                modules.setdefault(os.path.splitext(name)[0], folder)
    for f in sorted(os.listdir(root)):
        if f.endswith((".c", ".h")):
            problems.append(f"{root}/{f}: file outside a layer folder")
    for folder in sorted(folders):
        path = os.path.join(root, folder)
        for name in sorted(os.listdir(path)):
            if not name.endswith((".c", ".h")):
                continue
            mod = os.path.splitext(name)[0]
            fpath = os.path.join(path, name)
            with open(fpath, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
            for m in INCLUDE.finditer(text):
                inc = m.group(1)
                line = text.count("\n", 0, m.start()) + 1
                where = f"{fpath}:{line}"
                parts = inc.split("/")
                if len(parts) != 2 or parts[0] not in LAYERS:
                    problems.append(f'{where}: include "{inc}" is not "layer/name.h"')
                    continue
                if not os.path.exists(os.path.join(root, inc)):
                    problems.append(f'{where}: include "{inc}" does not exist')
                    continue
                target_folder, target = parts[0], os.path.splitext(parts[1])[0]
                if target_folder != folder and LAYERS[target_folder] >= LAYERS[folder]:
                    kind = "sideways" if LAYERS[target_folder] == LAYERS[folder] else "upward"
                    problems.append(f'{where}: {kind} include "{inc}" '
                                    f"({folder}/ may include only lower layers)")
                if target != mod:
                    deps.setdefault(mod, set()).add(target)
    circles = strongly_connected(modules, deps)
    for c in circles:
        problems.append("circle: " + " -> ".join(c))
    upward = sum(1 for p in problems if "upward include" in p or "sideways include" in p)
    for p in problems:
        print(p)
    print(f"layers: {len(modules)} modules in {len(folders)} folders, "
          f"{len(circles)} circles, {upward} upward includes")
    return 1 if problems else 0


def strongly_connected(modules, deps):
    """Tarjan's algorithm, iterative; components of more than one module."""
    index, low, on, stack, out = {}, {}, set(), [], []
    counter = 0
    for start in sorted(modules):
        if start in index:
            continue
        work = [(start, iter(sorted(deps.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in modules:
                    continue
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(deps.get(w, ())))))
                    advanced = True
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


if __name__ == "__main__":
    sys.exit(main())
