"""conditional: when the text uses A, the document must also contain B.

    - code: OMG101
      kind: conditional
      category: definition
      if:
        phrases: [we beslissen, wij beslissen]
      then:
        patterns: ['\\b(?:we|wij)\\b[^.:\\n]{0,20}:\\s*(?:het\\s+)?college']
      message: "'{match}': wie is 'we'? Leg vast dat 'we' het college is."

The finding is placed on the first occurrence of A (once per document, or on
every occurrence with ``each: true``).
"""

from __future__ import annotations

from . import YamlRule


class ConditionalRule(YamlRule):
    kind = "conditional"
    kind_keys = {"if", "then", "each"}

    def __init__(self, spec, where):
        super().__init__(spec, where)
        for key in ("if", "then"):
            if not isinstance(spec.get(key), dict):
                where.fail(f"'{key}' moet phrases of patterns bevatten", self.code, key)
        self.first = self.matcher(spec["if"])
        self.second = self.matcher(spec["then"])
        self.each = bool(spec.get("each", False))

    def check(self, doc, ctx):
        if doc.structure_unsure:
            return  # "nowhere does it say ..." is a claim about the whole document: not on a doubtful tree
        hits = [
            (a, b)
            for start, end, _node in self.units(ctx.analysis)
            for a, b, _ in self.first.finditer(ctx.analysis, start, end)
        ]
        if not hits:
            return
        if next(self.second.finditer(ctx.analysis, 0, len(doc.text)), None) is not None:
            return
        for a, b in hits if self.each else hits[:1]:
            match = doc.text[a:b]
            yield ctx.finding(
                a, b,
                self.format(self.message, match=match),
                suggestion=self.format(self.suggestion_template, match=match),
            )
