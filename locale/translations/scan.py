"""Stray words the every-page scan (tests/i18n/test_every_page.py) found that no page's module holds: what the SMART
Health Link viewer shows from the FHIR Bundle and the link's payload, and labels of the report's notes and photo pages. Terms as in `core`: the log is the
"Protokoll" / "registro"."""

TABLE: dict[str, dict[str, object]] = {
    "The patient's own log, recorded in footlog. Not a diagnosis.": {
        "de": "Das eigene Protokoll der Patientin / des Patienten, in footlog erfasst. Keine Diagnose.",
        "es": "El registro propio del paciente, hecho en footlog. No es un diagnóstico.",
    },
    # The report's photo pages (PDF and share page): a group of photos whose view the patient did not note.
    "View not noted": {"de": "Ansicht nicht angegeben", "es": "Vista no indicada"},
    # Why a note is on the report's first page (the note itself stays as the patient wrote it).
    "for the dermatologist": {"de": "für den Dermatologen", "es": "para el dermatólogo"},
    "red-flag day": {"de": "Tag mit Warnzeichen", "es": "día con señal de alarma"},
    "pain or redness logged": {"de": "Schmerz oder Rötung erfasst", "es": "dolor o enrojecimiento registrado"},
    "footlog history %(range)s": {"de": "footlog-Protokoll %(range)s", "es": "registro de footlog %(range)s"},
}
