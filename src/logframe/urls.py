"""The URL map: the web pages, the REST API and the admin."""

from django.contrib import admin
from django.urls import include, path

# A lost database is a 503 with Retry-After wherever it is found (web/unavailable.py).
handler500 = "logframe.web.unavailable.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("logframe.api.urls")),
    path("", include("logframe.web.urls")),
]
