"""Statutory duplication: ordinance text that repeats national law, a
paraphrase that changes the law's numbers, and passages repeated within the
ordinance (or across the files of one run). Method: verolint/statutes/shingles.py."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..legal import ORDINALS
from ..model import Category, Finding, Severity
from ..rule import Rule
from ..statutes.shingles import normalise, numbers_with_units, shingle_hashes, similarity, winnow
from ..text import sentences

_ORDINAL_OF = {v: k for k, v in ORDINALS.items()}
MIN_WORDS = 6  # normalised words: shorter passages are common legal phrases ...
EXACT_MIN_WORDS = 4  # ... unless they are word for word the same as a statute sentence


def cite(statute_title: str, path: str) -> str:
    """'artikel 2.3.5, lid 2, onder b' -> 'artikel 2.3.5, tweede lid, onder b, van de Wet …'."""
    parts = []
    for part in path.split(", "):
        if part.startswith("lid ") and part[4:].isdigit() and int(part[4:]) in _ORDINAL_OF:
            parts.append(f"{_ORDINAL_OF[int(part[4:])]} lid")
        else:
            parts.append(part)
    where = ", ".join(parts)
    return f"{where}, van de {statute_title}" if where else f"de {statute_title}"


@dataclass
class Match:
    unit: int
    score: float
    statute: object
    path: str
    text: str


def best_match(index, words: list[str], threshold: float) -> Match | None:
    best = None
    for unit, _count in index.candidates(shingle_hashes(words), limit=12):
        statute, path, text = index.unit(unit)
        theirs = normalise(text)
        if len(words) < MIN_WORDS and words != theirs:
            continue  # a short passage counts only when it is the statute sentence itself
        score = similarity(words, theirs)
        if score >= threshold and (best is None or score > best.score):
            best = Match(unit, score, statute, path, text)
    return best


def _deviation(ordinance: str, statute: str) -> tuple[str, str] | None:
    """A number the ordinance states differently from the law, same unit."""
    ours, law = numbers_with_units(ordinance), numbers_with_units(statute)
    for unit, values in ours.items():
        if unit in law and not (values & law[unit]):
            fmt = lambda vs: " of ".join(f"{v:g} {unit}" for v in sorted(vs))  # noqa: E731
            return fmt(values), fmt(law[unit])
    return None


class _DuplicationRule(Rule):
    category = Category.STATUTORY_DUPLICATION
    options = {"threshold": 0.7, "statutes": []}

    def index(self, ctx):
        from ..statutes import load_index, note_missing_once

        paths = list(ctx.settings.statutes) if ctx.settings is not None else []
        paths += [p for p in self.options.get("statutes") or []]
        idx = load_index(paths)
        if idx is None:
            note_missing_once()
        return idx

    def passages(self, doc, minimum: int = EXACT_MIN_WORDS):
        for s in sentences(doc):
            words = normalise(s.text)
            if len(words) >= minimum:
                yield s, words

    def matches(self, doc, ctx) -> list[tuple]:
        """(sentence, best statute match from 0.6, number deviation) per
        sentence, computed once per document for DUP001 and DUP002."""
        key = ("statute-matches", tuple(ctx.settings.statutes) if ctx.settings is not None else ())
        if key not in doc.cache:
            idx = self.index(ctx)
            found = []
            if idx is not None:
                for s, words in self.passages(doc):
                    match = best_match(idx, words, 0.6)
                    if match is not None:
                        found.append((s, match, _deviation(s.text, match.text)))
            doc.cache[key] = found
        return doc.cache[key]


class RepeatsStatute(_DuplicationRule):
    """Tekst die al in de wet staat: herhaald, letterlijk of licht bewerkt.

    Wat het controleert
        Elke zin en elk onderdeel van de regeltekst wordt vergeleken met de
        ingestelde wetten (Wmo 2015, Jeugdwet, Participatiewet, Awb, …), ook
        als het lidwoord, de woordvolgorde of een verwijzing anders is, 'het
        college' voor 'burgemeester en wethouders' staat, of een bijzin is
        weggelaten of toegevoegd. De melding noemt het artikel en de gelijkenis.
        Een zin die alleen naar de wet verwijst ('als bedoeld in artikel 2.3.5
        van de Wet maatschappelijke ondersteuning 2015') en korte vaste
        formules worden niet gemeld, de aanhef ook niet.

    Waarom
        Wat in de wet staat, hoeft niet in de verordening. Een kopie veroudert
        als de wet verandert, en een bepaling over wat de wet al regelt, is
        onverbindend (Gemeentewet, artikel 122).

    Voorbeeld
        Het college geeft de beschikking binnen twee weken na ontvangst van de aanvraag.

    Beter
        U krijgt binnen de termijn van de wet een besluit (artikel 2.3.5, tweede
        lid, van de Wet maatschappelijke ondersteuning 2015).

    Opties
        threshold: vanaf welke gelijkenis (0–1) een zin als herhaling telt
        (standaard 0,7). statutes: extra mappen met wetten. Waar de wetten
        vandaan komen, staat in de README (statutes in de configuratie,
        --statutes, 'verolint statutes pull').
    """

    code = "DUP001"
    name = "herhaalt-wet"
    severity = Severity.WARNING

    def check(self, doc, ctx):
        for s, match, deviation in self.matches(doc, ctx):
            if deviation or match.score < self.options["threshold"]:
                continue  # a changed number is reported by DUP002, more strongly
            where = cite(match.statute.title, match.path)
            yield ctx.finding(
                s.start, s.end,
                f"herhaalt {where} (gelijkenis {match.score:.0%})",
                node=s.node,
                suggestion=f"Verwijs naar de wet in plaats van de tekst te herhalen: '… zoals bepaald in {where}'.",
            )


class DeviatesFromStatute(_DuplicationRule):
    """Een parafrase van de wet met een ander getal: termijn, leeftijd, percentage.

    Wat het controleert
        Zinnen die een wetsbepaling herhalen of parafraseren (gelijkenis vanaf
        0,6), maar met een ander getal bij dezelfde eenheid: weken, dagen,
        maanden, jaar, procent, euro. Bijvoorbeeld een beslistermijn van acht
        weken waar de Wmo 2015 twee weken zegt.

    Waarom
        Een parafrase die een wettelijke termijn of leeftijdsgrens verandert, is
        erger dan een kopie: de bepaling is in strijd met hogere regelgeving en
        daarom onverbindend (Gemeentewet, artikel 121), terwijl inwoners er wel
        op vertrouwen.

    Voorbeeld
        Het college geeft de beschikking binnen acht weken na ontvangst van de aanvraag.

    Beter
        Het college beslist binnen de termijn van artikel 2.3.5, tweede lid, van
        de Wet maatschappelijke ondersteuning 2015.
    """

    code = "DUP002"
    name = "wijkt-af-van-wet"
    severity = Severity.ERROR

    def check(self, doc, ctx):
        for s, match, deviation in self.matches(doc, ctx):
            if deviation:
                ours, law = deviation
                where = cite(match.statute.title, match.path)
                yield ctx.finding(
                    s.start, s.end,
                    f"lijkt op {where} (gelijkenis {match.score:.0%}), maar noemt {ours} waar de wet {law} zegt",
                    node=s.node,
                    suggestion=f"Neem het getal van de wet over, of beter: verwijs naar {where}.",
                )


@dataclass
class _Passage:
    file: str
    finding: Finding  # positioned; the message is filled in when the pair is known
    words: list[str]
    prints: list[int]
    doc_key: int
    line: int


class InternalDuplicate(_DuplicationRule):
    """Dezelfde of bijna dezelfde passage op twee plaatsen in de verordening.

    Wat het controleert
        Zinnen en onderdelen van 8 of meer inhoudswoorden die op een andere plek
        in dezelfde verordening, of in een ander bestand van dezelfde
        controle-opdracht, (bijna) letterlijk terugkomen (gelijkenis vanaf
        0,85). Beide plaatsen krijgen een melding die naar de andere wijst.

    Waarom
        Een integrale verordening voegt oude verordeningen samen; dan blijft
        dezelfde regel vaak twee keer staan. Bij een wijziging wordt er één
        aangepast en spreken de twee elkaar tegen.

    Voorbeeld
        Artikel 4: Het college beslist binnen acht weken op een aanvraag om jeugdhulp.
        Artikel 12: Het college beslist binnen acht weken op een aanvraag om jeugdhulp.

    Beter
        Laat de regel op één plek staan en verwijs vanuit de andere.
    """

    code = "DUP003"
    name = "dubbele-passage"
    severity = Severity.WARNING
    options = {"threshold": 0.85}
    needs_run = True

    def check(self, doc, ctx):
        own = self._collect(doc, ctx)  # passages of 8+ words only
        for a, b in _pairs(own, self.options["threshold"]):
            yield self._point(a, b)
            yield self._point(b, a)

    def _collect(self, doc, ctx) -> list[_Passage]:
        out = []
        for s, words in self.passages(doc, 8):
            f = ctx.finding(s.start, s.end, "", node=s.node)
            out.append(_Passage(doc.path, f, words, winnow(shingle_hashes(words)), id(doc), f.line))
        store = self.__dict__.setdefault("_run", [])
        store.extend(out)
        return out

    def _point(self, here: _Passage, other: _Passage) -> Finding:
        where = f"regel {other.line}" if other.file == here.file else f"{other.file}:{other.line}"
        return replace(
            here.finding,
            message=f"staat ook op {where} ({other.finding.path}): dezelfde tekst op twee plaatsen",
            suggestion="Laat de regel op één plek staan en verwijs vanuit de andere.",
        )

    def finish(self) -> list[Finding]:
        """Pairs across the files of one run (pairs within a file were reported by check)."""
        passages = self.__dict__.pop("_run", [])
        out = []
        for a, b in _pairs(passages, self.options["threshold"], across=True):
            out += [self._point(a, b), self._point(b, a)]
        return out


def _pairs(passages: list[_Passage], threshold: float, across: bool = False):
    index: dict[int, list[int]] = {}
    for i, p in enumerate(passages):
        for h in p.prints:
            index.setdefault(h, []).append(i)
    seen = set()
    for i, p in enumerate(passages):
        for h in p.prints:
            for j in index.get(h, ()):
                if j <= i or (i, j) in seen:
                    continue
                q = passages[j]
                if (p.file != q.file) != across:
                    continue
                seen.add((i, j))
                if p.finding.start == q.finding.start and p.file == q.file:
                    continue
                if similarity(p.words, q.words) >= threshold:
                    yield p, q
