"""The dashboards: home (the funds), a fund's projects, a project's overview."""

from django.urls import path

from logframe.web.dashboards import views

urlpatterns = [
    path("", views.home, name="home"),
    path("funds/<str:code>/", views.fund_page, name="fund"),
    path("funds/<str:fund>/projects/<str:number>/", views.overview_page, name="project"),
]
