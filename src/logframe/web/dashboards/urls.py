from django.urls import path
from django.views.generic import RedirectView

urlpatterns = [
    # The project's overview; until the dashboard exists it shows the report.
    path(
        "funds/<str:fund>/projects/<str:number>/",
        RedirectView.as_view(pattern_name="project-report", query_string=True),
        name="project",
    ),
]
