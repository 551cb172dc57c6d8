"""The rendered-page cache of the read pages (fund, fund report, project overview, project
report): a page is served from the cache only under a key made of everything it depends on,
and only as current as its kind of page promises.

A page is kept under one key, a hash of
- the code (``CODE_STAMP``: the package's files, so a deployment never serves old HTML),
- the path and query string,
- the person (user id), the interface's language and digits, the CSRF cookie (the page's
  forms carry a token made from it), today's date (deadlines are counted from today),
- the names of the data versions of the page's scope (``pagecache.versions``): ``global``
  plus ``fund:<id>`` for a fund's pages, ``project:<id>`` for a project's;

and beside the page the cache holds the **values** of those versions when it was built
(read with one query before the page is built, so a page built from older data is never
taken for newer) and the time they were read (``built_at``). The versions are moved by
database triggers in the writer's transaction.

- **Strict pages** (a project's scope): served only when the kept versions are the current
  ones. A write is seen by the very next read.
- **Fund-wide pages** (a fund's scope: the fund page, its report and drill-downs; each
  costs ~0.4 s of CPU at 2,000 projects, and every write in the fund moves their version)
  may lag by at most ``FUND_PAGE_STALE_SECONDS`` (setting; 0 makes them strict): a kept
  page built less than that ago is served, saying "figures as of HH:MM:SS" when its versions
  are not the current ones, and once it is older than half that, **one** request (a lock
  taken with ``cache.add``) builds it again while the others are still served the kept one.
  With no usable kept page, one request builds and the others wait for its page (at most
  ``WAIT_SECONDS``, then build their own). Read-your-writes: a person who wrote anything
  (a successful POST, PUT, PATCH or DELETE: ``WriteMarkMiddleware``) after a kept page was
  built is never served that page.

The view checks access first (``accounts.access``) and only then asks the cache, so who
may see what is decided as before on every request. Not cached: anything but a GET or HEAD,
an htmx request, a request with messages waiting to be shown, a request without a CSRF
cookie (its page would carry a token for a cookie the browser does not have yet), and any
answer but a 200 without cookies of its own.

The cache is Django's ``default`` cache (settings ``CACHES``: Redis shared by the workers
when ``LOGFRAME_CACHE_URL`` is set, else each process's own memory).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache as page_store
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import get_language, gettext

from logframe.pagecache.versions import GLOBAL, versions

TIMEOUT = 3600  # seconds; only bounds the memory (a kept page says which versions it shows)
HEADER = "X-Page-Cache"  # "hit", "stale" (an older rendering, labelled) or "miss"
LOCK_SECONDS = 60  # a build lock left by a worker that died frees itself after this
WAIT_SECONDS = 5.0  # how long a request waits for another request's build of its page
POLL_SECONDS = 0.05
WRITE_MARK = "page-wrote:"  # + user id: when the person's last write was answered
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_STAMPED = (".py", ".html", ".css", ".js", ".mo")
_MAIN = b"<main>"  # the label of an older rendering goes right after it


@dataclass(frozen=True)
class Kept:
    """A rendered page, the data versions it was built from and when they were read."""

    versions: tuple[int, ...]
    built_at: float  # time.time() just before the versions were read
    content_type: str
    content: bytes
    build_seconds: float = 0.0  # how long it took to build (wall time)

    def due(self, *, now: float, lag: float) -> bool:
        """Whether a lagging page should be built again: two of its last build's times
        before it expires (so that the new one is ready in time while the others are
        served this one), but not before half the bound (a page read seldom is then built
        about once per bound, not at every read)."""
        return now - self.built_at >= max(lag / 2, lag - 2 * self.build_seconds)


def _now() -> float:
    """The clock of ``built_at`` and of the write marks: the epoch's, shared by every worker
    (and, with Redis, every machine: keep their clocks synchronised)."""
    return time.time()


def fund_scope(fund_id: int) -> tuple[str, ...]:
    return (GLOBAL, f"fund:{fund_id}")


def project_scope(project_id: int) -> tuple[str, ...]:
    return (GLOBAL, f"project:{project_id}")


def stale_seconds(scope: Sequence[str]) -> float:
    """How long a kept page of ``scope`` may be served after it was built although the data
    moved: ``FUND_PAGE_STALE_SECONDS`` for a fund's pages, 0 (strict) for any other."""
    if any(key.startswith("fund:") for key in scope):
        return float(settings.FUND_PAGE_STALE_SECONDS)
    return 0.0


