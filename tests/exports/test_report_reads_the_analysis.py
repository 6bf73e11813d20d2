"""The report reads what the analysis gives generically, so that new parts flow through as they land: the
clinician's headline from the wording table (or `headline_for("clinician")`), one-day outliers as page-1 caveats,
slight one-day symptoms as notes below the red flags, and the change per site since a visit."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace as NS

from footlog.exports.findings import outlier_caveats
from footlog.exports.report import _visit_line, clinician_headline, clinician_level_text, slight_symptom_lines
from footlog.timeline.analysis import LEVELS, Recommendation

D = dt.date(2026, 11, 12)


def test_the_clinicians_words_never_say_your():
    for level in LEVELS:
        assert "your" not in clinician_level_text(level).lower()
    assert clinician_headline(Recommendation("none", ())) == clinician_level_text("none")
    seen = Recommendation("none", (), seen_on=dt.date(2026, 12, 1))
    assert clinician_headline(seen) == "Seen by a dermatologist on 1 Dec; nothing logged since suggests booking again."


def test_outliers_become_caveats_at_their_site():
    outliers = [
        NS(date=D, site="left_heel", field="largest_mm", value=30.0, usual=2.0),
        NS(date=D, site="left_heel", field="count", value=40, usual=3.0),
        NS(date=D, site="right_heel", field="count", value=40, usual=3.0),
        NS(date=D - dt.timedelta(days=60), site="left_heel", field="count", value=50, usual=3.0),
    ]
    assert outlier_caveats(outliers, "left_heel", D - dt.timedelta(days=30)) == [
        "30 mm on 12 Nov 2026 only (usual 2 mm)",
        "40 bumps on 12 Nov 2026 only (usual 3)",
    ]


def test_slight_symptoms_are_listed_not_flagged():
    timeline = NS(
        slight_symptoms=[
            NS(date=D, site="left_heel", pain=1, redness=True, recent=True),
            NS(date=D, site="right_sole", pain=0, redness=True, recent=True),
            NS(date=D - dt.timedelta(days=90), site="right_sole", pain=2, redness=False, recent=False),
        ]
    )
    assert slight_symptom_lines(timeline, D - dt.timedelta(days=30)) == [
        "Left heel: pain 1/10 with redness on 12 Nov 2026",
        "Right sole: redness on 12 Nov 2026",
    ]
    assert slight_symptom_lines(NS(), D) == []  # an analysis without them: nothing


def test_a_visit_line_carries_plan_review_and_change_since():
    visit = NS(kind="visited", date=dt.date(2026, 12, 1), note="", plan="retinoid nightly", review_on=None)
    summary = NS(
        since=[
            NS(site="left_top", before=5, after=2, checks_after=3),
            NS(site="left_heel", before=1, after=1, checks_after=0),
        ]
    )
    assert _visit_line(visit, summary) == (
        "Visited a dermatologist on 1 Dec 2026; plan: retinoid nightly; since then: 5 → 2 at Left top of foot"
    )
