"""The report PDF itself (not only the share page that has its body) holds no unmarked English: rendered in the
test-only pseudo-language (test_pseudo_locale.py: every msgstr wrapped in ⟦…⟧), its text as pdftotext reads it
has no word outside the markers other than the patient's own, dates and numbers. The same report in German and
Spanish has none of a list of English sentinel words. One short history, no photos: a few seconds."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess

import pytest

from accounts.models import User
from footlog.exports.pdf import render_pdf
from footlog.exports.photos import owned_photo_reader
from footlog.exports.report import build_report
from footlog.i18n import speaking
from tests.exports.builders import log_entry
from tests.i18n.test_pseudo_locale import CLOSE, OPEN, pseudo, unmarked

__all__ = ["pseudo"]  # the fixture, imported to be used here

START = dt.date(2026, 9, 1)
END = START + dt.timedelta(days=29)
NOTE = "zzpatientnote zzrubbed"  # the patient's words: shown as written, in no language
QUESTION = "zzpatientquestion zzspread"
# English words the report would show if a string escaped translation (whole words, case-sensitive).
SENTINELS = ("Red flags", "Left heel", "Right heel", "Page", "Log of", "Seek care", "diagnosis", "bumps", "checks",
             "since", "Washed", "Questions", "Baseline", "Latest", "Generated", "Timeline", "Visit")  # fmt: skip
pdftotext = shutil.which("pdftotext")


@pytest.fixture
def report_user(user):
    User.objects.filter(pk=user.pk).update(display_name="Ana")
    user.refresh_from_db()
    for day in range(30):
        observations = [{"site": "left_heel", "count": 2 + day // 10, "largest_mm": 1.5}]
        if day == 25:
            observations.append({"site": "right_heel", "count": 1, "redness": True, "pain": 4})
        log_entry(
            user,
            START + dt.timedelta(days=day),
            observations=observations,
            routine={"wash": True},
            notes=NOTE if day == 4 else "",
        )
    return user


def pdf_words(user: User, language: str) -> str:
    """The report as the reader gets it, in `language`, read back by pdftotext (reading order)."""
    if pdftotext is None:
        pytest.skip("poppler's pdftotext not installed")
    with speaking(language):
        pdf = render_pdf(build_report(user, START, END, questions=QUESTION), owned_photo_reader(user))
    text = subprocess.run([pdftotext, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return text.stdout.decode()


def test_the_report_pdf_has_no_unmarked_text(report_user, pseudo):
    text = " ".join(pdf_words(report_user, pseudo).split())  # a line break inside a date or a sentence
    assert OPEN in text and CLOSE in text, text[:500]
    assert NOTE in text and QUESTION in text  # the patient's words, as written
    # The chart shortens a long label ("⟦Washed with mild soap, patte…"): its closing marker is cut with it.
    text = re.sub(rf"{OPEN}[^{OPEN}{CLOSE}]*…", " ", text)
    # Names, not words: the product, the patient, the unit; ISO dates in the footer's generated stamp.
    left = [w for w in unmarked(text) if w not in {"Ana", "zzrubbed", "zzspread"}]
    assert left == [], left


@pytest.mark.parametrize("language", ["de", "es"])
def test_the_report_pdf_in_german_and_spanish_has_no_english_sentinel(report_user, language):
    text = " ".join(pdf_words(report_user, language).split())
    found = [word for word in SENTINELS if re.search(rf"\b{re.escape(word)}\b", text)]
    assert found == [], found
    assert NOTE in text and QUESTION in text
