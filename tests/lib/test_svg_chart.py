"""The pure SVG timeline chart: valid, accessible, escaped, honest about unlogged days, deterministic."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import xml.etree.ElementTree as ET

from footlog.lib.svg_chart import Marker, render_timeline_chart
from footlog.timeline.analysis import analyse
from tests.timeline.builders import day, days

NS = {"svg": "http://www.w3.org/2000/svg"}
START = dt.date(2026, 11, 1)


def series(*by_site: dict[str, int] | None) -> list[dict]:
    """One dict per day from START; None = a day not logged."""
    return [
        {"date": (START + dt.timedelta(days=i)).isoformat(), "logged": sites is not None, "by_site": sites or {}}
        for i, sites in enumerate(by_site)
    ]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, parsed to check it is well-formed


def test_chart_is_well_formed_svg_with_title_and_desc_referenced_for_screen_readers() -> None:
    root = parse(render_timeline_chart(series({"left_heel": 2}, None, {"left_heel": 3}), title="Left heel"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    title, desc = root[0], root[1]
    assert title.tag.endswith("title") and title.text == "Left heel"
    assert desc.tag.endswith("desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "2 of 3 days logged" in desc.text
    assert "latest count 3 on 2026-11-03" in desc.text


def test_user_text_is_escaped_everywhere() -> None:
    evil = '<script>alert("x")</script> & co'
    svg = render_timeline_chart(
        series({"left_heel": 1}),
        {"retinoid": {"label": evil, "kind": "care", "done": 1, "logged": 1, "rate": 1.0}},
        markers=[Marker(START, evil)],
        site_labels={"left_heel": evil},
        title=evil,
    )
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    root = parse(svg)
    assert root[0].text == evil  # the parsed text round-trips unchanged


def test_not_logged_days_are_drawn_as_runs_and_never_as_zero_counts() -> None:
    root = parse(render_timeline_chart(series({"left_heel": 2}, {"left_heel": 2}, None, None, {"left_heel": 2})))
    strip = root.find(".//svg:g[@class='logged-strip']", NS)
    classes = [rect.get("class") for rect in strip.findall("svg:rect", NS)]
    assert classes == ["logged", "not-logged", "logged"]
    path = root.find(".//svg:path[@data-site='left_heel']", NS).get("d")
    # The line is broken over the unlogged days, not drawn down to the zero line: the last day, with no logged
    # neighbour, is a point.
    assert path.count("M") == 1 and path.count("L") == 1
    point = root.find(".//svg:circle[@data-site='left_heel']", NS)
    zero_y = root.find(".//svg:g[@class='y-axis']/svg:text", NS)
    assert zero_y.text == "0"
    ys = {float(y) for y in re.findall(r"[ML][\d.]+ ([\d.]+)", path)} | {float(point.get("cy"))}
    assert len(ys) == 1  # every drawn value is the count 2


def test_a_site_left_out_of_a_logged_day_breaks_its_line() -> None:
    days_ = series({"left_heel": 1, "right_toes": 4}, {"left_heel": 1}, {"left_heel": 1, "right_toes": 5})
    root = parse(render_timeline_chart(days_))
    toes = root.find(".//svg:path[@data-site='right_toes']", NS).get("d")
    heel = root.find(".//svg:path[@data-site='left_heel']", NS).get("d")
    assert toes == ""  # no line: two values without a logged neighbour are two points
    assert len(root.findall(".//svg:circle[@data-site='right_toes']", NS)) == 2
    assert heel.count("M") == 1 and heel.count("L") == 2
    assert root.findall(".//svg:circle[@data-site='left_heel']", NS) == []


def test_higher_counts_are_drawn_higher() -> None:
    root = parse(render_timeline_chart(series({"left_heel": 1}, {"left_heel": 8})))
    path = root.find(".//svg:path[@data-site='left_heel']", NS).get("d")
    (_, y1), (_, y2) = [tuple(map(float, p.split())) for p in re.findall(r"[ML]([\d.]+ [\d.]+)", path)]
    assert y2 < y1


def test_adherence_bars_are_proportional_and_kinds_apart() -> None:
    adherence = {
        "moisturise": {"label": "Moisturise", "kind": "care", "done": 3, "logged": 4, "rate": 0.75},
        "tight_footwear": {"label": "Tight shoes", "kind": "trigger", "done": 1, "logged": 4, "rate": 0.25},
        "sunscreen": {"label": "Sunscreen", "kind": "care", "done": 0, "logged": 0, "rate": None},
    }
    root = parse(render_timeline_chart(series({"left_heel": 1}), adherence))
    steps = root.findall(".//svg:g[@class='step']", NS)
    widths = {g.get("data-step"): float(g.find("svg:rect[@class='rate']", NS).get("width")) for g in steps}
    assert widths["moisturise"] == 3 * widths["tight_footwear"]
    assert widths["sunscreen"] == 0
    kinds = {g.get("data-step"): g.get("data-kind") for g in steps}
    assert kinds == {"moisturise": "care", "tight_footwear": "trigger", "sunscreen": "care"}
    texts = " ".join(t.text for g in steps for t in g.findall("svg:text", NS))
    assert "75% (3/4)" in texts and "not recorded" in texts


def test_a_step_without_a_rate_shows_how_often_it_was_marked_not_not_recorded() -> None:
    # Triggers and as-needed care have no rate (analysis.care), but were recorded: say how often.
    adherence = {
        "new_product": {"label": "New product", "kind": "trigger", "done": 2, "logged": 30, "rate": None},
        "sunscreen": {"label": "Sunscreen", "kind": "care", "done": 0, "logged": 0, "rate": None},
    }
    svg = render_timeline_chart(series({"left_heel": 1}), adherence)
    root = parse(svg)
    texts = {
        g.get("data-step"): " ".join(t.text for t in g.findall("svg:text", NS))
        for g in root.findall(".//svg:g[@class='step']", NS)
    }
    assert "marked 2/30" in texts["new_product"] and "not recorded" not in texts["new_product"]
    assert "not recorded" in texts["sunscreen"]
    assert "New product (trigger): marked 2 of 30 days." in root.find("svg:desc", NS).text


def test_markers_inside_the_range_are_drawn_at_their_date_and_others_skipped() -> None:
    svg = render_timeline_chart(
        series({"left_heel": 1}, {"left_heel": 1}, {"left_heel": 1}),
        markers=[{"date": "2026-11-02", "label": "photo", "kind": "photo"}, Marker(dt.date(2026, 12, 1), "later")],
    )
    root = parse(svg)
    markers = root.findall(".//svg:g[@class='marker']", NS)
    assert len(markers) == 1 and markers[0].get("data-kind") == "photo"
    x = float(markers[0].find("svg:line", NS).get("x1"))
    path = root.find(".//svg:path[@data-site='left_heel']", NS).get("d")
    xs = [float(v) for v in re.findall(r"[ML]([\d.]+) ", path)]
    assert x == xs[1]


def test_empty_range_still_renders_an_accessible_chart() -> None:
    root = parse(render_timeline_chart([]))
    assert root[1].text == "No days in this range."


def test_rendering_is_deterministic_and_takes_the_analysis_result_directly() -> None:
    result = analyse(days({"left_heel": "33.3"}, care="yy.n"), day(0), day(3))
    from_objects = render_timeline_chart(result.series, result.adherence)
    from_json = render_timeline_chart(result.to_dict()["series"], result.to_dict()["adherence"])
    assert from_objects == render_timeline_chart(result.series, result.adherence)
    assert from_objects == from_json


def test_three_years_stay_compact() -> None:
    long = series(*[({"left_heel": 3} if i % 10 else None) for i in range(3 * 365)])
    svg = render_timeline_chart(long)
    parse(svg)
    assert len(svg) < 120_000
    assert len(parse(svg).findall(".//svg:g[@class='x-axis']/svg:text", NS)) <= 8


def test_ids_can_be_prefixed_for_several_charts_on_one_page() -> None:
    svg = render_timeline_chart(series({"left_heel": 1}), id_prefix="report-2")
    assert 'id="report-2-title"' in svg and 'aria-labelledby="report-2-title report-2-desc"' in svg


def test_weasyprint_renders_the_inline_chart_into_a_pdf() -> None:
    import io

    import weasyprint
    from pypdf import PdfReader

    adherence = {"moisturise": {"label": "Moisturise", "kind": "care", "done": 3, "logged": 4, "rate": 0.75}}
    svg = render_timeline_chart(series({"left_heel": 1}, None, {"left_heel": 4}), adherence)
    pdf = weasyprint.HTML(string=f"<html><body>{svg}</body></html>").write_pdf()
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Routine" in text and "75% (3/4)" in text


def test_the_last_representable_date_does_not_break_the_chart() -> None:
    days_ = [
        {"date": dt.date.max - dt.timedelta(days=1 - i), "logged": True, "by_site": {"left_heel": 1}} for i in (0, 1)
    ]
    root = parse(render_timeline_chart(days_))
    assert len(root.findall(".//svg:g[@class='logged-strip']/svg:rect", NS)) == 1


def test_long_step_labels_are_shortened_but_kept_whole_in_the_title() -> None:
    long_label = "Sunscreen SPF 15+ on exposed ankles every single morning"
    adherence = {"sunscreen": {"label": long_label, "kind": "care", "done": 1, "logged": 2, "rate": 0.5}}
    root = parse(render_timeline_chart(series({"left_heel": 1}), adherence))
    step = root.find(".//svg:g[@class='step']", NS)
    shown = step.find("svg:text", NS).text
    assert shown.endswith("…") and len(shown) < len(long_label)
    assert step.find("svg:title", NS).text == f"{long_label} (care)"


def test_marker_on_the_last_day_is_labelled_to_the_left_of_its_line() -> None:
    days_ = series(*([{"left_heel": 1}] * 30))
    last = START + dt.timedelta(days=29)
    root = parse(
        render_timeline_chart(days_, markers=[Marker(last, "photo", "photo"), Marker(START, "photo", "photo")])
    )
    anchors = [t.get("text-anchor") for t in root.findall(".//svg:text[@class='marker-label']", NS)]
    assert anchors == ["start", "end"]


def label_boxes(root: ET.Element) -> list[tuple[float, float, float]]:
    """(left, right, y) of each marker label, with the renderer's own width estimate."""
    from footlog.lib.svg_chart import _text_width

    boxes = []
    for text in root.findall(".//svg:text[@class='marker-label']", NS):
        x, width = float(text.get("x")), _text_width(text.text) + 6
        left = x if text.get("text-anchor") == "start" else x - width
        boxes.append((left, left + width, float(text.get("y"))))
    return boxes


