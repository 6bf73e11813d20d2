import csv
import datetime as dt
import io

import pytest

from tests.exports.builders import custom_step, log_entry

URL = "/api/v1/exports/history.csv"
WASH = "routine: Washed with mild soap, patted dry"
MOISTURISE = "routine: Moisturiser or oil after washing"
SUNSCREEN = "routine: Sunscreen SPF 15+ on exposed ankles"


def read_csv(response):
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode()), "CSV must start with a UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


@pytest.fixture
def history(user):
    log_entry(
        user,
        "2026-10-01",
        notes="first look",
        routine={"wash": True, "moisturise": (False, "urea 10%")},
        observations=[
            {"site": "left_heel", "count": 3, "largest_mm": 1.5, "bleeding": True},
            {"site": "right_ankle_outer", "count": 1, "itch": 2, "spreading": True, "redness": True},
        ],
    )
    log_entry(user, "2026-10-02", routine={"wash": True})
    log_entry(user, "2026-10-05", observations=[{"site": "left_heel", "count": 2}])


def test_csv_has_one_row_per_entry_and_site_with_routine_columns(api, history):
    response = api.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert [(r["date"], r["site"]) for r in rows] == [
        ("2026-10-01", "left_heel"),
        ("2026-10-01", "right_ankle_outer"),
        ("2026-10-02", ""),
        ("2026-10-05", "left_heel"),
    ]
    first = rows[0]
    assert first["count"] == "3" and first["largest_mm"] == "1.5" and first["side"] == "left"
    assert first[WASH] == "yes"
    assert first[MOISTURISE] == "no: urea 10%"
    assert first[SUNSCREEN] == ""  # not logged that day
    assert rows[1]["itch"] == "2" and rows[1][WASH] == "yes"  # routine repeats per site row


def test_csv_carries_redness_bleeding_and_spreading_per_site(api, history):
    rows = read_csv(api.get(URL))
    flags = [(r["site"], r["redness"], r["bleeding"], r["spreading"]) for r in rows]
    assert flags == [
        ("left_heel", "no", "yes", "no"),
        ("right_ankle_outer", "yes", "no", "yes"),
        ("", "", "", ""),  # a day without observations: nothing claimed
        ("left_heel", "no", "no", "no"),
    ]
    header = list(rows[0])
    assert header.index("redness") < header.index("bleeding") < header.index("spreading") < header.index("site_note")


def test_csv_is_streamed(api, history):
    response = api.get(URL)
    assert response.streaming


def test_csv_respects_the_date_range(api, history):
    rows = read_csv(api.get(URL, {"from": "2026-10-02", "to": "2026-10-04"}))
    assert [r["date"] for r in rows] == ["2026-10-02"]


def test_accents_survive_utf8(api, user):
    log_entry(user, "2026-10-01", notes="crème à l'urée, Fußbad")
    rows = read_csv(api.get(URL))
    assert rows[0]["notes"] == "crème à l'urée, Fußbad"


@pytest.mark.parametrize("payload", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_formula_like_text_is_neutralised(api, user, payload):
    log_entry(user, "2026-10-01", notes=payload, observations=[{"site": "left_heel", "count": 1, "note": payload}])
    row = read_csv(api.get(URL))[0]
    assert row["notes"] == "'" + payload
    assert row["site_note"] == "'" + payload


def test_no_cell_anywhere_starts_like_a_formula(api, user):
    step = custom_step(user, "=cmd|' /C calc'!A0", "care")
    entry = log_entry(
        user, "2026-10-01", notes="@SUM(1)", observations=[{"site": "left_heel", "count": 1, "note": "+1"}]
    )
    entry.routine.create(step=step, done=True, detail="-oops")
    raw = b"".join(api.get(URL).streaming_content).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(raw)) for cell in row]
    assert "routine: =cmd|' /C calc'!A0" in cells
    assert "yes: -oops" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_harmless_text_is_unchanged(api, user):
    log_entry(user, "2026-10-01", notes="a - b = c")
    assert read_csv(api.get(URL))[0]["notes"] == "a - b = c"


