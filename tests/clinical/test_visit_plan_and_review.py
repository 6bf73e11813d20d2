"""Visits and what came of them (issue 21, item 4, the data side): `plan` and `review_on` in and out, PATCH and
DELETE by the owner only, a visit write drops the cached timeline and resets the visit nudge (a task enqueued by
name), and the review date sends one reminder."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache

from footlog.celery import app as celery_app
from footlog.clinical import services as clinical_services
from footlog.clinical.models import Visit
from footlog.timeline.selectors import cache_keys

pytestmark = pytest.mark.django_db
NOW = "2026-12-02T12:00:00+00:00"  # the account (Europe/Berlin) is on 2 Dec 2026
URL = "/api/v1/visits/"


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def tasks(monkeypatch):
    """The tasks the clinical services hand to the broker, by name (captured instead of sent)."""
    sent: list[tuple[str, tuple]] = []
    monkeypatch.setattr(clinical_services, "enqueue_task", lambda name, *args: sent.append((name, args)))
    return sent


def post_visit(api, **body):
    return api.post(URL, body, format="json")


def test_plan_and_review_date_are_stored_and_returned(api, user, tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_visit(api, kind="visited", date="2026-12-01", plan="retinoid nightly", review_on="2027-01-12")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["plan"], body["review_on"]) == ("retinoid nightly", "2027-01-12")
    stored = Visit.objects.get(user=user)
    assert (stored.plan, stored.review_on) == ("retinoid nightly", dt.date(2027, 1, 12))
    assert api.get(URL).json()[0]["plan"] == "retinoid nightly"
    assert tasks == [("reminders.visit_recorded", (user.pk,))]


def test_plan_and_review_are_optional(api):
    body = post_visit(api, kind="booked", date="2026-12-20").json()
    assert (body["plan"], body["review_on"]) == ("", None)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"review_on": "2026-11-30"}, "review_on"),  # before the visit
        ({"review_on": "3000-01-01"}, "review_on"),  # outside footlog's calendar
        ({"review_on": "1899-12-31"}, "review_on"),
        ({"review_on": "2027-02-30"}, "review_on"),  # no such day
        ({"review_on": "12/01/2027"}, "review_on"),
        ({"review_on": 20270112}, "review_on"),
        ({"plan": "p" * 1001}, "plan"),
        ({"plan": ["retinoid"]}, "plan"),
    ],
)
def test_a_bad_plan_or_review_date_is_a_400_naming_it_and_stores_nothing(api, user, body, field):
    response = post_visit(api, kind="visited", date="2026-12-01", **body)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert not Visit.objects.filter(user=user).exists()


def test_a_review_on_the_visit_day_is_accepted(api):
    assert post_visit(api, kind="visited", date="2026-12-01", review_on="2026-12-01").status_code == 201


def test_the_owner_patches_a_visit_and_an_outsider_gets_404(api, outsider, user, tasks):
    visit_id = post_visit(api, kind="visited", date="2026-12-01").json()["id"]
    url = f"{URL}{visit_id}/"
    assert outsider.patch(url, {"plan": "theirs"}, format="json").status_code == 404
    changed = api.patch(url, {"plan": "retinoid nightly", "review_on": "2027-01-12"}, format="json")
    assert changed.status_code == 200, changed.content
    assert (changed.json()["plan"], changed.json()["review_on"], changed.json()["kind"]) == (
        "retinoid nightly", "2027-01-12", "visited",
    )  # fmt: skip
    stored = Visit.objects.get(pk=visit_id)
    assert (stored.plan, stored.review_on, stored.date) == (
        "retinoid nightly",
        dt.date(2027, 1, 12),
        dt.date(2026, 12, 1),
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"review_on": "2026-11-01"}, "review_on"),  # before the (unchanged) visit date
        ({"date": "2027-02-01"}, "review_on"),  # the booking moved after its review date
        ({"kind": "bogus"}, "kind"),
        ({"id": "x"}, "id"),  # not editable
        ({"plan": "p" * 1001}, "plan"),
    ],
)
def test_a_bad_patch_is_a_400_and_changes_nothing(api, user, change, field):
    visit_id = post_visit(api, kind="booked", date="2026-12-20", review_on="2027-01-10").json()["id"]
    response = api.patch(f"{URL}{visit_id}/", change, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    stored = Visit.objects.get(pk=visit_id)
    assert (stored.kind, stored.date, stored.review_on, stored.plan) == (
        "booked", dt.date(2026, 12, 20), dt.date(2027, 1, 10), "",
    )  # fmt: skip


def test_patching_a_visit_had_into_the_future_is_refused(api):
    visit_id = post_visit(api, kind="visited", date="2026-12-01").json()["id"]
    response = api.patch(f"{URL}{visit_id}/", {"date": "2026-12-05"}, format="json")
    assert response.status_code == 400 and "date" in response.json()["errors"]


def test_the_owner_deletes_and_an_outsider_gets_404(api, outsider, user):
    visit_id = post_visit(api, kind="visited", date="2026-12-01", plan="retinoid").json()["id"]
    assert outsider.delete(f"{URL}{visit_id}/").status_code == 404
    assert api.delete(f"{URL}{visit_id}/").status_code == 204
    assert api.patch(f"{URL}{visit_id}/", {"plan": "x"}, format="json").status_code == 404


@pytest.mark.parametrize("write", ["post", "patch", "delete"])
def test_every_visit_write_drops_the_cached_timeline(api, user, tasks, write, django_capture_on_commit_callbacks):
    visit_id = post_visit(api, kind="visited", date="2026-12-01").json()["id"]
    keys = cache_keys(user.pk)
    cache.set_many({keys[0]: "stale result", keys[-1]: "stale month"})
    with django_capture_on_commit_callbacks(execute=True):
        if write == "post":
            post_visit(api, kind="booked", date="2026-12-20")
        elif write == "patch":
            api.patch(f"{URL}{visit_id}/", {"plan": "retinoid nightly"}, format="json")
        else:
            api.delete(f"{URL}{visit_id}/")
    assert cache.get(keys[0]) is None and cache.get(keys[-1]) is None


def test_the_nudge_reset_task_is_known_to_the_worker_by_its_name():
    import reminders.tasks  # noqa: F401 (the worker imports it too: autodiscover)

    assert clinical_services.VISIT_RECORDED_TASK in celery_app.tasks


def test_a_broker_that_is_down_loses_only_the_reset(api, user, monkeypatch, django_capture_on_commit_callbacks):
    def down(*args, **kwargs):
        raise ConnectionError("broker gone")

    monkeypatch.setattr(celery_app, "send_task", down)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_visit(api, kind="visited", date="2026-12-01")
    assert response.status_code == 201
    assert Visit.objects.filter(user=user).count() == 1


def test_the_timeline_pages_visit_form_takes_plan_and_review_date(api, user, tasks):
    page = api.get("/timeline/").content.decode()
    assert 'name="plan"' in page and 'name="review_on"' in page
    answer = api.post(
        "/timeline/", {"kind": "visited", "date": "2026-12-01", "plan": "retinoid nightly", "review_on": "2027-01-12"}
    )
    assert answer.status_code == 302
    stored = Visit.objects.get(user=user)
    assert (stored.plan, stored.review_on) == ("retinoid nightly", dt.date(2027, 1, 12))
    empty_review = api.post("/timeline/", {"kind": "booked", "date": "2026-12-20", "review_on": ""})
    assert empty_review.status_code == 302
    refused = api.post("/timeline/", {"kind": "visited", "date": "2026-12-01", "review_on": "2026-11-01"})
    assert refused.status_code == 400
    assert "The review date cannot be before the visit." in refused.content.decode()
    assert Visit.objects.filter(user=user).count() == 2


def test_the_plan_and_review_date_read_with_the_visit_on_the_timeline_page(api, user, tasks):
    post_visit(api, kind="visited", date="2026-12-01", note="heel", plan="retinoid nightly", review_on="2027-01-12")
    page = api.get("/timeline/").content.decode()
    assert "Visited a dermatologist on 1 Dec 2026 (heel); plan: retinoid nightly; review on 12 Jan 2027" in page
