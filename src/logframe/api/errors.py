"""One error body for every refusal of the API, whatever raised it.

Every 4xx answer is ``{"error": {"code": …, "message": …, "fields": {…}}}``: ``code`` a
stable word to branch on (``not_found``, ``invalid``, ``stale_version``,
``quarter_locked``…), ``message`` one sentence for a person, ``fields`` the message per
field of the request that was refused (empty when the refusal is not about a field).
A 409 for a stale version adds ``current``: the row as the other person saved it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from logframe.workflow.errors import EntryError


class Conflict(exceptions.APIException):
    """409: the change was refused because of the state of the data, not the request."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"

    def __init__(self, message: str, *, code: str, extra: dict[str, Any] | None = None):
        super().__init__(message, code)
        self.code = code
        self.extra = extra or {}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, then the body reshaped into the one error shape."""
    if isinstance(exc, EntryError):
        exc = exceptions.ValidationError(exc.fields, code="invalid")
    response = exception_handler(exc, context)
    if response is None:
        return None  # a bug: let it be a 500 and be seen
    response.data = {"error": error_body(exc, response.data)}
    return response


def error_body(exc: Exception, data: Any) -> dict[str, Any]:
    code = _code(exc)
    fields: dict[str, str] = {}
    message = ""
    if isinstance(exc, exceptions.ValidationError) and isinstance(data, dict):
        message = _text(data.pop("non_field_errors", ""))
        fields = {name: _text(detail) for name, detail in _flatten(data)}
        if not message:
            message = "Not saved: " + "; ".join(f"{k}: {v}" for k, v in fields.items())
    elif isinstance(data, dict) and "detail" in data:
        message = _text(data["detail"])
    else:
        message = _text(data)
    # a stale version's message starts with a user name: never capitalised
    keep_case = isinstance(exc, Conflict) and exc.code == "stale_version"
    message = _sentence(message, capitalise=not keep_case)
    body: dict[str, Any] = {"code": code, "message": message, "fields": fields}
    if isinstance(exc, Conflict):
        body.update(exc.extra)
    return body


def _code(exc: Exception) -> str:
    if isinstance(exc, Conflict):
        return exc.code
    if isinstance(exc, Http404):
        return "not_found"
    if isinstance(exc, PermissionDenied):
        return "permission_denied"
    if isinstance(exc, exceptions.ValidationError):
        return "invalid"
    if isinstance(exc, exceptions.APIException):
        return str(exc.default_code)
    return "error"


def _flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    for key, detail in data.items():
        name = f"{prefix}{key}"
        if isinstance(detail, dict):
            found += _flatten(detail, f"{name}.")
        else:
            found.append((name, detail))
    return found


def _text(detail: Any) -> str:
    if isinstance(detail, list | tuple):
        return " ".join(_text(d) for d in detail)
    if isinstance(detail, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in detail.items())
    return str(detail).strip()


def _sentence(text: str, *, capitalise: bool = True) -> str:
    text = text.strip() or "The request was refused."
    first = text[:1].upper() if capitalise else text[:1]
    return first + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")
