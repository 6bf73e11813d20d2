"""Static files under hashed names (app.3f2a9c….css), precompressed, for a one-year immutable cache.

WhiteNoise's CompressedManifestStaticFilesStorage, made lenient: a name the manifest does not hold (no
collectstatic yet, a stale manifest, the tests, which collect nothing) keeps its plain name instead of failing
the page with a 500. A plain name is still served, with WhiteNoise's short cache, so nothing breaks; it is only
not cached for long.
"""

from __future__ import annotations

from typing import Any

import rcssmin
import rjsmin
from django.core.files.base import ContentFile
from whitenoise.storage import CompressedManifestStaticFilesStorage

# footlog's own scripts and styles carry long comments for the people who read them; the copies collected for
# phones are minified by rjsmin and rcssmin (the minifiers django-compressor uses), which know strings, regular
# expressions and template literals: Today's first load must stay under 40 KB.
_OWN = ("footlog/", "exports/", "jsi18n/")


def minified(name: str, text: str) -> str:
    """The phone's copy of footlog's own script or style `name`: no comments, no needless whitespace."""
    if name.endswith(".js"):
        return str(rjsmin.jsmin(text))
    return str(rcssmin.cssmin(text))


class HashedStaticStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]  # whitenoise: no type hints
    manifest_strict = False

    def _save(self, name: str, content: Any) -> str:
        if name.startswith(_OWN) and name.endswith((".js", ".css")):
            content.seek(0)  # the hashing pass may have read it to the end
            content = ContentFile(minified(name, content.read().decode("utf-8")).encode("utf-8"))
        return str(super()._save(name, content))

    def stored_name(self, name: str) -> str:
        if self.hash_key(self.clean_name(name)) not in self.hashed_files:
            return name  # not collected under a hashed name (or a stale manifest): the plain name
        return str(super().stored_name(name))
