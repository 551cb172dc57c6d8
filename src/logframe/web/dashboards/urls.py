"""The dashboards: home (the funds), a fund's projects, a project's overview."""

from django.urls import path

from logframe.web.dashboards import fund_report, views

urlpatterns = [
    path("", views.home, name="home"),
    path("funds/<str:code>/", views.fund_page, name="fund"),
    path("funds/<str:code>/report/", fund_report.fund_report_page, name="fund-report"),
    path(
        "funds/<str:code>/report/projects/",
        fund_report.fund_report_projects,
        name="fund-report-projects",
    ),
    path(
        "funds/<str:code>/report/download/<str:fmt>/",
        fund_report.fund_report_download,
        name="fund-report-download",
    ),
    path("funds/<str:fund>/projects/<str:number>/", views.overview_page, name="project"),
]
