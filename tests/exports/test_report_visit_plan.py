"""Page 1 and the share page name a recorded visit with its plan and review date (issue 21, item 4's report side),
as the patient recorded them."""

from __future__ import annotations

import datetime as dt
import re

from footlog.exports.pdf import report_html
from footlog.exports.report import build_report
from tests.exports.builders import log_entry


def test_a_visit_shows_its_plan_and_review_date(user):
    from footlog.clinical.services import visit_record

    log_entry(user, "2026-10-05", observations=[{"site": "left_heel", "count": 3}])
    visit = visit_record(user, kind="visited", date=dt.date(2026, 10, 6), note="Dr Lee")
    visit.plan = "retinoid nightly"
    visit.review_on = dt.date(2026, 11, 3)
    visit.save()
    report = build_report(user, dt.date(2026, 10, 1), dt.date(2026, 10, 31), include_photos=False)
    text = " ".join(re.sub(r"<[^>]+>", " ", report_html(report)).split())
    head = text.split("Where, since when")[0]
    assert "Visited a dermatologist on 6 Oct 2026 (Dr Lee); plan: retinoid nightly; review on 3 Nov 2026" in head
