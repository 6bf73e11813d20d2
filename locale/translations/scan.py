"""Stray words the every-page scan (tests/i18n/test_every_page.py) found that no page's module holds: what the SMART
Health Link viewer shows from the FHIR Bundle and the link's payload. Terms as in `core`: the log is the
"Protokoll" / "registro"."""

TABLE: dict[str, dict[str, object]] = {
    "The patient's own log, recorded in footlog. Not a diagnosis.": {
        "de": "Das eigene Protokoll der Patientin / des Patienten, in footlog erfasst. Keine Diagnose.",
        "es": "El registro propio del paciente, hecho en footlog. No es un diagnóstico.",
    },
    "footlog history %(range)s": {"de": "footlog-Protokoll %(range)s", "es": "registro de footlog %(range)s"},
}
