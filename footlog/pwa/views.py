"""The app's pages, its web app manifest and its service worker. Pages stay thin: selectors do the reading."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings as django_settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_safe
from rest_framework import serializers

from accounts import consent
from accounts.models import User
from accounts.selectors import sign_in_state
from accounts.serializers import AccountSerializer
from accounts.services import account_update
from footlog import i18n
from footlog.api.scoping import get_owned, user_of
from footlog.clinical import services as clinical_services
from footlog.clinical.serializers import VisitIn
from footlog.diary import selectors as diary_selectors
from footlog.diary import services as diary_services
from footlog.diary.imaging import quality_rules
from footlog.diary.models import RoutineStep
from footlog.diary.serializers import ObservationIO, RoutineStepIn, RoutineStepOut
from footlog.diary.sites import SITES
from footlog.lib.dates import (
    DAY_PAGE_YEARS,
    clamp_date,
    day_page_earliest,
    entry_date_error,
    is_valid_timezone,
)
from footlog.lib.device import device_owner_key
from footlog.lib.errors import FootlogError, InvalidInput
from footlog.lib.private import private_page, private_response
from footlog.portability.deletion_code import needs_code
from footlog.pwa import forms
from footlog.pwa.access import app_page
from footlog.pwa.gallery import photo_sites, site_gallery
from footlog.pwa.history import history_days, month_view
from footlog.pwa.timeline import timeline_page
from footlog.sharing import presenter as share_presenter
from footlog.sharing import selectors as share_selectors
from footlog.sharing import services as share_services
from footlog.sharing.serializers import ShareIn
from footlog.timeline import selectors as timeline_selectors
from footlog.timeline import services as timeline_services
from footlog.timeline.analysis import wording
from footlog.timeline.serializers import ThresholdsIO
from reminders import selectors as reminder_selectors
from reminders import services as reminder_services
from reminders.serializers import PreferencesIn

THEME = "#0f5f5c"
SHARE_EXPIRY_CHOICES = (1, 7, 14, 30)  # days a new link works, as the Export page offers them (7 preselected)
TIMELINE_DAYS = 56  # eight weeks: long enough for the duration rules, short enough to read on a phone
# Raise when what the Today form posts changes shape, even if no listed file changed: a new service worker then
# drops every kept copy of the old form. 2: bleeding/spreading per spot, only touched routine steps.
# 3: the form serves any day (date from the URL), offline too; 4: photos carry their view and scale mark.
SHELL_GENERATION = 4
# Files the service worker keeps so that the Today page opens without a network.
SHELL_ASSETS = [
    "footlog/app.css",
    "footlog/app.js",
    "footlog/outbox.js",
    "footlog/feetmap.js",
    "footlog/today.js",
    "footlog/icons/icon-192.png",
    "footlog/icons/maskable-192.png",
    "footlog/daynav.js",
    "footlog/tzbanner.js",
    "footlog/onset.js",
    "footlog/capture.js",
    "footlog/quality.js",
    "footlog/conflict.js",
]


@lru_cache(maxsize=1)
def shell_version() -> str:
    """A digest of the shell's files: any change makes a new service worker, which refreshes the caches."""
    digest = hashlib.sha256(f"generation {SHELL_GENERATION}".encode())
    for name in SHELL_ASSETS:
        path = finders.find(name)
        digest.update(Path(str(path)).read_bytes() if path else name.encode())
    return digest.hexdigest()[:12]