def test_marker_labels_never_overlap_they_stack_then_merge() -> None:
    days_ = series(*([{"left_heel": 1}] * 90))
    photos = [Marker(START + dt.timedelta(days=i), "photo", "photo") for i in range(0, 12)]  # one a day
    root = parse(render_timeline_chart(days_, markers=photos))
    boxes = label_boxes(root)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] != b[2] or a[1] <= b[0] or b[1] <= a[0], (a, b)
    texts = [t.text for t in root.findall(".//svg:text[@class='marker-label']", NS)]
    assert len(root.findall(".//svg:g[@class='marker']", NS)) == 12  # every photo keeps its line
    counted = sum(int(t.split("×")[1]) if "×" in t else 1 for t in texts)
    assert counted == 12 and any("×" in t for t in texts)


def test_the_chart_starts_at_the_first_logged_day() -> None:
    root = parse(render_timeline_chart(series(None, None, None, {"left_heel": 2}, {"left_heel": 3})))
    assert "from 2026-11-04 to 2026-11-05" in root[1].text
    first_strip = root.find(".//svg:g[@class='logged-strip']/svg:rect", NS)
    assert first_strip.get("class") == "logged"


def test_no_date_label_runs_past_the_edge() -> None:
    from footlog.lib.svg_chart import _text_width

    long_range = [
        {"date": (dt.date(2026, 3, 2) + dt.timedelta(days=i)).isoformat(), "logged": True, "by_site": {"left_heel": 1}}
        for i in range(275)
    ]
    root = parse(render_timeline_chart(long_range, width=680))
    for text in root.findall(".//svg:g[@class='x-axis']/svg:text", NS):
        x, half = float(text.get("x")), _text_width(text.text) / 2
        anchor = text.get("text-anchor")
        right = x if anchor == "end" else x + 2 * half if anchor == "start" else x + half
        assert right <= 680, (text.text, x, anchor)


