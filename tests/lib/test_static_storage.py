"""Hashed static names without breaking an uncollected checkout, and the comment-free copies sent to phones."""

from __future__ import annotations

from footlog.lib.static_storage import (
    HashedStaticStorage,
    dedent_lines,
    strip_comment_lines,
    strip_trailing_comments,
)


def test_a_name_the_manifest_does_not_hold_keeps_its_plain_name(tmp_path) -> None:
    storage = HashedStaticStorage(location=str(tmp_path), base_url="/static/")
    assert storage.url("footlog/app.css") == "/static/footlog/app.css"


def test_only_whole_line_comments_are_left_out() -> None:
    source = (
        "/* A header\n * on lines\n */\n(function () {\n  // why\n  var u = 'http://x'; // kept: after code\n"
        "  /* one line */ go();\n  /* a block\n     ends */ done();\n})();\n"
    )
    assert strip_comment_lines(source) == (
        "(function () {\n  var u = 'http://x'; // kept: after code\ngo();\ndone();\n})();\n"
    )


def test_indentation_is_left_out_unless_a_template_string_could_hold_it() -> None:
    assert dedent_lines("if (a) {\n    go();\n\t}\n") == "if (a) {\ngo();\n}\n"
    kept = "var t = `a\n    b`;\n  go();\n"
    assert dedent_lines(kept) == kept


def test_comments_after_code_are_left_out_where_code_visibly_ends() -> None:
    source = (
        "go();  // why\n"
        "}).catch(function () { return null; /* offline */ });\n"
        "var u = 'http://x'; // kept out, the string stays\n"
        'var q = "a; // not a comment";\n'
        'var r = /["\']/g, s = "//"; // after a regex with quotes\n'
        'return /"/.test(x) ? "http://a" : b;\n'
        "var half = a / b; // a division, then a comment\n"
        "x = y // no semicolon: kept whole\n"
        "f(); /* runs on\n"
    )
    assert strip_trailing_comments(source) == (
        "go();\n"
        "}).catch(function () { return null; });\n"
        "var u = 'http://x';\n"
        'var q = "a; // not a comment";\n'
        'var r = /["\']/g, s = "//";\n'
        'return /"/.test(x) ? "http://a" : b;\n'
        "var half = a / b;\n"
        "x = y // no semicolon: kept whole\n"
        "f(); /* runs on\n"
    )
    assert strip_trailing_comments("var t = `a // b`; // c\n") == "var t = `a // b`; // c\n"
