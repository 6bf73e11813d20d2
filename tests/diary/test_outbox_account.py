"""An outbox item names the account that queued it on the phone (`X-Footlog-Account`, footlog.lib.device): the API
stores it only in that account. Another signed-in account gets 403 `other_account` and nothing is stored, so an
item left on a shared phone is never replayed into the next account (the service worker cannot tell who is
signed in; the server can). Requests without the header (any other client) are not concerned."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from footlog.diary import services
from footlog.diary.models import Entry, Photo
from footlog.diary.services import EntryData
from footlog.lib.device import ACCOUNT_HEADER, device_owner_key
from tests.diary import photo_samples as samples
from tests.diary.photo_samples import use_photo_dir

URL = "/api/v1/entries/"


def body() -> dict:
    return {"id": str(uuid.uuid4()), "date": "2026-11-20", "notes": "private words", "observations": [], "routine": []}


def named(user) -> dict:
    return {"headers": {ACCOUNT_HEADER: device_owner_key(user.pk)}}


def test_the_owner_stores_an_item_named_with_its_own_key(api, user):
    assert api.post(URL, body(), format="json", **named(user)).status_code == 201
    assert Entry.objects.filter(user=user).count() == 1


def test_another_account_cannot_store_an_item_named_for_someone_else(outsider, user, other_user):
    response = outsider.post(URL, body(), format="json", **named(user))
    assert response.status_code == 403
    assert response.json()["code"] == "other_account" and "another account" in response.json()["detail"]
    assert not Entry.objects.exists()


def test_a_photo_named_for_another_account_is_refused_before_any_lookup(api, user, other_user, settings, tmp_path):
    use_photo_dir(settings, tmp_path)
    entry = services.entry_create(user, EntryData(date=dt.date(2026, 11, 20)))[0]
    image = SimpleUploadedFile("IMG.jpg", samples.jpeg(), content_type="image/jpeg")
    response = api.post(f"{URL}{entry.id}/photos/", {"image": image}, format="multipart", **named(other_user))
    assert response.status_code == 403 and response.json()["code"] == "other_account"
    assert not Photo.objects.exists()


def test_without_the_header_nothing_changes(api, user):
    assert api.post(URL, body(), format="json").status_code == 201


@pytest.mark.parametrize("key", ["", "x" * 300])
def test_a_malformed_key_is_a_clear_403_not_a_500(api, key):
    response = api.post(URL, body(), format="json", headers={ACCOUNT_HEADER: key})
    assert response.status_code == 403 and response.json()["code"] == "other_account"


def test_signed_out_the_header_changes_nothing_about_signing_in(client, user):
    response = client.post(URL, body(), content_type="application/json", headers=named(user)["headers"])
    assert response.status_code in (401, 403) and response.json().get("code") != "other_account"


def test_every_page_names_the_signed_in_account_and_none_signed_out(client, user):
    assert 'data-account=""' in client.get("/accounts/login/").content.decode()
    client.force_login(user)
    assert f'data-account="{device_owner_key(user.pk)}"' in client.get("/history/").content.decode()
