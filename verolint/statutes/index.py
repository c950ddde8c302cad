"""The statute index: built once, cached on disk, loaded in milliseconds.

Layout of one index folder (all arrays little-endian, written with
``array.tofile``):

* ``fingerprints.bin`` — sorted ``array('Q')`` of ``hash << 24 | unit``
  (40-bit shingle hash, 24-bit unit number; every shingle of a statute
  sentence, so a passage that shares even one three-word run is a
  candidate), and of every key word (a word in at most KEY_MAX_UNITS statute
  sentences: 'vertrouwenspersoon', 'calamiteit'), so that a restatement that
  shares few three-word runs but several rare words is a candidate too;
  searched with bisect;
* ``units.bin`` — per unit: statute number, text offset and length, path
  offset and length (into the two blobs), and the offset and length of the
  unit's context in the text blob (0, 0 when it has none): for a list item
  ('f. jeugdigen, ouders of pleegouders een beroep kunnen doen op een
  vertrouwenspersoon'), the sentence that introduces the list ('Het college is
  er in ieder geval verantwoordelijk voor dat:') with the whole list, or with
  the item alone when the list is long. An ordinance restates the lead-in and
  the item in one sentence, or a short list in one sentence, and a lead-in
  'bij verordening …' makes every item a delegation (see :meth:`context`);
* ``texts.bin`` / ``paths.bin`` — UTF-8 blobs (kept as the bytes load verified);
* ``words.bin`` — per unit, its normalised words (:func:`~verolint.statutes.shingles.normalise`),
  and per context its normalised words, UTF-8, one word per line: a statute
  sentence is normalised once, when the index is built, not again on every run
  that compares with it (units.bin holds the offsets);
* ``statutes.json`` — the statutes (BWB id, citeertitel, version, source);
* ``structure.json`` — per statute, its articles with their leden and
  onderdelen (letters), for checking references into the law (REF201);
* ``definitions.json`` — the terms the statutes define ('cliënt: persoon
  die …', keyed by :func:`definition_key`) and the units that define them,
  for comparing an ordinance's own definition with the law's;
* ``manifest.json`` — the index version and the size and SHA-256 of every
  other file, written last: :meth:`StatuteIndex.load` checks them and the
  arrays' consistency, and refuses (so that the caller rebuilds) an index that
  was cut off, damaged or planted. Nothing in it is ever executed.

The folder name is a hash of the index version and of every source file's
path, size and modification time, so a changed source builds a new index; the
folder is written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import mmap
import os
import re
import shutil
import sys
import tempfile
from array import array
from collections import Counter
from dataclasses import asdict, dataclass
from functools import lru_cache
from itertools import chain
from operator import add, itemgetter
from pathlib import Path

from .. import rx
from .shingles import HASH_BITS, key_hash, normalise, shingle_hashes

INDEX_VERSION = 11  # 5: plain form (jargon pack); 6: lemmas; 7: every shingle indexed, not a winnowed sample;
# 8: synonyms and nominalisations canonical (synonyms.txt); 9: list items with their lead-in (context),
# key words, 'zorg dragen' and 'een beroep doen op' phrases; 10: the definitions table built with the index;
# 11: the normalised words of every unit and context stored (words.bin)
# statute, text offset, text length, path offset, path length, context offset, context length,
# words offset, words length, context words offset, context words length
UNIT_FIELDS = 11
CONTEXT_MAX_WORDS = 60  # a list longer than this (normalised words) gives each item its lead-in only
KEY_MAX_UNITS = 80  # a word in at most this many statute sentences is a key word (see key_candidates)
KEY_MIN_SHARED = 3  # key words a passage must share with a statute sentence to make it a candidate
_FILES = ("statutes.json", "fingerprints.bin", "units.bin", "texts.bin", "paths.bin", "words.bin",
          "structure.json", "definitions.json")
UNIT_BITS = 24
MIN_WORDS = 4  # statute sentences shorter than this (normalised) are not indexed


@dataclass
class Statute:
    bwb_id: str | None
    title: str
    version: str | None
    path: str

    @property
    def name(self) -> str:
        return self.title


class StatuteIndex:
    def __init__(self, folder: Path, statutes: list[Statute], fingerprints: array, units: array,
                 structure: list[dict] | None = None, definitions: dict[str, list[int]] | None = None):
        self.folder = folder
        self.statutes = statutes
        self.structure = structure or [{} for _ in statutes]  # per statute: article -> leden and onderdelen
        self.fp = fingerprints
        self.units = units  # UNIT_FIELDS values per unit (see the module docstring)
        self._texts = None
        self._paths = None
        self._wordblob = None
        self._words: dict[int, tuple[str, ...]] = {}  # normalised words per unit, read once per run
        self._context_words: dict[int, tuple[str, ...]] = {}  # context words offset -> its normalised words
        self._definitions = definitions or {}  # defined term (definition_key) -> the units that define it
        self._units: dict[int, tuple[int, ...]] = {}  # fingerprint -> its units (see _units_of), made as asked
        self._keys: dict[str, tuple[int, ...]] = {"#": ()}  # word -> the units it is a key word of (numbers never)

    # -- reading ------------------------------------------------------------------
    @classmethod
    def load(cls, folder: Path, shipped: bool = False) -> "StatuteIndex":
        """Load and verify an index folder; ValueError when it is not exactly
        what :meth:`build` wrote (the caller then builds it again). The
        checksums are checked always; the structure of the arrays (every unit
        within the blobs, the fingerprints in order) only for a folder that
        anyone who can write the cache may have planted, not for the set
        ``shipped`` inside the package (a tenth of a small check's run)."""
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or manifest.get("version") != INDEX_VERSION:
            raise ValueError("andere indexversie")
        data = {}
        for name in _FILES:
            raw = (folder / name).read_bytes()
            entry = manifest.get("files", {}).get(name)
            if not isinstance(entry, dict) or entry.get("size") != len(raw) or \
                    entry.get("sha256") != hashlib.sha256(raw).hexdigest():
                raise ValueError(f"{name} klopt niet met het manifest")
            data[name] = raw
        statutes = [Statute(**s) for s in json.loads(data["statutes.json"].decode("utf-8"))]
        fp, units = array("Q"), array("Q")
        fp.frombytes(data["fingerprints.bin"])
        units.frombytes(data["units.bin"])
        texts, paths, words = len(data["texts.bin"]), len(data["paths.bin"]), len(data["words.bin"])
        if len(units) % UNIT_FIELDS:
            raise ValueError("units.bin is afgebroken")
        n = len(units) // UNIT_FIELDS
        if not shipped and not (_units_in_bounds(units, len(statutes), texts, paths, words)
                                and _fingerprints_valid(fp, n)):
            raise ValueError("units.bin of fingerprints.bin klopt niet")
        structure = json.loads(data["structure.json"].decode("utf-8"))
        if not isinstance(structure, list) or len(structure) != len(statutes):
            raise ValueError("structure.json klopt niet")
        definitions = json.loads(data["definitions.json"].decode("utf-8"))
        if not isinstance(definitions, dict) or not all(
                isinstance(v, list) and all(isinstance(u, int) and 0 <= u < n for u in v) for v in definitions.values()):
            raise ValueError("definitions.json klopt niet")
        idx = cls(folder, statutes, fp, units, structure, definitions)
        # the bytes just verified, not a later read
        idx._texts, idx._paths, idx._wordblob = data["texts.bin"], data["paths.bin"], data["words.bin"]
        return idx

    def _blob(self, name: str):
        fh = open(self.folder / name, "rb")
        try:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file cannot be mapped
            return b""
        finally:
            fh.close()

    def unit_count(self) -> int:
        return len(self.units) // UNIT_FIELDS

    def unit(self, i: int) -> tuple[Statute, str, str]:
        if self._texts is None:
            self._texts, self._paths = self._blob("texts.bin"), self._blob("paths.bin")
        s, toff, tlen, poff, plen = self.units[UNIT_FIELDS * i: UNIT_FIELDS * i + 5]
        text = self._texts[toff:toff + tlen].decode("utf-8")
        path = self._paths[poff:poff + plen].decode("utf-8")
        return self.statutes[s], path, text

    def context(self, i: int) -> str:
        """The text unit ``i`` stands in when it is a list item: the list's
        lead-in with the whole list (or with this item, when the list is
        long); '' for a unit that is no list item."""
        coff, clen = self.units[UNIT_FIELDS * i + 5: UNIT_FIELDS * i + 7]
        if not clen:
            return ""
        if self._texts is None:
            self.unit(i)
        return self._texts[coff:coff + clen].decode("utf-8")

    def context_words(self, i: int) -> tuple[str, ...]:
        """The normalised words of :meth:`context` (empty when there is none),
        as the index was built with them (the items of a list share them)."""
        off, length = self.units[UNIT_FIELDS * i + 9: UNIT_FIELDS * i + 11]
        if not length:
            return ()
        words = self._context_words.get(off)
        if words is None:
            words = self._context_words[off] = self._stored_words(off, length)
        return words

    def words(self, i: int) -> tuple[str, ...]:
        """The normalised words of unit ``i`` (stored in the index; read once per run)."""
        words = self._words.get(i)
        if words is None:
            off, length = self.units[UNIT_FIELDS * i + 7: UNIT_FIELDS * i + 9]
            words = self._words[i] = self._stored_words(off, length)
        return words

    def _stored_words(self, off: int, length: int) -> tuple[str, ...]:
        if self._wordblob is None:
            self._wordblob = self._blob("words.bin")
        text = self._wordblob[off:off + length].decode("utf-8")
        return tuple(map(sys.intern, text.split("\n"))) if text else ()

    def fingerprint_count(self) -> int:
        return len(self.fp)

    def definitions(self, term: str) -> list[int]:
        """The units that define ``term`` (a key of :func:`definition_key`):
        the law's begripsbepalingen ('*cliënt:* persoon die …'), found when
        the index was built (``definitions.json``)."""
        return self._definitions.get(term, [])

    def law(self, bwb_id: str) -> tuple[Statute, dict] | None:
        """The statute with this BWB id and its article structure."""
        for statute, structure in zip(self.statutes, self.structure):
            if statute.bwb_id == bwb_id:
                return statute, structure
        return None

    def candidates(self, hashes: list[int], limit: int = 5) -> list[tuple[int, int]]:
        """Units sharing fingerprints with ``hashes``, most shared first."""
        counts = Counter(chain.from_iterable(map(self._units_of, dict.fromkeys(hashes))))
        return sorted(counts.items(), key=itemgetter(1), reverse=True)[:limit]  # (a stable sort)

    def key_candidates(self, words, limit: int = 6) -> list[tuple[int, int]]:
        """Units sharing at least KEY_MIN_SHARED key words (rare words of the
        statutes, in any order) with ``words``, most shared first: the
        candidates of a paraphrase that keeps the law's rare words but not
        three of them in a row."""
        counts = Counter(chain.from_iterable(map(self._key_units, dict.fromkeys(words))))
        found = [(u, c) for u, c in counts.items() if c >= KEY_MIN_SHARED]
        return sorted(found, key=itemgetter(1), reverse=True)[:limit]

    def _key_units(self, word: str) -> tuple[int, ...]:
        """The units ``word`` is a key word of, kept per word for the run."""
        found = self._keys.get(word)
        if found is None:
            found = self._keys[word] = self._units_of(key_hash(word))
        return found

    def _units_of(self, h: int) -> tuple[int, ...]:
        """The units a fingerprint (a shingle's or a key word's hash) stands
        in; kept for the run, since a text repeats its phrases again and again."""
        found = self._units.get(h)
        if found is None:
            fp = self.fp
            lo = bisect.bisect_left(fp, h << UNIT_BITS)
            if lo == len(fp) or fp[lo] >> UNIT_BITS != h:
                found = ()  # most shingles of a text are in no statute: one search tells
            else:
                hi = bisect.bisect_left(fp, (h + 1) << UNIT_BITS, lo)
                found = tuple(map(((1 << UNIT_BITS) - 1).__and__, fp[lo:hi]))
            self._units[h] = found
        return found

    # -- building ------------------------------------------------------------------
    @classmethod
    def build(cls, docs, folder: Path) -> "StatuteIndex":
        """Build from an iterable of (Statute, Document) and write to ``folder``."""
        from ..analysis import Analysis

        tmp = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
        try:
            statutes: list[Statute] = []
            keys: list[int] = []
            units = array("Q")
            texts = bytearray()
            paths = bytearray()
            wordblob = bytearray()
            n = 0
            structure: list[dict] = []
            postings: dict[str, list[int]] = {}  # word -> the units it stands in
            definitions: dict[str, list[int]] = {}  # defined term -> the units that define it
            for statute, doc in docs:
                sid = len(statutes)
                statutes.append(statute)
                structure.append(article_structure(doc))
                path_cache: dict[int, bytes] = {}
                sentences = Analysis(doc).sentences()
                contexts = _list_contexts(sentences)
                context_at: dict[object, tuple[int, int, int, int]] = {}  # context text -> its text and words
                for s in sentences:
                    words = normalise(s.text)
                    found = contexts.get(id(s))
                    if len(words) < MIN_WORDS and (found is None or len(found[0]) + len(words) < MIN_WORDS):
                        continue  # (a short list item counts with its lead-in: 'cliëntondersteuning beschikbaar is')
                    if n >= 1 << UNIT_BITS:
                        raise ValueError("te veel zinnen voor één wettenindex")
                    hashes = set(shingle_hashes(words))  # every shingle: short shared runs are found too
                    coff = clen = cwoff = cwlen = 0
                    unit_words = set(words)
                    if found is not None:
                        unit_words.update(found[0])
                        lead_words, context = found
                        hashes.update(shingle_hashes(lead_words + words))  # the lead-in and the item as one sentence
                        if context not in context_at:
                            raw = context.encode("utf-8")
                            stored = _stored(normalise(context))
                            context_at[context] = (len(texts), len(raw), len(wordblob), len(stored))
                            texts += raw
                            wordblob += stored
                        coff, clen, cwoff, cwlen = context_at[context]
                    keys.extend((h << UNIT_BITS) | n for h in sorted(hashes))
                    unit_words.discard("#")
                    for w in unit_words:
                        postings.setdefault(w, []).append(n)
                    raw = " ".join(s.text.split()).encode("utf-8")
                    defined = split_definition(raw.decode("utf-8")) if b":" in raw[:72] else None
                    if defined:  # the term and its colon come first
                        definitions.setdefault(definition_key(defined[0]), []).append(n)
                    pb = path_cache.get(id(s.node))
                    if pb is None:
                        pb = path_cache[id(s.node)] = s.node.path.encode("utf-8")
                    stored = _stored(normalise(raw.decode("utf-8")))  # (as the unit's text reads: spaces collapsed)
                    units.extend((sid, len(texts), len(raw), len(paths), len(pb), coff, clen,
                                  len(wordblob), len(stored), cwoff, cwlen))
                    texts += raw
                    paths += pb
                    wordblob += stored
                    n += 1
            for w, where in postings.items():
                if len(where) <= KEY_MAX_UNITS:
                    h = key_hash(w)
                    keys.extend((h << UNIT_BITS) | u for u in where)
            keys.sort()
            fp = array("Q", keys)
            del keys
            with open(tmp / "fingerprints.bin", "wb") as fh:
                fp.tofile(fh)
            with open(tmp / "units.bin", "wb") as fh:
                units.tofile(fh)
            (tmp / "texts.bin").write_bytes(bytes(texts))
            (tmp / "paths.bin").write_bytes(bytes(paths))
            (tmp / "words.bin").write_bytes(bytes(wordblob))
            (tmp / "statutes.json").write_text(json.dumps([asdict(s) for s in statutes], ensure_ascii=False), encoding="utf-8")
            (tmp / "structure.json").write_text(json.dumps(structure, ensure_ascii=False, sort_keys=True),
                                                encoding="utf-8")
            (tmp / "definitions.json").write_text(json.dumps(definitions, ensure_ascii=False, sort_keys=True),
                                                  encoding="utf-8")
            files = {}
            for name in _FILES:
                raw = (tmp / name).read_bytes()
                files[name] = {"size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
            (tmp / "manifest.json").write_text(json.dumps({"version": INDEX_VERSION, "files": files}), encoding="utf-8")
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
            os.replace(tmp, folder)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return cls.load(folder)


def _stored(words) -> bytes:
    """Normalised words as words.bin holds them: one per line (no word holds a line break)."""
    return "\n".join(words).encode("utf-8")


def _units_in_bounds(units: array, statutes: int, texts: int, paths: int, words: int) -> bool:
    """Every unit names a statute and lies, with its path, context and words,
    within the blobs (the checks of one loop over the units, run per field in C)."""
    if not units:
        return True
    f = UNIT_FIELDS
    return (max(units[0::f]) < statutes and max(map(add, units[1::f], units[2::f])) <= texts and
            max(map(add, units[3::f], units[4::f])) <= paths and max(map(add, units[5::f], units[6::f])) <= texts
            and max(map(add, units[7::f], units[8::f])) <= words and max(map(add, units[9::f], units[10::f])) <= words)


def _fingerprints_valid(fp: array, units: int) -> bool:
    """Whether the fingerprint keys are in ascending order and each names a
    unit below ``units`` in its low UNIT_BITS bits (in C: the index is loaded
    on every run). The unit numbers are the low three bytes of each
    little-endian key: copied out by byte slices into 32-bit numbers, their
    maximum is one pass."""
    keys = fp.tolist()
    if keys != sorted(keys):
        return False
    if not keys:
        return True
    little = array("Q", fp)
    if sys.byteorder == "big":
        little.byteswap()
    raw, low = little.tobytes(), bytearray(4 * len(fp))
    for b in range(UNIT_BITS // 8):  # (UNIT_BITS is 24: whole bytes, fewer than 32 bits)
        low[b::4] = raw[b::8]
    numbers = array("I")
    numbers.frombytes(low)
    if sys.byteorder == "big":
        numbers.byteswap()
    return max(numbers) < units


# a lead-in that introduces definitions: each item is compared as a definition (DEF003), on its own
_DEFINITIONS_LEAD_RE = rx.compile(r"\bverstaan\s+onder\s*:?\s*$|\bbegrippen\b", re.I)


def _list_contexts(sentences) -> dict[int, tuple[list[str], str]]:
    """{id(item sentence): (normalised words of the lead-in, context text)} for
    the list items of a statute: the sentences of a node whose parent's own text
    ends in a colon ('Het college draagt er in ieder geval zorg voor dat voor
    ingezetenen:'). The context is the lead-in with the whole list when the list
    is short (CONTEXT_MAX_WORDS), else the lead-in with the item alone.
    Definition lists are left out: their items are compared term by term."""
    from ..model import Kind

    by_node: dict[int, list] = {}
    for s in sentences:
        by_node.setdefault(id(s.node), []).append(s)
    items: dict[int, list] = {}  # id(lead-in sentence) -> its items' sentences
    leads = {}
    for s in sentences:
        parent = s.node.parent
        if s.node.kind not in (Kind.ONDERDEEL, Kind.SUBONDERDEEL) or parent is None:
            continue
        own = by_node.get(id(parent))
        if not own or own[-1].start > s.start:
            continue
        lead = own[-1]
        text = lead.text.rstrip()
        if not text.endswith(":") or _DEFINITIONS_LEAD_RE.search(text):
            continue
        leads[id(lead)] = lead
        items.setdefault(id(lead), []).append(s)
    out: dict[int, tuple[list[str], str]] = {}
    for key, members in items.items():
        lead = " ".join(leads[key].text.split())
        lead_words = normalise(lead)
        whole = " ".join([lead] + [" ".join(m.text.split()) for m in members])
        short = len(normalise(whole)) <= CONTEXT_MAX_WORDS
        for m in members:
            out[id(m)] = (lead_words, whole if short else f"{lead} {' '.join(m.text.split())}")
    return out


def article_structure(doc) -> dict:
    """{article number: {"leden": ["1", "2"], "onderdelen": {"": ["a", "b"], "1": ["a"]}}}
    of a statute's own articles (onderdelen by letter; those directly under the
    article under "")."""
    from ..model import Kind

    out: dict[str, dict] = {}
    for art in doc.articles():
        if not art.number or art.number in out:
            continue
        leden = [c.number for c in art.children if c.kind is Kind.LID and c.number]
        items: dict[str, list[str]] = {}
        for holder in [art] + [c for c in art.children if c.kind is Kind.LID]:
            letters = [c.number.rstrip(".") for c in holder.children
                       if c.kind is Kind.ONDERDEEL and c.number and c.number.rstrip(".").isalpha()]
            if letters:
                items["" if holder is art else holder.number] = letters
        out[art.number] = {"leden": leden, "onderdelen": items}
    return out


# 'cliënt: persoon die …', '*cliënt:* persoon die …' (Markdown export), 'b. cliënt: …'
_DEFINITION_RE = rx.compile(
    r"^\s*(?:[a-z]{1,2}[.)]\s+|\d+[°.)]\s+)?\*{0,2}(?P<term>[^\W\d][\w'’ -]{1,58}?)\s*\*{0,2}\s*:\s*\*{0,2}\s+(?P<body>\S.*)$",
    re.S)


def split_definition(text: str) -> tuple[str, str] | None:
    """(term, definition) of a definition written as 'term: definition', else None."""
    m = _DEFINITION_RE.match(text)
    if m is None or len(m.group("term").split()) > 4:
        return None
    return m.group("term"), m.group("body")


@lru_cache(maxsize=4096)
def definition_key(term: str) -> str:
    """A defined term as the comparison sees it (lemmas, synonyms canonical)."""
    return " ".join(normalise(term))


def index_key(files: list[Path]) -> str:
    h = hashlib.sha256(f"verolint-statutes-{INDEX_VERSION}-{HASH_BITS}".encode())
    for f in sorted(files):
        st = f.stat()
        h.update(f"{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:20]


class CombinedIndex:
    """The user's statutes searched together with the built-in set; a law the
    user has (same BWB id) hides the built-in version of it. Unit numbers of
    the built-in index follow those of the user's."""

    def __init__(self, own: StatuteIndex, builtin: StatuteIndex):
        self.own, self.builtin = own, builtin
        covered = {s.bwb_id for s in own.statutes if s.bwb_id}
        self.hidden = {i for i, s in enumerate(builtin.statutes) if s.bwb_id in covered}
        self.offset = own.unit_count()
        self.statutes = own.statutes + [s for i, s in enumerate(builtin.statutes) if i not in self.hidden]
        self.folder = own.folder

    def unit_count(self) -> int:
        return self.offset + self.builtin.unit_count()

    def law(self, bwb_id: str) -> tuple[Statute, dict] | None:
        return self.own.law(bwb_id) or self.builtin.law(bwb_id)

    def fingerprint_count(self) -> int:
        return self.own.fingerprint_count() + self.builtin.fingerprint_count()

    def _split(self, i: int) -> tuple[StatuteIndex, int]:
        return (self.own, i) if i < self.offset else (self.builtin, i - self.offset)

    def unit(self, i: int) -> tuple[Statute, str, str]:
        index, j = self._split(i)
        return index.unit(j)

    def words(self, i: int) -> tuple[str, ...]:
        index, j = self._split(i)
        return index.words(j)

    def context(self, i: int) -> str:
        index, j = self._split(i)
        return index.context(j)

    def context_words(self, i: int) -> tuple[str, ...]:
        index, j = self._split(i)
        return index.context_words(j)

    def definitions(self, term: str) -> list[int]:
        units = self.builtin.units
        return self.own.definitions(term) + [u + self.offset for u in self.builtin.definitions(term)
                                             if units[UNIT_FIELDS * u] not in self.hidden]

    def key_candidates(self, words, limit: int = 6) -> list[tuple[int, int]]:
        found = self.own.key_candidates(words, limit)
        units = self.builtin.units
        found += [(u + self.offset, n) for u, n in self.builtin.key_candidates(words, limit)
                  if units[UNIT_FIELDS * u] not in self.hidden]
        return sorted(found, key=lambda kv: -kv[1])[:limit]

    def candidates(self, hashes: list[int], limit: int = 5) -> list[tuple[int, int]]:
        found = self.own.candidates(hashes, limit)
        units = self.builtin.units
        found += [(u + self.offset, n) for u, n in self.builtin.candidates(hashes, limit)
                  if units[UNIT_FIELDS * u] not in self.hidden]
        return sorted(found, key=lambda kv: -kv[1])[:limit]
