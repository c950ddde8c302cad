"""The load checks of the statute index (verolint.statutes.index): the unit
bounds checked in C answer as the plain loop does, and a planted index whose
manifest matches its files is still refused."""

import hashlib
import json
import random
from array import array

import pytest

from verolint.statutes import builtin
from verolint.statutes.index import UNIT_BITS, UNIT_FIELDS, StatuteIndex, _fingerprints_valid, _units_in_bounds

MASK = (1 << UNIT_BITS) - 1



@pytest.mark.parametrize("seed", range(20))
def test_fingerprint_checks_agree_with_sorted_and_max(seed):
    rnd = random.Random(seed)
    units = rnd.choice([1, 2, 100, MASK, MASK + 1])
    keys = sorted(rnd.randrange(1 << 40) << UNIT_BITS | rnd.randrange(min(units + 2, MASK + 1))
                  for _ in range(rnd.choice([0, 1, 2, 50, 5000])))
    if len(keys) > 1 and rnd.random() < 0.5:
        i = rnd.randrange(len(keys) - 1)
        keys[i], keys[i + 1] = keys[i + 1], keys[i]
    expected = keys == sorted(keys) and (not keys or max(k & MASK for k in keys) < units)
    assert _fingerprints_valid(array("Q", keys), units) == expected

def _reference_units(units, statutes, texts, paths, words):
    for i in range(0, len(units), UNIT_FIELDS):
        sid, toff, tlen, poff, plen, coff, clen, woff, wlen, cwoff, cwlen = units[i:i + UNIT_FIELDS]
        if (sid >= statutes or toff + tlen > texts or poff + plen > paths or coff + clen > texts
                or woff + wlen > words or cwoff + cwlen > words):
            return False
    return True


def test_unit_bounds_agree_with_the_loop():
    rnd = random.Random(1)
    base = array("Q", [1, 10, 5, 3, 4, 0, 0, 6, 2, 1, 3] * 20)
    assert _units_in_bounds(array("Q"), 0, 0, 0, 0)
    for _ in range(300):
        units = array("Q", base)
        i = rnd.randrange(len(units))
        units[i] = rnd.choice([0, 2, 7, 15, 16, 30, (1 << 64) - 1])
        for sizes in ((2, 15, 7, 8), (1, 15, 7, 8), (2, 14, 7, 8), (2, 15, 6, 8), (2, 15, 7, 7), (5, 40, 40, 40)):
            assert _units_in_bounds(units, *sizes) == _reference_units(units, *sizes)


def _copy_with(tmp_path, name, raw):
    """The built-in index with ``name`` replaced and the manifest rewritten
    to match: a planted index whose checksums hold."""
    folder = tmp_path / "idx"
    folder.mkdir(parents=True)
    for p in builtin.DATA.iterdir():
        if p.is_file():
            (folder / p.name).write_bytes(p.read_bytes())
    (folder / name).write_bytes(raw)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][name] = {"size": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def test_a_planted_index_with_a_matching_manifest_is_refused(tmp_path):
    if not (builtin.DATA / "manifest.json").exists():
        pytest.skip("no built-in index")
    fp = array("Q")
    fp.frombytes((builtin.DATA / "fingerprints.bin").read_bytes())
    units = array("Q")
    units.frombytes((builtin.DATA / "units.bin").read_bytes())
    n = len(units) // UNIT_FIELDS
    ok = _copy_with(tmp_path / "ok", "fingerprints.bin", fp.tobytes())
    assert StatuteIndex.load(ok).unit(0) == builtin.load().unit(0)
    swapped = array("Q", fp)
    i = len(fp) // 2
    swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
    past = array("Q", fp)
    past[-1] = past[-1] & ~MASK | n
    long_text = array("Q", units)
    long_text[2] = len((builtin.DATA / "texts.bin").read_bytes()) - long_text[1] + 1
    long_words = array("Q", units)  # a unit's stored words reaching past words.bin
    long_words[8] = len((builtin.DATA / "words.bin").read_bytes()) - long_words[7] + 1
    for k, (name, raw) in enumerate([("fingerprints.bin", swapped.tobytes()), ("fingerprints.bin", past.tobytes()),
                                     ("fingerprints.bin", fp.tobytes()[:-3]), ("units.bin", long_text.tobytes()),
                                     ("units.bin", long_words.tobytes())]):
        folder = _copy_with(tmp_path / str(k), name, raw)
        with pytest.raises(ValueError):
            StatuteIndex.load(folder)


def test_the_stored_words_are_what_the_comparison_makes_of_the_text():
    """words.bin holds each unit's and each context's normalised words, so that a
    run compares with them without normalising the statutes again."""
    from verolint.statutes.shingles import normalise

    idx = builtin.load()
    if idx is None:
        pytest.skip("no built-in index")
    n = idx.unit_count()
    with_context = [u for u in range(0, n, 7) if idx.context(u)]
    assert with_context, "the built-in laws have list items with a lead-in"
    for u in list(range(0, n, 97)) + with_context[:40]:
        assert idx.words(u) == tuple(normalise(idx.unit(u)[2]))
        assert idx.context_words(u) == (tuple(normalise(idx.context(u))) if idx.context(u) else ())


def test_the_shipped_set_is_checked_by_its_checksums(tmp_path):
    """The set inside the package skips the structure checks (a planted cache index does
    not), but a byte changed behind its manifest's back is still refused."""
    if not (builtin.DATA / "manifest.json").exists():
        pytest.skip("no built-in index")
    folder = tmp_path / "idx"
    folder.mkdir()
    for p in builtin.DATA.iterdir():
        if p.is_file():
            (folder / p.name).write_bytes(p.read_bytes())
    assert StatuteIndex.load(folder, shipped=True).unit(0) == builtin.load().unit(0)
    raw = bytearray((folder / "texts.bin").read_bytes())
    raw[10] ^= 1
    (folder / "texts.bin").write_bytes(bytes(raw))
    with pytest.raises(ValueError):
        StatuteIndex.load(folder, shipped=True)
