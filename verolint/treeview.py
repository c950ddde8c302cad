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
            **({"laws": list(node.laws)} if node.laws else {}),
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
    root["diagnostics"] = [
        {"code": d.code, "line": doc.position(d.start)[0], "message": d.message, "unsure": d.unsure}
        for d in doc.diagnostics
    ]
    if doc.layout_notes is not None:
        root["layout"] = [{"line": line, "read_as": what} for line, what in doc.layout_notes]
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


def with_layout_notes(doc: Document) -> Document:
    """The same document read again with a note per line (text, Markdown and Word)."""
    if doc.layout_notes is not None or doc.format not in ("text", "markdown", "docx"):
        return doc
    from .readers.plaintext import build_document

    again = build_document(doc.source, doc.path, "markdown" if doc.format == "markdown" else "text", explain=True)
    again.format, again.line_map, again.meta = doc.format, doc.line_map, doc.meta
    return again


def explain_text(doc: Document) -> str:
    """Every line of the source with how the reader read it, then the reader's doubts."""
    out = [f"{doc.path}: hoe elke regel is gelezen"]
    notes = dict(doc.layout_notes or [])
    if not notes:
        out.append("  (voor dit formaat leest verolint de structuur uit de elementen zelf; zie 'verolint tree')")
    source_lines = doc.source.split("\n")
    for number, what in sorted(notes.items()):
        text = source_lines[number - 1].strip() if 0 < number <= len(source_lines) else ""
        text = text if len(text) <= 50 else text[:49] + "…"
        out.append(f"  r. {number:>4}  {what:<44}  {text}")
    if doc.diagnostics:
        out.append("twijfel van de lezer:")
        for d in doc.diagnostics:
            out.append(f"  r. {doc.position(d.start)[0]:>4}  {d.code} {d.message}")
    return "\n".join(out) + "\n"
