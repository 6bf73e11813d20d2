"""A demo account with eight weeks of believable history, so a newcomer sees a full timeline at once.

Deterministic (seeded): the same command gives the same log. Everything goes through the real services
(entry_create, photo_ingest), so the demo data is exactly what the app itself would have stored.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import random
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from PIL import Image, ImageDraw, ImageFilter

from accounts.consent import consent_give
from accounts.models import User, validate_timezone
from footlog.diary import services as diary_services
from footlog.diary.models import Entry, RoutineStep
from footlog.lib.errors import InvalidInput

DAYS = 56
SKIN = (222, 184, 160)


@dataclass(frozen=True)
class SitePlan:
    """How a site's count moves over the eight weeks: a straight line from `start` to `end`, plus noise."""

    site: str
    start: float
    end: float
    largest_mm: float


PLANS = [
    SitePlan("left_ankle_outer", 3, 6, 1.5),  # slowly growing cluster: the timeline should say "consider"
    SitePlan("right_heel", 5, 0, 2.0),  # clearing up with care
    SitePlan("left_top", 1, 1, 1.0),  # a stubborn single one
]
CARE_RATES = {
    "wash": 0.95,
    "moisturise": 0.8,
    "sock_change": 0.9,
    "exfoliate": 0.3,
    "sunscreen": 0.4,
    "breathable_footwear": 0.6,
}
TRIGGER_RATES = {"tight_footwear": 0.15, "new_product": 0.03, "long_sun_exposure": 0.1}
NOTES = ["Long walk today.", "New socks (cotton).", "Hiking boots, ankle rubbed a bit.", "Forgot cream in the evening."]


def skin_photo(count: int, seed: int, *, close_up: bool) -> bytes:
    """A generated 'photo': skin tone, `count` small white bumps, and a coin for scale."""
    rnd = random.Random(seed)
    size = (1200, 900)
    image = Image.new("RGB", size, SKIN)
    draw = ImageDraw.Draw(image)
    for _ in range(400):  # skin texture
        x, y = rnd.randrange(size[0]), rnd.randrange(size[1])
        shade = rnd.randint(-18, 10)
        draw.point((x, y), fill=tuple(max(0, min(255, c + shade)) for c in SKIN))
    radius = 22 if close_up else 9
    for _ in range(count):
        x, y = rnd.randint(350, 850), rnd.randint(250, 650)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(250, 246, 230), outline=(210, 190, 170))
    coin = 140 if close_up else 60  # a 1-euro coin, 23 mm
    draw.ellipse(
        (1000 - coin, 750 - coin, 1000 + coin, 750 + coin), fill=(196, 170, 90), outline=(140, 120, 60), width=4
    )
    # Softened a little, then fine skin grain on top (as a camera adds it after the optics): the demo's photos
    # read as sharp and well exposed to footlog's quality measure, like a good phone photo would.
    soft = image.filter(ImageFilter.GaussianBlur(0.8))
    out = io.BytesIO()
    Image.blend(soft, _grain(size), 0.06).save(out, "JPEG", quality=85)
    return out.getvalue()


@functools.cache
def _grain(size: tuple[int, int]) -> Image.Image:
    """The grain, one field for every photo of a run: making it took half of seed_demo's time (0.18 s a photo)."""
    return Image.effect_noise(size, 48).convert("RGB")


def _remove(email: str) -> None:
    for user in User.objects.filter(email=email):
        Entry.objects.filter(user=user).delete()  # routine logs PROTECT custom steps: entries go first
        user.delete()


def create_demo(email: str, password: str, *, timezone: str = "Europe/Berlin", seed: int = 7) -> tuple[User, int, int]:
    """Replace any account with `email` by a verified, consented demo account; returns (user, entries, photos).

    Every row goes through the services, which run the shared rules (footlog/diary/validation.py); the zone,
    the one value a caller chooses, meets the account's own rule first (InvalidInput, as the API's 400)."""
    try:
        validate_timezone(timezone)
    except ValidationError as exc:
        raise InvalidInput({"timezone": exc.messages}) from None
    rnd = random.Random(seed)
    with transaction.atomic():
        _remove(email)
        user = User.objects.create_user(email, password, timezone=timezone, display_name="Demo")
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        consent_give(user)
        steps = {s.key: s for s in RoutineStep.objects.filter(user__isnull=True)}
        retinoid = diary_services.routine_step_create(user, "Retinoid cream", "care")
    today = user.today()
    entries = photos = 0
    for offset in range(DAYS - 1, -1, -1):
        day = today - dt.timedelta(days=offset)
        if offset > 0 and rnd.random() < 0.12:
            continue  # a forgotten day: gaps are part of real life and of the timeline
        progress = 1 - offset / (DAYS - 1)
        observations: list[dict[str, Any]] = []
        for plan in PLANS:
            expected = plan.start + (plan.end - plan.start) * progress
            count = max(0, round(expected + rnd.uniform(-1, 1)))
            observations.append(
                {
                    "site": plan.site,
                    "count": count,
                    "largest_mm": plan.largest_mm if count else None,
                    "itch": 1 if count and rnd.random() < 0.1 else 0,
                    "pain": 0,
                    "redness": False,
                    "note": "",
                }
            )
        routine = [{"step": steps[k], "done": rnd.random() < rate, "detail": ""} for k, rate in CARE_RATES.items()]
        routine += [{"step": steps[k], "done": rnd.random() < r, "detail": ""} for k, r in TRIGGER_RATES.items()]
        routine.append({"step": retinoid, "done": offset < 21 and rnd.random() < 0.85, "detail": ""})
        notes = rnd.choice(NOTES) if rnd.random() < 0.15 else ""
        data = diary_services.EntryData(date=day, notes=notes, observations=observations, routine=routine)
        entry, _ = diary_services.entry_create(user, data)
        entries += 1
        if offset % 7 == 0:  # the weekly photo: overview and close-up of the two main sites
            for plan in PLANS[:2]:
                count = next(o["count"] for o in observations if o["site"] == plan.site)
                for close_up in (False, True):
                    upload = diary_services.PhotoUpload(
                        skin_photo(count, seed + offset, close_up=close_up),
                        plan.site,
                        view="closeup" if close_up else "overview",
                        scale_in_frame=True,  # the coin
                    )
                    diary_services.photo_ingest(user, entry, upload)
                    photos += 1
    return user, entries, photos
