"""WeasyPrint may load only our static files and the report's own photos."""

import pytest

from footlog.exports.pdf import ForbiddenResource, ReportFetcher


@pytest.fixture
def fetcher():
    return ReportFetcher({"photo-1": lambda: b"\xff\xd8jpeg"})


def test_static_files_load(fetcher):
    response = fetcher.fetch("footlog-static:exports/report.css")
    assert b"font-family" in response.read()
    assert response.content_type == "text/css"


def test_the_reports_own_photo_loads(fetcher):
    assert fetcher.fetch("footlog-photo:photo-1").read() == b"\xff\xd8jpeg"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/api/v1/entries/",
        "https://example.com/x.png",
        "file:///etc/passwd",
        "data:text/css,body{}",
        "footlog-static:../../settings.py",
        "footlog-static:/etc/passwd",
        "footlog-static:exports/missing.css",
        "footlog-photo:another-users-photo",
    ],
)
def test_anything_else_raises(fetcher, url):
    with pytest.raises(ForbiddenResource):
        fetcher.fetch(url)


def test_a_forbidden_reference_stops_rendering():
    from weasyprint import HTML

    html = HTML(
        string='<img src="http://127.0.0.1:9/x.png">', base_url="footlog-static:", url_fetcher=ReportFetcher({})
    )
    with pytest.raises(ForbiddenResource):
        html.write_pdf()