def cached_page(
    request: HttpRequest, *, scope: Sequence[str], render: Callable[[], HttpResponse]
) -> HttpResponse:
    """The page ``render`` makes, or a kept rendering of it as current as ``scope`` needs.

    Call it after the access checks: the key assumes the person may see the page."""
    key = page_key(request, scope=scope)
    if key is None:
        return render()
    read_at = _now()
    current = versions(scope)
    lag = stale_seconds(scope)
    mark = WRITE_MARK + str(request.user.pk)
    found = page_store.get_many([key, mark] if lag > 0 else [key])
    kept: Kept | None = found.get(key)
    if kept is not None and kept.versions == current:  # no clock: strict whatever the skew
        return _answer(kept, "hit")
    if lag <= 0:
        return _build(key, current, read_at, render)
    if kept is not None and _may_serve(kept, now=read_at, lag=lag, wrote_at=found.get(mark)):
        if not kept.due(now=read_at, lag=lag) or not _lock(key):
            return _stale(kept, lag)
        return _build_holding(key, current, read_at, render)
    if _lock(key):
        return _build_holding(key, current, read_at, render)
    waited = _wait(key, current, read_at)
    if waited is not None:
        return _answer(waited, "hit")
    return _build(key, current, read_at, render)


def _may_serve(kept: Kept, *, now: float, lag: float, wrote_at: float | None) -> bool:
    """Whether an older rendering may stand in: younger than ``lag``, built after the
    person's last write (read-your-writes), and with the place for its label."""
    return (
        now - kept.built_at < lag
        and (wrote_at is None or kept.built_at > wrote_at)
        and _MAIN in kept.content
    )


def _answer(kept: Kept, state: str) -> HttpResponse:
    response = HttpResponse(kept.content, content_type=kept.content_type)
    response[HEADER] = state
    return response


def _stale(kept: Kept, lag: float) -> HttpResponse:
    """The kept page, saying plainly when its figures are from."""
    shown = timezone.localtime(datetime.fromtimestamp(kept.built_at, tz=UTC))
    text = gettext("Figures as of %(time)s; later changes show within %(seconds)s seconds.") % {
        "time": shown.strftime("%H:%M:%S"),
        "seconds": f"{lag:g}",
    }
    label = f'<ul class="messages" role="status"><li>{escape(text)}</li></ul>'.encode()
    content = kept.content.replace(_MAIN, _MAIN + label, 1)
    response = _answer(replace(kept, content=content), "stale")
    response["Age"] = str(max(0, int(_now() - kept.built_at)))
    return response


def _build(
    key: str, current: tuple[int, ...], read_at: float, render: Callable[[], HttpResponse]
) -> HttpResponse:
    started = time.monotonic()
    response = render()
    if response.status_code == 200 and not response.streaming and not response.cookies:
        took = time.monotonic() - started
        kept = Kept(current, read_at, response["Content-Type"], response.content, took)
        page_store.set(key, kept, TIMEOUT)
        response[HEADER] = "miss"
    return response


def _lock(key: str) -> bool:
    """Take the page's build lock (single flight); False when another request holds it."""
    return bool(page_store.add("lock:" + key, 1, LOCK_SECONDS))


def _build_holding(
    key: str, current: tuple[int, ...], read_at: float, render: Callable[[], HttpResponse]
) -> HttpResponse:
    try:
        return _build(key, current, read_at, render)
    finally:
        page_store.delete("lock:" + key)


def _wait(key: str, current: tuple[int, ...], read_at: float) -> Kept | None:
    """The page another request is building, once kept: one of the versions this request
    read, or built from versions read after this request began; None after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        kept: Kept | None = page_store.get(key)
        if kept is not None and (kept.versions == current or kept.built_at > read_at):
            return kept
        if page_store.get("lock:" + key) is None:
            return None  # the build ended without keeping a page (an error, not a 200)
    return None


class WriteMarkMiddleware:
    """Notes when a signed-in person's write was answered (a POST, PUT, PATCH or DELETE
    answered below 400, by the web or the API), so that no page built before it is served
    to them (read-your-writes on the pages that may lag)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method in UNSAFE and response.status_code < 400:
            user = getattr(request, "user", None)  # the API's token user included
            lag = settings.FUND_PAGE_STALE_SECONDS
            if lag > 0 and user is not None and user.is_authenticated:
                page_store.set(WRITE_MARK + str(user.pk), _now(), int(lag) + 60)
        return response


def page_key(request: HttpRequest, *, scope: Sequence[str]) -> str | None:
    """The request's cache key (without the data versions' values: those are kept with the
    page), or None when its page must not be cached."""
    csrf = request.COOKIES.get(settings.CSRF_COOKIE_NAME, "")
    if (
        request.method not in ("GET", "HEAD")
        or request.headers.get("HX-Request")
        or not csrf
        or not request.user.is_authenticated
        or len(messages.get_messages(request)) > 0  # counted, not consumed
    ):
        return None
    parts = (
        code_stamp(),
        request.get_full_path(),
        str(request.user.pk),
        get_language() or "",
        str(bool(getattr(request, "arabic_indic_digits", False))),
        csrf,
        timezone.localdate().isoformat(),
        *scope,
    )
    return "page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@cache
def code_stamp() -> str:
    """A hash of the package's files (names, sizes, modification times): new code, new keys."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in _STAMPED:
            stat = path.stat()
            digest.update(f"{path.relative_to(root)} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
