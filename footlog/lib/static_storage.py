"""Static files under hashed names (app.3f2a9c….css), precompressed, for a one-year immutable cache.

WhiteNoise's CompressedManifestStaticFilesStorage, made lenient: a name the manifest does not hold (no
collectstatic yet, a stale manifest, the tests, which collect nothing) keeps its plain name instead of failing
the page with a 500. A plain name is still served, with WhiteNoise's short cache, so nothing breaks; it is only
not cached for long.
"""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from whitenoise.storage import CompressedManifestStaticFilesStorage

# footlog's own scripts and styles carry long comments for the people who read them; the copies collected for
# phones leave out lines that are only comment, and the indentation (Today's first load must stay under 40 KB).
_OWN = ("footlog/", "exports/", "jsi18n/")


def strip_comment_lines(text: str) -> str:
    """`text` without whole-line comments: `// ...` lines and `/* ... */` blocks that begin a line. Code is never
    touched: a block that ends mid-line keeps what follows it, and comments after code stay (a `//` may sit in
    a string there)."""
    out: list[str] = []
    in_block = False
    for line in text.splitlines():
        stripped = line.strip()
        if in_block:
            if "*/" in stripped:
                in_block = False
                rest = stripped.split("*/", 1)[1].strip()
                if rest:
                    out.append(rest)
            continue
        if stripped.startswith("//"):
            continue
        if stripped.startswith("/*"):
            if "*/" in stripped:
                rest = stripped.split("*/", 1)[1].strip()
                if rest:
                    out.append(rest)
            else:
                in_block = True
            continue
        if stripped:
            out.append(line)
    return "\n".join(out) + "\n"


# A `/` after one of these starts a regular expression literal, not a division.
_REGEX_AFTER_CHARS = set("(,=:[!&|?{};+-*%<>~^")
_REGEX_AFTER_WORDS = {"return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw"}
_CODE_END = set(";{},()[]")


def strip_trailing_comments(text: str) -> str:
    """JavaScript without the comments that follow code on a line (`go();  // why`, `{ /* offline */ }`). A small
    scanner that knows strings and regular expression literals finds them; a comment is left out only where code
    visibly ends before it (`;`, a bracket or a comma, then a space), and a line with a block comment that runs on,
    or a file with a template string, is kept as it is."""
    if "`" in text:
        return text
    return "\n".join(_without_comments(line) for line in text.split("\n"))


def _without_comments(line: str) -> str:
    out: list[str] = []
    start = i = 0
    quote = ""
    last = ""  # the last character of code, or the last word, before i
    while i < len(line):
        c = line[i]
        if quote:
            i += 2 if c == "\\" else 1
            quote = "" if c == quote else quote
            continue
        if c in "'\"":
            quote = c
        elif c == "/" and line[i + 1 : i + 2] in ("/", "*"):
            code = "".join(out) + line[start:i]
            if not code.strip() or code[-1:] not in (" ", "\t") or code.rstrip()[-1] not in _CODE_END:
                return line  # not after code as this scanner knows it: keep the line whole
            if line[i + 1] == "/":
                return code.rstrip()
            end = line.find("*/", i + 2)
            if end < 0:
                return line
            out.append(code.rstrip() + " ")
            i = start = end + 2
            while i < len(line) and line[i] in " \t":
                i = start = i + 1
            continue
        elif c == "/" and (last in _REGEX_AFTER_CHARS or last in _REGEX_AFTER_WORDS or not last):
            i = _regex_end(line, i)
            last = "/"
            continue
        if c.isalnum() or c in "_$":
            word_start = i
            while i + 1 < len(line) and (line[i + 1].isalnum() or line[i + 1] in "_$"):
                i += 1
            last = line[word_start : i + 1]
        elif not c.isspace():
            last = c
        i += 1
    return "".join(out) + line[start:]


def _regex_end(line: str, i: int) -> int:
    """The index after the regular expression literal that starts at line[i] ("/"), its flags included."""
    i += 1
    in_class = False
    while i < len(line):
        c = line[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == "/" and not in_class:
            i += 1
            break
        i += 1
    while i < len(line) and line[i].isalpha():
        i += 1
    return i


def dedent_lines(text: str) -> str:
    """`text` without the spaces that begin its lines. Newlines stay, so JavaScript reads the same (its automatic
    semicolons follow line ends); a file with a backtick is left as it is, since a template string keeps them."""
    if "`" in text:
        return text
    return "".join(line.lstrip(" \t") for line in text.splitlines(keepends=True))


class HashedStaticStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]  # whitenoise: no type hints
    manifest_strict = False

    def _save(self, name: str, content: Any) -> str:
        if name.startswith(_OWN) and name.endswith((".js", ".css")):
            content.seek(0)  # the hashing pass may have read it to the end
            text = dedent_lines(strip_comment_lines(content.read().decode("utf-8")))
            if name.endswith(".js"):
                text = strip_trailing_comments(text)
            content = ContentFile(text.encode("utf-8"))
        return str(super()._save(name, content))

    def stored_name(self, name: str) -> str:
        if self.hash_key(self.clean_name(name)) not in self.hashed_files:
            return name  # not collected under a hashed name (or a stale manifest): the plain name
        return str(super().stored_name(name))
