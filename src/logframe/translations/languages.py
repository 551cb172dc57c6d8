"""A project's languages: the one it is written in and the others it is kept in.

Set by the project manager or the fund administrator (the web's Languages screen, the API),
all or nothing, with the reason in the history. A language is a tag whose primary subtag is
an ISO 639-1 code (IATI's Language codelist) or one of the Kurdish ISO 639-3 codes the fund
writes in; anything else is refused by name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from logframe.accounts.access import ProjectAccess
from logframe.domain.content import is_language_tag
from logframe.portfolio import models as m
from logframe.portfolio.services.changes import Changes
from logframe.translations.models import ContentTranslation, ProjectLanguage
from logframe.translations.stored import DEFAULT_LANGUAGE

# IATI's Language codelist (ISO 639-1), and Sorani, Kurmanji and Southern Kurdish
_CODES = (
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cv cy "
    "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht "
    "hu hy hz id ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb "
    "lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj "
    "om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su "
    "sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"
)
ISO_639_1 = frozenset(_CODES.split())
KNOWN_PRIMARY = ISO_639_1 | {"ckb", "kmr", "sdh"}
MAX_LANGUAGES = 10
NOT_YOURS = gettext_noop(
    "only the project manager or the fund administrator sets the project's languages"
)


@dataclass(frozen=True)
class Languages:
    original: str
    kept_in: tuple[str, ...]


def is_known_language(tag: str) -> bool:
    """A language tag whose primary subtag is a language we know: ar, ckb, pt-BR."""
    return is_language_tag(tag) and tag.split("-")[0] in KNOWN_PRIMARY


def split_languages(text: str) -> list[str]:
    """Tags as typed: separated by spaces or commas (Arabic commas too)."""
    return [t for t in re.split(r"[\s,،]+", text.strip()) if t]


def project_languages(*, project: m.Project) -> Languages:
    row = ProjectLanguage.objects.filter(project=project).first()
    if row is None:
        return Languages(original=DEFAULT_LANGUAGE, kept_in=())
    return Languages(original=row.language, kept_in=row.kept_in)


@transaction.atomic
def project_languages_set(
    *,
    project: m.Project,
    access: ProjectAccess,
    original: str,
    kept_in: list[str],
    actor: Any,
    reason: str,
) -> Languages:
    """Make ``original`` the project's language and ``kept_in`` the others it is kept in.

    PermissionDenied for anyone but the project manager or the fund administrator;
    ValidationError naming the field for an unknown language, too many, a missing reason,
    or an original language the project already has translations into. Nothing is saved
    then.
    """
    if not access.is_manager:
        raise PermissionDenied(_(NOT_YOURS))
    original = original.strip()
    errors = _problems(project, original, kept_in, reason)
    if errors:
        raise ValidationError(errors)
    kept = [tag for tag in dict.fromkeys(kept_in) if tag != original]
    changes = Changes(actor=actor, reason=reason.strip())
    changes.upsert(
        ProjectLanguage,
        key={"project": project},
        values={"language": original, "languages": " ".join(kept)},
    )
    return Languages(original=original, kept_in=tuple(kept))


def _problems(project: m.Project, original: str, kept_in: list[str], reason: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not is_known_language(original):
        errors["original"] = _unknown(original)
    else:
        clash = ContentTranslation.objects.filter(project=project, language=original).count()
        if clash:
            errors["original"] = ngettext(
                "%(count)d text is translated into %(language)s: the original cannot be in "
                "%(language)s too (remove that translation first)",
                "%(count)d texts are translated into %(language)s: the original cannot be in "
                "%(language)s too (remove those translations first)",
                clash,
            ) % {"count": clash, "language": original}
    unknown = [tag for tag in kept_in if not is_known_language(tag)]
    if unknown:
        errors["languages"] = _unknown(unknown[0])
    elif len(set(kept_in)) > MAX_LANGUAGES:
        errors["languages"] = _("at most %(count)d languages") % {"count": MAX_LANGUAGES}
    if not reason.strip():
        errors["reason"] = _("say why: the reason goes into the history")
    return errors


def _unknown(tag: str) -> str:
    return _("%(tag)s is not a language we know: give a code such as ar, ckb, en or fr") % {
        "tag": repr(tag[:40]) if tag else "''"
    }
