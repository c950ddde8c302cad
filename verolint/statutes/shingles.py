"""Normalised words, hashed shingles and winnowing for duplication detection.

Why this method: the ordinance text to find is a sentence or list item of a
law, copied, lightly edited or restated. Words are normalised first: officialese
in its plain form (the jargon pack), each word in its dictionary form
(simplemma: 'verstrekt' and 'verstrekten' are 'verstrekken'), synonyms for the
same actor canonical, numbers as '#', stopwords out. Word 3-gram shingles of
that text survive small edits (a changed article, 'het college' for
'burgemeester en wethouders', another lid number, another person or tense)
because most of the 3-grams stay the same. Every shingle of every statute
sentence is indexed, so a passage sharing even one three-word run is a
candidate; candidates are then verified exactly, on shingles and on content
words (for word-order changes), in both directions (a clause dropped or
added). Within and across ordinances (DUP003) passages are *winnowed*
(Schleimer, Wilkerson & Aiken, SIGMOD 2003): of every window of 4 shingle
hashes only the smallest is kept, and any common run of at least 6 normalised
words still shares a fingerprint.
"""

from __future__ import annotations

import hashlib
import re
import sys
from functools import lru_cache

from .. import rx
from ..legal import LAW_RE, ORDINALS, may_cite_law

K = 3  # words per shingle
WINDOW = 4  # winnowing window (in shingles)
HASH_BITS = 40

STOPWORDS = frozenset(
    """
    de het een van en of in op te aan voor door met bij om tot uit als dat die dit deze
    is zijn wordt worden werd werden kan kunnen mag moet zal zullen heeft hebben er hij zij zijn
    zich haar hem hun u uw we wij ons onze ook nog al dan wel niet geen moeten mogen
    bedoeld genoemd eerste tweede derde vierde vijfde zesde zevende achtste negende tiende
    lid leden artikel artikelen onderdeel onder sub letter
    """.split()
)
# canonical forms: the same actor or term written differently (with a word
# that must occur for the pattern to apply, so most sentences skip the regex)
SYNONYMS = [
    ("wethouders", rx.compile(r"\b(?:het\s+)?college\s+van\s+burgemeester\s+en\s+wethouders\b", re.I), "college"),
    ("wethouders", rx.compile(r"\bburgemeester\s+en\s+wethouders\b", re.I), "college"),
    ("krachtens", rx.compile(r"\bbij\s+of\s+krachtens\b", re.I), "bij"),
    ("indien", rx.compile(r"\bindien\b", re.I), "als"),
    ("raad", rx.compile(r"\bde\s+gemeenteraad\b|\bde\s+raad\b", re.I), "raad"),
]
NUMBER_WORDS = {
    w: i for i, w in enumerate(
        "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien "
        "zeventien achttien negentien twintig".split())
}
NUMBER_WORDS.update({"dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "honderd": 100,
                     "drieëntwintig": 23, "zevenentwintig": 27, "eenentwintig": 21, "vijfenzestig": 65})
_REF_RE = rx.compile(
    r"\b(?:artikel|artikelen|art\.)\s+\d+[a-z]?(?:[.:]\d+[a-z]?)*(?:\s*(?:,|en|tot\s+en\s+met)\s*\d+[a-z]?(?:[.:]\d+[a-z]?)*)*"
    r"|\b(?:het|de)\s+(?:%s)\s+(?:lid|leden)\b|\b(?:onderdeel|onder|sub)\s+[a-z]\b|\blid\s+\d+\b"
    % "|".join(ORDINALS),
    re.I,
)
_WORD_RE = rx.compile(r"[a-zà-ÿ]+|\d+(?:[.,]\d+)?")
# a number with the unit it counts: "twee weken", "18 jaar", "110 procent"
UNIT_RE = rx.compile(
    r"\b(\d+(?:[.,]\d+)?|%s)\s*(?:%%|procent\b|(werkdagen|dagen|weken|week|maanden|maand|jaar|jaren|uur|uren|euro)\b)"
    % "|".join(k for k in NUMBER_WORDS if k not in ("een", "nul")),
    re.I,
)


