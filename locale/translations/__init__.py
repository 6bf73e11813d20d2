"""The German and Spanish texts of footlog's catalogs, one row per msgid, filled into the .po files by
scripts/po_tool.py. Each module of this package holds the rows of one part of the product (`core` the report,
reasons, mails and shared words; the others are named after their pages); `TABLE` is their union. A msgid
written in two modules must carry the same texts (checked here), so a word is translated one way everywhere.

German addresses the reader formally (Sie), Spanish as usted. No native speaker has reviewed these yet
(docs/languages.md). Plural rows hold [singular, plural].
"""

from __future__ import annotations

import importlib
import pkgutil

TABLE: dict[str, dict[str, object]] = {}
for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    for _msgid, _row in importlib.import_module(f"{__name__}.{_module}").TABLE.items():
        if TABLE.setdefault(_msgid, _row) != _row:
            raise ValueError(f"{_msgid!r} is translated differently in locale/translations/{_module}.py")
