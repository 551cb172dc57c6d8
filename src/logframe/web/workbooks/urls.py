"""The quarter's Excel template: download it, upload it filled."""

from django.urls import path

from logframe.web.workbooks import views

QUARTER = "funds/<str:fund>/projects/<str:number>/<str:period>/"

urlpatterns = [
    path(QUARTER + "template.xlsx", views.template_download, name="workbook-template"),
    path(QUARTER + "template/", views.template_upload, name="workbook-upload"),
]
