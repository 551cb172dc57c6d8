"""The rendered-page cache of the read pages (fund, fund report, project overview, project
report), correct by construction: a page is served from the cache only under a key made of
everything it depends on.

The key is a hash of
- the code (``CODE_STAMP``: the package's files, so a deployment never serves old HTML),
- the path and query string,
- the person (user id), the interface's language and digits, the CSRF cookie (the page's
  forms carry a token made from it), today's date (deadlines are counted from today),
- the data versions of the page's scope (``pagecache.versions``): ``global`` plus
  ``fund:<id>`` for a fund's pages, ``project:<id>`` for a project's — moved by database
  triggers in the writer's transaction, and read here with one query before the page is
  built, so a page built from older data is never stored under a newer version.

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
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache as page_store
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from logframe.pagecache.versions import GLOBAL, versions

TIMEOUT = 3600  # seconds; a key never serves stale data, this only bounds the memory
HEADER = "X-Page-Cache"  # "hit" or "miss" on the pages this module serves
_STAMPED = (".py", ".html", ".css", ".js", ".mo")


def fund_scope(fund_id: int) -> tuple[str, ...]:
    return (GLOBAL, f"fund:{fund_id}")


def project_scope(project_id: int) -> tuple[str, ...]:
    return (GLOBAL, f"project:{project_id}")


def cached_page(
    request: HttpRequest, *, scope: Sequence[str], render: Callable[[], HttpResponse]
) -> HttpResponse:
    """The page ``render`` makes, from the cache when it holds it under this request's key.

    Call it after the access checks: the key assumes the person may see the page."""
    key = page_key(request, scope=scope)
    if key is None:
        return render()
    kept = page_store.get(key)
    if kept is not None:
        content_type, content = kept
        response = HttpResponse(content, content_type=content_type)
        response[HEADER] = "hit"
        return response
    response = render()
    if response.status_code == 200 and not response.streaming and not response.cookies:
        page_store.set(key, (response["Content-Type"], response.content), TIMEOUT)
        response[HEADER] = "miss"
    return response


def page_key(request: HttpRequest, *, scope: Sequence[str]) -> str | None:
    """The request's cache key, or None when its page must not be cached."""
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
        *(str(v) for v in versions(scope)),
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
