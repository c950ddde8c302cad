"""``verolint tree``: the article tree as indented text or nested JSON."""

from __future__ import annotations

from .model import Document, Node


def _span(doc: Document, node: Node) -> dict:
    line, col = doc.position(node.start)
    end_line, end_col = doc.position(node.end)
    return {"start": {"line": line, "column": col}, "end": {"line": end_line, "column": end_col}}


def tree_json(doc: Document) -> dict:
    def convert(node: Node) -> dict:
        out = {
            "kind": node.kind.value,
            "number": node.number,
            "title": node.title,
            "path": node.path,
            "span": _span(doc, node),
            "children": [convert(c) for c in node.children],
        }
        return out

    root = convert(doc.root)
    root["title"] = doc.title
    root["file"] = doc.path
    root["format"] = doc.format
    root["meta"] = {k: v for k, v in doc.meta.items() if isinstance(v, (str, int, float))}
    return root


def tree_text(doc: Document) -> str:
    lines = [f"{doc.path}: {doc.title or '(zonder titel)'}"]

    def walk(node: Node, depth: int) -> None:
        for child in node.children:
            line = doc.position(child.start)[0]
            end = doc.position(child.end)[0]
            label = child.label
            title = f" {child.title}" if child.title else ""
            snippet = ""
            if not child.title and child.own_text:
                text = child.own_text
                snippet = f"  «{text[:60]}{'…' if len(text) > 60 else ''}»"
            lines.append(f"{'  ' * depth}{label}{title}  (r. {line}–{end}){snippet}")
            walk(child, depth + 1)

    walk(doc.root, 1)
    return "\n".join(lines) + "\n"
