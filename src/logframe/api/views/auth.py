"""``POST /api/token/``: a script's key, from a username and a password."""

from __future__ import annotations

from typing import Any

from django.core.cache import BaseCache, caches
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from logframe.accounts import throttle
from logframe.api.serializers import ErrorOut, TokenAnswer, TokenRequest


class SharedScopedRateThrottle(ScopedRateThrottle):
    """Attempts counted in the cache every worker process shares (the web log-in's
    ``throttle`` cache, a database table), not in the default cache, which may be a
    process's own memory: spreading guesses over the workers gains nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.cache: BaseCache = caches[throttle.CACHE]


class TokenLogin(ObtainAuthToken):
    """The same key every time for a user, until it is deleted in the admin.

    Attempts are limited per client address (``LOGFRAME_API_LOGIN_RATE``, default
    10 a minute): a password cannot be guessed at speed.
    """

    authentication_classes = ()  # a stale key must not block a login
    throttle_classes = (SharedScopedRateThrottle,)
    throttle_scope = "token"

    @extend_schema(
        operation_id="token_create",
        request=TokenRequest,
        responses={
            200: TokenAnswer,
            400: OpenApiResponse(ErrorOut, description="Wrong username or password"),
            429: OpenApiResponse(ErrorOut, description="Too many attempts: wait"),
        },
        auth=[],
        tags=["authentication"],
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().post(request, *args, **kwargs)
