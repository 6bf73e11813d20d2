def test_entry_roundtrip(api):
    body = {"date": "2026-11-20", "notes": "n", "observations": [{"site": "left_heel", "count": 2}],
            "routine": [{"step": "wash", "done": True}]}
    r = api.post("/api/v1/entries/", body, format="json")
    assert r.status_code == 201, r.content
    assert r.json()["observations"][0]["count"] == 2
