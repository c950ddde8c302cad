"""occurrence: too many (or too few) hits of a phrase list within one unit.

    - code: LNG102
      kind: occurrence
      category: language-level
      scope: sentence
      phrases: [niet, geen, nooit, niemand, niets]
      max: 1
      message: "{count} ontkenningen in één zin: lezers raken de draad kwijt."
"""

from __future__ import annotations

from . import YamlRule


class OccurrenceRule(YamlRule):
    kind = "occurrence"
    kind_keys = {"phrases", "patterns", "max", "min", "max-gap"}

    def __init__(self, spec, where):
        super().__init__(spec, where)
        self.match = self.matcher(spec)
        self.max = spec.get("max")
        self.min = spec.get("min")
        for key in ("max", "min"):
            value = spec.get(key)
            if value is not None and (not isinstance(value, int) or value < 0):
                where.fail(f"{key} moet een geheel getal ≥ 0 zijn", self.code, key)
        if self.max is None and self.min is None:
            where.fail("geef max of min", self.code)

    def check(self, doc, ctx):
        for start, end, node in self.units(ctx.analysis):
            hits = list(self.match.finditer(ctx.analysis, start, end))
            count = len(hits)
            too_many = self.max is not None and count > self.max
            too_few = self.min is not None and count < self.min
            if not (too_many or too_few):
                continue
            a, b = (hits[0][0], hits[-1][1]) if hits else (start, min(end, start + 1))
            found = ", ".join(dict.fromkeys(doc.text[x:y].lower() for x, y, _ in hits))
            yield ctx.finding(
                a, b,
                self.format(self.message, count=count, max=self.max, min=self.min, matches=found),
                node=node if self.scope != "sentence" else None,
                suggestion=self.format(self.suggestion_template, count=count, matches=found),
            )
