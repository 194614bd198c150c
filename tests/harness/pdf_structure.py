"""A PDF's accessibility, read back from its structure with pikepdf, as axe reads a page: a
title shown as the window's title, a language, tags (a structure tree, marked content),
headings that never skip a level (H1 then H3), and alternative text on every figure."""

import io
import re

import pikepdf

_HEADING = re.compile(r"^/H([1-6])$")


def _elements(node, role_map):
    """The structure elements under `node`, in reading order, each with its standard type."""
    if isinstance(node, pikepdf.Array):
        for kid in node:
            yield from _elements(kid, role_map)
        return
    if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
        return
    kind = str(node.S)
    seen = set()
    while kind in role_map and kind not in seen:  # a custom type names a standard one
        seen.add(kind)
        kind = str(role_map[kind])
    yield kind, node
    if "/K" in node:
        yield from _elements(node.K, role_map)


def pdf_accessibility_problems(data: bytes) -> list[str]:
    problems = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        if not str(pdf.docinfo.get("/Title", "")).strip():
            problems.append("no title")
        if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
            problems.append("the title is not shown as the window's title (DisplayDocTitle)")
        if not str(root.get("/Lang", "")).strip():
            problems.append("no language")
        if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
            problems.append("not marked as tagged (MarkInfo)")
        if "/StructTreeRoot" not in root:
            problems.append("no tags (StructTreeRoot)")
            return problems
        tree = root.StructTreeRoot
        role_map = {str(key): value for key, value in tree.get("/RoleMap", {}).items()}
        level = 0
        for kind, element in _elements(tree.get("/K", pikepdf.Array()), role_map):
            heading = _HEADING.match(kind)
            if heading:
                new = int(heading.group(1))
                if new > level + 1:
                    problems.append(f"a heading jumps from {'H' + str(level) if level else 'the start'} to H{new}")
                level = new
            if kind in ("/Figure", "/Formula") and not str(element.get("/Alt", element.get("/ActualText", ""))).strip():
                problems.append(f"a {kind[1:].lower()} without alternative text")
    return problems
