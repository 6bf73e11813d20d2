"""Reads for a site's gallery (`/photos/<site>/`) and for the links to it from History and the Timeline."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop

from accounts.models import User
from footlog.diary import selectors as diary_selectors
from footlog.diary.models import PHOTO_VIEW_CHOICES, Photo
from footlog.diary.sites import SITES
from footlog.lib.dates import text_language
from footlog.timeline.analysis import wording

VIEW_LABELS = dict(PHOTO_VIEW_CHOICES)
NOT_TAGGED = gettext_noop("Not tagged")
# The views' English labels are msgids too (templates/pwa/today.html marks "Overview" and "Close-up").
# Shown in this order; photos stored before views existed come last, as "Not tagged".
VIEW_ORDER: tuple[str | None, ...] = ("overview", "closeup", None)


@dataclass(frozen=True)
class ViewGroup:
    view: str | None
    label: str
    photos: list[Photo]


def photo_item(photo: Photo) -> dict[str, object]:
    """What the gallery's script needs of one photo (ids, date, tags, the owner-only image addresses)."""
    image = reverse("photo-image", kwargs={"pk": photo.pk})
    return {
        "id": str(photo.pk),
        "date": photo.entry.date.isoformat(),
        "view": photo.view,
        "scale_in_frame": photo.scale_in_frame,
        "sharp": photo.quality_sharp,
        "exposure": photo.quality_exposure,
        "width": photo.width,
        "height": photo.height,
        "image_url": image,
        "thumbnail_url": image + "?size=thumb",
        "day_url": reverse("pwa:day", kwargs={"date": photo.entry.date.isoformat()}),
    }


def site_gallery(user: User, site: str) -> dict[str, object]:
    """The site's photos oldest first (by the entry's date), grouped by view."""
    photos = list(diary_selectors.photos_for(user, site))
    groups = [
        ViewGroup(view, gettext(VIEW_LABELS.get(view or "", NOT_TAGGED)), [p for p in photos if p.view == view])
        for view in VIEW_ORDER
    ]
    label = wording.label(site)
    return {
        "site": SITES[site],
        "site_label": label,
        # In a sentence: "Photos of left heel", "Fotos: Linke Ferse" (German nouns keep their capital).
        "site_in_text": label if text_language() == "de" else label.lower(),
        "groups": [g for g in groups if g.photos],
        "count": len(photos),
        "items": [photo_item(p) for p in photos],
        "views": [(value, gettext(text)) for value, text in PHOTO_VIEW_CHOICES],
    }


def photo_sites(user: User) -> list[dict[str, object]]:
    """Sites with at least one photo, in the map's order, with their counts (one query)."""
    counts = dict(
        Photo.objects.filter(user=user)
        .exclude(site=None)
        .values_list("site")
        .annotate(n=Count("id"))
        .values_list("site", "n")
    )
    return [
        {
            "site": key,
            "label": wording.label(key),
            "count": counts[key],
            "url": reverse("pwa:photos", kwargs={"site": key}),
        }
        for key, site in SITES.items()
        if key in counts
    ]