def test_outsider_gets_only_their_own_empty_history(outsider, history):
    rows = read_csv(outsider.get(URL))
    assert rows == []


def test_anonymous_gets_401(anonymous):
    assert anonymous.get(URL).status_code == 401


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-10-05", "to": "2026-10-01"}, "from"),
        ({"from": "2026-13-01"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"from": "2020-01-01", "to": "2026-01-01"}, "to"),
    ],
)
def test_bad_ranges_are_400_with_the_field_named(api, params, field):
    response = api.get(URL, params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_bad_range_is_400_even_when_asking_for_csv(api):
    response = api.get(URL, {"from": "x"}, HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert "from" in response.json()["errors"]


def test_history_rows_are_read_window_by_window_in_date_order(user, other_user):
    from footlog.exports.selectors import iter_history_rows

    for date in ("2026-10-01", "2026-10-02", "2026-10-03", "2026-10-06", "2026-10-07"):
        log_entry(user, date, observations=[{"site": "left_heel", "count": int(date[-1])}], routine={"wash": True})
    log_entry(other_user, "2026-10-04", notes="not theirs")
    rows = list(iter_history_rows(user, None, None, window_days=2))  # windows of two days, some empty
    assert [r.date.isoformat() for r in rows] == ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-06", "2026-10-07"]
    assert [r.observations[0][1] for r in rows] == [1, 2, 3, 6, 7]
    assert all(len(r.routine) == 1 for r in rows)
    assert list(iter_history_rows(other_user, dt.date(2026, 10, 5), dt.date(2026, 10, 9))) == []


def test_each_row_of_a_site_carries_when_bumps_were_first_noticed_there(api, history):
    api.put("/api/v1/site-history/left_heel/", {"noticed_since": "2026-03"}, format="json")
    api.put("/api/v1/site-history/right_ankle_outer/", {"not_sure": True}, format="json")
    rows = read_csv(api.get(URL))
    noticed = {(r["date"], r["site"]): r["noticed_since"] for r in rows}
    assert noticed[("2026-10-01", "left_heel")] == noticed[("2026-10-05", "left_heel")] == "2026-03"
    assert noticed[("2026-10-01", "right_ankle_outer")] == "not sure"
    assert noticed[("2026-10-02", "")] == ""  # a day with no site checked


def test_column_titles_are_localised_only_when_a_language_is_asked_for(api, user, history):
    """Issue 26's decided detail: the plain file keeps its English column names whatever the account or the
    browser speaks; `?language=de` writes titles and site labels for people. Dates stay ISO, decimals a dot."""
    from django.utils import translation

    from accounts.models import User

    User.objects.filter(pk=user.pk).update(language="de")
    try:
        _titles_by_language(api)
    finally:
        translation.activate("en")  # a German request leaves German active in this thread: later tests read English


def _titles_by_language(api):
    plain = read_csv(api.get(URL, HTTP_ACCEPT_LANGUAGE="es"))
    assert list(plain[0])[:3] == ["date", "site", "site_label"] and WASH in plain[0]
    assert plain[0]["site_label"] == "Left heel"

    german = read_csv(api.get(URL, {"language": "de"}))
    first = german[0]
    assert list(first)[:4] == ["Datum", "Stellenschlüssel", "Stelle", "Seite"]
    assert "Routine: Mit milder Seife gewaschen, trocken getupft" in first
    assert (first["Datum"], first["Stellenschlüssel"], first["Stelle"]) == ("2026-10-01", "left_heel", "Linke Ferse")
    assert first["Größtes (mm)"] == "1.5"  # a dot, for programs
    assert first["Blutung"] == "yes"
    spanish = read_csv(api.get(URL, {"language": "es"}))
    assert list(spanish[0])[:3] == ["Fecha", "Clave de la zona", "Zona"]
    assert api.get(URL, {"language": "fr"}).status_code == 400
