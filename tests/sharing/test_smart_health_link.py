"""A share's SMART Health Link, as a receiving system sees it: decode the `shlink:/` payload, POST its manifest,
fetch the file, decrypt the JWE with the payload's key (joserfc) and validate the FHIR Bundle (fhir.resources R4B).
Plus the passcode that gates it and the page alike, revocation and expiry, tampering and malformed requests."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
import logging
from urllib.parse import urlsplit

import pytest
from fhir.resources.R4B.bundle import Bundle
from joserfc import jwe
from joserfc.errors import JoseError
from joserfc.jwk import OctKey
from rest_framework.test import APIClient

from footlog.sharing.models import Share, ShareAccess
from tests.conftest import logged_in
from tests.exports.builders import add_photo, log_entry

URL = "/api/v1/shares/"
BODY = {"from": "2026-09-01", "to": "2026-11-30", "include_photos": False, "expires_in_days": 7}
RECIPIENT = {"recipient": "Dr. Example, Skin Clinic"}
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _fast_hashing_and_a_fixed_now(settings, time_machine):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    time_machine.move_to(NOW, tick=False)


@pytest.fixture
def history(user):
    user.display_name = "Ana"
    user.save()
    log_entry(user, "2026-10-05", notes="heel looked worse", observations=[{"site": "left_heel", "count": 4}])
    log_entry(user, "2026-08-01", observations=[{"site": "left_toes", "count": 1}])  # outside the range


def create(api, **changes):
    response = api.post(URL, {**BODY, **changes}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def decode(shlink: str) -> dict:
    assert shlink.startswith("shlink:/")
    encoded = shlink.removeprefix("shlink:/")
    assert "=" not in encoded
    return json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))


def key_of(payload: dict) -> OctKey:
    return OctKey.import_key(base64.urlsafe_b64decode(payload["key"] + "="))


def manifest(payload: dict, body=None, client=None, **extra):
    path = urlsplit(payload["url"]).path
    body = RECIPIENT if body is None else body
    raw = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return (client or APIClient()).generic("POST", path, raw, content_type="application/json", **extra)


def fetch_bundle(payload: dict, body=None) -> Bundle:
    answer = manifest(payload, body)
    assert answer.status_code == 200, answer.content
    files = answer.json()["files"]
    assert [f["contentType"] for f in files] == ["application/fhir+json"]
    response = APIClient().get(urlsplit(files[0]["location"]).path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jose"
    token = response.content.decode()
    decrypted = jwe.decrypt_compact(token, key_of(payload), algorithms=["dir", "A256GCM"])
    assert decrypted.protected == {"alg": "dir", "enc": "A256GCM", "cty": "application/fhir+json"}
    return Bundle.model_validate_json(decrypted.plaintext)


def resources(bundle: Bundle, kind: str) -> list:
    return [e.resource for e in bundle.entry if e.resource.get_resource_type() == kind]


def test_a_receiver_decodes_fetches_decrypts_and_validates_the_bundle(api, history, settings):
    settings.FOOTLOG_PUBLIC_URL, settings.FOOTLOG_PUBLIC_URL_SET = "https://footlog.example", True
    created = create(api)
    payload = decode(created["shlink"])
    share = Share.objects.get(pk=created["id"])
    assert set(payload) == {"url", "key", "exp", "label", "v"}  # no flag without a passcode; never "L"
    assert payload["url"].startswith("https://footlog.example/shl/") and len(payload["url"]) <= 128
    assert len(payload["key"]) == 43 and len(base64.urlsafe_b64decode(payload["key"] + "=")) == 32
    assert payload["exp"] == int(share.expires_at.timestamp())
    assert payload["label"] == "footlog history 1 Sep – 30 Nov 2026"
    assert payload["v"] == 1
    assert created["shlink_qr_svg"].lstrip().startswith(("<?xml", "<svg"))

    bundle = fetch_bundle(payload)
    assert bundle.type == "collection"
    counts = [o for o in resources(bundle, "Observation") if o.code.coding[0].code == "bump-count"]
    assert [(str(o.effectiveDateTime), o.bodySite.text, o.valueQuantity.value) for o in counts] == [
        ("2026-10-05", "Left heel", 4)
    ]
    assert resources(bundle, "Patient")[0].name[0].text == "Ana"
    assert resources(bundle, "Media") == []
    # The share's PDF travels inside, built once with the bundle: a receiver needs no footlog login to open it.
    [document] = resources(bundle, "DocumentReference")
    attachment = document.content[0].attachment
    assert attachment.contentType == "application/pdf" and attachment.url is None
    assert attachment.data.startswith(b"%PDF") and attachment.size == len(attachment.data)


def test_the_key_is_never_stored_and_the_stored_ciphertext_is_the_file(api, history):
    created = create(api)
    payload = decode(created["shlink"])
    row = Share.objects.filter(pk=created["id"]).values().first()
    assert payload["key"] not in str(row)
    manifest_id = urlsplit(payload["url"]).path.rsplit("/", 1)[1]
    assert manifest_id not in str(row)  # only its hash
    assert row["shl_jwe"].count(".") == 4  # a compact JWE
    assert "shlink" not in api.get(URL).json()[0] and "shlink" not in api.get(f"{URL}{created['id']}/").json()


def test_embedded_when_the_receiver_allows_its_length(api, history):
    payload = decode(create(api)["shlink"])
    files = manifest(payload, {**RECIPIENT, "embeddedLengthMax": 10_000_000}).json()["files"]
    assert "location" not in files[0]
    plaintext = jwe.decrypt_compact(files[0]["embedded"], key_of(payload)).plaintext
    assert Bundle.model_validate_json(plaintext).type == "collection"
    assert "embedded" not in manifest(payload, {**RECIPIENT, "embeddedLengthMax": 10}).json()["files"][0]


def test_photos_travel_as_media_with_their_jpeg_when_included(api, user):
    inside = add_photo(user, log_entry(user, "2026-10-03"), "left_heel")
    add_photo(user, log_entry(user, "2026-08-03"), "left_heel")  # outside the range
    bundle = fetch_bundle(decode(create(api, include_photos=True)["shlink"]))
    media = resources(bundle, "Media")
    assert len(media) == 1
    content = media[0].content
    assert content.contentType == "image/jpeg" and content.url is None
    from footlog.diary.photo_storage import photo_bytes

    assert content.data == photo_bytes(inside, "display")  # fhir.resources decodes the base64Binary
    assert media[0].bodySite.text == "Left heel"

    without = fetch_bundle(decode(create(api, include_photos=False)["shlink"]))
    assert resources(without, "Media") == []


def test_every_manifest_answer_and_file_fetch_is_in_the_access_log(api, history):
    created = create(api)
    payload = decode(created["shlink"])
    fetch_bundle(payload)
    manifest(payload)
    accesses = api.get(f"{URL}{created['id']}/").json()["accesses"]
    assert sorted(a["resource"] for a in accesses) == ["shl-file", "shl-manifest", "shl-manifest"]
    assert {a["client"] for a in accesses if a["resource"] == "shl-manifest"} == {"Dr. Example, Skin Clinic"}


def test_the_file_location_is_single_use_and_expires_within_the_hour(api, history, time_machine):
    payload = decode(create(api)["shlink"])
    location = urlsplit(manifest(payload).json()["files"][0]["location"]).path
    assert APIClient().get(location).status_code == 200
    assert APIClient().get(location).status_code == 404  # used
    later = urlsplit(manifest(payload).json()["files"][0]["location"]).path
    time_machine.move_to(NOW + dt.timedelta(hours=1, minutes=1), tick=False)
    assert APIClient().get(later).status_code == 404  # expired
    assert APIClient().get(location[:-3] + "abc").status_code == 404  # forged


def test_passcode_gates_the_manifest_and_counts_down_to_a_lock(api, history):
    created = create(api, passcode="heel-1234")
    payload = decode(created["shlink"])
    assert payload["flag"] == "P"
    assert Share.objects.get(pk=created["id"]).passcode_hash.startswith("md5$")  # hashed, never the passcode

    missing = manifest(payload)
    assert missing.status_code == 401 and missing.json()["remainingAttempts"] == 10
    assert "files" not in missing.json()
    fetch_bundle(payload, {**RECIPIENT, "passcode": "heel-1234"})  # the right one works

    remaining = []
    for _ in range(10):
        wrong = manifest(payload, {**RECIPIENT, "passcode": "guess"})
        assert wrong.status_code == 401 and "files" not in wrong.json()
        remaining.append(wrong.json()["remainingAttempts"])
    assert remaining == list(range(9, -1, -1))
    # Locked: even the right passcode gets nothing, the page and PDF are gone too, and the owner sees it.
    assert manifest(payload, {**RECIPIENT, "passcode": "heel-1234"}).status_code == 404
    path = urlsplit(created["url"]).path
    assert APIClient().get(path).status_code == 404
    assert APIClient().get(path + "report.pdf").status_code == 404
    listed = api.get(f"{URL}{created['id']}/").json()
    assert (listed["status"], listed["passcode"], listed["remaining_attempts"]) == ("locked", True, 0)
    assert ShareAccess.objects.filter(share_id=created["id"], resource="bad-passcode").count() == 10


def test_the_page_asks_the_same_passcode_and_shares_the_counter(api, history):
    created = create(api, passcode="heel-1234")
    path = urlsplit(created["url"]).path
    clinician = APIClient()
    form = clinician.get(path)
    html = form.content.decode()
    assert form.status_code == 200 and 'name="passcode"' in html and "heel looked worse" not in html
    assert form["Cache-Control"] == "private, no-store" and form["Referrer-Policy"] == "no-referrer"
    # Before the passcode the PDF and photos send the browser to the page (which asks).
    assert clinician.get(path + "report.pdf").status_code == 303

    wrong = clinician.post(path, {"passcode": "nope"})
    assert wrong.status_code == 401 and "9 tries left" in wrong.content.decode()
    assert "heel looked worse" not in wrong.content.decode()
    assert manifest(decode(created["shlink"])).json()["remainingAttempts"] == 9  # one counter

    right = clinician.post(path, {"passcode": "heel-1234"})
    assert right.status_code == 303 and right["Location"] == path
    cookie = right.cookies["footlog_share_unlocked"]
    assert cookie["path"] == path and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == 7 * 86400  # until the link expires
    assert "heel looked worse" in clinician.get(path).content.decode()
    pdf = clinician.get(path + "report.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "heel looked worse" not in APIClient().get(path).content.decode()  # another browser: asked again


def test_the_passcode_form_works_under_no_referrer_without_a_csrf_token(api, history):
    """Browsers send `Origin: null` from a no-referrer page: the form is CSRF-exempt (the path token is the key)."""
    created = create(api, passcode="heel-1234")
    path = urlsplit(created["url"]).path
    strict = APIClient(enforce_csrf_checks=True)
    assert strict.post(path, {"passcode": "heel-1234"}, HTTP_ORIGIN="null").status_code == 303
    assert "heel looked worse" in strict.get(path).content.decode()


def test_a_forged_unlock_cookie_opens_nothing(api, history):
    created = create(api, passcode="heel-1234")
    other = create(api, passcode="other-5678")
    path = urlsplit(created["url"]).path
    clinician = APIClient()
    assert clinician.post(urlsplit(other["url"]).path, {"passcode": "other-5678"}).status_code == 303
    unlocked_other = clinician.cookies["footlog_share_unlocked"].value
    stranger = APIClient()
    stranger.cookies["footlog_share_unlocked"] = unlocked_other  # another share's marker
    assert "heel looked worse" not in stranger.get(path).content.decode()
    stranger.cookies["footlog_share_unlocked"] = str(created["id"])  # unsigned
    assert "heel looked worse" not in stranger.get(path).content.decode()


def test_revoked_or_expired_gives_nothing(api, history, time_machine):
    created = create(api, expires_in_days=1)
    payload = decode(created["shlink"])
    location = urlsplit(manifest(payload).json()["files"][0]["location"]).path
    assert api.delete(f"{URL}{created['id']}/").status_code == 204
    gone = manifest(payload)
    assert gone.status_code == 404 and "files" not in gone.json()
    assert APIClient().get(location).status_code == 404  # an earlier location dies with the link

    expiring = decode(create(api, expires_in_days=1)["shlink"])
    time_machine.move_to(NOW + dt.timedelta(days=1, seconds=1), tick=False)
    assert manifest(expiring).status_code == 404


def test_the_built_file_is_served_for_the_share_lifetime_and_dropped_when_it_closes(api, user, history, time_machine):
    """Built and encrypted once (creation), then only read: no access builds the Bundle again. Revoking drops it at
    once; the sharing sweep (beat) drops the file of expired shares; deleting the account takes the rows."""
    from footlog.exports import fhir
    from footlog.sharing.tasks import sweep

    built = []
    original = fhir.bundle_entries

    def counting(*args, **kwargs):
        built.append(1)
        return original(*args, **kwargs)

    fhir.bundle_entries = counting
    try:
        revoked, expiring, kept = create(api), create(api, expires_in_days=1), create(api, expires_in_days=7)
        for created in (revoked, expiring, kept):
            for _ in range(2):
                assert manifest(decode(created["shlink"])).status_code == 200
    finally:
        fhir.bundle_entries = original
    assert len(built) == 3  # one build per share, none per access
    assert api.delete(f"{URL}{revoked['id']}/").status_code == 204
    assert Share.objects.get(pk=revoked["id"]).shl_jwe == ""
    time_machine.move_to(NOW + dt.timedelta(days=1, seconds=1), tick=False)
    sweep()
    assert Share.objects.get(pk=expiring["id"]).shl_jwe == ""
    assert Share.objects.get(pk=kept["id"]).shl_jwe != ""
    assert manifest(decode(kept["shlink"])).status_code == 200
    user.delete()
    assert not Share.objects.filter(pk=kept["id"]).exists()


def test_tampered_ciphertext_fails_to_decrypt(api, history):
    payload = decode(create(api)["shlink"])
    token = manifest(payload, {**RECIPIENT, "embeddedLengthMax": 10_000_000}).json()["files"][0]["embedded"]
    header, encrypted_key, iv, ciphertext, tag = token.split(".")
    flipped = ciphertext[:-2] + ("A" if ciphertext[-2] != "A" else "B") + ciphertext[-1]
    for bad in (
        ".".join((header, encrypted_key, iv, flipped, tag)),
        ".".join((header, encrypted_key, iv, ciphertext, tag[:-2] + "AA" if tag[-2:] != "AA" else tag[:-2] + "BB")),
    ):
        with pytest.raises(JoseError):
            jwe.decrypt_compact(bad, key_of(payload))
    with pytest.raises(JoseError):
        jwe.decrypt_compact(token, OctKey.generate_key(256))  # another key


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"",
        json.dumps([RECIPIENT]),
        json.dumps({}),
        json.dumps({"recipient": ""}),
        json.dumps({"recipient": 42}),
        json.dumps({"recipient": "x" * 257}),
        json.dumps({**RECIPIENT, "passcode": 1234}),
        json.dumps({**RECIPIENT, "passcode": ["heel-1234"]}),
        json.dumps({**RECIPIENT, "embeddedLengthMax": "big"}),
        json.dumps({**RECIPIENT, "embeddedLengthMax": True}),
        json.dumps({**RECIPIENT, "embeddedLengthMax": -1}),
        json.dumps({**RECIPIENT, "padding": "x" * 5000}),
        b"[" * 5000,
        b"\xff\xfe",
    ],
)
def test_malformed_manifest_requests_are_400_and_count_nothing(api, history, body):
    created = create(api, passcode="heel-1234")
    response = manifest(decode(created["shlink"]), body)
    assert response.status_code == 400, response.content
    assert set(response.json()) == {"error"}
    assert Share.objects.get(pk=created["id"]).passcode_attempts_left == 10
    assert not ShareAccess.objects.filter(share_id=created["id"]).exists()


def test_unknown_and_guessed_manifest_ids_are_404(api, history):
    payload = decode(create(api)["shlink"])
    path = urlsplit(payload["url"]).path
    for bad in (path[:-1], path + "A", "/shl/" + "A" * 43, "/shl/short"):
        response = APIClient().generic("POST", bad, json.dumps(RECIPIENT), content_type="application/json")
        assert response.status_code == 404 and "files" not in response.json()
    assert APIClient().get("/shl/file/" + "x" * 60).status_code == 404


def test_only_post_and_a_cors_preflight_with_csrf_checks_on(api, history):
    payload = decode(create(api)["shlink"])
    path = urlsplit(payload["url"]).path
    browser = APIClient(enforce_csrf_checks=True)  # no CSRF token or cookie: a cross-site receiver
    preflight = browser.options(path, HTTP_ORIGIN="https://viewer.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight["Access-Control-Allow-Headers"]
    answer = manifest(payload, client=browser, HTTP_ORIGIN="https://viewer.example")
    assert answer.status_code == 200
    assert answer["Access-Control-Allow-Origin"] == "*" and answer["Cache-Control"] == "private, no-store"
    file = browser.get(urlsplit(answer.json()["files"][0]["location"]).path, HTTP_ORIGIN="https://viewer.example")
    assert file["Access-Control-Allow-Origin"] == "*" and file["Cache-Control"] == "private, no-store"
    assert browser.get(path).status_code == 405 and browser.delete(path).status_code == 405


def test_the_manifest_counts_against_the_share_rate_limit(api, history, settings):
    settings.FOOTLOG_SHARE_RATE_PER_MINUTE = 2
    payload = decode(create(api)["shlink"])
    codes = [manifest(payload, REMOTE_ADDR="198.51.100.9").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_bad_passcodes_at_creation_are_400_and_create_nothing(api, history):
    for passcode in ("abc", "x" * 65, 1234, ["abcd"], ""):
        response = api.post(URL, {**BODY, "passcode": passcode}, format="json")
        assert response.status_code == 400 and "passcode" in response.json()["errors"], passcode
    assert not Share.objects.exists()


def test_logs_never_contain_the_manifest_id_file_ticket_or_key(api, history):
    payload = decode(create(api, passcode="heel-1234")["shlink"])
    manifest_id = urlsplit(payload["url"]).path.rsplit("/", 1)[1]
    console = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    buffer = io.StringIO()
    old_stream = console.setStream(buffer)
    try:
        manifest(payload)  # 401
        location = manifest(payload, {**RECIPIENT, "passcode": "heel-1234"}).json()["files"][0]["location"]
        APIClient().get(urlsplit(location).path)
        APIClient().get(urlsplit(location).path)  # 404: django.request warns with the path
        APIClient().generic("POST", f"/shl/{manifest_id[:-1]}", "{}", content_type="application/json")
    finally:
        console.setStream(old_stream)
    text = buffer.getvalue()
    assert text  # the lines are there...
    ticket = urlsplit(location).path.rsplit("/", 1)[1]
    for secret in (manifest_id, manifest_id[:-1], ticket, payload["key"], "heel-1234"):
        assert secret not in text  # ...without the secrets


@pytest.mark.slow  # the real hasher: ten PBKDF2 checks (~10 s on 2 busy cores)
def test_forty_parallel_guesses_get_exactly_ten_wrong_answers_then_the_lock(
    postgres, transactional_db, make_user, settings, real_hasher
):
    """Issue 22: 40 guesses at once at the manifest, on PostgreSQL with the real (slow) hasher. The try is taken
    in the database before the hash is checked, so exactly ten are answered "Wrong passcode", the rest find the
    link locked (404, like a revoked one), the right passcode afterwards gets nothing, and the owner sees
    "locked". (Reading the counter before the hash and writing it after let 16 through.)"""
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    from django.db import connection

    settings.FOOTLOG_SHARE_RATE_PER_MINUTE = 1000
    user = make_user()
    api = logged_in(user)
    created = create(api, passcode="heel-1234")
    assert Share.objects.get(pk=created["id"]).passcode_hash.startswith("pbkdf2_sha256$")
    payload = decode(created["shlink"])
    start = Barrier(8)

    def guess(i: int) -> tuple[int, str]:
        try:
            if i < 8:
                start.wait(timeout=30)
            answer = manifest(payload, {**RECIPIENT, "passcode": f"guess-{i}"})
            return answer.status_code, answer.json().get("error", "")
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(guess, range(39)))
    assert answers.count((401, "Wrong passcode.")) == 10, answers
    assert answers.count((404, "This link is unknown, expired or no longer active.")) == 29, answers
    assert manifest(payload, {**RECIPIENT, "passcode": "heel-1234"}).status_code == 404  # the right one, too late
    path = urlsplit(created["url"]).path
    assert APIClient().post(path, {"passcode": "heel-1234"}).status_code == 404  # the page's form: gone as well
    listed = api.get(f"{URL}{created['id']}/").json()
    assert (listed["status"], listed["remaining_attempts"]) == ("locked", 0)


def test_the_right_passcode_gives_its_try_back(api, history):
    created = create(api, passcode="heel-1234")
    payload = decode(created["shlink"])
    assert manifest(payload, {**RECIPIENT, "passcode": "nope"}).json()["remainingAttempts"] == 9
    for _ in range(3):
        fetch_bundle(payload, {**RECIPIENT, "passcode": "heel-1234"})
    assert Share.objects.get(pk=created["id"]).passcode_attempts_left == 9


def test_the_account_export_leaves_out_the_passcode_hash_and_the_link(api, history):
    import zipfile

    created = create(api, passcode="heel-1234")
    share = Share.objects.get(pk=created["id"])
    response = api.get("/api/v1/account/export")
    text = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).read("footlog-data.json").decode()
    assert created["id"] in text  # the share is there...
    for secret in ("passcode_hash", "shl_jwe", "shl_id_hash", share.passcode_hash, share.shl_jwe[:40]):
        assert secret not in text  # ...without its secrets


def test_photos_past_the_size_limit_are_media_without_data_and_say_so(api, user, monkeypatch):
    from footlog.diary.photo_storage import photo_bytes
    from footlog.exports import fhir

    first = add_photo(user, log_entry(user, "2026-10-03"), "left_heel")
    add_photo(user, log_entry(user, "2026-10-04"), "left_heel")
    monkeypatch.setattr(fhir, "MAX_EMBEDDED_PHOTO_BYTES", len(photo_bytes(first, "display")) + 10)
    media = resources(fetch_bundle(decode(create(api, include_photos=True)["shlink"])), "Media")
    assert [m.content.data is not None for m in media] == [True, False]
    assert media[1].content.url is None and "size limit" in media[1].note[0].text