def normalise(text: str) -> list[str]:
    """Content words in order: references and law titles neutralised, synonyms
    canonical, numbers replaced by '#', stopwords dropped."""
    low = text.lower()
    if "art" in low or "lid" in low or "leden" in low or "onder" in low or "sub" in low:
        text = _REF_RE.sub(" ", text)
    if may_cite_law(text):
        text = LAW_RE.sub(" wet ", text)
    low = text.lower()
    for word, pattern, canon in SYNONYMS:
        if word in low:
            text = pattern.sub(canon, text)
    words, phrases = _plain()
    low = text.lower()
    if phrases is not None and phrases.search(low):
        low = phrases.sub(lambda m: words[m.group(0)], low)
    if " te " in low:  # 'vast te stellen', 'toe te kennen': the separable verb whole
        low = _PARTICLE_TE_RE.sub(r"\1", low)
    groups, own_phrases = _synonyms()
    if own_phrases is not None and own_phrases.search(low):
        low = own_phrases.sub(lambda m: groups[m.group(0)], low)
    return [t for t in map(_token, _WORD_RE.findall(low)) if t]


@lru_cache(maxsize=1 << 16)
def _token(word: str) -> str:
    """What one word of the lower-cased text becomes: '#' for a number, its
    canonical lemma for a content word, '' for a stopword (kept per word: a
    text uses the same words again and again, and interned: the word lists of a
    document share one string per word)."""
    if word[0].isdigit() or (word in NUMBER_WORDS and word != "een"):
        return "#"
    word = _plain()[0].get(word, word)
    if word in STOPWORDS or len(word) <= 1:
        return ""
    word = canonical(lemma(word))
    return "" if word in STOPWORDS else sys.intern(word)


_PARTICLE_TE_RE = rx.compile(r"\b(vast|toe|aan|in|op|uit|af|mee|over|door|terug|bij|voor|na|vrij|weg)\s+te\s+(?=[a-z])")
# Nouns in -ing whose verb means something else ('woning' is not 'wonen',
# 'instelling' not 'instellen'): kept as they are.
_NOUNS = frozenset(
    """woning beschikking voorziening instelling aanwijzing regeling zitting afdeling verordening stichting
    richting omgeving inrichting leiding rekening uitkering opleiding vergadering verzekering belasting
    ervaring tekening""".split())


@lru_cache(maxsize=1 << 14)
def canonical(word: str) -> str:
    """One word for words with one meaning: a separable verb written whole
    ('vast_stellen' -> 'vaststellen'), a nominalisation as its verb
    ('verstrekking' -> 'verstrekken', 'plaatsing' -> 'plaatsen') and a synonym
    as the first word of its group in synonyms.txt ('toekennen', 'verlenen' ->
    'verstrekken'; 'verzoek' -> 'aanvraag')."""
    word = word.replace("_", "")
    groups = _synonyms()[0]
    if word in groups:
        return groups[word]
    if word.endswith("ing") and len(word) >= 7 and word not in _NOUNS and word[-4] not in "aeiou":
        if any(word.endswith(noun) for noun in _NOUNS):
            return word  # a compound of such a noun: 'maatwerkvoorziening', 'woonvoorziening'
        stem = word[:-3]
        verb = stem if stem.endswith("zien") else stem + "en"  # 'herziening' -> 'herzien', 'afzien'
        return groups.get(verb, verb)
    return word


@lru_cache(maxsize=1)
def _synonyms() -> tuple[dict[str, str], "re.Pattern | None"]:
    """The word groups and phrases of synonyms.txt: {word: canonical word} and
    {phrase: replacement} in one table, and a pattern for the phrases."""
    from pathlib import Path

    table: dict[str, str] = {}
    phrases: list[str] = []
    for line in (Path(__file__).with_name("synonyms.txt")).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if "=>" in line:
            phrase, use = (part.strip() for part in line.split("=>", 1))
            table[phrase] = use
            phrases.append(phrase)
            continue
        group = line.split()
        for w in group:
            table.setdefault(w, group[0])
    return table, _phrases_pattern(phrases)


def lemma(word: str) -> str:
    """The dictionary form of a Dutch word ('verstrekt', 'verstrekte' ->
    'verstrekken'; 'aanvragers' -> 'aanvrager'), so that a restatement in
    another person, number or tense still matches the law. Lemmas are kept in
    the per-user word cache (verolint/lexicon.py); simplemma is asked only for
    words not seen before."""
    return _lemmas()(word) if len(word) <= 40 else word