def test_an_all_zero_line_sits_above_the_floor_and_text_is_at_least_11px() -> None:
    from footlog.lib.svg_chart import PLOT_HEIGHT, TOP

    root = parse(render_timeline_chart(series({"left_heel": 0}, {"left_heel": 0})))
    path = root.find(".//svg:path[@class='site']", NS).get("d")
    ys = {float(v) for v in re.findall(r"[ML][\d.]+ ([\d.]+)", path)}
    assert ys and all(y <= TOP + PLOT_HEIGHT - 4 for y in ys)
    assert int(root.get("font-size")) >= 11
    assert not [t for t in root.iter() if t.get("font-size") and int(t.get("font-size")) < 11]


def test_legend_labels_never_run_into_each_other_at_phone_or_print_width() -> None:
    """Judged at 0.75 em a glyph: Chromium drew "Tobillo externo izquierdo" at ~0.76 em at 390 px and it ran into
    "Empeine izquierdo" (README's timeline-es.png) while the 0.6 em estimate said it fitted."""
    from footlog.lib.svg_chart import FONT_PX, LEGEND_GLYPH_EM

    sites = {"left_ankle_outer": 2, "left_top": 1, "right_heel": 0, "right_ankle_inner": 3}
    english = {"left_ankle_outer": "Left outer ankle", "left_top": "Left top of foot", "right_heel": "Right heel",
               "right_ankle_inner": "Right inner ankle"}  # fmt: skip
    spanish = {"left_ankle_outer": "Tobillo externo izquierdo", "left_top": "Empeine izquierdo",
               "right_heel": "Talón derecho", "right_ankle_inner": "Tobillo interno derecho"}  # fmt: skip
    columns = {}
    for labels in (english, spanish):
        for width in (400, 680):
            root = parse(render_timeline_chart(series(sites, sites), site_labels=labels, width=width))
            rows: dict[str, list[tuple[float, float]]] = {}
            for text in root.findall(".//svg:g[@class='legend']/svg:text", NS):
                x = float(text.get("x"))
                rows.setdefault(text.get("y"), []).append((x, x + len(text.text) * FONT_PX * LEGEND_GLYPH_EM))
                assert "…" not in text.text, text.text  # a name is never cut where a row more would show it
            for spans in rows.values():
                spans.sort()
                for (_, right), (left, _) in itertools.pairwise(spans):
                    assert right <= left - 16, (width, spans)  # room for the next swatch
            columns[labels["left_top"], width] = max(len(spans) for spans in rows.values())
    assert columns == {("Left top of foot", 400): 2, ("Left top of foot", 680): 3,
                       ("Empeine izquierdo", 400): 1, ("Empeine izquierdo", 680): 2}  # fmt: skip


