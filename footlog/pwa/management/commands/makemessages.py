"""Django's makemessages, knowing the timeline's sentence constructors (footlog/timeline/analysis/wording.py):
`msg("...")` and `cmsg("...")` hold a msgid, `nmsg("...", "...", ...)` a singular and a plural."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=msg", "--keyword=cmsg", "--keyword=nmsg:1,2"]
