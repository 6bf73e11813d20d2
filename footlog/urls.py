from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, include, path
from django.utils.translation import gettext
from django.views.defaults import page_not_found, server_error
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from footlog import i18n, legal
from footlog.api.errors import json_error
from footlog.sharing import urls as sharing_urls

api_v1 = [
    path("", include("footlog.diary.urls")),
    path("", include("footlog.clinical.urls")),
    path("", include("footlog.timeline.urls")),
    path("", include("footlog.exports.urls")),
    path("", include(sharing_urls.api_urlpatterns)),
    path("", include("reminders.urls")),
    path("", include("accounts.urls")),
    path("", include("footlog.portability.urls")),
]

urlpatterns: list[URLPattern | URLResolver] = [
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file: no inline script under the CSP.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("accounts/", include("allauth.urls")),
    path("_allauth/", include("allauth.headless.urls")),
    path("admin/", admin.site.urls),
    path("", include(sharing_urls.urlpatterns)),
    path("privacy/", legal.privacy, name="privacy"),
    path("i18n/setlang/", i18n.language_switch, name="set_language"),
    # The page scripts' strings (gettext() in JS), in the request's language; see docs/languages.md.
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include("footlog.ops.urls")),  # /healthz, /readyz, /metrics
    path("", include("footlog.pwa.urls")),
]


def handler404(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path.startswith("/api/"):
        return json_error(gettext("Not found."), 404)
    return page_not_found(request, exception)


def handler500(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return json_error(gettext("Server error."), 500)
    return server_error(request)
