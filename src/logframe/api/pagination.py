"""Page-numbered lists: ``?page=2&page_size=100`` (50 a page unless asked, at most 200).

Every list of the API is paged the same way: ``count``, ``next``, ``previous`` (full
URLs or null) and ``results``. A list under a quarter also says which quarter it is
(``project``, ``fund``, ``period``, ``state``), as its page's head.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def page_of(items: Sequence[Any], *, request: Request, view: APIView) -> tuple[list[Any], Pages]:
    """The requested page of ``items`` (404 past the end) and the paginator that cut it."""
    pages = Pages()
    page: list[Any] | None = pages.paginate_queryset(items, request, view)  # type: ignore[arg-type]
    assert page is not None  # a page size is set
    return list(page), pages


def paged(pages: Pages, results: Any, head: dict[str, Any] | None = None) -> Response:
    """The answer for one page: the head (which quarter), then the page's links and rows."""
    assert pages.page is not None
    return Response(
        {
            **(head or {}),
            "count": pages.page.paginator.count,
            "next": pages.get_next_link(),
            "previous": pages.get_previous_link(),
            "results": results,
        }
    )
