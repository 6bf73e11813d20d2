"""Push subscriptions: at most `MAX_PER_USER` per user, one owner per endpoint, only public https endpoints."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from footlog.lib.errors import Conflict, InvalidInput
from reminders.endpoints import endpoint_problem
from reminders.models import PushSubscription

MAX_PER_USER = 5  # each one costs a send per reminder: a user cannot make their reminders slow for everyone


def push_subscription_save(user: User, endpoint: str, p256dh: str, auth: str) -> tuple[PushSubscription, bool]:
    """Store a browser's subscription; returns it and whether it is new to this user.

    Saving an endpoint again updates its keys. An endpoint another user holds moves to this user only when the
    keys match (the same browser profile, now signed in as someone else); otherwise it is a `Conflict` and
    nothing changes. Beyond `MAX_PER_USER` the oldest subscriptions go.
    """
    problem = endpoint_problem(endpoint)
    if problem:
        raise InvalidInput({"endpoint": [problem]})
    with transaction.atomic():
        User.objects.select_for_update().filter(pk=user.pk).first()  # one subscriber of a user at a time
        subscription = PushSubscription.objects.select_for_update().filter(endpoint=endpoint).first()
        if subscription is None:
            subscription = PushSubscription.objects.create(user=user, endpoint=endpoint, p256dh=p256dh, auth=auth)
            created = True
        elif subscription.user_id == user.pk:
            subscription.p256dh, subscription.auth = p256dh, auth
            subscription.save(update_fields=["p256dh", "auth"])
            created = False
        elif (subscription.p256dh, subscription.auth) == (p256dh, auth):
            # Proof of the keys: only the browser holding the subscription knows them. It counts as new here.
            subscription.user, subscription.created = user, timezone.now()
            subscription.save(update_fields=["user", "created"])
            created = False
        else:
            raise Conflict(gettext("This push endpoint is registered with different keys."))
        _keep_newest(user)
    return subscription, created


def _keep_newest(user: User) -> None:
    stale = PushSubscription.objects.filter(user=user).order_by("-created", "-id").values_list("pk", flat=True)
    PushSubscription.objects.filter(pk__in=list(stale[MAX_PER_USER:])).delete()


def push_subscription_delete(subscription: PushSubscription) -> None:
    subscription.delete()
