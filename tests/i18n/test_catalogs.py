"""The shipped catalogs: complete (0 untranslated, 0 fuzzy by msgfmt --statistics), compiled files fresh, and the
health wording's guardrails kept in each language (banned words per language, accents folded, substrings)."""

from __future__ import annotations

import gettext
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("de", "es")
# The pages' and the page scripts' catalogs (djangojs: footlog/static/footlog/*.js and the service worker).
DOMAINS = ("django", "djangojs")
CATALOGS = [ROOT / "locale" / lang / "LC_MESSAGES" / f"{domain}.po" for lang in LANGUAGES for domain in DOMAINS]


def catalog_id(po: Path) -> str:
    return f"{po.parts[-3]}-{po.stem}"


# The condition words of ../shared/DOMAIN.md's guardrails, per language, matched as substrings of accent-folded,
# lower-cased text (so compounds such as "Hautkrebsvorsorge" are caught), after the allowed phrases are removed.
BANNED = {
    "en": ("milia", "cyst", "harmless", "benign", "cancer", "melanoma", "diagnos"),
    "de": ("milie", "zyste", "harmlos", "gutartig", "krebs", "melanom", "diagnos"),
    "es": ("milio", "quiste", "inofensiv", "benign", "cancer", "melanoma", "diagnos"),
}
# Disclaimers that say footlog does NOT diagnose are the one allowed use.
ALLOWED = {
    "en": ("not a diagnosis", "does not diagnose", "never diagnoses"),
    "de": ("keine diagnose", "stellt keine diagnose"),
    "es": ("no es un diagnostico", "no diagnostica"),
}


def fold(text: str) -> str:
    """Lower-case without accents: "Diagnóstico" → "diagnostico", "Ärztin" → "arztin"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def offences(text: str, lang: str) -> list[str]:
    folded = fold(text)
    for phrase in ALLOWED[lang]:
        folded = folded.replace(phrase, " ")
    return [word for word in BANNED[lang] if word in folded]


def translations(po: Path) -> list[str]:
    """Every msgstr of a catalog (the .mo is what runs: read it, not the .po's text)."""
    mo = po.with_suffix(".mo")
    with mo.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    return [str(value) for key, value in catalog.items() if key]


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("Keine Diagnose: das eigene Protokoll", "de", []),
        ("Hautkrebsvorsorge empfohlen", "de", ["krebs"]),
        ("Eine harmlose Zyste", "de", ["zyste", "harmlos"]),
        ("Das ist GUTARTIG, vermutlich Milien", "de", ["milie", "gutartig"]),
        ("No es un diagnóstico: el registro", "es", []),
        ("Diagnóstico: quiste benigno", "es", ["quiste", "benign", "diagnos"]),
        ("Descarte un cáncer o melanoma", "es", ["cancer", "melanoma"]),
        ("milios inofensivos", "es", ["milio", "inofensiv"]),
        ("la familia del paciente", "es", []),  # English "milia" is not a Spanish banned word
    ],
)
def test_the_scan_folds_accents_finds_compounds_and_spares_allowed_phrases(text, lang, found) -> None:
    assert offences(text, lang) == found


@pytest.mark.parametrize("po", CATALOGS, ids=catalog_id)
def test_no_catalog_names_or_implies_a_condition(po: Path) -> None:
    lang = po.parts[-3]
    bad = {text: offences(text, lang) for text in translations(po) if offences(text, lang)}
    assert not bad


def test_seek_care_and_consider_booking_have_equal_force() -> None:
    """Both are plain imperatives addressed to the reader (formal in German), neither softened."""
    from django.utils import translation

    from footlog.timeline.analysis.wording import LEVEL_TEXT

    with translation.override("de"):
        urgent, book = translation.gettext(LEVEL_TEXT["urgent"]), translation.gettext(LEVEL_TEXT["book"])
        assert " Sie " in f" {urgent} " and " Sie " in f" {book} "
    with translation.override("es"):
        urgent, book = translation.gettext(LEVEL_TEXT["urgent"]), translation.gettext(LEVEL_TEXT["book"])
        assert urgent.startswith("Busque") and book.startswith("Considere")
    for text in (urgent, book):
        assert not any(word in fold(text) for word in ("quiza", "tal vez", "vielleicht", "eventuell"))


msgfmt = shutil.which("msgfmt")


@pytest.mark.skipif(msgfmt is None, reason="gettext's msgfmt not installed")
@pytest.mark.parametrize("po", CATALOGS, ids=catalog_id)
def test_catalog_is_complete_and_its_compiled_file_fresh(po: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(msgfmt), "--check", "--statistics", "-o", str(tmp_path / "fresh.mo"), str(po)],
        capture_output=True,
        text=True,
        check=True,
    )
    stats = result.stderr.strip().splitlines()[-1]
    assert "untranslated" not in stats and "fuzzy" not in stats, stats
    with (tmp_path / "fresh.mo").open("rb") as fresh, po.with_suffix(".mo").open("rb") as committed:
        assert gettext.GNUTranslations(fresh)._catalog == gettext.GNUTranslations(committed)._catalog, (  # type: ignore[attr-defined]
            f"{po.with_suffix('.mo')} is stale: run `make messages`"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_scripts_catalog_file_is_fresh(lang: str) -> None:
    """The static catalog the pages load (footlog/static/jsi18n/<lang>.js) says what the compiled djangojs catalog
    says; English has none (its pages load nothing more)."""
    from footlog.i18n import JS_CATALOG_LANGUAGES, js_catalog_path, js_catalog_text

    assert JS_CATALOG_LANGUAGES == LANGUAGES
    committed = (ROOT / "footlog" / "static" / js_catalog_path(lang)).read_text(encoding="utf-8")
    assert committed == js_catalog_text(lang), f"{js_catalog_path(lang)} is stale: run `make messages`"
    assert '"Saved.": ' in committed and "django.catalog" in committed
