"""A page read with the page cache's answer ("hit", "stale", "miss" or "" when not cached)."""

from __future__ import annotations

from logframe.web.page_cache import HEADER


def cache_read(client, url: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The cache's answer and the page's HTML."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get(HEADER, ""), response.content.decode()
