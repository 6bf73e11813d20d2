"""A small .po reader/writer for filling catalogs from a Python table (no polib in the venv).

python scripts/po_tool.py list locale/de/LC_MESSAGES/django.po     # msgids not yet translated
python scripts/po_tool.py fill locale/de/LC_MESSAGES/django.po de  # fill from locale/translations/
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path
from typing import Any


def _unquote(lines: list[str]) -> str:
    return "".join(ast.literal_eval(line) for line in lines)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def parse(path: Path) -> list[dict[str, Any]]:
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry: dict[str, Any] = {"comments": [], "fields": {}}
        field = None
        for line in block.strip("\n").splitlines():
            if line.startswith("#"):
                entry["comments"].append(line)
                continue
            match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?) (\".*\")$", line)
            if match:
                field = match.group(1)
                entry["fields"][field] = [match.group(2)]
            elif line.startswith('"') and field:
                entry["fields"][field].append(line)
        if entry["fields"]:
            entries.append(entry)
    return entries


def write(path: Path, entries: list[dict[str, Any]]) -> None:
    out = []
    for entry in entries:
        lines = list(entry["comments"])
        for field, parts in entry["fields"].items():
            lines.append(f"{field} {parts[0]}")
            lines.extend(parts[1:])
        out.append("\n".join(lines))
    path.write_text("\n\n".join(out) + "\n", encoding="utf-8")


def main() -> None:
    command, po = sys.argv[1], Path(sys.argv[2])
    entries = parse(po)
    if command == "list":
        for e in entries[1:]:
            f = e["fields"]
            if not _unquote(f.get("msgstr", f.get("msgstr[0]", ['""']))):
                print(repr(_unquote(f["msgid"])), "|", repr(_unquote(f.get("msgid_plural", ['""']))))
        return
    lang = sys.argv[3]
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "locale"))
    from translations import TABLE

    missing = 0
    for e in entries[1:]:
        f = e["fields"]
        msgid = _unquote(f["msgid"])
        e["comments"] = [c for c in e["comments"] if not c.startswith(("#, fuzzy", "#|"))]
        row = TABLE.get(msgid)
        if row is None:
            missing += 1
            print("missing:", repr(msgid))
            continue
        text: Any = row[lang]
        if "msgid_plural" in f:
            forms = text if isinstance(text, (list, tuple)) else [text, text]
            f["msgstr[0]"], f["msgstr[1]"] = [_quote(forms[0])], [_quote(forms[1])]
            # Two forms, as the header says below: a new catalog starts with Django's Spanish three.
            for extra in [k for k in f if k.startswith("msgstr[") and k not in ("msgstr[0]", "msgstr[1]")]:
                del f[extra]
        else:
            f["msgstr"] = [_quote(text)]
    head = entries[0]
    head["comments"] = [c for c in head["comments"] if not c.startswith("#, fuzzy")]
    header = _unquote(head["fields"]["msgstr"])
    header = header.replace("Language: \n", f"Language: {lang}\n").replace("CHARSET", "UTF-8")
    header = header.replace("PACKAGE VERSION", "footlog").replace("FULL NAME <EMAIL@ADDRESS>", "footlog (unreviewed)")
    header = header.replace("LANGUAGE <LL@li.org>", f"footlog {lang} (no native-speaker review yet)")
    header = re.sub(r"PO-Revision-Date: [^\n]*\n", "PO-Revision-Date: 2026-12-07 19:30+0000\n", header)
    header = re.sub(r"Plural-Forms: [^\n]*\n", "Plural-Forms: nplurals=2; plural=(n != 1);\n", header)
    head["fields"]["msgstr"] = ['""'] + [_quote(line + "\n") for line in header.splitlines()]
    write(po, entries)
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
