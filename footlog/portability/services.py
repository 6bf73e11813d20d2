from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils.translation import gettext

if TYPE_CHECKING:
    from django.core.files.storage import Storage

from accounts.models import User
from footlog.diary.models import Entry
from footlog.lib.errors import InvalidInput
from footlog.portability.deletion_code import deletion_code_check, needs_code
from footlog.portability.userdata import collect_user_rows
from footlog.timeline.services import timeline_cache_forget


def account_delete(user: User, password: str = "", *, code: str = "") -> None:
    """Delete the user and everything they stored: every row (entries, photos, shares, reminders, push
    subscriptions, pending deliveries, jobs), every stored file and every session, including allauth headless
    session tokens (which are Django sessions).

    The user's cached timelines are dropped too. The person confirms with the password, or, for an account
    without one (made with a passkey), with the code mailed by `deletion_code_send`; a wrong one raises
    InvalidInput and changes nothing.
    Files are removed only after the rows are gone for good (on commit), so a failed transaction never leaves
    rows pointing at deleted files.
    """
    if needs_code(user):
        deletion_code_check(user, code)
    elif not user.check_password(password):
        raise InvalidInput({"password": [gettext("The password is not correct.")]})
    files = list(collect_user_rows(user).files())
    # Deleting sets user.pk to None; the cache is keyed by the old id, so keep it for after the commit.
    former_id = user.pk
    with transaction.atomic():
        _delete_sessions_of(user)
        # Entries first: their routine logs hold PROTECT references to the user's own custom steps.
        Entry.objects.filter(user=user).delete()
        user.delete()
        transaction.on_commit(lambda: _delete_files(files))
        # Cached timelines are derived health data: they go too, not in six hours.
        transaction.on_commit(lambda: timeline_cache_forget(former_id))


def _delete_sessions_of(user: User) -> None:
    """Remove the user's Django sessions; headless `X-Session-Token`s are the keys of these sessions."""
    user_id = str(user.pk)
    doomed = [s.session_key for s in Session.objects.iterator() if s.get_decoded().get("_auth_user_id") == user_id]
    Session.objects.filter(session_key__in=doomed).delete()


def _delete_files(files: list[tuple[Storage, str]]) -> None:
    for storage, name in files:
        storage.delete(name)
