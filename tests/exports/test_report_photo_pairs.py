"""Issue 15, part 5: honest pairs in the PDF and on the share page. Per site and view: the baseline (the first
photo ever of that site and view, marked when it predates the range), the middle when there are 3 or more, and
the latest, in boxes of one size whatever the orientation; captions with date, that day's count and largest size,
view and scale; close-ups from the display rendition; photos without a site in a small strip."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader
from rest_framework.test import APIClient

from tests.diary.photo_samples import skin_photo, use_photo_dir
from tests.exports.builders import log_entry

START, END = dt.date(2026, 10, 1), dt.date(2026, 11, 30)
PDF_URL = "/api/v1/exports/report.pdf"
CM_PX = 96 / 2.54  # CSS px per cm


@pytest.fixture
def photo_dir(settings: Any, tmp_path: Path) -> Path:
    return use_photo_dir(settings, tmp_path)


def add(user: Any, entry: Any, site: str | None, view: str | None, scale: bool | None, **image: Any) -> Any:
    import rest_framework.views  # noqa: F401 (see tests/exports/builders.py)

    from footlog.diary.services import PhotoUpload, photo_ingest

    width, height = image.pop("size", (1600, 1200))
    data = skin_photo(width, height, seed=image.pop("seed", 1), **image)
    return photo_ingest(user, entry, PhotoUpload(data, site, view=view, scale_in_frame=scale))[0]


@pytest.fixture
def history(user: Any, photo_dir: Path) -> dict[str, Any]:
    """Left heel: an overview baseline in September (before the range), overviews and close-ups in Oct/Nov, one
    portrait close-up. Right outer ankle: one overview, two close-ups, one photo with no view noted. Two photos
    without a site."""
    made: dict[str, Any] = {}

    def day(date: str, counts: dict[str, tuple[int, float | None]]) -> Any:
        return log_entry(
            user, date, observations=[{"site": s, "count": c, "largest_mm": mm} for s, (c, mm) in counts.items()]
        )

    sep = day("2026-09-14", {"left_heel": (2, 1.0)})
    made["heel_over_sep"] = add(user, sep, "left_heel", "overview", False, seed=1)
    oct12 = day("2026-10-12", {"left_heel": (3, 1.5), "right_ankle_outer": (1, 1.0)})
    made["heel_over_oct12"] = add(user, oct12, "left_heel", "overview", True, seed=2)
    made["heel_close_oct12"] = add(user, oct12, "left_heel", "closeup", True, seed=3)
    made["ankle_over_oct12"] = add(user, oct12, "right_ankle_outer", "overview", None, seed=4)
    nov3 = day("2026-11-03", {"left_heel": (4, 2.0)})
    made["heel_close_nov3"] = add(user, nov3, "left_heel", "closeup", True, size=(1200, 1600), seed=5)  # portrait
    made["untagged_nov3"] = add(user, nov3, None, "overview", None, seed=6)
    nov20 = day("2026-11-20", {"left_heel": (4, 2.5), "right_ankle_outer": (2, 1.0)})
    made["heel_over_nov20"] = add(user, nov20, "left_heel", "overview", True, seed=7)
    made["ankle_close_nov20"] = add(user, nov20, "right_ankle_outer", "closeup", False, seed=8)
    made["ankle_none_nov20"] = add(user, nov20, "right_ankle_outer", None, None, seed=9)
    dec1 = day("2026-11-30", {"left_heel": (5, 2.5)})  # the range's last day
    made["heel_close_nov30"] = add(user, dec1, "left_heel", "closeup", True, seed=10, blur=0.5)
    made["untagged_nov30"] = add(user, dec1, None, None, None, seed=11)
    made["ankle_close_nov30"] = add(user, log_entry(user, "2026-11-29"), "right_ankle_outer", "closeup", True, seed=12)
    return made


def build(user: Any) -> Any:
    from footlog.exports.report import build_report

    return build_report(user, START, END)


def test_pairs_are_per_site_and_view_with_the_baseline_from_before_the_range(
    user: Any, history: dict[str, Any]
) -> None:
    report = build(user)
    sheets = {sheet.site: sheet for sheet in report.photo_sheets}
    assert list(sheets) == ["left_heel", "right_ankle_outer"]
    heel = {group.view: [(c.id, c.role) for c in group.photos] for group in sheets["left_heel"].groups}
    h = {k: str(p.pk) for k, p in history.items()}
    assert heel == {
        "overview": [
            (h["heel_over_sep"], "baseline"),
            (h["heel_over_oct12"], "middle"),
            (h["heel_over_nov20"], "latest"),
        ],
        "closeup": [
            (h["heel_close_oct12"], "baseline"),
            (h["heel_close_nov3"], "middle"),
            (h["heel_close_nov30"], "latest"),
        ],
    }
    ankle = {group.view: [(c.id, c.role) for c in group.photos] for group in sheets["right_ankle_outer"].groups}
    assert ankle == {
        "overview": [(h["ankle_over_oct12"], "")],
        "closeup": [(h["ankle_close_nov20"], "baseline"), (h["ankle_close_nov30"], "latest")],
        None: [(h["ankle_none_nov20"], "")],  # "view not noted" is a group of its own, never mixed in
    }
    for sheet in report.photo_sheets:
        for group in sheet.groups:
            assert {cell.view for cell in group.photos} == {group.view}  # a pair always shares its view
    baseline = sheets["left_heel"].groups[0].photos[0]
    assert baseline.before_range and baseline.role_text == "Baseline, before this period"
    assert not sheets["left_heel"].groups[1].photos[0].before_range
    assert [c.id for c in report.untagged_photos] == [h["untagged_nov3"], h["untagged_nov30"]]
    # Close-ups are embedded from the display rendition, the rest from the thumbnail.
    assert report.photo_sizes[h["heel_close_nov3"]] == "display"
    assert report.photo_sizes[h["heel_over_nov20"]] == "thumb"
    assert h["heel_over_sep"] in report.photo_ids


def test_captions_carry_date_that_days_count_and_size_view_and_scale(user: Any, history: dict[str, Any]) -> None:
    from footlog.exports.pdf import report_html

    html = report_html(build(user))
    section = html.split('id="photos"')[1].split('id="daily-log"')[0]
    text = " ".join(section.replace("<br>", " ").split())
    assert "Baseline, before this period</b> <b>14 Sep 2026</b> · 2 bumps, largest 1 mm Overview · no scale" in text
    assert (
        '<b>3 Nov 2026</b> · 4 bumps, largest 2 mm Close-up · <span class="scale">&#x2713; </span>scale in frame'
        in text
    )
    assert "<b>12 Oct 2026</b> · 1 bump, largest 1 mm Overview · scale not noted" in text
    assert "<b>29 Nov 2026</b> · count not logged Close-up" in text  # no observation of that site that day
    assert "View not noted" in text
    assert "Photos without a site" in text


def test_pdf_shows_pairs_in_boxes_of_one_size_and_untagged_photos_small(
    api: APIClient, user: Any, history: dict[str, Any], tmp_path: Path
) -> None:
    from weasyprint import HTML
    from weasyprint.formatting_structure.boxes import ReplacedBox

    from footlog.exports.pdf import STATIC_SCHEME, ReportFetcher, report_html
    from footlog.exports.photos import owned_photo_reader

    report = build(user)
    reader = owned_photo_reader(user)
    fetcher = ReportFetcher({pid: (lambda p=pid: reader(p, report.photo_sizes[p])) for pid in report.photo_ids})
    document = HTML(string=report_html(report), base_url=STATIC_SCHEME, url_fetcher=fetcher).render()
    images: dict[str, tuple[float, float]] = {}
    for page in document.pages:
        for box in page._page_box.descendants():
            if isinstance(box, ReplacedBox) and box.element.get("alt"):
                images[box.element.get("alt")] = (box.width, box.height)
    pairs = {alt: size for alt, size in images.items() if "without a site" not in alt}
    assert len(pairs) == 10
    # Every shot of every pair, landscape or portrait, in the same 58 mm square.
    assert {(round(w), round(h)) for w, h in pairs.values()} == {(round(5.8 * CM_PX), round(5.8 * CM_PX))}
    strip = [size for alt, size in images.items() if "without a site" in alt]
    assert len(strip) == 2 and all(w < 2.5 * CM_PX for w, _ in strip)  # small, never page-wide

    response = api.get(PDF_URL, {"from": START.isoformat(), "to": END.isoformat()})
    assert response.status_code == 200
    pdf = PdfReader(io.BytesIO(response.content))
    widths = sorted({img.image.width for page in pdf.pages for img in page.images})
    assert 1600 in widths  # close-ups at the display rendition's full width
    assert max(w for w in widths if w != 1600 and w != 1200) <= 512  # the others from thumbnails
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Baseline, before this period" in text and "View not noted" in text

    out = tmp_path / "pairs.pdf"
    out.write_bytes(response.content)
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(out), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) >= 3 and all(p.stat().st_size > 5000 for p in pngs)
    if os.environ.get("FOOTLOG_REPORT_PNG_DIR"):  # for a person to look at
        for png in pngs:
            shutil.copy(png, os.environ["FOOTLOG_REPORT_PNG_DIR"])


def test_share_page_shows_the_pairs_and_serves_the_baseline_but_no_other_earlier_photo(
    api: APIClient, user: Any, history: dict[str, Any]
) -> None:
    import rest_framework.views  # noqa: F401

    from footlog.diary.services import PhotoUpload, photo_ingest
    from tests.diary.photo_samples import jpeg

    # A second September overview of the heel: before the range and not the baseline, so not shared.
    later_sep = photo_ingest(user, log_entry(user, "2026-09-20"), PhotoUpload(jpeg(), "left_heel", view="overview"))[0]
    # A September photo of a site with nothing in the range: not shown, not shared.
    other_site = photo_ingest(user, log_entry(user, "2026-09-21"), PhotoUpload(jpeg(), "left_toes", view="overview"))[0]
    created = api.post(
        "/api/v1/shares/",
        {"from": START.isoformat(), "to": END.isoformat(), "include_photos": True, "expires_in_days": 3},
        format="json",
    )
    assert created.status_code == 201, created.content
    path = urlsplit(created.json()["url"]).path
    html = APIClient().get(path).content.decode()
    h = {k: str(p.pk) for k, p in history.items()}
    assert f'src="{path}photos/{h["heel_over_sep"]}"' in html and "Baseline, before this period" in html
    assert f'src="{path}photos/{h["heel_close_nov3"]}?size=display"' in html  # close-ups sharp
    assert f'src="{path}photos/{h["heel_over_nov20"]}"' in html
    assert str(later_sep.pk) not in html and str(other_site.pk) not in html

    visitor = APIClient()
    baseline = visitor.get(f"{path}photos/{h['heel_over_sep']}")
    assert baseline.status_code == 200 and baseline.content.startswith(b"\xff\xd8")
    display = visitor.get(f"{path}photos/{h['heel_close_nov3']}?size=display")
    assert display.status_code == 200 and len(display.content) > len(
        visitor.get(f"{path}photos/{h['heel_close_nov3']}").content
    )
    assert visitor.get(f"{path}photos/{later_sep.pk}").status_code == 404
    assert visitor.get(f"{path}photos/{other_site.pk}").status_code == 404
