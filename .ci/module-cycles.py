#!/usr/bin/env python3
"""Fails when two modules import each other, directly or around a loop.

Checked at every level: between the top-level modules of src/ (state, policy, cli, ...) and
between the modules inside one directory (cmdlets/*, relay/smtp/*). A module's imports are
the `crate::` and `super::` paths its non-test code names (`tests.rs` files and what follows
`#[cfg(test)]` are tests). A parent's mod.rs naming its own
children is how Rust declares them, so only edges between siblings count.
Usage: .ci/module-cycles.py [--known DIR]... [SRC_DIR]   (default: src)
--known DIR reports the loops inside DIR without failing: for a directory whose split is
under way on another branch, so CI guards every other place meanwhile.
"""
import re
import sys
from collections import defaultdict
from pathlib import Path

args = sys.argv[1:]
known = set()
while args[:1] == ["--known"] and len(args) > 1:
    known.add(args[1].rstrip("/"))
    args = args[2:]
src = Path(args[0] if args else "src")
ident = r"[A-Za-z_][A-Za-z0-9_]*"


def module_path(f: Path) -> list:
    parts = list(f.relative_to(src).with_suffix("").parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts.pop()
    return parts


def expand(prefix: list, body: str) -> list:
    """`a::{b, c::{d}}` into [a, b], [a, c, d] (only the leading components matter)."""
    out, depth, item = [], 0, ""
    for ch in body + ",":
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "," and depth == 0:
            item = item.strip()
            if item:
                head = re.match(rf"((?:{ident}::)*)(\{{.*\}}|{ident})?", item, re.S)
                path = [p for p in head.group(1).split("::") if p]
                rest = head.group(2) or ""
                if rest.startswith("{"):
                    out += expand(prefix + path, rest[1:-1])
                else:
                    out.append(prefix + path + ([rest] if rest and rest != "self" else []))
            item = ""
        else:
            item += ch
    return out


def references(f: Path, me: list) -> list:
    text = f.read_text()
    text = text.split("#[cfg(test)]")[0]
    text = re.sub(r"//[^\n]*", "", text)
    refs = []
    for root, body in re.findall(r"\b(crate|super)::((?:\{[^;]*?\}|[\w:]+))", text):
        # `super` of a file module is its directory; of a mod.rs, the directory's parent.
        base = [] if root == "crate" else me[:-1]
        if body.startswith("{"):
            refs += expand(base, body[1:-1])
        else:
            refs += expand(base, body)
    return refs


edges = defaultdict(set)  # directory (tuple) -> {(from, to)}
for f in sorted(src.rglob("*.rs")):
    if f.name == "tests.rs":  # a `#[cfg(test)] mod tests;` of its directory
        continue
    me = module_path(f)
    for ref in references(f, me):
        i = 0
        while i < len(me) and i < len(ref) and me[i] == ref[i]:
            i += 1
        if i < len(me) and i < len(ref):
            edges[tuple(me[:i])].add((me[i], ref[i]))

failed = False
for where, pairs in sorted(edges.items()):
    graph = defaultdict(set)
    for a, b in pairs:
        graph[a].add(b)
    # Tarjan's strongly connected components: any with two or more members is a loop.
    index, low, stack, on, sccs = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            scc = []
            while True:
                w = stack.pop()
                on.discard(w)
                scc.append(w)
                if w == v:
                    break
            if len(scc) > 1:
                sccs.append(sorted(scc))

    for v in list(graph):
        if v not in index:
            visit(v)
    place = "src/" + "/".join(where) if where else "src"
    for scc in sccs:
        failed = failed or place not in known
        loop = ", ".join(f"{a} -> {b}" for a, b in sorted(pairs) if a in scc and b in scc)
        note = " (known, not failing)" if place in known else ""
        print(f"{place}: modules import each other: {loop}{note}")

if failed:
    print("help: move what both sides need into the lower module, so only one imports the other")
    sys.exit(1)
