"""The interface's language and digits: a person's preference, the switcher, the digits.

Django's ``LocaleMiddleware`` picks the language from the ``logframe_language`` cookie, then
the browser's Accept-Language. For a signed-in person ``PreferenceMiddleware`` then applies
their own preference (``accounts.Preference``), read once at login and kept in the
session (``remember_at_login``), so a page costs no extra query. With
``arabic_indic_digits`` on, the text of every HTML page is written with Arabic-Indic digits
(٠١٢٣…); attributes, form values and scripts keep ASCII digits, so what a form sends back
is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from logframe.accounts.models import Preference
from logframe.accounts.services import preference_set

SESSION_KEY = "logframe_preference"  # [language, arabic_indic_digits]
LANGUAGE_CODES = frozenset(code for code, _ in settings.LANGUAGES)
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# Text between tags, and the elements whose text is not shown or is sent back as typed.
_TEXT = re.compile(r">([^<]+)<")
_KEPT = re.compile(r"(<(script|style|textarea|pre)\b[^>]*>.*?</\2>)", re.DOTALL | re.IGNORECASE)


def session_preference(request: HttpRequest) -> tuple[str, bool]:
    """The signed-in person's (language, digits), as the login put them in the session."""
    kept = request.session.get(SESSION_KEY)
    if isinstance(kept, list) and len(kept) == 2:
        return str(kept[0]), bool(kept[1])
    return "", False


def remember_at_login(
    sender: object, request: HttpRequest | None, user: Any, **kwargs: Any
) -> None:
    """``user_logged_in``: the person's preference into their new session (one query, once),
    so that no page reads it again."""
    if request is None or not hasattr(request, "session"):
        return
    preference = Preference.objects.filter(user_id=user.pk).first()
    pair = [preference.language, preference.arabic_indic_digits] if preference else ["", False]
    request.session[SESSION_KEY] = pair


class PreferenceMiddleware:
    """A signed-in person's language over the browser's; their digits on the way out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        digits = False
        if request.user.is_authenticated:
            language, digits = session_preference(request)
            if language in LANGUAGE_CODES:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        request.arabic_indic_digits = digits  # type: ignore[attr-defined]
        response = self.get_response(request)
        if digits and _is_html(response):
            response.content = arabic_indic(response.content.decode(response.charset))
        return response


def _is_html(response: HttpResponse) -> bool:
    return (
        not response.streaming
        and response.status_code == 200
        and response.get("Content-Type", "").startswith("text/html")
    )


def arabic_indic(html: str) -> str:
    """``html`` with the digits of its text written ٠١٢٣…; tags, scripts and forms kept."""
    parts = _KEPT.split(html)
    out: list[str] = []
    index = 0
    while index < len(parts):
        out.append(_TEXT.sub(lambda m: f">{m.group(1).translate(ARABIC_INDIC)}<", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])  # the kept element, as it was
        index += 3  # split() also returns the tag name group
    return "".join(out)


def preferences(request: HttpRequest) -> dict[str, Any]:
    """Template context: the languages offered, the current one and the digits option."""
    return {
        "interface_languages": settings.LANGUAGES,
        "arabic_indic_digits": getattr(request, "arabic_indic_digits", False),
    }


@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """The switcher: remember the language (and digits, when the form has them) and go back.

    Signed in: stored on the person (and in the session); everyone: the cookie.
    """
    language = request.POST.get("language", "")
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    digits = request.POST.get("arabic_indic_digits") == "on"
    if request.user.is_authenticated:
        if "digits_field" not in request.POST:  # the header's switcher: the digits stay
            digits = session_preference(request)[1]
        preference_set(user=request.user, language=language, arabic_indic_digits=digits)
        request.session[SESSION_KEY] = [language, digits]
    response = HttpResponseRedirect(_back(request))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        httponly=True,
    )
    return response


def _back(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or "/"
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else "/"


def preferences_page(request: HttpRequest) -> HttpResponse:
    """The signed-in person's language and digits, as a form posting to ``language_set``."""
    from django.contrib.auth.views import redirect_to_login
    from django.shortcuts import render

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    language, digits = session_preference(request)
    return render(
        request,
        "web/preferences.html",
        {"chosen_language": language or translation.get_language(), "chosen_digits": digits},
    )
