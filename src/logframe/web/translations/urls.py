from django.urls import path

from logframe.web.translations import views

urlpatterns = [
    path(
        "funds/<str:fund>/projects/<str:number>/translations/",
        views.project_translations,
        name="project-translations",
    ),
    path(
        "funds/<str:fund>/projects/<str:number>/translations/languages/",
        views.project_languages_screen,
        name="project-languages",
    ),
]
