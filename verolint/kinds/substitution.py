"""substitution: a word or phrase with a plainer or correct alternative.

    - code: LNG101
      kind: substitution
      category: language-level
      message: "'{match}' is ambtelijk; schrijf '{use}'."
      swap:
        - phrase: indien
          use: als
          reason: gewoon Nederlands
          safe: true

Entries marked ``safe: true`` can be applied by ``--fix``: the replacement
keeps the capital of the original.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Category, Fix
from . import YamlRule

_ENTRY_KEYS = {"phrase", "phrases", "pattern", "use", "reason", "safe"}


@dataclass(frozen=True)
class Swap:
    use: str
    reason: str
    safe: bool


def _recase(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class SubstitutionRule(YamlRule):
    kind = "substitution"
    kind_keys = {"swap", "max-gap"}

    def __init__(self, spec, where):
        super().__init__(spec, where)
        entries = spec.get("swap")
        if not isinstance(entries, list) or not entries:
            where.fail("swap moet een lijst met vervangingen zijn", self.code, "swap")
        phrases, patterns = [], []
        for entry in entries:
            if not isinstance(entry, dict) or "use" not in entry:
                where.fail("elke vervanging heeft 'use' en 'phrase' of 'pattern'", self.code, "swap")
            bad = set(entry) - _ENTRY_KEYS
            if bad:
                where.fail(f"vervanging kent {sorted(bad)} niet", self.code, "swap")
            swap = Swap(str(entry["use"]), str(entry.get("reason") or ""), bool(entry.get("safe", False)))
            for p in entry.get("phrases") or ([entry["phrase"]] if "phrase" in entry else []):
                phrases.append((p, swap))
            if "pattern" in entry:
                patterns.append((entry["pattern"], swap))
        self.fixable = any(s.safe for _, s in phrases + patterns)
        # public: the language model reads the jargon packs' lists (rules/language.py)
        self.phrases, self.patterns = phrases, patterns
        self.allow: set[str] = set()
        self.match = self.build_matcher(phrases, patterns, spec.get("max-gap", 6))
        # drafters extend or override a list in their configuration
        self.options = {"allow": [], "extra": []}

    def validate_options(self, where) -> None:
        from ..errors import ConfigError

        allow = {str(a).casefold() for a in self.options.get("allow") or []}
        self.allow = allow
        extra = self.options.get("extra") or []
        if not extra:
            return
        phrases = list(self.phrases)
        for entry in extra:
            if not isinstance(entry, dict) or "use" not in entry or "phrase" not in entry:
                raise ConfigError(f"regel {self.code}: elk 'extra'-item heeft 'phrase' en 'use'", *where)
            phrases.append((str(entry["phrase"]), Swap(str(entry["use"]), str(entry.get("reason") or ""), bool(entry.get("safe", False)))))
        self.phrases = phrases
        try:
            from . import Matcher

            self.match = Matcher(phrases, self.patterns, guarded=self.match.guarded)
        except ValueError as exc:
            raise ConfigError(f"regel {self.code}: {exc}", *where) from None

    def check(self, doc, ctx):
        for start, end, node in self.units(ctx.analysis):
            for a, b, swap in self.match.finditer(ctx.analysis, start, end):
                match = doc.text[a:b]
                if match.casefold() in self.allow:
                    continue
                if self.category is Category.LANGUAGE_LEVEL and a in ctx.analysis.protected:
                    continue  # the law's words, a defined term or a quote are not reworded for style
                use = _recase(match, swap.use)
                reason = f" ({swap.reason})" if swap.reason else ""
                fix = Fix(a, b, use) if swap.safe and "\n" not in match else None
                yield ctx.finding(
                    a, b,
                    self.format(self.message, match=match, use=use, reason=reason),
                    suggestion=self.format(self.suggestion_template or "Schrijf '{use}'.", match=match, use=use, reason=reason),
                    fix=fix,
                )