@lru_cache(maxsize=1)
def _lemmas():
    from ..lexicon import Lexicon, word

    return Lexicon("lemmas", _lemmatize, word)


def _lemmatize(word: str) -> str:
    found = _lemmatizer().lemmatize(word, lang="nl")
    return found.lower() if found else word


@lru_cache(maxsize=1)
def _lemmatizer():
    """simplemma reading its Dutch dictionary where it lies, block by block,
    instead of decoding all of it into a dict first: the few hundred new words
    of a run cost a sixth of a second and 7 MB instead of a quarter of a second
    and 50 MB (the whole dictionary in memory, in every process of ``--jobs``)."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamDictionaryFactory

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=StreamDictionaryFactory()))


@lru_cache(maxsize=1)
def _plain() -> tuple[dict[str, str], "re.Pattern | None"]:
    """Officialese and its plain form, from the shipped jargon pack (LNG201):
    a drafter who writes 'als' where the law says 'indien', or 'zo snel
    mogelijk' for 'zo spoedig mogelijk', still repeats the law. Both sides are
    compared in the plain form. Single words map word for word; phrases of
    several words are replaced in the text first. Entries whose plain form
    depends on the sentence ('om … te') are left out."""
    import yaml

    from ..resources import data_dir
    from ..yamlsource import YAML_LOADER, read_yaml_text

    words: dict[str, str] = {}
    try:
        pack = yaml.load(read_yaml_text(data_dir("rules") / "jargon.yaml"), Loader=YAML_LOADER)
        swaps = [s for rule in pack.get("rules", []) for s in rule.get("swap", []) or []]
    except Exception:  # noqa: BLE001 - without the pack the comparison is only less tolerant
        return {}, None
    for swap in swaps:
        phrase = str(swap.get("phrase", "")).lower().strip()
        use = str(swap.get("use", "")).split(",")[0].split("/")[0].lower().strip()
        if not phrase or not use or any(c in phrase + use for c in "*…()'"):
            continue
        if " " in use and " " not in phrase:
            continue  # 'desgevraagd' -> 'als het college erom vraagt': a clause, not a word for a word
        words[phrase] = use
    return words, _phrases_pattern([p for p in words if " " in p])


def _phrases_pattern(phrases: list[str]) -> "re.Pattern | None":
    """A pattern for whole phrases, the longest where several start at one place.

    The phrases are written as a trie ('ten (?:minste|hoogste|tijde van)'):
    at each word the engine tries one branch per next letter instead of every
    phrase, a third of the time. Greedy optional tails try the longest phrase
    first and give way to a shorter one where the word boundary fails, as the
    longest-first alternation of all phrases does."""
    if not phrases:
        return None
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here

    def branches(node: dict) -> str:
        alts = [re.escape(ch) + branches(sub) for ch, sub in node.items() if ch]
        if not alts:
            return ""
        if "" in node:
            return "(?:%s)?" % "|".join(alts)
        return alts[0] if len(alts) == 1 else "(?:%s)" % "|".join(alts)

    return rx.compile(r"\b%s\b" % branches(trie))


def shingle_hashes(words: list[str]) -> list[int]:
    if len(words) < K:
        return [_hash(" ".join(words))] if words else []
    return [_hash(" ".join(words[i:i + K])) for i in range(len(words) - K + 1)]


def key_hash(word: str) -> int:
    """The hash of a single key word in the statute index (apart from the shingles: a
    shingle is three words joined by spaces, a key word is marked by a leading '=')."""
    return _hash("=" + word)


@lru_cache(maxsize=1 << 14)  # shingles repeat a lot in legal text ("artikel # lid"); a bounded memo
def _hash(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=5).digest(), "big")


def winnow(hashes: list[int], window: int = WINDOW) -> list[int]:
    """Winnowing fingerprints: the minimum of every window (each once).

    The window slides one hash at a time, so its (rightmost) minimum changes
    only when the new hash is not larger, or when the minimum drops out on
    the left; only then is the window searched again."""
    if len(hashes) <= window:
        return sorted(set(hashes))
    picked = []
    at = -1  # where the minimum of the current window stands
    for end in range(window - 1, len(hashes)):
        if at <= end - window:  # the minimum left the window: the rightmost minimum of the new one
            win = hashes[end - window + 1:end + 1]
            m = min(win)
            at = end - win[::-1].index(m)
            picked.append(m)
        elif hashes[end] <= hashes[at]:
            at = end
            picked.append(hashes[end])
    return picked


@lru_cache(maxsize=4096)  # statute sentences come back as candidates again and again
def numbers_with_units(text: str) -> dict[str, set[float]]:
    """{'weken': {2.0}, 'procent': {110.0}} from 'binnen twee weken ... 110 procent'
    (shared between calls: not to be changed)."""
    out: dict[str, set[float]] = {}
    for m in UNIT_RE.finditer(text):
        raw, unit = m.group(1).lower(), (m.group(2) or "procent").lower()
        unit = {"week": "weken", "maand": "maanden", "jaren": "jaar", "uren": "uur", "dagen": "dagen",
                "werkdagen": "werkdagen"}.get(unit, unit)
        value = float(raw.replace(",", ".")) if raw[0].isdigit() else float(NUMBER_WORDS[raw])
        out.setdefault(unit, set()).add(value)
    return out


def containment(a: set, b: set) -> float:
    """Share of ``a`` that is also in ``b``."""
    return len(a & b) / len(a) if a else 0.0


def shingles(words) -> set[tuple[str, ...]]:
    """The shingles of a passage as word tuples (what :func:`shingle_hashes`
    hashes): for comparing two passages in memory, no hashing is needed."""
    if len(words) < K:
        return {tuple(words)} if words else set()
    return set(zip(*(words[i:] for i in range(K))))


def profile(words) -> tuple[frozenset, frozenset]:
    """The shingles and the content words of a passage (what :func:`similarity_of` takes)."""
    return _profile(tuple(words))


@lru_cache(maxsize=1024)  # a passage is compared with several statute sentences, and these come back often
def _profile(words: tuple[str, ...]) -> tuple[frozenset, frozenset]:
    """The shingles and the content words (numbers left out) of a passage."""
    return frozenset(shingles(words)), frozenset(words) - {"#"}


def similarity(q_words, s_words, anchors: int = 0) -> float:
    """How much of one passage repeats the other, robust to a dropped or added
    clause (containment both ways, the smaller side must be substantial) and to
    word order (content-word containment, weighted a little lower).

    ``anchors`` is the number of quantities both passages state alike, value
    and unit ('vier weken', '27 jaar', '50%'): a restatement keeps the law's
    numbers while its words change, so each counts as two content words that
    both share (see :func:`shared_quantities`), once most content words are
    shared both ways."""
    return similarity_of(_profile(tuple(q_words)), s_words, anchors)


def similarity_of(q_profile: tuple[frozenset, frozenset], s_words, anchors: int = 0) -> float:
    """:func:`similarity` with the first passage's :func:`profile` made
    beforehand (a passage compared with many statute sentences)."""
    qs, qw = q_profile
    ss, sw = _profile(tuple(s_words))
    runs, common = len(qs & ss), len(qw & sw)  # shared shingles and content words (for containment either way)
    forward = max(_share(runs, qs), 0.9 * _share(common, qw) if len(qw) >= 6 else 0.0)
    backward = 0.0
    if len(sw) >= 8:  # the whole statute sentence inside a longer ordinance sentence
        backward = max(_share(runs, ss), 0.9 * _share(common, sw))
    if anchors and len(qw) >= 6 and min(_share(common, qw), _share(common, sw)) >= ANCHOR_FLOOR:
        # (only a sentence that shares most words both ways: 'U krijgt binnen twee weken een besluit'
        # shares the two weeks with the law, but not enough of the rest)
        weight = ANCHOR_WEIGHT * anchors
        forward = max(forward, (common + weight) / (len(qw) + weight))
        if len(sw) >= 8:
            backward = max(backward, (common + weight) / (len(sw) + weight))
    return max(forward, backward)


ANCHOR_WEIGHT = 2
ANCHOR_FLOOR = 0.6  # content words in common, both ways, before the numbers count


def _share(shared: int, a: frozenset) -> float:
    """:func:`containment` of ``a`` when ``shared`` of its members are in the other set."""
    return shared / len(a) if a else 0.0


def shared_quantities(ours: dict[str, set[float]], theirs: dict[str, set[float]]) -> int:
    """How many quantities (unit and value, from :func:`numbers_with_units`) two passages share."""
    return sum(len(values & theirs[unit]) for unit, values in ours.items() if unit in theirs)
