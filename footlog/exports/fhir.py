"""The history as a FHIR R4 Bundle (type `collection`), built and validated with fhir.resources' R4B models.

Mapping (docs/fhir.md explains each choice):
- Patient: minimal, no identifiers, no email; `name.text` only when the user set a display name.
- Every Observation is patient-reported: category `survey`, `performer` the Patient.
- Observation "bump count" per site and day: valueQuantity (UCUM "1"), the largest size as a component
  (mm), redness, bleeding and spreading as boolean components; `bodySite` is SNOMED CT with laterality (and
  medial/lateral for the ankle) as a post-coordinated expression, plus the plain label.
- Observation pain (LOINC 72514-3, 0-10) and itch (SNOMED CT 418290006 Itching, 0-10) per site and day when
  bumps were present or a score was logged.
- Media for each photo, its site as `bodySite`, taken by the Patient (`operator`), pointing at the owner-only
  API URL (the bytes are never put in the bundle).
- Observation "bumps first noticed" per site the user answered: valueDateTime the month ("2026-03"), or
  dataAbsentReason `asked-unknown` for "not sure"; patient-reported like the rest (no Condition: footlog
  records what the person said, it does not state a condition).
- DocumentReference for the PDF report of the same range.

A share's SMART Health Link (footlog.sharing.shl) builds the same Bundle for the share's range with the photos'
display renditions inside their Media (`content.data`, base64 JPEG) when the share includes photos, none
otherwise, and no DocumentReference (its URL is the owner's, which a receiver cannot open).
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.documentreference import DocumentReference
from fhir.resources.R4B.media import Media
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient

from footlog.clinical.selectors import site_onsets_in_calendar
from footlog.diary.sites import LATERALITY, QUALIFIERS, SITES, SNOMED
from footlog.exports.selectors import iter_history

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
FOOTLOG_CODES = "https://footlog.app/fhir/CodeSystem/observation"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
MEDIA_TYPE = "http://terminology.hl7.org/CodeSystem/media-type"
LATERALITY_ATTRIBUTE = "272741003"  # SNOMED CT "Laterality" attribute
TOPOGRAPHICAL_MODIFIER = "106233006"  # SNOMED CT "Topographical modifier" attribute
PAIN = {"system": LOINC, "code": "72514-3", "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}
ITCH = {"system": SNOMED, "code": "418290006", "display": "Itching (finding)"}
# Stable ids inside one export: uuid5 of a footlog namespace, so re-exporting gives the same fullUrls.
NAMESPACE = uuid.UUID("6f0c1d1e-5b7a-4f0e-9d59-2f4b7c1e8a10")


def _urn(*parts: Any) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, ':'.join(str(p) for p in parts))}"


def body_site(site_key: str) -> dict[str, Any]:
    """SNOMED CT body structure refined by laterality (and medial/lateral for the ankle sites)."""
    site = SITES[site_key]
    refinements = [f"{LATERALITY_ATTRIBUTE}={LATERALITY[site.side][0]}"]
    if site.qualifier:
        refinements.append(f"{TOPOGRAPHICAL_MODIFIER}={QUALIFIERS[site.qualifier][0]}")
    expression = f"{site.snomed_code}:{','.join(refinements)}"
    return {
        "coding": [{"system": SNOMED, "code": expression, "display": f"{site.snomed_display}, {site.side}"}],
        "text": site.label,
    }


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


def count_observation(patient: str, date: dt.date, obs: Any) -> dict[str, Any]:
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


def score_observation(patient: str, date: dt.date, site: str, coding: dict[str, str], score: int) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": "final",
        **_patient_reported(patient),
        "code": {"coding": [coding], "text": coding["display"]},
        "effectiveDateTime": date.isoformat(),
        "bodySite": body_site(site),
        "valueInteger": score,
    }


DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"


def onset_observation(patient: str, onset: Any) -> dict[str, Any]:
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


def media(patient: str, photo: Any, data: bytes | None = None) -> dict[str, Any]:
    """A photo as Media: pointing at the owner-only API URL, or with `data` its JPEG inside."""
    content: dict[str, Any] = {"contentType": "image/jpeg", "title": f"Photo {photo.entry.date.isoformat()}"}
    if data is None:
        content["url"] = f"/api/v1/photos/{photo.pk}/image"
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


def report_reference(patient: str, start: dt.date, end: dt.date) -> dict[str, Any]:
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
                    "url": f"/api/v1/exports/report.pdf?from={start.isoformat()}&to={end.isoformat()}",
                    "title": f"footlog report {start.isoformat()} to {end.isoformat()}",
                }
            }
        ],
        "context": {"period": {"start": start.isoformat(), "end": end.isoformat()}},
    }


def _entries_for_day(patient: str, entry: Any) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for obs in entry.observations.all():
        out.append((_urn("count", entry.pk, obs.site), count_observation(patient, entry.date, obs)))
        if obs.count > 0 or obs.pain or obs.itch:
            for name, coding, score in (("pain", PAIN, obs.pain), ("itch", ITCH, obs.itch)):
                out.append(
                    (_urn(name, entry.pk, obs.site), score_observation(patient, entry.date, obs.site, coding, score))
                )
    return out


# Photo bytes a Bundle embeds at most (a share's SMART Health Link): past it, later photos are Media without data,
# so one share cannot hold the server's memory hostage. 48 MB is about 100 display renditions.
MAX_EMBEDDED_PHOTO_BYTES = 48 * 1024 * 1024


def _embedded_media(patient: str, photos: Any, read: Callable[[Any], bytes | None]) -> list[tuple[str, dict[str, Any]]]:
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


def build_bundle(
    user: Any,
    start: dt.date,
    end: dt.date,
    *,
    photos: str = "link",
    report_link: bool = True,
) -> Bundle:
    """The user's history in [start, end] as a validated FHIR R4 collection Bundle.

    `photos`: "link" (Media pointing at the owner's API), "data" (the display JPEG inside each Media) or "none";
    `report_link`: whether to add the DocumentReference of the owner's PDF report.
    """
    from footlog.diary.photo_storage import photo_bytes
    from footlog.diary.selectors import photos_for

    patient = _urn("patient", user.pk)
    patient_resource: dict[str, Any] = {"resourceType": "Patient", "active": True}
    if user.display_name:
        patient_resource["name"] = [{"text": user.display_name}]
    entries: list[tuple[str, dict[str, Any]]] = [(patient, patient_resource)]
    entries += [(_urn("onset", user.pk, o.site), onset_observation(patient, o)) for o in site_onsets_in_calendar(user)]
    for entry in iter_history(user, start, end):
        entries += _entries_for_day(patient, entry)
    if photos == "link":
        entries += [(_urn("media", p.pk), media(patient, p)) for p in photos_for(user, None, start, end)]
    elif photos == "data":
        entries += _embedded_media(patient, photos_for(user, None, start, end), photo_bytes)
    if report_link:
        entries.append((_urn("report", user.pk, start, end), report_reference(patient, start, end)))
    # Each resource is validated by its own model, then the Bundle validates the whole.
    models: dict[str, Any] = {
        "Patient": Patient,
        "Observation": Observation,
        "Media": Media,
        "DocumentReference": DocumentReference,
    }
    validated = [
        {"fullUrl": url, "resource": models[resource["resourceType"]].model_validate(resource)}
        for url, resource in entries
    ]
    return Bundle.model_validate(
        {
            "resourceType": "Bundle",
            "type": "collection",
            "timestamp": timezone.now().isoformat(),
            "entry": validated,
        }
    )
