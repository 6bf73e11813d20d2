"""Share links: creation, listing with the access log, revocation, expiry and the public page."""

import datetime as dt
import hashlib
import io
import logging
from urllib.parse import urlsplit

import pytest
from rest_framework.test import APIClient

from footlog.sharing.models import Share
from tests.exports.builders import log_entry

URL = "/api/v1/shares/"
BODY = {"from": "2026-10-01", "to": "2026-10-20", "include_photos": False, "expires_in_days": 7}
FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:130.0) Gecko/130.0 Firefox/130.0"


def create(api, **changes):
    response = api.post(URL, {**BODY, **changes}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def page_path(created) -> str:
    return urlsplit(created["url"]).path


@pytest.fixture
def history(user):
    log_entry(user, "2026-10-05", notes="heel looked worse", observations=[{"site": "left_heel", "count": 4}])
    log_entry(user, "2026-09-01", notes="outside the shared range", observations=[{"site": "left_toes", "count": 1}])


def test_create_returns_the_link_once_and_stores_only_its_hash(api, settings):
    settings.FOOTLOG_PUBLIC_URL, settings.FOOTLOG_PUBLIC_URL_SET = "https://footlog.example", True
    created = create(api)
    assert created["url"].startswith("https://footlog.example/share/")
    token = page_path(created).split("/")[2]
    assert len(token) >= 22  # ≥ 128 bits in URL-safe base64
    share = Share.objects.get(pk=created["id"])
    assert share.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Share.objects.filter(pk=share.pk).values().first())
    assert created["qr_svg"].startswith("<?xml") or created["qr_svg"].startswith("<svg")
    assert "<path" in created["qr_svg"]


def test_a_host_outside_the_allowed_hosts_makes_no_link(api, settings):
    """Without FOOTLOG_PUBLIC_URL the link takes the request's origin: only an allowed host may give it one."""
    settings.FOOTLOG_PUBLIC_URL_SET = False
    response = api.post(URL, BODY, format="json", HTTP_HOST="evil.example")
    assert response.status_code == 400 and not Share.objects.exists()


