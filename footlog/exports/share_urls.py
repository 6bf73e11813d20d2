"""Root-level routes of the public share page (included from footlog/urls.py, outside /api/)."""

from django.urls import path

from footlog.exports import share_views

urlpatterns = [
    path("share/<str:token>/", share_views.share_page, name="share-page"),
    path("share/<str:token>/report.pdf", share_views.share_pdf, name="share-pdf"),
    path("share/<str:token>/photos/<uuid:photo_id>", share_views.share_photo, name="share-photo"),
]
