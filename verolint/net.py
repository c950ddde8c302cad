"""Fetching from the official services, for ``statutes pull`` and CVDR.

The server is not trusted. A redirect is followed only within the origin it
was sent to; every answer has a size cap, a time-out without bytes and an
overall deadline (a server that trickles bytes cannot hold the run); an
answer shorter than the length the server announced is refused. A polite
client also waits between requests to the same host (:class:`Throttle`).
"""

from __future__ import annotations

import threading
import time
from http.client import HTTPException
from urllib.error import HTTPError, URLError
from urllib.parse import unquote, urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

from . import __version__
from .errors import VerolintError

TIMEOUT = 30  # seconds without any byte from the server
DEADLINE = 120  # seconds for one whole download
MAX_DOWNLOAD = 64 * 1024 * 1024  # the largest BWB toestand or CVDR regulation is a few MB
USER_AGENT = f"verolint/{__version__} (+https://pypi.org/project/verolint/)"


class FetchError(VerolintError):
    """Something could not be fetched; nothing was stored."""


class _SameOrigin(HTTPRedirectHandler):
    """Follow a redirect only to the origin (scheme, host, port) asked."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if origin(newurl) != origin(req.full_url):
            raise FetchError(f"de server stuurt door naar een andere plek ({newurl.split('?')[0]}); niet gevolgd")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def under(url: str, base: str) -> bool:
    """``url`` is a document under ``base``: same origin, a path below base's,
    and no dot segments (plain or percent-encoded) to climb out of it."""
    u, b = urlsplit(url), urlsplit(base)
    if origin(url) != origin(base) or u.query or u.fragment:
        return False
    segments = unquote(u.path).split("/")
    if any(seg in (".", "..") for seg in segments) or "\\" in unquote(u.path):
        return False
    return u.path.startswith(b.path.rstrip("/") + "/")


def get(url: str, what: str, *, limit: int | None = None, deadline: float | None = None,
        timeout: float | None = None) -> bytes:
    """The whole body of ``url``, or a :class:`FetchError` that says why not.

    ``limit``, ``deadline`` and ``timeout`` default to the module's values,
    read at call time (tests and the audit lower them)."""
    limit = MAX_DOWNLOAD if limit is None else limit
    deadline = DEADLINE if deadline is None else deadline
    request = Request(url, headers={"Accept": "application/xml", "User-Agent": USER_AGENT})
    opener = build_opener(_SameOrigin)
    end = time.monotonic() + deadline
    wait = min(TIMEOUT if timeout is None else timeout, deadline)  # silence, too, counts against the deadline
    try:
        with opener.open(request, timeout=wait) as response:
            chunks, size = [], 0
            while chunk := _read(response, what, deadline):
                size += len(chunk)
                if size > limit:
                    raise FetchError(f"{what}: het antwoord is groter dan {limit // (1024 * 1024)} MB; niets opgeslagen")
                if time.monotonic() > end:
                    raise FetchError(f"{what}: de server deed er langer dan {deadline:g} s over; niets opgeslagen")
                chunks.append(chunk)
            if response.length:  # the server announced more than it sent: the connection broke off
                raise FetchError(f"{what}: het antwoord is afgebroken ({size} van {size + response.length} bytes); "
                                 "niets opgeslagen")
            return b"".join(chunks)
    except FetchError:
        raise
    except HTTPError as exc:
        raise FetchError(f"{what}: de server antwoordde {exc.code} ({exc.reason}) op {url}") from None
    except HTTPException as exc:  # a malformed or cut-off answer
        raise FetchError(f"{what}: onbruikbaar antwoord van {url.split('?')[0]} ({type(exc).__name__}); "
                         "niets opgeslagen") from None
    except (URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(
            f"{what}: kan {url.split('?')[0]} niet bereiken ({reason}). Bent u offline? Er is niets opgeslagen."
        ) from None


def _read(response, what: str, deadline: float) -> bytes:
    try:
        return response.read1(1 << 16)
    except TimeoutError:
        raise FetchError(f"{what}: de server deed er langer dan {deadline:g} s over; niets opgeslagen") from None


class Throttle:
    """At most ``rate`` requests per second to each host, shared by threads.

    ``rate`` 0 means no waiting. Each host's next free slot is reserved under
    a lock, so concurrent callers queue up instead of all firing at once."""

    def __init__(self, rate: float, clock=time.monotonic, sleep=time.sleep):
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.clock, self.sleep = clock, sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> None:
        if not self.interval:
            return
        host = urlsplit(url).netloc.lower()
        with self._lock:
            now = self.clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + self.interval
        if slot > now:
            self.sleep(slot - now)
