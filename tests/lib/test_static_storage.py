"""Hashed static names without breaking an uncollected checkout, and the minified copies sent to phones."""

from __future__ import annotations

from pathlib import Path

from django.core.files.base import ContentFile

from footlog.lib.static_storage import HashedStaticStorage, minified


def test_a_name_the_manifest_does_not_hold_keeps_its_plain_name(tmp_path) -> None:
    storage = HashedStaticStorage(location=str(tmp_path), base_url="/static/")
    assert storage.url("footlog/app.css") == "/static/footlog/app.css"


def test_scripts_lose_comments_and_whitespace_but_keep_strings_regexes_and_template_literals() -> None:
    source = (
        "/* A header\n * on lines\n */\n(function () {\n  // why\n"
        "  var u = 'http://x'; // after code\n"
        '  var r = /["\']\\/\\//g, s = "a; // not a comment";\n'
        "  var t = `a  // b\n    c`;\n"
        "  var half = a / b; /* a division */\n"
        "  x = y\n  go()\n})();\n"
    )
    assert minified("footlog/a.js", source) == (
        "(function(){var u='http://x';"
        'var r=/["\']\\/\\//g,s="a; // not a comment";'
        "var t=`a  // b\n    c`;"
        "var half=a/b;x=y\ngo()})();"  # the line end stays where a semicolon would be inserted
    )


def test_styles_lose_comments_and_whitespace() -> None:
    source = '/* why */\n.a ,\n.b {\n  color: red;  /* here */\n  content: "/* kept */";\n}\n'
    assert minified("footlog/a.css", source) == '.a,.b{color:red;content:"/* kept */"}'


def test_only_footlogs_own_scripts_and_styles_are_minified(tmp_path: Path) -> None:
    storage = HashedStaticStorage(location=str(tmp_path), base_url="/static/")
    source = b"/* comment */\nvar a = 1;\n"
    storage._save("footlog/a.js", ContentFile(source))
    storage._save("vendor/a.js", ContentFile(source))
    assert (tmp_path / "footlog/a.js").read_bytes() == b"var a=1;"
    assert (tmp_path / "vendor/a.js").read_bytes() == source
