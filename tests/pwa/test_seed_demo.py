from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

from accounts.consent import has_current_consent
from accounts.models import User
from footlog.diary.models import Entry, Photo
from footlog.timeline.selectors import timeline_for

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_a_usable_account_with_eight_weeks_of_history() -> None:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    password = re.search(r"password: (\S+)", out.getvalue()).group(1)
    user = User.objects.get(email="demo@footlog.local")
    assert has_current_consent(user) and user.emailaddress_set.get().verified
    dates = sorted(Entry.objects.filter(user=user).values_list("date", flat=True))
    assert 40 <= len(dates) < 56 and (dates[-1] - dates[0]).days == 55  # eight weeks, with some gaps
    assert Photo.objects.filter(user=user, site="left_ankle_outer").count() >= 8
    result = timeline_for(user, dates[0], dates[-1])
    statuses = {s.site: s.status for s in result.sites}
    assert statuses["right_heel"] in ("clear", "improving")
    client = Client()
    assert client.login(email=user.email, password=password)
    assert client.get("/timeline/").status_code == 200


def test_seed_demo_twice_replaces_the_account() -> None:
    call_command("seed_demo", "--password", "demo demo demo 1", stdout=io.StringIO())
    call_command("seed_demo", "--password", "demo demo demo 2", stdout=io.StringIO())
    assert User.objects.filter(email="demo@footlog.local").count() == 1
    assert User.objects.get(email="demo@footlog.local").check_password("demo demo demo 2")


def test_seed_demo_on_a_database_never_migrated_says_so_in_one_sentence(tmp_path) -> None:
    """A fresh clone: a new data dir, so a new, empty SQLite file, in a real `manage.py` process."""
    from tests.hardening.test_production_settings import run_django

    result = run_django(tmp_path, ["seed_demo"])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "not set up yet" in lines[0] and "manage.py migrate" in lines[0], result.stderr
    assert str(tmp_path) in lines[0]  # names the database it looked at
