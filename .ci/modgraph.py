#!/usr/bin/env python3
"""Import cycles between the crate's modules (issue 13: no module imports its caller).

    .ci/modgraph.py [--depth N] [PREFIX]     e.g. .ci/modgraph.py crate::relay

Nodes are the module files under src/ (src/a/b.rs and src/a/b/mod.rs are crate::a::b).
An edge M -> T is any `crate::`, `super::` or `self::` path in M's non-test code (use
lines, with their braces expanded, and paths written inline) naming an item of T: the
path is resolved to the deepest module file it names. Edges to one of M's own ancestors
are left out: a parent's items are the layer its children share (relay::Snapshot), and
a child module holding part of its parent's impl (queue::manager::scheduler) is the
parent split in files, not a caller. Test code is left out: what follows the first
`#[cfg(test)]` in a file, and modules declared `#[cfg(test)] mod x;`.

With --depth N each module stands for its ancestor N levels below `crate` (--depth 1:
the layers cli, cmdlets, state, policy, relay, ...; --depth 2: relay::smtp, relay::queue,
...), so a cycle between two subtrees shows even when no two files form one.

Prints every strongly connected component of two or more modules (a cycle), each edge
in it with the file and line that makes it, and exits 1 when there is one; with PREFIX,
only cycles among modules under PREFIX. Exits 0 and prints "no cycles" otherwise.
"""
import os
import re
import sys

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def module_of(path):
    rel = os.path.relpath(path, SRC)[:-3].split(os.sep)
    if rel in (["lib"], ["main"]):
        return "crate"
    if rel[-1] == "mod":
        rel = rel[:-1]
    return "::".join(["crate"] + rel)


def is_dir_module(path):
    return os.path.basename(path) in ("mod.rs", "lib.rs", "main.rs")


def expand_use(text):
    """`a::{b, c::{d, e}}` -> [a::b, a::c::d, a::c::e]."""
    text = re.sub(r"\s+as\s+\w+", "", text)
    text = re.sub(r"\s+", "", text)
    i = text.find("{")
    if i < 0:
        return [text]
    prefix, inner = text[:i], text[i + 1 : text.rfind("}")]
    parts, depth, cur = [], 0, ""
    for ch in inner:
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        depth += ch == "{"
        depth -= ch == "}"
        cur += ch
    parts.append(cur)
    out = []
    for p in filter(None, parts):
        out += [prefix + q for q in expand_use(p)]
    return out


def absolute(path, module, dir_module):
    """A `crate::`/`super::`/`self::` path made absolute from `module`."""
    segs = path.split("::")
    if segs[0] == "crate":
        return segs
    base = module.split("::")
    # In a file module (a/b.rs) `super` is a; in a directory module (a/mod.rs) it is
    # a's parent. `self` is the module itself either way.
    if segs[0] == "self":
        return base + segs[1:]
    while segs and segs[0] == "super":
        base = base[:-1]
        segs = segs[1:]
    return base + segs


def main():
    args = sys.argv[1:]
    depth = None
    if args[:1] == ["--depth"]:
        depth = int(args[1])
        args = args[2:]
    prefix = args[0] if args else "crate"
    files = {}
    for root, _, names in os.walk(SRC):
        for n in names:
            if n.endswith(".rs"):
                p = os.path.join(root, n)
                if os.path.relpath(p, SRC) == "main.rs":
                    continue
                files[module_of(p)] = p
    # Modules declared `#[cfg(test)] mod x;` (test files) are test code too.
    for mod, path in list(files.items()):
        text = open(path, encoding="utf-8").read()
        for m in re.finditer(r"#\[cfg\(test\)\]\s*(?:pub\s+)?mod\s+(\w+)\s*;", text):
            files.pop(f"{mod}::{m.group(1)}", None)
    modules = set(files)
    edges = {}  # (from, to) -> first evidence
    for mod, path in sorted(files.items()):
        text = open(path, encoding="utf-8").read()
        cut = text.find("#[cfg(test)]")
        if cut >= 0:
            text = text[:cut]
        code = re.sub(r"//[^\n]*", "", text)
        code = re.sub(r'"(\\.|[^"\\])*"', '""', code)
        refs = []
        for m in re.finditer(r"\buse\s+((?:crate|super|self)::[^;]+);", code):
            line = code.count("\n", 0, m.start()) + 1
            refs += [(p, line) for p in expand_use(m.group(1))]
        for m in re.finditer(r"(?<![\w:])((?:crate|super|self)(?:::\w+)+)", code):
            line = code.count("\n", 0, m.start()) + 1
            refs.append((m.group(1), line))
        for ref, line in refs:
            segs = absolute(ref.split(" as ")[0], mod, is_dir_module(path))
            target = None
            for k in range(len(segs), 0, -1):
                cand = "::".join(segs[:k])
                if cand in modules:
                    target = cand
                    break
            if target is None:
                continue
            src, dst = mod, target
            if depth is not None:
                src = "::".join(mod.split("::")[: depth + 1])
                dst = "::".join(target.split("::")[: depth + 1])
            if dst == src or src.startswith(dst + "::") or dst.startswith(src + "::"):
                continue
            edges.setdefault((src, dst), f"{os.path.relpath(path, SRC + '/..')}:{line}: {ref}")
    if depth is not None:
        modules = {"::".join(m.split("::")[: depth + 1]) for m in modules}
    graph = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
    # Tarjan's strongly connected components.
    index, low, stack, on, sccs, n = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = n[0]
        n[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(modules):
        if v not in index:
            visit(v)
    under = lambda m: m == prefix or m.startswith(prefix + "::")
    cycles = [c for c in sccs if len(c) > 1 and any(under(m) for m in c)]
    for c in cycles:
        print("cycle: " + ", ".join(c))
        for (a, b), why in sorted(edges.items()):
            if a in c and b in c:
                print(f"  {a} -> {b}    ({why})")
    if not cycles:
        print(f"no cycles among the modules under {prefix} ({len(modules)} modules, {len(edges)} edges)")
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main())
