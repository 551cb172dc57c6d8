"""The Languages screen: the manager or fund administrator sets the project's original language
and the others it is kept in; anyone else is refused; bad input saves nothing; history kept."""

from __future__ import annotations

import pytest

from logframe.translations.models import ContentTranslation, ProjectLanguage

pytestmark = pytest.mark.django_db

URL = "/funds/UNDG-ITF/projects/G11-23/translations/languages/"
TRANSLATIONS = "/funds/UNDG-ITF/projects/G11-23/translations/"


@pytest.fixture
def manager(make_member, loaded_project):
    return make_member("manager", "project_manager", loaded_project, "UNDP")


@pytest.fixture
def admin(make_member, loaded_project):
    return make_member("admin", "fund_admin", loaded_project, fund_wide=True)


@pytest.fixture
def unops(make_member, loaded_project):
    return make_member("unops", "focal_point", loaded_project, "UNOPS")


def save(client, user, **data):
    client.force_login(user)
    return client.post(URL, {"original": "en", "reason": "Arabic edition", **data})


def test_the_manager_keeps_the_project_in_arabic_and_french(client, manager, loaded_project):
    response = save(client, manager, languages=["ar"], others="fr, tr")
    assert response.status_code == 302
    row = ProjectLanguage.objects.get(project=loaded_project)
    assert (row.language, row.kept_in) == ("en", ("ar", "fr", "tr"))
    history = row.history.get()
    assert (history.history_user, history.history_change_reason) == (manager, "Arabic edition")
    page = client.get(URL).content.decode()
    assert 'value="ar" checked' in page
    assert 'name="others" id="others" value="fr tr"' in page
    translations = client.get(TRANSLATIONS).content.decode()  # linked from the Translations screen
    assert URL in translations
    assert '<option value="fr">' in translations  # a kept language is offered there


def test_the_fund_administrator_may_change_the_original(client, admin, loaded_project):
    assert save(client, admin, original="ar", languages=["en"]).status_code == 302
    row = ProjectLanguage.objects.get(project=loaded_project)
    assert (row.language, row.kept_in) == ("ar", ("en",))


def test_an_unknown_language_is_named_and_nothing_is_saved(client, manager, loaded_project):
    response = save(client, manager, others="ar xx-!! klingon")
    assert response.status_code == 400
    assert "&#x27;xx-!!&#x27; is not a language we know" in response.content.decode()
    response = save(client, manager, original="zz")
    assert "&#x27;zz&#x27; is not a language we know" in response.content.decode()
    response = save(client, manager, languages=["ar"], reason=" ")
    assert response.status_code == 400
    assert "say why" in response.content.decode()
    assert not ProjectLanguage.objects.exists()


def test_the_original_cannot_be_a_language_it_is_translated_into(client, manager, loaded_project):
    ContentTranslation.objects.create(
        project=loaded_project, subject="project", field="title", language="ar", text="عنوان"
    )
    response = save(client, manager, original="ar")
    assert response.status_code == 400
    assert "1 text is translated into ar" in response.content.decode()
    assert not ProjectLanguage.objects.exists()


def test_others_see_the_languages_and_may_not_change_them(client, unops, loaded_project):
    client.force_login(unops)
    page = client.get(URL)
    assert page.status_code == 200
    assert 'name="original"' not in page.content.decode()
    assert save(client, unops, languages=["ar"]).status_code == 403
    assert not ProjectLanguage.objects.exists()


def test_a_stranger_gets_no_page(client, django_user_model, loaded_project):
    client.force_login(django_user_model.objects.create_user("stranger", password="x"))
    assert client.get(URL).status_code == 404


API = "/api/projects/G11-23/languages/"


def test_the_api_reads_and_sets_the_same_languages(client, manager, unops, loaded_project):
    client.force_login(unops)
    assert client.get(API).json() == {"original": "en", "languages": []}
    body = {"original": "en", "languages": ["ar"]}
    refused = client.put(API, body, content_type="application/json")
    assert refused.status_code == 403
    client.force_login(manager)
    response = client.put(API, body, content_type="application/json")
    assert response.json() == {"original": "en", "languages": ["ar"]}
    row = ProjectLanguage.objects.get(project=loaded_project)
    assert row.history.get().history_change_reason == "entered through the API"
    bad = client.put(
        API, {"original": "en", "languages": ["ar", "qq"]}, content_type="application/json"
    )
    assert bad.status_code == 400
    assert "'qq' is not a language we know" in bad.json()["error"]["fields"]["languages"]
    assert ProjectLanguage.objects.get(project=loaded_project).kept_in == ("ar",)
