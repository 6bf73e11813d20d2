"""Every logged value is drawn and no label overlaps another (issue 23, items 3 and 7), measured in real Chromium
on the Timeline page at 320×568 and 430×932: the boxes the browser lays out, not the renderer's estimates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from footlog.lib.dates import today_in
from tests.browser.conftest import ROOT, sign_in
from tests.exports.builders import add_photo, log_entry
from tests.support.browser import PHONE

pytestmark = pytest.mark.browser

IMG = ROOT / "test-artifacts" / "screenshots"
SITES = ("left_heel", "right_toes", "left_top", "right_ankle_outer")

OVERLAPS = """() => {
  const svg = document.querySelector('.chart svg');
  const boxes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
    .map(t => { const r = t.getBoundingClientRect();
                return {t: t.textContent, l: r.left, r: r.right, top: r.top, b: r.bottom}; });
  const hits = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (a.l < b.r - 0.5 && b.l < a.r - 0.5 && a.top < b.b - 0.5 && b.top < a.b - 0.5) hits.push(a.t + ' / ' + b.t);
  }
  const svgBox = svg.getBoundingClientRect();
  const outside = boxes.filter(x => x.l < svgBox.left - 0.5 || x.r > svgBox.right + 0.5).map(x => x.t);
  return {hits, outside, ticks: [...svg.querySelectorAll('.x-axis text')].map(t => t.textContent)};
}"""


def logged_user(make_user: Any, days: int) -> Any:
    """`days` days: Left heel every other day, the other sites daily; two photos per site (their markers)."""
    user = make_user(timezone="Asia/Tokyo")
    today = today_in(user.timezone)
    for i in range(days):
        day = today - dt.timedelta(days=days - 1 - i)
        observations = [{"site": s, "count": 1 + i % 3} for s in SITES[1:]]
        if i % 2 == 0:
            observations.append({"site": "left_heel", "count": 2 + i % 4})
        entry = log_entry(user, day, observations=observations)
        if i in (0, days - 2):
            for site in SITES[1:]:
                add_photo(user, entry, site)
    return user


@pytest.mark.parametrize("size", [(320, 568), (430, 932)])
def test_timeline_chart_draws_every_value_and_no_label_touches_another(
    chromium: Any, make_user: Any, live_server: Any, transactional_db: None, size: tuple[int, int]
) -> None:
    context = chromium.new_context(**{**PHONE, "viewport": {"width": size[0], "height": size[1]}})
    try:
        page = context.new_page()
        # 22 days (weekly date labels) and 9 days (daily labels, "27 No28 No29" before they were thinned).
        for days in (22, 9):
            context.clear_cookies()
            sign_in(context, logged_user(make_user, days), live_server.url)
            page.goto(f"{live_server.url}/timeline/")
            page.get_by_role("img", name="Bumps per site over time").wait_for()
            # Left heel has no two consecutive logged days: every value is a point, and there is no line.
            assert page.locator(".chart circle.point[data-site='left_heel']").count() == (days + 1) // 2
            assert page.locator(".chart path.site[data-site='left_heel']").get_attribute("d") == ""
            found = page.evaluate(OVERLAPS)
            assert found["hits"] == [] and found["outside"] == [], (days, found)
            assert len(found["ticks"]) >= 2
            assert not [t for t in found["ticks"] if t.startswith("0")], found["ticks"]  # "1 Dec", never "01 Dec"
            if size[0] == 320 and days == 22:
                page.locator(".chart").screenshot(path=str(IMG / "timeline-chart-320.png"))
    finally:
        context.close()
