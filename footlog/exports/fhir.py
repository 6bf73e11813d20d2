"""The history as a FHIR R4 Bundle (type `collection`), built as plain JSON data and serialised entry by entry.

fhir.resources' R4B models validate the first resource of each type of every Bundle at run time, and every
resource of the bundles the tests make (tests/exports, tests/sharing): building thousands of pydantic models per
export cost ~6x the CPU of the whole build (bench/export.py).

Mapping (docs/fhir.md explains each choice):
- Patient: minimal, no identifiers, no email; `name.text` only when the user set a display name.
- Every Observation is patient-reported: category `survey`, `performer` the Patient.
- Observation "bump count" per site and day: valueQuantity (UCUM "1"), the largest size as a component
  (mm), redness, bleeding and spreading as boolean components; `bodySite` is SNOMED CT with laterality (and
  medial/lateral for the ankle) as a post-coordinated expression, plus the plain label.
- Observation pain and itch scores (0-10) per site and day when bumps were present or a score was logged, coded
  as scores (footlog's `pain-score` / `itch-score`, plus LOINC 72514-3 for pain), never as the finding: 0 says
  "rated 0", it asserts nothing.
- Observation per routine step over the range (done / recorded days, plan per week, adherence %), and per day an
  exposure (trigger) was logged.
- Observation per red-flag event of the range (what the analysis lists), `derivedFrom` that day's count.
- Observation per entry note (the patient's words for the day).
- Encounter per recorded visit (booked: planned; visited: finished), with a CarePlan (plan, review date, note).
- Media for each photo, its site as `bodySite`, taken by the Patient (`operator`), pointing at the owner-only
  API URL (the bytes are never put in the bundle).
- Observation "bumps first noticed" per site the user answered: valueDateTime the month ("2026-03"), or
  dataAbsentReason `asked-unknown` for "not sure"; patient-reported like the rest (no Condition: footlog
  records what the person said, it does not state a condition).
- DocumentReference with the PDF report of the same range inside (`attachment.data`) when asked for.

A share's SMART Health Link (footlog.sharing.services) builds the same Bundle for the share's range once, when
the share is made, with the photos' display renditions inside their Media (`content.data`, base64 JPEG) when the
share includes photos, none otherwise, and the share's PDF inside its DocumentReference.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from accounts.models import User
from footlog.clinical.selectors import site_onsets_in_calendar, visits_for
from footlog.diary.photo_storage import photo_bytes
from footlog.diary.selectors import photos_for
from footlog.diary.sites import LATERALITY, QUALIFIERS, SITES, SNOMED
from footlog.exports.flag_rows import KIND_WORDS
from footlog.exports.selectors import DayRow, export_steps, iter_history_rows
from footlog.timeline.analysis import RedFlag, TimelineResult
from footlog.timeline.analysis.wording import label as site_label
from footlog.timeline.selectors import timeline_for

if TYPE_CHECKING:
    from footlog.clinical.models import SiteOnset, Visit
    from footlog.diary.models import Observation as ObservationRow
    from footlog.diary.models import Photo
    from footlog.timeline.analysis import Adherence

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
FOOTLOG_CODES = "https://footlog.app/fhir/CodeSystem/observation"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
MEDIA_TYPE = "http://terminology.hl7.org/CodeSystem/media-type"
LATERALITY_ATTRIBUTE = "272741003"  # SNOMED CT "Laterality" attribute
TOPOGRAPHICAL_MODIFIER = "106233006"  # SNOMED CT "Topographical modifier" attribute
SCORE_CODES = "https://footlog.app/fhir/CodeSystem/score"
RED_FLAG_KINDS = "https://footlog.app/fhir/CodeSystem/red-flag-kind"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
LOINC_PAIN = {
    "system": LOINC,
    "code": "72514-3",
    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
}
# Scores, not findings: "itch 0" says the patient rated it 0, it does not assert (or deny) itching.
PAIN_SCORE = {
    "coding": [
        {"system": SCORE_CODES, "code": "pain-score", "display": "Pain score 0-10, rated by the patient"},
        LOINC_PAIN,
    ],
    "text": "Pain at this site, rated 0-10 by the patient (0 = none)",
}
ITCH_SCORE = {
    "coding": [{"system": SCORE_CODES, "code": "itch-score", "display": "Itch score 0-10, rated by the patient"}],
    "text": "Itch at this site, rated 0-10 by the patient (0 = none)",
}
BUNDLE_TAG = {
    "system": FOOTLOG_CODES,
    "code": "patient-kept-log",
    # In the bundle's language (Bundle.language): the SMART Health Link viewer shows it to the reader.
    "display": gettext_noop("The patient's own log, recorded in footlog. Not a diagnosis."),
}
# Stable ids inside one export: uuid5 of a footlog namespace, so re-exporting gives the same fullUrls.
NAMESPACE = uuid.UUID("6f0c1d1e-5b7a-4f0e-9d59-2f4b7c1e8a10")


def _urn(*parts: object) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, ':'.join(str(p) for p in parts))}"


def body_site(site_key: str) -> dict[str, Any]:
    """The site's CodeableConcept; its `text` (what a reader sees) in the active language."""
    return _body_site(site_key, translation.get_language() or "en")


