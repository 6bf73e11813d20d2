"""footlog's URLs plus one view that fails with a note in hand (tests/ops/test_error_reports.py)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from footlog.urls import urlpatterns as footlog_urlpatterns


def boom(request: HttpRequest, word: str) -> HttpResponse:
    notes = request.POST.get("notes", "")
    query = request.GET.get("q", "")
    raise ValueError(f"could not save {notes} ({query}, {word})")


urlpatterns = [path("boom/<str:word>/", boom), *footlog_urlpatterns]
