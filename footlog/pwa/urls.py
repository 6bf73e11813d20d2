from django.urls import path, re_path

from footlog.pwa import pages, views

app_name = "pwa"

urlpatterns = [
    path("", pages.landing_when_signed_out(views.today), name="today"),
    path("history/", views.history, name="history"),
    path("history/calendar/", views.calendar, name="calendar"),
    # Shape only: an impossible date (2026-02-30) is the view's 404.
    re_path(r"^day/(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})/$", views.day, name="day"),
    path("timeline/", views.timeline, name="timeline"),
    path("photos/<slug:site>/", views.photos, name="photos"),
    path("settings/", views.settings_page, name="settings"),
    path("export/", views.export_page, name="export"),
    path("welcome/", views.welcome, name="welcome"),
    path("offline/", views.offline, name="offline"),
    path("account-deleted/", pages.account_deleted, name="account-deleted"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service-worker"),
    path("favicon.ico", pages.favicon, name="favicon"),
]