@require_safe
@cache_control(max_age=86400)
def manifest(request: HttpRequest) -> HttpResponse:
    icons = [
        {
            "src": static(f"footlog/icons/{kind}-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": "maskable" if kind == "maskable" else "any",
        }
        for kind in ("icon", "maskable")
        for size in (192, 512)
    ]
    body = {
        "id": "/",
        # In the browser's language (a manifest is fetched without cookies; LocaleMiddleware adds the Vary).
        "name": gettext("footlog: a diary for the skin of your feet and ankles"),
        "short_name": "footlog",
        "description": gettext(
            "Log a day in under a minute, online or not, and see whether it is time to book a visit."
        ),
        "start_url": "/?source=pwa",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#f6f8f7",
        "theme_color": THEME,
        "lang": get_language(),
        "categories": ["health", "medical", "lifestyle"],
        "icons": icons,
    }
    return JsonResponse(body, content_type="application/manifest+json", json_dumps_params={"indent": 1})


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """Served from the root so that its scope is the whole app; `no-cache` makes updates reach users at once.

    It speaks the request's language (the account's, else the browser's): it keeps that language's JavaScript
    catalog with the shell, so the kept Today page has its words offline, and names the language in its cache,
    so a switch of language makes a new worker that keeps the Today and offline pages anew in it."""
    catalog = i18n.js_catalog_url()
    scripts = [catalog] if catalog else []
    context = {
        "version": shell_version(),
        "language": translation.get_language(),
        "assets": json.dumps(
            [static(name) for name in SHELL_ASSETS] + scripts + [reverse("pwa:offline"), reverse("pwa:manifest")]
        ),
        "scripts": ", ".join(json.dumps(url) for url in [*scripts, static("footlog/outbox.js")]),
    }
    response = render(request, "pwa/sw.js", context, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
def offline(request: HttpRequest) -> HttpResponse:
    return render(request, "pwa/offline.html")


def _day_form(request: HttpRequest, day: dt.date | None) -> HttpResponse:
    """The day's form (Today when `day` is None). The HTML carries no health data (the script loads it), so the
    service worker may keep it, and serve it for any unlogged day offline: the script takes the day from the
    URL, and without one it is today in `timezone` (the account's), computed on the device.

    After a save the script asks the timeline as of that day (`timeline/?from=day-89&to=day`, i.e.
    `timeline_for(user, day - 89, day)`) and shows its verdict at the top of the form: the headline and reasons
    when "urgent" (`urgent_text` is that headline), else a one-line summary linking to the Timeline.
    """
    limits = observation_limits()
    user = user_of(request)
    today_date = user.today()
    config = {
        # In the page's language: the script names spots and steps with these (built-in steps only here).
        "sites": [{"key": s.key, "label": wording.label(s.key)} for s in SITES.values()],
        "steps": RoutineStepOut(diary_selectors.routine_steps_for(None), many=True).data,
        "urgent_text": wording.level_text("urgent"),
        "quality": quality_rules(),  # the photo measure's thresholds, for the check before Save (quality.js)
        "quality_js": static("footlog/quality.js"),  # loaded with the first new photo (today.js)
        "capture_js": static("footlog/capture.js"),  # loaded when the capture first opens (today.js)
        "limits": limits,
        "timezone": user.timezone,
        "earliest_years": DAY_PAGE_YEARS,
        "owner": device_owner_key(user.pk),  # whose copy of the days this phone keeps (outbox.js, keepDay)
        "conflict_js": static("footlog/conflict.js"),  # loaded when a conflict is shown (daynav.js)
    }
    context = {"config": config, "sites": SITES, "limits": limits, "day": day, "today": today_date}
    if day is not None:
        context["refused"] = entry_date_error(day, today_date) or (
            gettext("footlog keeps days from the last five years.") if day < day_page_earliest(today_date) else None
        )
    return render(request, "pwa/today.html", context)


def observation_limits() -> dict[str, dict[str, float | None]]:
    """The API's own ranges for a spot's count and size, so the form checks exactly what the API will accept."""
    fields = ObservationIO().fields
    limits = {}
    for name in ("count", "largest_mm"):
        field = fields[name]
        assert isinstance(field, serializers.IntegerField | serializers.FloatField)
        limits[name] = {"min": field.min_value, "max": field.max_value}
    return limits


@require_safe
@app_page
def today(request: HttpRequest) -> HttpResponse:
    return _day_form(request, None)


@require_safe
@app_page
def day(request: HttpRequest, date: str) -> HttpResponse:
    """`/day/YYYY-MM-DD/`: any day's entry, on the same form as Today. An impossible date is a 404."""
    try:
        return _day_form(request, dt.date.fromisoformat(date))
    except ValueError:
        raise Http404("No such day.") from None


@require_safe
@private_page  # the days' totals and sites are health data
@app_page
def history(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    last = diary_selectors.log_end(user, user.today())
    try:
        # Clamped: the page computes 28-day windows around `end`, which overflowed near year 1 (500).
        end = min(clamp_date(dt.date.fromisoformat(request.GET.get("end", ""))), last)
    except ValueError:
        end = last
    days = history_days(user, end, length=28)
    earlier = end - dt.timedelta(days=28)
    later = end + dt.timedelta(days=28) if end < last else None
    return render(
        request,
        "pwa/history.html",
        {
            "days": days,
            "end": end,
            "earlier": earlier,
            "later": min(later, last) if later else None,
            "photo_sites": photo_sites(user),
        },
    )


@require_safe
@private_page  # the photos, their dates and tags are health data
@app_page
def photos(request: HttpRequest, site: str) -> HttpResponse:
    """`/photos/<site>/`: a site's photos over time, by view, to enlarge, compare, retag or delete (the script
    does the last two through the API). An unknown site is the styled 404."""
    if site not in SITES:
        raise Http404("No such spot.")
    return render(request, "pwa/photos.html", site_gallery(user_of(request), site))


@require_safe
@private_page  # the days' totals and sites are health data
@app_page
def calendar(request: HttpRequest) -> HttpResponse:
    """A month, each day coloured by its total; unlogged days marked. `?month=YYYY-MM`, default the last one."""
    user = user_of(request)
    last = diary_selectors.log_end(user, user.today())
    try:
        first = dt.date.fromisoformat(request.GET.get("month", "") + "-01")
    except ValueError:
        first = last.replace(day=1)
    first = min(first, last.replace(day=1))
    return render(request, "pwa/calendar.html", month_view(user, first, last))


@login_required
@require_http_methods(["GET", "POST"])
def welcome(request: HttpRequest) -> HttpResponse:
    """Onboarding after the email is verified: consent to storing health data, time zone, reminder time."""
    user = user_of(request)
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = "/"
    error = ""
    if request.method == "POST":
        tz = request.POST.get("timezone", "").strip()
        if request.POST.get("consent") != "yes":
            error = gettext("Please tick the box to agree, or sign out: footlog cannot work without storing your log.")
        else:
            consent.consent_give(user, timezone_name=tz if is_valid_timezone(tz) else None)
            _save_first_reminder(user, request.POST)
            return redirect(next_url)
    context = {
        "next": next_url,
        "error": error,
        "version": consent.CONSENT_VERSION,
        "consented": consent.has_current_consent(user),
    }
    return render(request, "pwa/welcome.html", context, status=400 if error else 200)


def _visit_form(post: QueryDict) -> dict[str, object]:
    """The visit form's fields as the API's body: an empty review date is none."""
    data: dict[str, object] = {k: post.get(k, "") for k in ("kind", "date", "note", "plan")}
    data["review_on"] = post.get("review_on", "") or None
    return data


@app_page
@require_http_methods(["GET", "HEAD", "POST"])
def timeline(request: HttpRequest) -> HttpResponse:
    """The timeline; a POST records a visit the user booked or had (it quiets the visit nudge)."""
    user = user_of(request)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        body = VisitIn(data=_visit_form(request.POST))
        try:
            if body.is_valid():
                clinical_services.visit_record(user, **body.validated_data)
                messages.success(request, gettext("Visit recorded."))
                return redirect(reverse("pwa:timeline"))
            errors = _errors(body)
        except InvalidInput as invalid:
            errors = invalid.errors
    today = user.today()
    end = diary_selectors.log_end(user, today)
    start = end - dt.timedelta(days=TIMELINE_DAYS - 1)
    context = {**timeline_page(user, start, end), "visit_errors": errors, "today": today}
    return private_response(render(request, "pwa/timeline.html", context, status=400 if errors else 200))


def _save_first_reminder(user: User, post: QueryDict) -> None:
    """The reminder chosen during onboarding (by email; push is a tap in Settings). A bad time keeps the default."""
    body = PreferencesIn(
        data={
            "enabled": post.get("remind") == "on",
            "time": post.get("remind_time", "")[:5],
            "timezone": user.timezone,
            "channels": ["email"],
        }
    )
    if not body.is_valid():
        body = PreferencesIn(data={"enabled": post.get("remind") == "on", "timezone": user.timezone})
        body.is_valid()
    reminder_services.preferences_update(user, dict(body.validated_data))


def _errors(serializer: serializers.Serializer[Any]) -> dict[str, list[str]]:
    return {field: [str(m) for m in messages] for field, messages in serializer.errors.items()}


def _labelled_errors(serializer: serializers.Serializer[Any]) -> dict[str, list[str]]:
    """The errors keyed by the refused field's label, as the pages' error lists name them."""
    return {forms.field_label(field): messages for field, messages in _errors(serializer).items()}


@app_page
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    """Reminders, push on this phone, thresholds, own routine steps, name and time zone, download and delete.

    Each form posts its `action`; a save goes back to the form's own section, which says "Saved." there (a
    message tagged with the section), so the confirmation is where the person is looking.
    """
    user = user_of(request)
    errors: dict[str, object] = {}
    if request.method == "POST":
        action = request.POST.get("action", "")
        handler = SETTINGS_ACTIONS.get(action)
        if handler is not None:
            errors = handler(user, request.POST)
            if not errors:
                section = SETTINGS_SECTIONS.get(action, action)
                messages.success(request, gettext("Saved."), extra_tags=section)
                return redirect(f"{reverse('pwa:settings')}#{section}")
    context = {
        "reminders": reminder_selectors.preferences_for(user),
        "weekdays": forms.weekdays(),
        "thresholds": forms.threshold_rows(timeline_selectors.thresholds_for(user)),
        "steps": [s for s in diary_selectors.routine_steps_for(user) if not s.builtin],
        "timezones": forms.timezone_choices(),
        "languages": django_settings.LANGUAGES,
        # What the person typed, kept when it was refused, so that the error and the field agree.
        "profile": {**AccountSerializer(user).data, **forms.profile_data(request.POST)},
        "errors": errors,
        "sign_in": {**sign_in_state(user), "delete_by_code": needs_code(user)},
        "seek_care": wording.level_text("urgent"),  # the one wording table's words, quoted under the thresholds
    }
    return private_response(render(request, "pwa/settings.html", context, status=400 if errors else 200))


def _save_reminders(user: User, post: QueryDict) -> dict[str, object]:
    body = PreferencesIn(data=forms.reminder_data(post))
    if not body.is_valid():
        return {"reminders": _labelled_errors(body)}
    reminder_services.preferences_update(user, dict(body.validated_data))
    return {}


def _save_thresholds(user: User, post: QueryDict) -> dict[str, object]:
    current = timeline_selectors.thresholds_for(user).to_dict()
    body = ThresholdsIO(data={**current, **forms.threshold_data(post)})
    if not body.is_valid():
        return {"thresholds": _labelled_errors(body)}
    timeline_services.timeline_settings_update(user, dict(body.validated_data))
    return {}


def _add_step(user: User, post: QueryDict) -> dict[str, object]:
    body = RoutineStepIn(data={"label": post.get("label", ""), "kind": post.get("kind", "")})
    if not body.is_valid():
        return {"steps": _errors(body)}
    try:
        diary_services.routine_step_create(user, **body.validated_data)
    except FootlogError as exc:
        return {"steps": {"label": [str(exc.detail)]}}
    return {}


def _archive_step(user: User, post: QueryDict) -> dict[str, object]:
    step = get_owned(RoutineStep.objects.all(), user, key=post.get("key", ""))
    diary_services.routine_step_archive(step)
    return {}


def _save_profile(user: User, post: QueryDict) -> dict[str, object]:
    body = AccountSerializer(user, data=forms.profile_data(post), partial=True)
    if not body.is_valid():
        return {"profile": _errors(body)}
    account_update(user, body.validated_data)
    return {}


SETTINGS_ACTIONS = {
    "reminders": _save_reminders,
    "thresholds": _save_thresholds,
    "steps": _add_step,
    "archive": _archive_step,
    "profile": _save_profile,
    "timezone": _save_profile,  # a post of the zone alone (a one-tap switch to the device's zone)
}
# Where an action's form lives on the page, when its section is named otherwise.
SETTINGS_SECTIONS = {"archive": "steps", "timezone": "profile"}


@app_page
@require_http_methods(["GET", "POST"])
def export_page(request: HttpRequest) -> HttpResponse:
    """Downloads (PDF, CSV, FHIR) and share links. A new link is shown once, on the answer to its POST."""
    user = user_of(request)
    end = user.today()
    context: dict[str, object] = {"start": end - dt.timedelta(days=TIMELINE_DAYS - 1), "end": end, "errors": {}}
    if request.method == "POST" and request.POST.get("action") == "revoke":
        try:
            share = share_selectors.share_of(user, uuid.UUID(request.POST.get("id", "")))
        except ValueError:
            raise Http404 from None
        share_services.share_revoke(share)
        messages.success(request, gettext("The link is revoked: it no longer opens."))
        return redirect(reverse("pwa:export"))
    if request.method == "POST":
        body = ShareIn(data=forms.share_data(request.POST))
        if body.is_valid():
            context["created"] = share_presenter.create_share(user, body.validated_data, request)
        else:
            context["errors"] = _labelled_errors(body)
    context["shares"] = share_selectors.shares_for(user).prefetch_related("accesses")
    context["languages"] = django_settings.LANGUAGES
    context["expiry_days"] = SHARE_EXPIRY_CHOICES
    response = render(request, "pwa/export.html", context, status=400 if context["errors"] else 200)
    private_response(response)  # the log's range, and maybe a new share link
    return response
