"""Layout decisions that need the whole document: what a line *is* depends on
what follows it.

The line grammar classifies each line on its own (an article heading, a
numbered line, a section number, ...). Real published regulations need more
than that. ``1. Inleiding`` is a chapter in an omgekeerde verordening and a lid
elsewhere; ``2.5 Uitzonderingen`` is a paragraph when ``Artikel 2.5.1`` follows
and an article-level unit when text follows; a run of headings without bodies
is a table of contents when the same headings recur later. :func:`plan_layout`
makes those decisions once, by position and by what follows, before the tree
builder nests the lines; the builder asks the plan and never guesses from the
first matching word.

It also holds the small predicates on marker and title shape that the builder
shares with the plan (list-marker styles, title-likeness, law tags).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import rx
from ..model import Kind
from ..text import roman_to_int

if TYPE_CHECKING:  # pragma: no cover
    from .plaintext import Line

_TITLE_STRIP = ":.-–— \t*_"
# "[Jeugdwet, Wmo]", "[Jeugdwet, Wmo, Awb]", "[Wmo, Burgerlijk Wetboek]": the laws an omgekeerde article rests on
_LAW_NAME = r"(?:[A-Z][A-Za-z]*wet(?:\s+\d{4})?|Wet\s[\w ]{2,60}|Wmo(?:\s+2015)?|Awb|Burgerlijk\s+Wetboek|[A-Z]{2,6}(?:\s+\d{4})?)"
LAW_TAG_RE = rx.compile(rf"^\s*\[\s*{_LAW_NAME}(?:\s*,\s*{_LAW_NAME})*\s*,?\s*\]\s*$")
_INHOUD_RE = rx.compile(r"^\W*inhoud(?:sopgave|stafel)?\W*$", re.I)
# bullets as copied from web pages; the grammar's BULLET terminal lists the same characters
BULLET_CHARS = "-*•·–❖▪►●◦"


def clean(raw: str) -> str:
    return raw.strip().strip(_TITLE_STRIP).strip().strip("*_ \t").strip()


def title_like(raw: str, max_words: int = 14) -> bool:
    """Does ``raw`` read like a heading title rather than a sentence or list item?"""
    title = clean(raw)
    if not title:
        return False
    first = title[0]
    if not (first.isupper() or first.isdigit() or first in "'\"‘“("):
        return False
    words = title.split()
    if len(words) > max_words:
        return False
    end = raw.strip().rstrip("*_ \t")[-1:]
    if end in (";", ",", ":"):
        return False
    if end == "." and len(words) > 6:
        return False
    return True


def roman_value(text: str) -> int | None:
    """Value of a Roman numeral written the usual way ('iv', 'IV'), or None when ``text`` is not one."""
    total = roman_to_int(text.upper())
    return total if total and _to_roman(total) == text.lower() else None


def _to_roman(n: int) -> str:
    out = []
    for value, sym in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def marker_styles(line: "Line") -> list[tuple[str, int]]:
    """The list styles a marker may belong to, with its ordinal in each.

    ``i`` is the ninth letter or Roman one, ``v`` the 22nd letter or Roman five,
    ``aa`` the 27th letter (onderdelen that run on after z) or Roman nothing:
    which one it is follows from the open lists (see the tree builder)."""
    if line.type == "bullet":
        return [("bullet:" + (line.marker or "-")[:1], 0)]
    number = line.number or ""
    if line.type == "lid":
        return [("num", int(number))] if number.isdigit() else []
    if "°" in (line.marker or ""):
        digits = re.sub(r"\D", "", number)
        return [("deg", int(digits))] if digits else []
    if number.isupper():
        value = roman_value(number)
        return [("ROM", value)] if value else []
    out: list[tuple[str, int]] = []
    if len(number) == 1:
        out.append(("let", ord(number) - 96))
    elif len(number) == 2 and number[0] == number[1]:
        out.append(("let", 26 + ord(number[0]) - 96))
    value = roman_value(number)
    if value:
        out.append(("rom", value))
    return out


def shape(text: str) -> tuple[bool, bool, bool]:
    """(starts upper-case, ends with . : or ;, more than six words): enough to
    tell a lid sentence from an item of a nested list."""
    text = text.strip()
    first = next((ch for ch in text if ch.isalpha()), "")
    return (first.isupper(), text[-1:] in (".", ":", ";"), len(text.split()) > 6)


def similarity(a: tuple, b: tuple) -> int:
    return sum(x == y for x, y in zip(a, b))


@dataclass
class Plan:
    """Decisions about lines, by index into the lexed line list."""

    toc: set[int] = field(default_factory=set)
    chapters: set[int] = field(default_factory=set)  # "N. Titel" lines that are chapters
    sections: dict[int, Kind] = field(default_factory=dict)  # "N.M Titel" lines: ARTIKEL or PARAGRAAF
    steps: set[int] = field(default_factory=set)  # "Stap N: Titel" headings that group articles
    law_tags: set[int] = field(default_factory=set)
    rejected: dict[int, str] = field(default_factory=dict)  # heading-like lines read as text, with the reason


def _section_number_prefixes(numbers: list[str]) -> set[str]:
    out: set[str] = set()
    for number in numbers:
        parts = number.split(".")
        for k in range(1, len(parts)):
            out.add(".".join(parts[:k]))
    return out


def plan_layout(lines: list["Line"], plausible) -> Plan:
    plan = Plan()
    n = len(lines)
    for i, line in enumerate(lines):
        if line.type == "text" and LAW_TAG_RE.match(line.rest):
            plan.law_tags.add(i)

    # -- numbered sections without the word Artikel ------------------------------------
    candidates: dict[int, str] = {}
    for i, line in enumerate(lines):
        if line.type != "section":
            continue
        title = clean(line.rest)
        if line.indent > 3:
            continue
        if not title:
            nxt = lines[i + 1] if i + 1 < n else None
            if nxt is not None and nxt.type in ("text", "heading") and title_like(nxt.rest, 12) \
                    and nxt.lineno == line.lineno + 1:
                candidates[i] = line.number
        elif title_like(line.rest):
            candidates[i] = line.number
        elif line.rest and line.rest[0].isspace():
            plan.rejected[i] = "genummerde regel die op een kop lijkt, maar tekst in plaats van een titel heeft"
    dotted_articles = [l.number for l in lines if l.type == "artikel" and l.number and "." in l.number]
    prefixes = _section_number_prefixes(dotted_articles + list(candidates.values()))
    for i, number in candidates.items():
        plan.sections[i] = Kind.PARAGRAAF if number in prefixes else Kind.ARTIKEL

    # -- table of contents ----------------------------------------------------------------
    _plan_toc(lines, plan, plausible)

    # -- chapters numbered "N. Titel" in a document with dotted numbering ---------------------
    dotted = [(i, (l.number or "").split(".")[0]) for i, l in enumerate(lines)
              if i not in plan.toc and ((l.type == "artikel" and l.number and "." in l.number) or i in plan.sections)]
    word_chapters = any(l.type == "division" and l.kind is Kind.HOOFDSTUK and i not in plan.toc
                        for i, l in enumerate(lines))
    if dotted and not word_chapters:
        next_dotted: list[str | None] = [None] * n
        nxt: str | None = None
        j = len(dotted) - 1
        for i in range(n - 1, -1, -1):
            while j >= 0 and dotted[j][0] > i:
                nxt = dotted[j][1]
                j -= 1
            next_dotted[i] = nxt
        last: int | None = None
        seen_prefixes: set[str] = set()
        dotted_at = dict(dotted)
        for i, line in enumerate(lines):
            if i in dotted_at:
                seen_prefixes.add(dotted_at[i])
            if line.type != "lid" or i in plan.toc or line.indent > 3 or not (line.number or "").isdigit():
                continue
            if line.number in seen_prefixes or _continued(lines, i):
                continue  # chapter N cannot start after its own articles, nor in the middle of a sentence
            if (line.marker or "")[:1] in BULLET_CHARS:
                continue
            number = int(line.number)
            if not title_like(line.rest, 12):
                continue
            follows = next_dotted[i]
            in_sequence = last is None or number == last + 1
            if follows == str(number) and in_sequence:
                plan.chapters.add(i)
                last = number
            elif follows is None and last is not None and number == last + 1:
                plan.chapters.add(i)
                last = number

    # -- step headings that group articles ---------------------------------------------------
    for i, line in enumerate(lines):
        if line.type != "division" or line.marker != "stap" or i in plan.toc:
            continue
        j = i + 1
        while j < n and j in plan.law_tags:
            j += 1
        nxt_line = lines[j] if j < n else None
        if title_like(line.rest, 10) and nxt_line is not None and (
                nxt_line.type == "artikel" or j in plan.sections):
            plan.steps.add(i)
    return plan


def _continued(lines: list["Line"], i: int) -> bool:
    """Does the sentence on line ``i`` go on on the next line (a wrapped lid, not a heading)?"""
    if i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    if nxt.lineno != lines[i].lineno + 1 or nxt.type != "text":
        return False
    first = nxt.rest.lstrip()[:1]
    return nxt.indent > lines[i].indent or (first.islower())


def _toc_entry(line: "Line", i: int, plan: Plan, plausible) -> tuple[str, str, str] | None:
    titled = not clean(line.rest) or title_like(line.rest)
    if line.type == "artikel" and plausible(line) and titled:
        return ("artikel", line.number or "", clean(line.rest).casefold())
    if line.type == "division" and line.marker != "stap" and plausible(line) and titled:
        return ("div", line.number or "", clean(line.rest).casefold())
    if line.type == "section" and i in plan.sections:
        return ("div", line.number or "", clean(line.rest).casefold())
    return None


def _plan_toc(lines: list["Line"], plan: Plan, plausible) -> None:
    """A run of three or more headings with no body between them, whose headings
    recur later in the document, is a table of contents."""
    n = len(lines)
    entries = [_toc_entry(l, i, plan, plausible) for i, l in enumerate(lines)]
    # where each number and title occurs last: a table of contents is followed by its headings
    last_numbers: dict[tuple[str, str], int] = {}
    last_titles: dict[str, int] = {}
    for i, line in enumerate(lines):
        number = line.number or ""
        cls = "artikel" if line.type == "artikel" else "div"
        if line.type in ("artikel", "division", "section", "lid") and number:
            last_numbers[(cls, number)] = i
        title = clean(line.rest).casefold()
        if title:
            last_titles[title] = i

    i = 0
    while i < n:
        if entries[i] is None:
            i += 1
            continue
        j = i
        seen: set[tuple[str, str]] = set()
        while j < n and entries[j] is not None and (entries[j][0], entries[j][1]) not in seen:
            seen.add((entries[j][0], entries[j][1]))
            j += 1
        run = range(i, j)
        # the first heading again right after the run: the contents, then the text ("1. Inleiding")
        restart = j < n and (lines[j].number or "") == entries[i][1] and entries[i][2] \
            and clean(lines[j].rest).casefold() == entries[i][2]
        if len(run) >= 3 and restart:
            plan.toc.update(range(i - 1 if i > 0 and _INHOUD_RE.match(lines[i - 1].rest) else i, j))
        elif len(run) >= 3:
            recurs = sum(
                1 for k in run
                if last_numbers.get((entries[k][0], entries[k][1]), -1) >= j
                or (entries[k][2] and last_titles.get(entries[k][2], -1) >= j)
            )
            if recurs >= 0.7 * len(run):
                start = i
                if i > 0 and lines[i - 1].type in ("text", "heading") and _INHOUD_RE.match(lines[i - 1].rest):
                    start = i - 1
                plan.toc.update(range(start, j))
        i = max(j, i + 1)
