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
            content = ContentFile(text.encode("utf-8"))
        return str(super()._save(name, content))

    def stored_name(self, name: str) -> str:
        if self.hash_key(self.clean_name(name)) not in self.hashed_files:
            return name  # not collected under a hashed name (or a stale manifest): the plain name
        return str(super().stored_name(name))