@functools.cache
def _body_site(site_key: str, language: str) -> dict[str, Any]:
    """SNOMED CT body structure refined by laterality (and medial/lateral for the ankle sites).

    One dict per site, shared by every resource that names the site (the bundle is only ever serialised)."""
    site = SITES[site_key]
    refinements = [f"{LATERALITY_ATTRIBUTE}={LATERALITY[site.side][0]}"]
    if site.qualifier:
        refinements.append(f"{TOPOGRAPHICAL_MODIFIER}={QUALIFIERS[site.qualifier][0]}")
    expression = f"{site.snomed_code}:{','.join(refinements)}"
    display = f"{site.snomed_display}, {site.side}"
    if site.qualifier:  # inner and outer ankle share the structure: the display names which
        display += f", {QUALIFIERS[site.qualifier][1].lower()} ({site.label.split(' ', 1)[1]})"
    return {"coding": [{"system": SNOMED, "code": expression, "display": display}], "text": site_label(site_key)}


def _quantity(value: float, unit: str, code: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


def _patient_reported(patient: str) -> dict[str, Any]:
    """What the person counted and felt themselves: a survey, performed by the Patient (not a clinician's exam)."""
    return {
        "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}],
        "subject": {"reference": patient},
        "performer": [{"reference": patient}],
    }


# The yes/no parts of a count observation, always present (False is a statement too: "looked, none of it").
FLAG_COMPONENTS = (
    ("redness", "Redness around the bumps"),
    ("bleeding", "Bleeding at the site"),
    ("spreading", "Bumps spreading at the site"),
)


def count_observation(patient: str, date: dt.date, obs: ObservationRow | _Obs) -> dict[str, Any]:
    components: list[dict[str, Any]] = [
        {
            "code": {"coding": [{"system": FOOTLOG_CODES, "code": code, "display": display}]},
            "valueBoolean": bool(getattr(obs, code)),
        }
        for code, display in FLAG_COMPONENTS
    ]
    if obs.largest_mm is not None:
        components.append(
            {
                "code": {"coding": [{"system": FOOTLOG_CODES, "code": "largest-mm", "display": "Largest bump"}]},
                "valueQuantity": _quantity(obs.largest_mm, "mm", "mm"),
            }
        )
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        **_patient_reported(patient),
        "code": {
            "coding": [{"system": FOOTLOG_CODES, "code": "bump-count", "display": "Number of skin bumps"}],
            "text": "Number of small skin bumps counted by the patient",
        },
        "effectiveDateTime": date.isoformat(),
        "bodySite": body_site(obs.site),
        "valueQuantity": _quantity(obs.count, "bumps", "1"),
        "component": components,
    }
    if obs.note:
        resource["note"] = [{"text": obs.note}]
    return resource


def score_observation(patient: str, date: dt.date, site: str, code: dict[str, Any], score: int) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": "final",
        **_patient_reported(patient),
        "code": code,
        "effectiveDateTime": date.isoformat(),
        "bodySite": body_site(site),
        "valueInteger": score,
    }


