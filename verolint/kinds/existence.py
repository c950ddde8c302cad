"""existence: flag every occurrence of a phrase or pattern.

    - code: STR101
      kind: existence
      category: structure
      patterns: ['\\[(?:naam gemeente|datum)\\]']
      message: "Sjabloonrest '{match}' staat nog in de tekst."
"""

from __future__ import annotations

from . import YamlRule


class ExistenceRule(YamlRule):
    kind = "existence"
    kind_keys = {"phrases", "patterns", "max-gap", "unless"}

    def __init__(self, spec, where):
        super().__init__(spec, where)
        self.match = self.matcher(spec)
        unless = spec.get("unless")
        # "unless": phrases/patterns that, when present in the same unit, excuse it
        self.unless = self.matcher(unless) if unless else None

    def check(self, doc, ctx):
        for start, end, node in self.units(ctx.analysis):
            hits = list(self.match.finditer(ctx.analysis, start, end))
            if not hits:
                continue
            if self.unless is not None and next(self.unless.finditer(ctx.analysis, start, end), None):
                continue
            for a, b, _ in hits:
                match = doc.text[a:b]
                yield ctx.finding(
                    a, b,
                    self.format(self.message, match=match),
                    suggestion=self.format(self.suggestion_template, match=match),
                )
