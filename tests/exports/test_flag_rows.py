"""Page 1's red-flag rows (footlog.exports.flag_rows), pure: ordered by what a dermatologist reads first, repeated
events grouped, a pain and a redness event of one site and day read "pain with redness", both sides of a region in
one row, kinds the analysis adds later kept, and (property) no event ever lost, whatever the mix."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from footlog.diary.sites import SITE_KEYS
from footlog.exports.flag_rows import flag_rows, site_group_label
from footlog.timeline.analysis import RedFlag

D = dt.date(2026, 11, 10)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def test_order_grouping_and_words():
    flags = [RedFlag(day(n), "left_sole", "pain", 4 + n % 3) for n in range(22)]
    flags += [
        RedFlag(day(12), "left_sole", "bleeding", True),
        RedFlag(day(3), "left_heel", "redness", True),
        RedFlag(day(3), "left_heel", "pain", 5),
        RedFlag(day(20), "left_top", "fast_change", 14, detail="3 → 14 in 3 days, 27–30 Nov"),
        RedFlag(day(1), "right_toes", "spreading", True),
    ]
    rows = flag_rows(flags)
    assert [(r.site, r.text) for r in rows] == [
        ("Left sole", "bleeding on 22 Nov 2026"),
        ("Right toes", "spreading on 11 Nov 2026"),
        ("Left top of foot", "fast change on 30 Nov 2026 (3 → 14 in 3 days, 27–30 Nov)"),
        ("Left heel", "pain with redness 5/10 on 13 Nov 2026"),
        ("Left sole", "pain 4–6/10 on 22 days, 10 Nov – 1 Dec 2026"),
    ]


def test_both_sides_share_a_row_and_unknown_kinds_follow():
    flags = [
        RedFlag(day(0), "left_ankle_outer", "redness", True),
        RedFlag(day(4), "right_ankle_outer", "redness", True),
        RedFlag(day(2), "left_heel", "new_kind_from_rules", True),
    ]
    rows = flag_rows(flags)
    assert [(r.site, r.text) for r in rows] == [
        ("Both outer ankles", "redness on 2 days, 10 Nov – 14 Nov 2026"),
        ("Left heel", "new kind from rules on 12 Nov 2026"),
    ]
    assert site_group_label(["left_toes", "right_toes"]) == "Toes of both feet"
    assert site_group_label(["left_top", "right_top"]) == "Tops of both feet"


EVENTS = st.lists(
    st.builds(
        RedFlag,
        date=st.integers(0, 60).map(day),
        site=st.sampled_from(SITE_KEYS),
        kind=st.sampled_from(["pain", "redness", "bleeding", "spreading", "fast_change"]),
        value=st.integers(1, 10),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(EVENTS)
def test_no_event_is_ever_lost(flags):
    """Every (day, site, kind) is covered by a row of its kind (pain and redness of one day by "pain with
    redness") and no row claims a day it has no event for."""
    rows = flag_rows(flags)
    covered = {(d, s, r.kind) for r in rows for d in r.dates for s in r.sites}
    pain = {(f.date, f.site) for f in flags if f.kind == "pain"}
    by_day = pain & {(f.date, f.site) for f in flags if f.kind == "redness"}
    for f in flags:
        kind = "pain_with_redness" if f.kind in ("pain", "redness") and (f.date, f.site) in by_day else f.kind
        assert (f.date, f.site, kind) in covered
    kinds = [r.kind for r in rows]
    order = ["bleeding", "spreading", "fast_change", "pain_with_redness", "pain", "redness"]
    assert kinds == sorted(kinds, key=order.index)
    for r in rows:
        assert all(any(f.date == d and f.site in r.sites for f in flags) for d in r.dates)
