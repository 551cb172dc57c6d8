"""The register's screens, under the project and the quarter like the data entry."""

from django.urls import path

from logframe.web.activities import views

PROJECT = "funds/<str:fund>/projects/<str:number>/"
REGISTER = PROJECT + "<str:period>/activities/"

urlpatterns = [
    path(PROJECT + "activities/", views.register_latest, name="activity-register-latest"),
    path(REGISTER, views.register_page, name="activity-register"),
    path(REGISTER + "<int:pk>/", views.activity_page, name="activity"),
    path(REGISTER + "<int:pk>/decide/", views.activity_decide, name="activity-decide"),
    path(REGISTER + "<int:pk>/files/", views.attachment_upload, name="activity-attach"),
    path(PROJECT + "activity-files/<int:pk>/", views.attachment_file, name="activity-file"),
    path(PROJECT + "<str:period>/computed/<str:code>/", views.figure_page, name="computed-figure"),
]
