"""Completeness by a test-only pseudo-language: every msgstr of the catalogs wrapped in ⟦…⟧, compiled at test time.
A page rendered in it must show no unwrapped words other than the patient's own (notes, questions, name), dates
and numbers: an unwrapped word is a string nobody marked for translation.

Covered so far: the share page (the report's body, as the PDF has it) and the share's gone/passcode pages. The
app's own pages are not all marked yet (docs/languages.md, "What is not translated yet")."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.exports.builders import log_entry

ROOT = Path(__file__).resolve().parents[2]
OPEN, CLOSE = "⟦", "⟧"
START = dt.date(2026, 9, 1)
NOTE = "zzpatientnote heel rubbed"
QUESTION = "zzpatientquestion about the heel"
msgfmt = shutil.which("msgfmt")


def _pseudo_po(source: Path) -> str:
    """The German catalog with every msgstr replaced by its msgid in markers (plural forms likewise)."""
    out, msgid, plural = [], "", ""
    text = source.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        fields: dict[str, str] = {}
        key = ""
        for line in lines:
            match = re.match(r'^(msgid_plural|msgid|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                key = match.group(1)
                fields[key] = match.group(2)
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        msgid, plural = fields.get("msgid", ""), fields.get("msgid_plural", "")
        if not msgid:
            header = "Content-Type: text/plain; charset=UTF-8\\nPlural-Forms: nplurals=2; plural=(n != 1);\\n"
            out.append(f'msgid ""\nmsgstr "{header}"')
        elif plural:
            out.append(
                f'msgid "{msgid}"\nmsgid_plural "{plural}"\n'
                f'msgstr[0] "{OPEN}{msgid}{CLOSE}"\nmsgstr[1] "{OPEN}{plural}{CLOSE}"'
            )
        else:
            out.append(f'msgid "{msgid}"\nmsgstr "{OPEN}{msgid}{CLOSE}"')
    return "\n\n".join(out) + "\n"


@pytest.fixture
def pseudo(settings, tmp_path):
    if msgfmt is None:
        pytest.skip("gettext's msgfmt not installed")
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_text(_pseudo_po(ROOT / "locale/de/LC_MESSAGES/django.po"), encoding="utf-8")
    subprocess.run([msgfmt, "-o", str(folder / "django.mo"), str(folder / "django.po")], check=True)
    settings.LANGUAGES = [*settings.LANGUAGES, ("xx", "Pseudo")]
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    return "xx"


def unmarked(html: str) -> list[str]:
    """The words of the page's visible text (and alt/title/aria-label) outside ⟦…⟧ and outside patient text."""
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S | re.I)
    html = re.sub(r'<(q|li|i)\b[^>]*class="[^"]*patient-words[^"]*"[^>]*>.*?</\1>', " ", html, flags=re.S)
    shown = " ".join(re.findall(r'(?:alt|title|aria-label|placeholder)="([^"]*)"', html))
    text = re.sub(r"<[^>]+>", " ", html) + " " + shown
    text = text.replace("&nbsp;", " ").replace("&#x27;", "'").replace("&quot;", '"')
    while True:  # nested sentences (a reason inside a reason): innermost first
        inner = re.sub(rf"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
        if inner == text:
            break
        text = inner
    text = re.sub(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b", " ", text)
    text = re.sub(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b", " ", text)
    words = re.findall(r"[A-Za-zÀ-ÿ]{2,}", text)
    allowed = {"footlog", "UTC", "mm", "Ana", "zzpatientnote", "zzpatientquestion", "PDF"}
    return [w for w in words if w not in allowed]


def test_the_share_page_has_no_unmarked_text(api, user, pseudo):
    from accounts.models import User

    User.objects.filter(pk=user.pk).update(display_name="Ana")
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
    created = api.post(
        "/api/v1/shares/",
        {"from": "2026-09-01", "to": "2026-09-30", "expires_in_days": 3, "questions": QUESTION},
        format="json",
    ).json()
    path = urlsplit(created["url"]).path
    page = api.get(path, {"language": pseudo}, HTTP_USER_AGENT="phone")  # a phone-sized reader: same HTML
    assert page.status_code == 200
    html = page.content.decode()
    assert OPEN in html, html[:500]
    assert '<html lang="xx">' in html
    assert NOTE in html and QUESTION in html  # the patient's words are there, as written
    assert unmarked(html) == []
    gone = api.get("/share/" + "x" * 43 + "/", {"language": pseudo})
    assert unmarked(gone.content.decode()) == []


def test_the_scan_finds_an_unmarked_word() -> None:
    assert unmarked("<p>⟦Red flags⟧ Bleeding</p>") == ["Bleeding"]
    assert unmarked('<p>⟦on ⟦Left heel⟧ x⟧ <q class="patient-words">my words</q> 9 Nov 2026</p>') == []


@pytest.mark.parametrize("path", ["/", "/no-such-page/", "/offline/", "/shl/view"])
def test_signed_out_pages_have_no_unmarked_text(client, pseudo, path):
    html = client.get(path, HTTP_ACCEPT_LANGUAGE=pseudo).content.decode()
    assert '<html lang="xx">' in html
    # Each language's name in the switch is written in that language, on purpose; "SMART Health Link" is a name.
    names = ("English", "Deutsch", "Español", "Pseudo", "SMART", "Health", "Link")
    assert [w for w in unmarked(html) if w not in names] == []
