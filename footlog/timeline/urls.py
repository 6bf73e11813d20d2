from django.urls import URLPattern, URLResolver, path, re_path

from footlog.timeline import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("timeline/", views.Timeline.as_view(), name="timeline"),
    # The contract spells it without a trailing slash; accept both rather than redirect a PUT.
    re_path(r"^timeline/settings/?$", views.TimelineSettingsView.as_view(), name="timeline-settings"),
]
