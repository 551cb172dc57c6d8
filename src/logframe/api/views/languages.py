"""A project's languages: the original its texts are written in and the others it is kept in.
Read by everyone who sees the project; set by the project manager or the fund administrator
through the same service as the web's Languages screen (``translations.languages``)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logframe.api.lookups import project_scope
from logframe.api.serializers import Strict
from logframe.api.views.projects import FUND
from logframe.api.writing import API, READ_ERRORS, WRITE_ERRORS, valid
from logframe.translations.languages import (
    MAX_LANGUAGES,
    NOT_YOURS,
    Languages,
    project_languages,
    project_languages_set,
)

TAG_HELP = "A language tag such as ar, ckb, en or pt-BR"


class LanguagesOut(serializers.Serializer[Any]):
    original = serializers.CharField(help_text="The language the project's texts are written in")
    languages = serializers.ListField(
        child=serializers.CharField(), help_text="The other languages the project is kept in"
    )


class LanguagesPut(Strict):
    original = serializers.CharField(max_length=35, help_text=TAG_HELP)
    languages = serializers.ListField(
        child=serializers.CharField(max_length=35, help_text=TAG_HELP),
        max_length=MAX_LANGUAGES,
        allow_empty=True,
    )


class ProjectLanguages(APIView):
    @extend_schema(
        operation_id="project_languages_retrieve",
        parameters=[FUND],
        responses={200: LanguagesOut, **READ_ERRORS},
        tags=["projects"],
    )
    def get(self, request: Request, number: str) -> Response:
        """The project's original language and the other languages it is kept in."""
        scope = project_scope(request, number)
        return Response(_out(project_languages(project=scope.project)))

    @extend_schema(
        operation_id="project_languages_update",
        parameters=[FUND],
        request=LanguagesPut,
        responses={200: LanguagesOut, **WRITE_ERRORS},
        tags=["projects"],
    )
    def put(self, request: Request, number: str) -> Response:
        """Set both (the project manager or the fund administrator); an unknown language is
        refused by field, and nothing is saved."""
        scope = project_scope(request, number)
        if not scope.access.is_manager:
            raise PermissionDenied(_(NOT_YOURS))
        given = valid(LanguagesPut(data=request.data))
        try:
            saved = project_languages_set(
                project=scope.project, access=scope.access, original=given["original"],
                kept_in=list(given["languages"]), actor=request.user, reason=API,
            )  # fmt: skip
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from None
        return Response(_out(saved))


def _out(languages: Languages) -> Any:
    return LanguagesOut({"original": languages.original, "languages": list(languages.kept_in)}).data
