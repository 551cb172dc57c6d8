from django.contrib.auth import views as auth_views
from django.urls import include, path

from logframe.accounts.throttle import ThrottledLoginView
from logframe.web import language, views

urlpatterns = [
    path("login/", ThrottledLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        # named templates: django.contrib.admin, earlier in INSTALLED_APPS, has its own
        # registration/password_change_*.html, which shadowed ours (the admin's page showed)
        auth_views.PasswordChangeView.as_view(
            success_url="/password/done/", template_name="web/password_change_form.html"
        ),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="web/password_change_done.html"),
        name="password_change_done",
    ),
    path("language/", language.language_set, name="language-set"),
    path("preferences/", language.preferences_page, name="preferences"),
    path("report.css", views.report_css, name="report-css"),
    path(
        "funds/<str:fund>/projects/<str:number>/report/", views.project_page, name="project-report"
    ),
    path("", include("logframe.web.dashboards.urls")),
    path("", include("logframe.web.entry.urls")),
    path("", include("logframe.web.audit.urls")),
    path("", include("logframe.web.workbooks.urls")),
    path("", include("logframe.web.translations.urls")),
    path("", include("logframe.web.activities.urls")),
    path(
        "funds/<str:fund>/projects/<str:number>/<str:period>.<str:fmt>",
        views.report_download,
        name="report-download",
    ),
]