def _footlog_code(code: str, display: str, text: str = "") -> dict[str, Any]:
    return {"coding": [{"system": FOOTLOG_CODES, "code": code, "display": display}], "text": text or display}


def _count(value: int) -> dict[str, Any]:
    return {"value": value, "unit": "days", "system": UCUM, "code": "d"}


def care_observation(
    patient: str, start: dt.date, end: dt.date, adherence: Adherence, details: list[str]
) -> dict[str, Any]:
    """A routine care step over the range: days done and recorded, the plan per week, and the adherence against
    that plan (when the step is recorded and planned)."""
    label = adherence.label or adherence.step
    components: list[dict[str, Any]] = [
        {"code": _footlog_code("days-done", "Days done"), "valueQuantity": _count(adherence.done)},
        {
            "code": _footlog_code("days-recorded", "Days recorded (done or not)"),
            "valueQuantity": _count(adherence.logged),
        },
        {
            "code": _footlog_code("planned-per-week", "Planned days per week (0 = as needed)"),
            "valueInteger": adherence.target_per_week,
        },
    ]
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        **_patient_reported(patient),
        "code": _footlog_code("care-step", "Routine care step", f"Routine care step: {label}"),
        "effectivePeriod": {"start": start.isoformat(), "end": end.isoformat()},
        "component": components,
    }
    if adherence.rate is not None:
        resource["valueQuantity"] = {"value": round(adherence.rate * 100), "unit": "%", "system": UCUM, "code": "%"}
    else:
        resource["dataAbsentReason"] = {"coding": [{"system": DATA_ABSENT, "code": "not-applicable"}]}
    if details:
        resource["note"] = [{"text": f"Products or details logged: {', '.join(details)}"}]
    return resource


def exposure_observation(patient: str, date: dt.date, label: str) -> dict[str, Any]:
    """A trigger the patient logged as present that day: a dated exposure, never a cause."""
    return {
        "resourceType": "Observation",
        "status": "final",
        **_patient_reported(patient),
        "code": _footlog_code("exposure", "Exposure logged", f"Exposure logged: {label}"),
        "effectiveDateTime": date.isoformat(),
        "valueBoolean": True,
    }


def red_flag_observation(patient: str, flag: RedFlag, derived_from: str | None) -> dict[str, Any]:
    """One red-flag event as the analysis lists it (any kind it knows, its code as words), on its day and site."""
    kind = str(flag.kind)
    words = KIND_WORDS.get(kind, kind.replace("_", " "))
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        **_patient_reported(patient),
        "code": _footlog_code("red-flag", "Red flag in the patient's log", f"Red flag logged: {words}"),
        "effectiveDateTime": flag.date.isoformat(),
        "valueCodeableConcept": {
            "coding": [{"system": RED_FLAG_KINDS, "code": kind, "display": words}],
            "text": gettext(words) if kind in KIND_WORDS else words,  # the code's words in the bundle's language
        },
    }
    if flag.site in SITES:
        resource["bodySite"] = body_site(flag.site)
    detail = getattr(flag, "detail", "")
    if detail:
        resource["note"] = [{"text": str(detail)}]
    if derived_from:
        resource["derivedFrom"] = [{"reference": derived_from}]
    return resource


def note_observation(patient: str, date: dt.date, text: str, for_clinician: bool) -> dict[str, Any]:
    """The patient's note for the day, in their words."""
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        **_patient_reported(patient),
        "code": _footlog_code("diary-note", "The patient's note for the day"),
        "effectiveDateTime": date.isoformat(),
        "valueString": text,
    }
    if for_clinician:
        resource["note"] = [{"text": "Marked by the patient for the dermatologist."}]
    return resource


