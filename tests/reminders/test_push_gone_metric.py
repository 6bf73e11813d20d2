"""A push subscription the push service calls gone (410) is counted for /metrics (footlog_push_subscriptions_gone),
in the shared cache, so that the count made in a worker is what any web process serves."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from footlog.lib.metrics import SHARED_PREFIX
from reminders import services
from tests.reminders.test_push import push_service, push_user  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
KEY = SHARED_PREFIX + "footlog_push_subscriptions_gone"


def test_a_gone_subscription_is_counted(push_user, push_service, enqueued) -> None:  # noqa: F811
    before = cache.get(KEY) or 0
    push_service.status = 410
    assert services.deliver(enqueued[0])["failed"] == 1
    assert cache.get(KEY) == before + 1


def test_a_refused_push_is_not_counted_as_gone(push_user, push_service, enqueued) -> None:  # noqa: F811
    before = cache.get(KEY) or 0
    push_service.status = 403
    services.deliver(enqueued[0])
    assert (cache.get(KEY) or 0) == before
