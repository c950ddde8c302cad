"""References inside the ordinance: every artikel, lid and onderdeel it
refers to must exist."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .. import rx
from ..legal import EXTERNAL_TAIL_RE, LAW_RE, ORDINAL_RE, ORDINALS, may_cite_law, ordinal_word, the_law
from ..model import Category, Document, Kind, Node, Severity
from ..rule import Rule
from .numbering import parse_number

_NUM = r"\d+[a-z]?(?:[.:]\d+[a-z]?)*"
_LID = rf"(?:(?:het\s+)?(?P<ord>{ORDINAL_RE})\s+lid|lid\s+(?P<lidnum>\d+))"
_LETTER = r"(?:aa|bb|cc|dd|ee|ff|gg|hh|ii|jj|kk|[a-z])"
_ITEM = rf"(?:onderdeel|onder|sub|letter)\s+(?P<item>{_LETTER}|\d{{1,2}}°?)\b"
# "artikel 4.2, derde lid, onder b" / "artikel 3 lid 2 sub b" / "artikel 14"
# (each reference pattern gated by its word: most sentences refer to nothing)
ARTICLE_REF_RE = rx.Gated(
    rf"\b(?:artikel|art\.)\s+(?P<art>{_NUM})(?![\w.:]*\d)(?:,?\s+{_LID})?(?:,?\s+{_ITEM})?",
    re.I, ("art",),
)
# "de artikelen 3, 4 en 6", "de artikelen 3 tot en met 5"
ARTICLES_REF_RE = rx.Gated(rf"\bartikelen\s+(?P<list>{_NUM}(?:\s*(?:,|en|of|tot\s+en\s+met)\s*{_NUM})+)", re.I,
                           ("artikelen",))
# "het derde lid", "het tweede lid, onder c", "het eerste lid van artikel 5"
LID_REF_RE = rx.Gated(
    rf"\bhet\s+(?P<ord>{ORDINAL_RE})\s+lid(?:,?\s+{_ITEM})?(?:\s+van\s+artikel\s+(?P<art>{_NUM}))?", re.I, ("lid",)
)
# "onder c", "onderdeel c" on their own
ITEM_REF_RE = rx.Gated(rf"(?<![\w,])\s(?:onderdeel|onder)\s+(?P<item>{_LETTER})\b(?!\.\w)", re.I, ("onder",))


@dataclass
class Target:
    art: str | None  # None: the article the reference stands in
    lid: int | None = None
    item: str | None = None


def _norm(number: str) -> tuple | None:
    return parse_number(number.replace(":", "."))


class ArticleIndex:
    def __init__(self, doc: Document):
        self.by_number: dict[tuple, Node] = {}
        for art in doc.articles():
            key = _norm(art.number or "")
            if key is not None:
                self.by_number.setdefault(key, art)

    def get(self, number: str) -> Node | None:
        key = _norm(number)
        return self.by_number.get(key) if key is not None else None


def _leden(art: Node) -> dict[str, Node]:
    return {c.number: c for c in art.children if c.kind is Kind.LID and c.number}


def _items(node: Node) -> set[str]:
    return {
        (c.number or "").rstrip(".°")
        for c in node.walk()
        if c is not node and c.kind in (Kind.ONDERDEEL, Kind.SUBONDERDEEL) and c.number
    }


def _external(text: str, end: int) -> bool:
    """Does the reference continue into the name of a law? (``end`` is an
    offset in ``text``; a dot right after the number is allowed: "1.1.1. Wmo")"""
    tail = text[end:end + 160]
    if tail.startswith(". "):
        tail = tail[1:]
    return EXTERNAL_TAIL_RE.match(tail) is not None


# Another regulation named in the sentence: a law (LAW_RE), "de wet", "die wet", "Bbz 2004",
# "de Beleidsregels schulddienstverlening", "de Verordening …".
_OTHER_REG_RE = rx.compile(
    r"\b(?:van|uit|in)\s+(?:de|het|die)\s+(?:wet\b|[A-Z][\w-]+)|\b[A-Z][A-Za-z]{1,6}\s+(?:19|20)\d\d\b"
    r"|\bdie\s+wet\b"
)


def _names_other_regulation(text: str) -> bool:
    """Whether the sentence names another regulation: a law (LAW_RE, after
    its quick test) or what _OTHER_REG_RE finds."""
    return bool(may_cite_law(text) and LAW_RE.search(text) or _OTHER_REG_RE.search(text))


# Amendment instructions ("Het zevende lid vervalt.") speak about another text.
# (Every one has 'verval', 'wordt' or 'komt': where none stands, the pattern need not run.)
_AMENDING_RE = rx.Gated(
    r"\b(?:vervalt|vervallen|wordt\s+vervangen|komt\s+te\s+luiden|wordt\s+ingevoegd|wordt\s+vernummerd"
    r"|wordt\s+gewijzigd)\b", re.I, ("verval", "wordt", "komt"))


def _item_key(raw: str | None) -> str | None:
    return raw.lower().rstrip("°") if raw else None


class DanglingReference(Rule):
    """Een verwijzing naar een artikel, lid of onderdeel dat niet bestaat.

    Wat het controleert
        Verwijzingen binnen de verordening: 'artikel 14', 'artikel 4.2, derde
        lid, onder b', 'de artikelen 3 tot en met 5', 'het derde lid' (in het
        eigen artikel), 'het eerste lid van artikel 5', 'onder d'. Verwijzingen
        naar een wet ('artikel 2.3.5 van de Wet maatschappelijke ondersteuning
        2015', 'artikel 4:84 Awb') controleert deze regel niet; een zin die een
        andere regeling noemt ('van de wet', 'Bbz 2004', 'de Beleidsregels …')
        slaat de regel over, omdat de verwijzingen daarin vaak die regeling
        bedoelen. Wijzigingsopdrachten ('Het zevende lid vervalt.') ook.

    Waarom
        Een verwijzing naar iets dat niet bestaat, maakt een bepaling
        onuitvoerbaar of dubbelzinnig. Het gebeurt vooral na hernummeren of
        schrappen (Aanwijzingen voor de regelgeving 3.29).

    Voorbeeld
        Het college let op de omstandigheden, bedoeld in artikel 4, derde lid.
        (artikel 4 heeft twee leden)

    Beter
        Het college let op de omstandigheden, bedoeld in artikel 4, tweede lid.
    """

    code = "REF001"
    name = "verwijzing-bestaat-niet"
    category = Category.REFERENCE
    severity = Severity.ERROR

    def check(self, doc, ctx):
        if not doc.articles():
            return
        index = ArticleIndex(doc)
        for s in ctx.analysis.sentences():
            text = s.text
            low = rx.lowered(text)
            if not any(p.admits(low) for p in _REFERENCE_PATTERNS):
                continue  # most sentences refer to nothing: the other tests need not run
            if _names_other_regulation(text) or _AMENDING_RE.search(text) or s.node.nearest(Kind.BIJLAGE):
                continue
            here = s.node.nearest(Kind.ARTIKEL)
            claimed: list[tuple[int, int]] = []
            for start, end, target in self._references(text):
                if any(a <= start < b for a, b in claimed):
                    continue
                claimed.append((start, end))
                if _external(doc.text, s.start + end):
                    continue  # the law's name may stand past the sentence end: "artikel 1.1.1. Wmo"
                if ctx.analysis.excerpt and any(index.get(n) is None for n in _articles_of(target)):
                    continue  # an excerpt: the article may well stand in the part that is not here
                problem = self._resolve(target, here, s.node, index)
                if problem:
                    yield ctx.finding(
                        s.start + start, s.start + end,
                        f"'{text[start:end].strip()}' verwijst naar {problem}",
                        suggestion="Controleer de verwijzing na hernummeren of schrappen.",
                    )

    def _references(self, text: str) -> Iterator[tuple[int, int, Target]]:
        for m in ARTICLES_REF_RE.finditer(text):
            nums = re.findall(_NUM, m.group("list"))
            yield m.start(), m.end(), _Multi(nums)  # type: ignore[misc]
        for m in ARTICLE_REF_RE.finditer(text):
            yield m.start(), m.end(), Target(m.group("art"), _lid_of(m), _item_key(m.group("item")))
        for m in LID_REF_RE.finditer(text):
            yield m.start(), m.end(), Target(m.group("art"), ORDINALS[m.group("ord").lower()], _item_key(m.group("item")))
        for m in ITEM_REF_RE.finditer(text):
            yield m.start() + 1, m.end(), Target(None, None, _item_key(m.group("item")))
        for m in _PREVIOUS_LID_RE.finditer(text):
            yield m.start(), m.end(), _PREVIOUS

    def _resolve(self, target, here: Node | None, node: Node, index: ArticleIndex) -> str | None:
        if target is _PREVIOUS:
            lid = node.nearest(Kind.LID)
            if here is None:
                return None
            if lid is None:
                return "het voorgaande lid, maar dit artikel heeft geen leden" if not _leden(here) else None
            first = next(iter(_leden(here).values()), None)
            return "het voorgaande lid, maar dit is het eerste lid" if first is lid else None
        if isinstance(target, _Multi):
            missing = [n for n in target.numbers if index.get(n) is None]
            return f"artikel {', '.join(missing)}, dat niet bestaat" if missing else None
        if target.art is not None:
            art = index.get(target.art)
            if art is None:
                return f"artikel {target.art}, maar dat artikel bestaat niet"
            label = f"artikel {target.art}"
        else:
            art = here
            if art is None:
                return None
            label = "dit artikel"
        scope: Node = art
        if target.lid is not None:
            leden = _leden(art)
            lid = leden.get(str(target.lid))
            if lid is None:
                count = len(leden)
                has = f"{count} {'lid' if count == 1 else 'leden'}" if count else "geen genummerde leden"
                return f"lid {target.lid} van {label}, maar dat artikel heeft {has}"
            scope = lid
        if target.item is not None:
            items = _items(scope)
            if target.art is None and target.lid is None:
                # a bare "onder d": any list in this article may be meant
                items = _items(art)
                if not items:
                    return None  # not a reference to a list of this article
            if target.item not in items:
                where = "dat lid" if target.lid is not None else label
                have = ", ".join(sorted(items)) if items else "geen"
                return f"onderdeel {target.item} van {where}, maar de onderdelen zijn: {have}"
        return None


# "het vorige lid", "het voorgaande lid": relative to the lid the sentence stands in
_PREVIOUS_LID_RE = rx.Gated(r"\b(?:het|de)\s+(?:vorige|voorgaande)\s+lid\b", re.I, ("vorige", "voorgaande"))
_REFERENCE_PATTERNS = (ARTICLES_REF_RE, ARTICLE_REF_RE, LID_REF_RE, ITEM_REF_RE, _PREVIOUS_LID_RE)
_PREVIOUS = object()


def _lid_of(m: re.Match) -> int | None:
    """The lid of a reference: 'het tweede lid' or 'lid 2'."""
    if m.group("ord"):
        return ORDINALS[m.group("ord").lower()]
    return int(m.group("lidnum")) if m.group("lidnum") else None


class _Multi:
    def __init__(self, numbers: list[str]):
        self.numbers = numbers


def _articles_of(target) -> list[str]:
    """The article numbers a reference names ('artikelen 7 en 8': both)."""
    if isinstance(target, _Multi):
        return target.numbers
    return [target.art] if isinstance(target, Target) and target.art is not None else []


# -- references into the law ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def _law_tail_re():
    from ..statutes import LAW_IDS

    names = "|".join(re.escape(n) for n in sorted(LAW_IDS, key=len, reverse=True))
    # ", van de Jeugdwet" / " van de wet" / " Awb" (right after the number, as in "artikel 4:84 Awb")
    # and "artikel 8a en 8b Jeugdwet": more article numbers before the law's name
    more = r"(?P<more>(?:\s*(?:,|en|of)\s*\d+[a-z]?(?:[.:]\d+[a-z]?)*)*)"
    return rx.compile(rf"^\.?{more},?\s+(?:(?:van|uit|in)\s+(?:de|het)\s+)?(?P<law>{names}|wet)\b", re.I)


class DanglingLawReference(Rule):
    """Een verwijzing naar een artikel, lid of onderdeel van een wet dat daar niet bestaat.

    Wat het controleert
        Verwijzingen naar de wetten die verolint kent (ingebouwd, ingesteld of
        opgehaald): 'artikel 8a van de Jeugdwet', 'artikel 2.3.5, zesde lid, van
        de Wet maatschappelijke ondersteuning 2015', 'artikel 4:84 Awb', en
        'artikel 2.3.5 van de wet' als de begripsbepalingen zeggen welke wet
        'de wet' is. Het artikel moet in die wet bestaan, het lid ook, en een
        onderdeel (letter) als de wet daar lettered onderdelen heeft. De melding
        noemt de versie van de wet waarmee is vergeleken.

    Waarom
        Wetten worden vernummerd. Een verwijzing naar een artikel dat er niet
        (meer) is, maakt de bepaling onduidelijk of onuitvoerbaar; vaak is de
        verwijzing blijven staan na een wetswijziging.

    Voorbeeld
        Het college beslist binnen de termijn van artikel 2.3.5, zesde lid, van
        de Wet maatschappelijke ondersteuning 2015. (artikel 2.3.5 heeft vijf leden)

    Beter
        Het college beslist binnen de termijn van artikel 2.3.5, tweede lid, van
        de Wet maatschappelijke ondersteuning 2015.

    Opties
        statutes: extra mappen met wetten (zoals bij DUP001).
    """

    code = "REF201"
    name = "verwijzing-naar-wet-bestaat-niet"
    category = Category.REFERENCE
    severity = Severity.WARNING
    options = {"statutes": []}

    def check(self, doc, ctx):
        from ..statutes import LAW_IDS, index_for

        index = index_for(ctx, self.options.get("statutes") or [])
        if index is None:
            return
        defined_law = _defined_law(ctx.analysis.definitions, LAW_IDS)
        for s in ctx.analysis.sentences():
            text = s.text
            if "rtikel" not in text or _AMENDING_RE.search(text):
                continue
            for m in ARTICLE_REF_RE.finditer(text):
                tail = _law_tail_re().match(text[m.end():m.end() + 120])
                if tail is None:
                    continue
                written = tail.group("law")
                if written.lower() == "wet" and written != "wet":
                    continue  # "van de Wet op het kindgebonden budget": a law verolint does not know
                bwb = defined_law if written == "wet" else LAW_IDS.get(written.lower())
                law = index.law(bwb) if bwb else None
                if law is None:
                    continue  # a law verolint does not have: nothing to check against
                statute, structure = law
                problem = _missing_in_law(structure, m.group("art"), _lid_of(m), _item_key(m.group("item")))
                for extra in re.findall(r"\d+[a-z]?(?:[.:]\d+[a-z]?)*", tail.group("more") or ""):
                    problem = problem or _missing_in_law(structure, extra, None, None)
                if problem:
                    version = f"versie {statute.version}" if statute.version else "versie onbekend"
                    end = m.end() + tail.end()
                    yield ctx.finding(
                        s.start + m.start(), s.start + end,
                        f"'{text[m.start():end].strip()}': {problem} in {the_law(statute.title)} ({version}); "
                        "is de wet vernummerd?",
                        node=s.node,
                        suggestion=f"Zoek het artikel op in de geldende tekst van {the_law(statute.title)} en pas de "
                                   "verwijzing aan.",
                    )


def _defined_law(definitions, law_ids: dict) -> str | None:
    """The law that 'de wet' means, from the begripsbepalingen ('wet: Wet maatschappelijke …')."""
    for d in definitions:
        if d.key in ("wet", "de wet"):
            body = d.body.lower()
            for name in sorted(law_ids, key=len, reverse=True):
                if name in body:
                    return law_ids[name]
    return None


def _missing_in_law(structure: dict, art: str, lid: int | None, item: str | None) -> str | None:
    # "4.93" for the Awb's "4:93" (and the reverse) is a way of writing, not a missing article
    article = next((structure[a] for a in (art, art.lower(), art.replace(".", ":", 1), art.replace(":", "."))
                    if a in structure), None)
    if article is None:
        return f"artikel {art} bestaat niet"
    leden = article["leden"]
    holder = ""
    if lid is not None:
        if str(lid) not in leden:
            has = f"{len(leden)} {'lid' if len(leden) == 1 else 'leden'}" if leden else "geen leden"
            return f"artikel {art} heeft {has}, geen {ordinal_word(lid)} lid"
        holder = str(lid)
    if item is not None and not item.isdigit():
        letters = article["onderdelen"].get(holder)
        if letters and item not in letters:
            where = f"het {ordinal_word(lid)} lid van artikel {art}" if lid is not None else f"artikel {art}"
            return f"{where} heeft geen onderdeel {item} (wel {', '.join(letters)})"
    return None


# "artikel 3 lid 2 sub b", "art. 7", "artikel 4 letter c": the parts, so that the
# advice is this reference in the fixed form
_STYLE_RE = rx.compile(
    r"\b(?P<word>artikel|art\.)\s*(?P<art>\d+[a-z]?(?:[.:]\d+[a-z]?)*)"
    r"(?:,?\s+lid\s+(?P<lid>\d+))?(?:,?\s+(?P<kind>sub|letter)\s+(?P<item>[a-z])\b)?",
    re.I,
)


def fixed_form(m: re.Match) -> str:
    """'artikel 3 lid 2 sub b' → 'artikel 3, tweede lid, onderdeel b'."""
    out = f"artikel {m.group('art')}"
    if m.group("lid"):
        out += f", {ordinal_word(int(m.group('lid')))} lid"
    if m.group("item"):
        out += f", onderdeel {m.group('item')}"
    return out


class CitationStyle(Rule):
    """Verwijzingen in de vaste vorm: 'artikel 3, tweede lid, onderdeel b'.

    Wat het controleert
        Verwijzingen als 'artikel 3 lid 2 sub b', 'art. 7' of 'artikel 4 letter
        c' in de regeltekst. De suggestie is deze verwijzing in de vaste vorm.

    Waarom
        De vaste verwijsvorm ('artikel 3, tweede lid, onderdeel b') is eenduidig
        en wordt door lezers, rechters en zoekmachines herkend (Aanwijzingen voor
        de regelgeving 3.29). In het omgekeerde profiel is dit alleen een tip.

    Voorbeeld
        Zie artikel 3 lid 2 sub b.

    Beter
        Zie artikel 3, tweede lid, onderdeel b.
    """

    code = "REF101"
    name = "verwijsstijl"
    category = Category.REFERENCE
    severity = Severity.INFO
    profile_severity = {"classic": Severity.WARNING}

    def check(self, doc, ctx):
        for s in ctx.analysis.sentences():
            if "rt" not in s.text:
                continue
            for m in _STYLE_RE.finditer(s.text):
                if not (m.group("word").lower() == "art." or m.group("lid") or m.group("kind")):
                    continue  # already the fixed form
                written = m.group(0)
                yield ctx.finding(
                    s.start + m.start(), s.start + m.end(),
                    f"Verwijzing '{written}' volgt niet de vaste vorm.",
                    suggestion=f"Schrijf '{fixed_form(m)}'.",
                )

