"""Write the page scripts' catalogs (djangojs) as static files, one per language but English: see footlog/i18n.py.
`make messages` runs it after compilemessages."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from footlog.i18n import JS_CATALOG_LANGUAGES, js_catalog_path, js_catalog_text

STATIC_DIR = Path(settings.BASE_DIR) / "footlog" / "static"


class Command(BaseCommand):
    help = "Write footlog/static/jsi18n/<lang>.js from the compiled djangojs catalogs."

    def handle(self, *args: Any, **options: Any) -> None:
        for language in JS_CATALOG_LANGUAGES:
            target = STATIC_DIR / js_catalog_path(language)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(js_catalog_text(language), encoding="utf-8")
            self.stdout.write(f"wrote {target.relative_to(settings.BASE_DIR)}")
