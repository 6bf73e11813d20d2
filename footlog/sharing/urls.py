"""Routes of sharing: the owner's API (under /api/v1/) and the public pages at the site root."""

from django.urls import path

from footlog.sharing import api, manifest, pages

api_urlpatterns = [
    path("shares/", api.ShareList.as_view(), name="share-list"),
    path("shares/<uuid:pk>/", api.ShareDetail.as_view(), name="share-detail"),
]

urlpatterns = [
    path("share/<str:token>/", pages.share_page, name="share-page"),
    path("share/<str:token>/report.pdf", pages.share_pdf, name="share-pdf"),
    path("share/<str:token>/photos/<uuid:photo_id>", pages.share_photo, name="share-photo"),
    # The SMART Health Link of a share: its viewer page, its manifest (POST, per the IG) and the one file it lists.
    path("shl/view", pages.shl_viewer, name="shl-viewer"),  # before the manifest's catch-all segment
    path("shl/file/<str:ticket>", manifest.shl_file, name="shl-file"),
    path("shl/<str:manifest_id>", manifest.shl_manifest, name="shl-manifest"),
]
