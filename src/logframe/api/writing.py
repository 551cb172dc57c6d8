"""What every write of the API shares: the history's reason, the refusals as the API tells
them (403, 409 ``quarter_locked`` or ``stale_version``, 400 naming the field) and the
documented error answers of a write.

A write is refused in this order, the same as on the web: the person's right to the
line (403), the quarter's state (409 ``quarter_locked``), the request's fields (400),
the version the change was based on (409 ``stale_version``, with the row as saved).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiResponse

from logframe.api import serializers as s
from logframe.api.errors import Conflict
from logframe.api.lookups import PeriodScope, quarter_locked
from logframe.workflow.errors import StaleEdit

T = TypeVar("T")
API = "entered through the API"  # the history's reason for every change made here
READ_ERRORS: dict[int, Any] = {400: s.ErrorOut, 401: s.ErrorOut, 404: s.ErrorOut}
WRITE_ERRORS: dict[int, Any] = {
    **READ_ERRORS,
    403: OpenApiResponse(s.ErrorOut, description="Your role may not change this line"),
    409: OpenApiResponse(
        s.ErrorOut,
        description="quarter_locked: the quarter is submitted or approved; stale_version: "
        "someone saved after the version you read (their row is in `current`)",
    ),
}


def save_through(scope: PeriodScope, save: Callable[[], T], current: Callable[[], Any]) -> T:
    """Call the service and return what it returns; its refusals as the API tells them."""
    try:
        return save()
    except StaleEdit as stale:
        raise stale_conflict(stale, current()) from None
    except PermissionDenied as refusal:
        if not scope.open:  # the quarter was submitted while the request was on its way
            raise quarter_locked(scope, refusal) from None
        raise


def stale_conflict(stale: StaleEdit, current: Any) -> Conflict:
    """409 ``stale_version``: who saved, when, and the row as it is now (``current``)."""
    return Conflict(
        stale_message(stale),
        code="stale_version",
        extra={
            "saved_by": stale.who,
            "saved_at": stale.when.isoformat() if stale.when else None,
            "current": current,
        },
    )


def stale_message(stale: StaleEdit) -> str:
    """Who saved what, and when (UTC), with the numbers as the API writes them."""
    saved = ", ".join(f"{name} {_plain_text(text)}" for name, text in stale.current.items() if text)
    at = f" at {stale.when:%H:%M} UTC" if stale.when else ""
    return (
        f"{stale.who} saved {saved or 'a change'}{at} after the version you read; nothing was saved"
    )


def _plain_text(text: str) -> str:
    try:
        return str(plain(Decimal(text)))
    except ArithmeticError:
        return text


def plain(value: Any) -> Any:
    """A stored decimal without its trailing zeros (498.0000 → 498), for the messages."""
    if isinstance(value, Decimal) and value.is_finite():
        return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
    return value


def valid(serializer: s.Strict) -> dict[str, Any]:
    """The request's fields, or 400 naming each field refused."""
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def stored_or_given(given: dict[str, Any], stored: Any, version: int) -> Callable[[str], Any]:
    """``pick(name)``: the field as given, else as stored — unless the row stored is not the
    version the request was based on: the service refuses that one, and its fields must
    not judge the request."""
    if stored is not None and getattr(stored, "version", None) != version:
        stored = None

    def pick(name: str) -> Any:
        return given[name] if name in given else plain(getattr(stored, name, None))

    return pick