def visit_resources(patient: str, visit: Visit) -> list[tuple[str, dict[str, Any]]]:
    """A recorded visit as an Encounter (booked: planned; visited: finished) and, when it has a plan, a review
    date or a note, a CarePlan linked to it. Both as the patient recorded them."""
    booked = visit.kind == "booked"
    encounter_url = _urn("visit", visit.pk)
    encounter: dict[str, Any] = {
        "resourceType": "Encounter",
        "status": "planned" if booked else "finished",
        "class": {"system": ACT_CODE, "code": "AMB", "display": "ambulatory"},
        "type": [{"text": "Visit to a dermatologist, as recorded by the patient"}],
        "subject": {"reference": patient},
        "period": {"start": visit.date.isoformat(), "end": visit.date.isoformat()},
    }
    out = [(encounter_url, encounter)]
    plan, review_on, note = getattr(visit, "plan", ""), getattr(visit, "review_on", None), visit.note
    if plan or review_on or note:
        careplan: dict[str, Any] = {
            "resourceType": "CarePlan",
            "status": "active" if not booked else "draft",
            "intent": "plan",
            "subject": {"reference": patient},
            "encounter": {"reference": encounter_url},
            "title": "Plan from the visit, as recorded by the patient",
            "created": visit.date.isoformat(),
        }
        if plan:
            careplan["description"] = plan
        if review_on:
            careplan["activity"] = [
                {
                    "detail": {
                        "kind": "Appointment",
                        "status": "scheduled",
                        "description": "Review with the dermatologist",
                        "scheduledPeriod": {"start": review_on.isoformat()},
                    }
                }
            ]
        if note:
            careplan["note"] = [{"text": note}]
        out.append((_urn("careplan", visit.pk), careplan))
    return out


DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"


def onset_observation(patient: str, onset: SiteOnset) -> dict[str, Any]:
    """When the user first noticed bumps at a site, as they told it (month precision, or not sure)."""
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        **_patient_reported(patient),
        "code": {
            "coding": [{"system": FOOTLOG_CODES, "code": "bumps-first-noticed", "display": "Bumps first noticed"}],
            "text": "When the patient first noticed bumps at this site",
        },
        "effectiveDateTime": onset.updated.date().isoformat(),
        "bodySite": body_site(onset.site),
    }
    if onset.noticed_since is None:
        resource["dataAbsentReason"] = {"coding": [{"system": DATA_ABSENT, "code": "asked-unknown"}]}
    else:
        resource["valueDateTime"] = f"{onset.noticed_since:%Y-%m}"
    if onset.note:
        resource["note"] = [{"text": onset.note}]
    return resource


def media(patient: str, photo: Photo, data: bytes | None = None) -> dict[str, Any]:
    """A photo as Media: pointing at the owner-only API URL, or with `data` its JPEG inside."""
    content: dict[str, Any] = {"contentType": "image/jpeg", "title": f"Photo {photo.entry.date.isoformat()}"}
    if data is None:
        content["url"] = reverse("photo-image", kwargs={"pk": photo.pk})
    else:
        content["data"] = base64.b64encode(data).decode("ascii")
        content["size"] = len(data)
    resource: dict[str, Any] = {
        "resourceType": "Media",
        "status": "completed",
        "type": {"coding": [{"system": MEDIA_TYPE, "code": "image", "display": "Image"}]},
        "subject": {"reference": patient},
        "operator": {"reference": patient},  # the person took the photo themselves
        "createdDateTime": photo.entry.date.isoformat(),
        "width": photo.width,
        "height": photo.height,
        "content": content,
    }
    if photo.site:
        resource["bodySite"] = body_site(photo.site)
    return resource


def report_reference(patient: str, start: dt.date, end: dt.date, pdf: bytes) -> dict[str, Any]:
    """The PDF report of the range, inside the bundle (a receiver can open it without any footlog login)."""
    return {
        "resourceType": "DocumentReference",
        "status": "current",
        "type": {"text": "Patient-kept skin log report (footlog)"},
        "subject": {"reference": patient},
        "date": timezone.now().isoformat(),
        "description": "Summary, timeline, photos and daily log recorded by the patient. Not a diagnosis.",
        "content": [
            {
                "attachment": {
                    "contentType": "application/pdf",
                    "data": base64.b64encode(pdf).decode("ascii"),
                    "size": len(pdf),
                    "title": f"footlog report {start.isoformat()} to {end.isoformat()}",
                }
            }
        ],
        "context": {"period": {"start": start.isoformat(), "end": end.isoformat()}},
    }


@dataclass(slots=True)
class _Obs:
    """One observation row as `iter_history_rows` reads it (the fields `count_observation` reads)."""

    site: str
    count: int
    largest_mm: float | None
    itch: int
    pain: int
    redness: bool
    bleeding: bool
    spreading: bool
    note: str


