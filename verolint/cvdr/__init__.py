"""Regulations published in CVDR, the register of all Dutch local regulations.

A regulation is named by its work id (``CVDR690468``, the newest version),
a version (``CVDR690468/1`` or ``CVDR690468_1``) or its address on
``lokaleregelgeving.overheid.nl``. :mod:`.sru` looks records up in the SRU
search service, :mod:`.store` fetches the XML of a version from the official
repository into the cache; the CVDR reader reads it like any local file.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from .. import rx
from ..net import FetchError

_REF_RE = rx.compile(
    r"^(?:https?://(?:www\.)?lokaleregelgeving\.overheid\.nl/)?(CVDR\d{1,9})(?:[/_](\d{1,4}))?"
    r"(?:/[^?#]*)?(?:[?#].*)?$",
    re.I,
)


class CvdrError(FetchError):
    """A regulation could not be found or fetched; nothing was stored."""


@dataclass(frozen=True)
class Ref:
    """A regulation as a user names it: a work, and a version or the newest."""

    work: str
    version: int | None = None

    def __str__(self) -> str:
        return self.work if self.version is None else f"{self.work}/{self.version}"


def parse_ref(text: str) -> Ref | None:
    """The regulation ``text`` names, or None when it names none."""
    m = _REF_RE.match(text.strip())
    if not m:
        return None
    return Ref(m.group(1).upper(), int(m.group(2)) if m.group(2) else None)


@dataclass(frozen=True)
class Record:
    """One version of a regulation as the search service describes it."""

    work: str
    version: int
    title: str = ""
    creator: str = ""  # the public body, e.g. the municipality
    subject: str = ""
    indeling: str = ""
    inwerking: str = ""  # date of entry into force, JJJJ-MM-DD
    uitwerking: str = ""  # date it ceased to apply, '' while in force
    xml_url: str = ""
    preferred_url: str = ""

    @property
    def record_id(self) -> str:
        return f"{self.work}_{self.version}"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Record":
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})
