"""The URL map: the web pages, the REST API and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("logframe.api.urls")),
    path("", include("logframe.web.urls")),
]