def _entries_for_day(patient: str, day: DayRow, steps: dict[int, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for values in day.observations:
        obs = _Obs(*values)
        out.append((_urn("count", day.entry_id, obs.site), count_observation(patient, day.date, obs)))
        if obs.count > 0 or obs.pain or obs.itch:
            for name, code, score in (("pain", PAIN_SCORE, obs.pain), ("itch", ITCH_SCORE, obs.itch)):
                out.append(
                    (_urn(name, day.entry_id, obs.site), score_observation(patient, day.date, obs.site, code, score))
                )
    for step_id, (done, _detail) in day.routine.items():
        step = steps.get(step_id)
        if done and step is not None and step.kind == "trigger":
            out.append((_urn("exposure", day.entry_id, step_id), exposure_observation(patient, day.date, step.label)))
    if day.notes.strip():
        out.append((_urn("note", day.entry_id), note_observation(patient, day.date, day.notes, day.for_clinician)))
    return out


def _add_care_details(details: dict[str, list[str]], day: DayRow, steps: dict[int, Any]) -> None:
    """The products or details logged with a done step, each once, in the order first logged."""
    for step_id, (done, detail) in day.routine.items():
        text = detail.strip()
        step = steps.get(step_id)
        if done and text and step is not None and text not in details.setdefault(step.key, []):
            details[step.key].append(text)


def _summary_entries(
    patient: str,
    user: User,
    start: dt.date,
    end: dt.date,
    timeline: TimelineResult,
    counts: dict[tuple[dt.date, str], str],
    details: dict[str, list[str]],
) -> list[tuple[str, dict[str, Any]]]:
    """Care steps over the range, red-flag events of the range, and the visits."""
    out = [
        (_urn("care", user.pk, a.step, start, end), care_observation(patient, start, end, a, details.get(a.step, [])))
        for a in timeline.adherence
        if a.kind == "care" and a.logged
    ]
    out += [
        (
            _urn("red-flag", user.pk, f.date, f.site, f.kind),
            red_flag_observation(patient, f, counts.get((f.date, f.site))),
        )
        for f in timeline.red_flags
        if start <= f.date <= end
    ]
    for visit in visits_for(user, start, end):
        out += visit_resources(patient, visit)
    return out


# Photo bytes a Bundle embeds at most (a share's SMART Health Link): past it, later photos are Media without data,
# so one share cannot hold the server's memory hostage. 48 MB is about 100 display renditions.
MAX_EMBEDDED_PHOTO_BYTES = 48 * 1024 * 1024


def _embedded_media(
    patient: str, photos: Iterable[Photo], read: Callable[[Photo], bytes | None]
) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    budget = MAX_EMBEDDED_PHOTO_BYTES
    for photo in photos:
        data = read(photo) if budget > 0 else b""
        if data is None:
            continue  # its file is gone: nothing to show (the share page leaves it out too)
        if budget <= 0 or len(data) > budget:
            budget = 0
            resource = media(patient, photo)
            resource["content"].pop("url")  # the owner's URL means nothing to a receiver
            resource["note"] = [{"text": "Not embedded: the link's size limit was reached; see the share page."}]
        else:
            budget -= len(data)
            resource = media(patient, photo, data)
        out.append((_urn("media", photo.pk), resource))
    return out


def bundle_entries(
    user: User,
    start: dt.date,
    end: dt.date,
    *,
    photos: str = "link",
    report_pdf: bytes | None = None,
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The Bundle's entries as (fullUrl, resource) in order, built lazily from plain rows (no model instances,
    no FHIR models): a day's resources are made, handed on and dropped while the next day is read."""

    patient = _urn("patient", user.pk)
    patient_resource: dict[str, Any] = {"resourceType": "Patient", "active": True}
    if user.display_name:
        patient_resource["name"] = [{"text": user.display_name}]
    yield patient, patient_resource
    for onset in site_onsets_in_calendar(user):
        yield _urn("onset", user.pk, onset.site), onset_observation(patient, onset)
    steps = {step.pk: step for step in export_steps(user)}
    counts: dict[tuple[dt.date, str], str] = {}
    details: dict[str, list[str]] = {}
    for day in iter_history_rows(user, start, end):
        yield from _entries_for_day(patient, day, steps)
        for values in day.observations:
            counts[(day.date, values[0])] = _urn("count", day.entry_id, values[0])
        _add_care_details(details, day, steps)
    timeline = timeline_for(user, start, end)
    yield from _summary_entries(patient, user, start, end, timeline, counts, details)
    if photos == "link":
        for photo in photos_for(user, None, start, end):
            yield _urn("media", photo.pk), media(patient, photo)
    elif photos == "data":
        yield from _embedded_media(patient, photos_for(user, None, start, end), photo_bytes)
    if report_pdf is not None:
        yield _urn("report", user.pk, start, end), report_reference(patient, start, end, report_pdf)


def _bundle_shell() -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        # Said on every bundle, whatever it holds: what the receiver reads is the patient's own log.
        "meta": {"tag": [{**BUNDLE_TAG, "display": gettext(BUNDLE_TAG["display"])}]},
        "type": "collection",
        # The language its texts were written in (the report's reader's; the SHL viewer reads it).
        "language": translation.get_language() or "en",
        "timestamp": timezone.now().isoformat(),
    }


def build_bundle(
    user: User,
    start: dt.date,
    end: dt.date,
    *,
    photos: str = "link",
    report_pdf: bytes | None = None,
) -> dict[str, Any]:
    """The user's history in [start, end] as a FHIR R4 collection Bundle, as plain JSON data.

    `photos`: "link" (Media pointing at the owner's API), "data" (the display JPEG inside each Media) or "none";
    `report_pdf`: the PDF report of the range, put inside a DocumentReference (none without it).
    The whole Bundle is validated by fhir.resources' R4B models in the tests (tests/exports); `bundle_json`
    validates the first resource of each type at run time.
    """
    entries = bundle_entries(user, start, end, photos=photos, report_pdf=report_pdf)
    return {**_bundle_shell(), "entry": [{"fullUrl": url, "resource": resource} for url, resource in entries]}


def bundle_json(
    user: User,
    start: dt.date,
    end: dt.date,
    *,
    photos: str = "link",
    report_pdf: bytes | None = None,
) -> bytes:
    """`build_bundle` as compact UTF-8 JSON, serialised entry by entry as the entries are built (only the bytes
    are held, never every resource's dict at once). The first resource of each type is validated by its R4B
    model, and the Bundle's shell with it: a mapping that drifts from the spec fails here, not at the receiver."""
    shell = _bundle_shell()
    head = _dumps(shell)[:-1] + b',"entry":['
    chunks = [head]
    samples: dict[str, dict[str, Any]] = {}
    for url, resource in bundle_entries(user, start, end, photos=photos, report_pdf=report_pdf):
        if len(chunks) > 1:
            chunks.append(b",")
        chunks.append(_dumps({"fullUrl": url, "resource": resource}))
        samples.setdefault(resource["resourceType"], {"fullUrl": url, "resource": resource})
    chunks.append(b"]}")
    validate_sample(shell, list(samples.values()))
    return b"".join(chunks)


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def validate_sample(shell: dict[str, Any], entries: list[dict[str, Any]]) -> None:
    """Validate a Bundle of `shell` holding `entries` (one per resource type) with fhir.resources' R4B models,
    which validate each entry's resource by its type's model; raises pydantic's ValidationError. fhir.resources
    loads on first use (its import costs more than the validation)."""
    from fhir.resources.R4B.bundle import Bundle  # on first use: its import costs more than the validation

    Bundle.model_validate({**shell, "entry": entries})


def report_pdf(user: User, start: dt.date, end: dt.date, *, questions: str = "", include_photos: bool = True) -> bytes:
    """The PDF report of [start, end] as the owner would download it, for a DocumentReference."""
    from footlog.exports.pdf import render_pdf  # WeasyPrint loads only when a bundle carries the report
    from footlog.exports.photos import owned_photo_reader
    from footlog.exports.report import build_report

    report = build_report(user, start, end, questions=questions, include_photos=include_photos)
    return render_pdf(report, owned_photo_reader(user) if include_photos else None)
