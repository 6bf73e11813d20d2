"""Log records of libraries that quote the document they render, with the quotes taken out.

WeasyPrint logs every character its fonts lack (`.notdef glyph rendered for … "右" (U+53F3)`) and fontTools logs
glyphs and names while subsetting; in a report those are the user's notes. settings.LOGGING gives both loggers
`StripText`, which takes the arguments (where the text is) out of every record of theirs and their children's
before it travels on. What remains is the message template: enough to see what went wrong.
"""

from __future__ import annotations

import logging

WITHHELD = "(message withheld: it may quote the document)"


def strip_text(record: logging.LogRecord) -> None:
    """Reduce `record` to its message template (a record without arguments may be pre-formatted with text:
    withheld) plus the exception's class name; arguments, traceback and stack, which carry the text, go."""
    message = str(record.msg) if record.args else WITHHELD
    if record.exc_info and record.exc_info[0] is not None:
        message += f" [{record.exc_info[0].__name__}]"
    record.msg, record.args = message, ()
    record.exc_info = record.exc_text = record.stack_info = None
    record.__dict__.pop("message", None)  # a formatter may have cached the full message already


class StripText(logging.Handler):
    """Installed as the first handler of such a library's top logger, it empties each record in place; the
    record then propagates to the root handlers (console, test capture) with no text left in it. A filter
    would not do: a logger's filters see only records made on that logger, not on its children."""

    def emit(self, record: logging.LogRecord) -> None:
        strip_text(record)
