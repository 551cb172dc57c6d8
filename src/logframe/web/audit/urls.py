"""audit pages: the project log and its CSV, one value's history, a quarter's snapshots."""

from django.urls import path

from logframe.web.audit import views

PROJECT = "funds/<str:fund>/projects/<str:number>/"
PERIOD = PROJECT + "<str:period>/"

urlpatterns = [
    path(PROJECT + "history/", views.project_history, name="project-history"),
    path(PROJECT + "history.csv", views.project_history_csv, name="project-history-csv"),
    path(PERIOD + "values/<str:indicator>/history/", views.value_history, name="value-history"),
    path(PERIOD + "snapshots/", views.project_snapshots, name="project-snapshots"),
    path(PERIOD + "snapshots/<int:a>/<int:b>/", views.snapshot_diff, name="snapshot-diff"),
    path(PERIOD + "snapshots/<int:n>/report.html", views.snapshot_report, name="snapshot-report"),
]
