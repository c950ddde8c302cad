"""required: each unit of the scope must contain a phrase or pattern.

    - code: STR102
      kind: required
      category: structure
      scope: document
      patterns: ['wordt\\s+aangehaald\\s+als', 'citeertitel']
      message: "De regeling heeft geen citeertitel."

With ``scope: artikel`` every article must contain it; with ``scope:
document`` (the default) the document as a whole.
"""

from __future__ import annotations

from . import YamlRule


class RequiredRule(YamlRule):
    kind = "required"
    kind_keys = {"phrases", "patterns", "max-gap", "when"}
    default_scope = "document"

    def __init__(self, spec, where):
        super().__init__(spec, where)
        self.match = self.matcher(spec)
        when = spec.get("when")
        # only require it in documents that contain "when" (e.g. only ordinances)
        self.when = self.matcher(when) if when else None

    def check(self, doc, ctx):
        if not doc.articles() or doc.structure_unsure:
            return  # nothing structured to require things of, or a tree the reader doubts (STR002/STR007 say so)
        if self.scope == "document" and ctx.analysis.excerpt:
            return  # a part of a regulation need not hold its slotbepalingen
        if self.when is not None and next(self.when.finditer(ctx.analysis, 0, len(doc.text)), None) is None:
            return
        if self.scope == "document":
            for part in doc.root.children:
                if self._keep(part) and next(self.match.finditer(ctx.analysis, part.start, part.end), None):
                    return
            title = doc.title or "<naam van de verordening>"
            yield ctx.at_document(self.message, suggestion=self.format(self.suggestion_template, title=title))
            return
        for start, end, node in self.units(ctx.analysis):
            if next(self.match.finditer(ctx.analysis, start, end), None) is None:
                yield ctx.at_node(node, self.format(self.message, node=node.path), suggestion=self.suggestion_template)