def test_tokens_are_unique_and_random(api):
    assert len({page_path(create(api)) for _ in range(5)}) == 5


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"expires_in_days": 0}, "expires_in_days"),
        ({"expires_in_days": 31}, "expires_in_days"),
        ({"expires_in_days": "7"}, "expires_in_days"),
        ({"from": "2026-10-21"}, "from"),
        ({"from": "2026/10/01"}, "from"),
        ({"from": "2020-01-01", "to": "2026-01-01"}, "to"),
        ({"include_photos": "yes"}, "include_photos"),
        ({"questions": "q" * 2001}, "questions"),
        ({"questions": ["Is it growing?"]}, "questions"),
    ],
)
def test_bad_input_is_400_and_creates_nothing(api, changes, field):
    response = api.post(URL, {**BODY, **changes}, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Share.objects.exists()


def test_list_shows_status_and_a_coarse_access_log_without_ip(api, history):
    created = create(api)
    APIClient().get(page_path(created), HTTP_USER_AGENT=FIREFOX_ANDROID, REMOTE_ADDR="203.0.113.7")
    listed = api.get(URL).json()
    assert [s["id"] for s in listed] == [created["id"]]
    assert listed[0]["status"] == "active"
    assert listed[0]["from"] == "2026-10-01" and listed[0]["to"] == "2026-10-20"
    assert [(a["client"], a["resource"]) for a in listed[0]["accesses"]] == [("Firefox on Android", "page")]
    assert "203.0.113" not in str(listed) and "url" not in listed[0]


def test_public_page_shows_the_report_for_the_shared_range_only(api, history):
    response = APIClient().get(page_path(create(api)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "heel looked worse" in html and "Left heel" in html
    assert "outside the shared range" not in html
    assert "Download the PDF report" in html
    assert '<meta name="robots" content="noindex' in html
    assert response["X-Robots-Tag"].startswith("noindex")
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "private, no-store"
    assert 'name="viewport"' in html


def test_public_pdf_is_the_report(api, history):
    created = create(api)
    response = APIClient().get(page_path(created) + "report.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_page_is_read_only(api, history):
    path = page_path(create(api))
    client = APIClient(enforce_csrf_checks=False)
    assert client.post(path, {}).status_code == 405
    assert client.delete(path).status_code == 405


def test_revoked_link_answers_404(api, history):
    created = create(api)
    assert api.delete(f"{URL}{created['id']}/").status_code == 204
    response = APIClient().get(page_path(created))
    assert response.status_code == 404
    assert response["Cache-Control"] == "private, no-store"
    assert api.get(URL).json()[0]["status"] == "revoked"


def test_link_expires_after_its_days(api, history, time_machine):
    time_machine.move_to(dt.datetime(2026, 10, 21, 9, tzinfo=dt.UTC), tick=False)
    created = create(api, expires_in_days=1)
    time_machine.move_to(dt.datetime(2026, 10, 22, 8, 59, tzinfo=dt.UTC), tick=False)
    assert APIClient().get(page_path(created)).status_code == 200
    time_machine.move_to(dt.datetime(2026, 10, 22, 9, 0, 1, tzinfo=dt.UTC), tick=False)
    assert APIClient().get(page_path(created)).status_code == 404
    assert APIClient().get(page_path(created) + "report.pdf").status_code == 404
    assert api.get(URL).json()[0]["status"] == "expired"


def test_guessed_truncated_and_padded_tokens_are_404(api, history):
    path = page_path(create(api))
    token = path.split("/")[2]
    for bad in (
        token[:-1],
        token + "A",
        token[:22],
        "A" * len(token),
        token.upper() if token != token.upper() else "b" * 43,
    ):
        assert APIClient().get(f"/share/{bad}/").status_code == 404


def test_share_page_is_rate_limited_per_ip(api, history, settings, time_machine):
    time_machine.move_to(dt.datetime(2026, 10, 21, 9, 0, 10, tzinfo=dt.UTC), tick=False)  # one rate window
    settings.FOOTLOG_SHARE_RATE_PER_MINUTE = 3
    path = page_path(create(api))
    codes = [APIClient().get(path, REMOTE_ADDR="198.51.100.1").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert APIClient().get(path, REMOTE_ADDR="198.51.100.2").status_code == 200  # another client is unaffected
    guesses = [APIClient().get(f"/share/{'x' * 43}/", REMOTE_ADDR="198.51.100.3").status_code for _ in range(4)]
    assert guesses == [404, 404, 404, 429]  # guessing counts too
    time_machine.move_to(dt.datetime(2026, 10, 21, 9, 1, 10, tzinfo=dt.UTC), tick=False)
    assert APIClient().get(path, REMOTE_ADDR="198.51.100.1").status_code == 200  # a minute later: allowed again


def test_request_logs_never_contain_the_token(api, history):
    """What the configured console handler writes (request lines, 404 warnings, dev-server lines) is redacted."""
    path = page_path(create(api))
    token = path.split("/")[2]
    console = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    buffer = io.StringIO()
    old_stream = console.setStream(buffer)
    try:
        APIClient().get(path)
        APIClient().get(f"/share/{token[:-2]}/")  # a 404: django.request logs a warning with the path
        logging.getLogger("django.server").info('"GET %s HTTP/1.1" 200 1234', path)
    finally:
        console.setStream(old_stream)
    text = buffer.getvalue()
    assert "/share/[redacted]" in text  # the lines are there...
    assert token not in text and token[:-2] not in text  # ...without the token


def test_outsider_cannot_see_or_revoke_anothers_share(api, outsider):
    created = create(api)
    assert outsider.get(URL).json() == []
    assert outsider.get(f"{URL}{created['id']}/").status_code == 404
    assert outsider.delete(f"{URL}{created['id']}/").status_code == 404
    assert Share.objects.get(pk=created["id"]).revoked_at is None


def test_owner_reads_one_share(api):
    created = create(api)
    assert api.get(f"{URL}{created['id']}/").json()["id"] == created["id"]


def test_anonymous_gets_401_on_the_api(anonymous, api):
    created = create(api)
    assert anonymous.get(URL).status_code == 401
    assert anonymous.post(URL, BODY, format="json").status_code == 401
    assert anonymous.get(f"{URL}{created['id']}/").status_code == 401
    assert anonymous.delete(f"{URL}{created['id']}/").status_code == 401


@pytest.fixture
def photos(user, other_user):
    from tests.exports.builders import add_photo

    inside = add_photo(user, log_entry(user, "2026-10-03"), "left_heel")
    # Another site, with no photo in the range: not a baseline the report shows (see test_report_photo_pairs.py).
    outside = add_photo(user, log_entry(user, "2026-09-03"), "left_toes")
    others = add_photo(other_user, log_entry(other_user, "2026-10-03"), "left_heel")
    return inside, outside, others


def test_shared_photos_are_served_through_the_share_only(api, photos):
    inside, outside, others = photos
    path = page_path(create(api, include_photos=True))
    html = APIClient().get(path).content.decode()
    assert f'src="{path}photos/{inside.pk}"' in html
    assert str(outside.pk) not in html and "/api/v1/photos/" not in html
    response = APIClient().get(f"{path}photos/{inside.pk}")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response.content.startswith(b"\xff\xd8")
    assert response["Cache-Control"] == "private, no-store" and response["Referrer-Policy"] == "no-referrer"
    assert APIClient().get(f"{path}photos/{outside.pk}").status_code == 404  # outside the shared dates
    assert APIClient().get(f"{path}photos/{others.pk}").status_code == 404  # another user's photo


def test_share_without_photos_serves_none(api, photos):
    inside, _, _ = photos
    path = page_path(create(api, include_photos=False))
    html = APIClient().get(path).content.decode()
    assert "<img" not in html and "Photos: baseline" not in html
    assert APIClient().get(f"{path}photos/{inside.pk}").status_code == 404


def test_shared_pdf_embeds_the_photos_when_included(api, photos):
    from pypdf import PdfReader

    path = page_path(create(api, include_photos=True))
    pdf = PdfReader(io.BytesIO(APIClient().get(path + "report.pdf").content))
    assert len({img.data for page in pdf.pages for img in page.images}) == 1


def test_questions_given_with_a_share_appear_on_its_page_and_pdf(api, history):
    import io

    from pypdf import PdfReader

    created = create(api, questions="Should I stop the scrub?\nIs the heel one growing?")
    page = api.get(page_path(created)).content.decode()
    assert "Should I stop the scrub?" in page and "Is the heel one growing?" in page
    pdf = api.get(page_path(created) + "report.pdf")
    text = " ".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())
    assert "Should I stop the scrub?" in text
