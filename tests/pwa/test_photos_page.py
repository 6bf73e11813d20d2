"""A spot's gallery, `/photos/<site>/`, on the server side: grouped by kind of shot, the owner's only, private,
an unknown spot the styled 404; and the links to it from History and the Timeline."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.test import Client

from accounts.models import User
from footlog.diary.models import Photo
from footlog.lib.dates import today_in
from tests.exports.builders import add_photo, log_entry

pytestmark = pytest.mark.django_db


def photo_on(user: User, days_ago: int, view: str | None, site: str = "left_heel", scale: bool | None = None) -> Photo:
    day = today_in(user.timezone) - dt.timedelta(days=days_ago)
    entry = log_entry(user, day, observations=[{"site": site, "count": 2}])
    photo = add_photo(user, entry, site)
    Photo.objects.filter(pk=photo.pk).update(view=view, scale_in_frame=scale)
    return photo


def gallery_items(html: str) -> list[dict]:
    match = re.search(r'<script id="gallery-data" type="application/json">(.*?)</script>', html, re.S)
    assert match, html[:500]
    return json.loads(match.group(1))


def test_gallery_groups_a_sites_photos_by_view_oldest_first(browser: Client, consented: User) -> None:
    close = photo_on(consented, 3, "closeup", scale=True)
    first = photo_on(consented, 10, "overview")
    latest = photo_on(consented, 1, "overview")
    old = photo_on(consented, 20, None)
    photo_on(consented, 2, "overview", site="right_heel")  # another spot: not here
    response = browser.get("/photos/left_heel/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}
    groups = [(g.label, [p.pk for p in g.photos]) for g in response.context["groups"]]
    assert groups == [("Overview", [first.pk, latest.pk]), ("Close-up", [close.pk]), ("Not tagged", [old.pk])]
    items = gallery_items(response.content.decode())
    assert [i["id"] for i in items] == [str(p.pk) for p in (old, first, close, latest)]  # by the day's date
    assert items[2]["scale_in_frame"] is True and items[2]["view"] == "closeup"
    assert items[0]["image_url"] == f"/api/v1/photos/{old.pk}/image"
    assert items[0]["thumbnail_url"].endswith("?size=thumb")


def test_gallery_of_an_unknown_site_is_the_styled_404(browser: Client) -> None:
    response = browser.get("/photos/left_elbow/")
    assert response.status_code == 404
    assert "This page is not here" in response.content.decode()


def test_gallery_shows_only_the_owners_photos(browser: Client, consented: User, other_user: User) -> None:
    photo_on(other_user, 1, "overview")
    response = browser.get("/photos/left_heel/")
    assert response.status_code == 200
    assert response.context["count"] == 0 and gallery_items(response.content.decode()) == []
    assert "No photos of this spot yet" in response.content.decode()


def test_gallery_needs_sign_in() -> None:
    response = Client().get("/photos/left_heel/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_history_and_timeline_link_to_the_sites_with_photos(browser: Client, consented: User) -> None:
    photo_on(consented, 2, "overview")
    photo_on(consented, 1, "closeup")
    history = browser.get("/history/").content.decode()
    assert 'href="/photos/left_heel/"' in history and "2 photos" in history
    assert 'href="/photos/right_heel/"' not in history
    timeline = browser.get("/timeline/").content.decode()
    assert re.search(r'<a class="row-photos" href="/photos/left_heel/"[^>]*>2 photos</a>', timeline)