def test_every_other_day_draws_every_value_as_a_point_and_no_line() -> None:
    """A site logged every other day for 22 days (issue 23): 11 values, none with a logged neighbour."""
    days_ = series(*[{"left_heel": i % 4} if i % 2 == 0 else None for i in range(22)])
    for width in (320, 400, 680):
        root = parse(render_timeline_chart(days_, width=width))
        assert root.find(".//svg:path[@data-site='left_heel']", NS).get("d") == ""
        points = root.findall(".//svg:circle[@data-site='left_heel']", NS)
        assert len(points) == 11
        cy = {p.find("svg:title", NS).text.split(": ")[1]: float(p.get("cy")) for p in points}
        assert cy["2"] < cy["0"]  # higher counts higher
        assert [p.find("svg:title", NS).text for p in points][:2] == ["1 Nov: 0", "3 Nov: 2"]


def test_lines_join_only_consecutive_days_even_when_the_series_skips_dates() -> None:
    """Dates missing from the series are unknown: values on either side are not joined."""
    days_ = [
        {"date": "2026-11-01", "logged": True, "by_site": {"left_heel": 1}},
        {"date": "2026-11-02", "logged": True, "by_site": {"left_heel": 2}},
        {"date": "2026-11-05", "logged": True, "by_site": {"left_heel": 3}},
    ]
    root = parse(render_timeline_chart(days_))
    path = root.find(".//svg:path[@data-site='left_heel']", NS).get("d")
    assert path.count("M") == 1 and path.count("L") == 1
    assert len(root.findall(".//svg:circle[@data-site='left_heel']", NS)) == 1


def test_date_labels_are_thinned_by_width_and_share_one_style() -> None:
    from footlog.lib.svg_chart import _text_width

    for n_days in (5, 11, 22, 45, 70, 200, 800):
        days_ = series(*[{"left_heel": 1}] * n_days)
        for width in (280, 320, 400, 430, 680):
            root = parse(render_timeline_chart(days_, width=width))
            texts = root.findall(".//svg:g[@class='x-axis']/svg:text", NS)
            assert texts, (n_days, width)
            spans = []
            for text in texts:
                assert re.fullmatch(r"[1-9]\d? [A-Z][a-z]{2}|[A-Z][a-z]{2} \d{4}", text.text), text.text
                x, w = float(text.get("x")), _text_width(text.text)
                anchor = text.get("text-anchor")
                spans.append(
                    (x - w, x) if anchor == "end" else (x, x + w) if anchor == "start" else (x - w / 2, x + w / 2)
                )
            spans.sort()
            for (_, right), (left, _) in itertools.pairwise(spans):
                assert right <= left, (n_days, width, [t.text for t in texts])
