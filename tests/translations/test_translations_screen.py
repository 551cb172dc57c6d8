"""The Translations screen: who may translate what, bad input refused whole, history kept."""

from __future__ import annotations

import pytest

from logframe.translations.models import ContentTranslation

pytestmark = pytest.mark.django_db

URL = "/funds/UNDG-ITF/projects/G11-23/translations/"
TITLE = "t:project:::title"
INDICATOR_UNDP = "t:indicator::1.1.8:text"
INDICATOR_UNOPS = "t:indicator::3.1.1:text"
NARRATIVE_UNOPS = "t:narrative:2013Q1:3.1:narrative"
SUMMARY = "t:period:2013Q1::summary"


@pytest.fixture
def manager(make_member, loaded_project):
    return make_member("manager", "project_manager", loaded_project, "UNDP")


@pytest.fixture
def unops(make_member, loaded_project):
    return make_member("unops", "focal_point", loaded_project, "UNOPS")


@pytest.fixture
def viewer(make_member, loaded_project):
    return make_member("viewer", "viewer", loaded_project, fund_wide=True)


def post(client, user, data, lang="ar"):
    client.force_login(user)
    return client.post(URL, {"lang": lang, "period": "2013Q1", **data})


def test_the_screen_shows_each_original_beside_an_input(client, manager, loaded_project):
    client.force_login(manager)
    html = client.get(URL + "?lang=ar").content.decode()
    assert loaded_project.title in html
    assert f'name="{TITLE}"' in html
    assert f'name="{INDICATOR_UNDP}"' in html
    assert f'name="{NARRATIVE_UNOPS}"' in html
    assert 'dir="rtl"' in html
    assert 'lang="ar"' in html
    assert "Translations" in html  # the tab


def test_the_manager_saves_translations_with_a_reason(client, manager, loaded_project):
    response = post(client, manager, {TITLE: "  دعم المفوضية ", SUMMARY: "سطر أول\n\nفقرة ثانية",
                                      "reason": "Arabic edition"})  # fmt: skip
    assert response.status_code == 302
    title = ContentTranslation.objects.get(field="title")
    assert (title.language, title.text) == ("ar", "دعم المفوضية")
    summary = ContentTranslation.objects.get(field="summary")
    assert summary.text == "<p>سطر أول</p><p>فقرة ثانية</p>"
    history = title.history.get()
    assert (history.history_user, history.history_change_reason) == (manager, "Arabic edition")
    # an empty box removes the translation, with the reason in the history
    post(client, manager, {TITLE: "", "reason": "wrong"})
    assert not ContentTranslation.objects.filter(field="title").exists()
    assert title.history.count() == 2


def test_rich_text_is_sanitised_and_bidi_controls_are_stripped(client, manager):
    text = "<p>نص\u202e<script>alert(1)</script><b>1</b></p>"
    post(client, manager, {SUMMARY: text, TITLE: "عنوان\u2067x", "reason": "r"})
    assert ContentTranslation.objects.get(field="summary").text == "<p>نص<b>1</b></p>"
    assert ContentTranslation.objects.get(field="title").text == "عنوانx"  # noqa: RUF001


def test_a_focal_point_translates_only_their_outputs(client, unops):
    client.force_login(unops)
    html = client.get(URL + "?lang=ar").content.decode()
    assert f'name="{INDICATOR_UNOPS}"' in html
    assert f'name="{INDICATOR_UNDP}"' not in html
    assert f'name="{TITLE}"' not in html
    ok = post(client, unops, {INDICATOR_UNOPS: "مؤشر", NARRATIVE_UNOPS: "سرد", "reason": "r"})
    assert ok.status_code == 302
    refused = post(client, unops, {INDICATOR_UNOPS: "آخر", TITLE: "عنوان", "reason": "r"})
    assert refused.status_code == 403
    assert ContentTranslation.objects.get(field="text").text == "مؤشر"  # nothing half-saved
    assert not ContentTranslation.objects.filter(field="title").exists()


def test_a_viewer_sees_the_screen_but_saves_nothing(client, viewer):
    client.force_login(viewer)
    assert "<textarea" not in client.get(URL + "?lang=ar").content.decode()
    assert post(client, viewer, {TITLE: "عنوان", "reason": "r"}).status_code == 403
    assert not ContentTranslation.objects.exists()


@pytest.mark.parametrize(
    ("data", "lang", "named"),
    [
        ({TITLE: "عنوان", "reason": ""}, "ar", "reason"),
        ({TITLE: "x" * 20_001, "reason": "r"}, "ar", TITLE),
        ({"t:indicator::9.9.9:text": "x", "reason": "r"}, "ar", "t:indicator::9.9.9:text"),
        ({"t:bogus": "x", "reason": "r"}, "ar", "t:bogus"),
        ({TITLE: "title", "reason": "r"}, "en", "the project&#x27;s own language"),
        ({TITLE: "x", "reason": "r"}, "<script>", "is not a language tag"),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(client, manager, data, lang, named):
    ok = {INDICATOR_UNDP: "مؤشر"}
    response = post(client, manager, {**ok, **data}, lang=lang)
    assert response.status_code == 400
    assert named in response.content.decode()
    assert not ContentTranslation.objects.exists()


def test_someone_outside_the_project_gets_404(client, django_user_model, loaded_project):
    client.force_login(django_user_model.objects.create_user("stranger", password="x" * 20))
    assert client.get(URL).status_code == 404
