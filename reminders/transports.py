"""One small interface per channel. A transport sends one message to one user and raises
`TransientError` (retry later) or `PermanentError` (give up); it may keep a connection open between sends."""

from __future__ import annotations

import contextlib
import json
import logging
import smtplib
import time
from typing import Protocol

import requests
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from pywebpush import WebPushException, webpush

from accounts.models import User
from footlog.lib.metrics import shared_count
from reminders.endpoints import AddressNotAllowed, GuardedSession
from reminders.messages import ReminderMessage
from reminders.models import Channel, PushSubscription
from reminders.vapid import identity

logger = logging.getLogger(__name__)

PUSH_TTL_SECONDS = 6 * 3600  # a reminder older than this is not worth showing
# A push service answers in well under a second; a silent one must not hold a send lane. (connect, read):
PUSH_TIMEOUT_SECONDS = (3.05, 5.0)
# One user's push reminder tries no further subscription after this, so it costs at most this plus one try.
PUSH_USER_BUDGET_SECONDS = 10.0
PUSH_SEND_MAX_SECONDS = PUSH_USER_BUDGET_SECONDS + sum(PUSH_TIMEOUT_SECONDS)


class TransientError(Exception):
    """Worth retrying: the other side is down, busy or timed out."""


class PermanentError(Exception):
    """Retrying cannot help: the address or subscription is refused."""


class Transport(Protocol):
    channel: str

    def send(self, user: User, message: ReminderMessage) -> None: ...

    def close(self) -> None: ...


class EmailTransport:
    """HTML + text mail over one reused SMTP connection, with one-click unsubscribe headers (RFC 8058)."""

    channel: str = Channel.EMAIL

    def __init__(self) -> None:
        self._connection: BaseEmailBackend | None = None

    def _open(self) -> BaseEmailBackend:
        if self._connection is None:
            self._connection = get_connection(fail_silently=False)
            self._connection.open()
        return self._connection

    def send(self, user: User, message: ReminderMessage) -> None:
        context = {"message": message}
        mail = EmailMultiAlternatives(
            subject=message.title,
            body=render_to_string("reminders/email.txt", context),
            to=[user.email],
            headers={
                "List-Unsubscribe": f"<{message.unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )
        mail.attach_alternative(render_to_string("reminders/email.html", context), "text/html")
        try:
            self._open().send_messages([mail])
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            self._raise_for(min(codes) if codes else 550, "recipient refused")
        except smtplib.SMTPResponseException as exc:
            self._raise_for(exc.smtp_code, "smtp error")
        except (smtplib.SMTPException, OSError) as exc:
            self.close()
            raise TransientError(f"smtp connection: {type(exc).__name__}") from exc

    def _raise_for(self, code: int, what: str) -> None:
        self.close()  # the server may have dropped the session; open a fresh one next time
        if 500 <= code < 600:
            raise PermanentError(f"{what} {code}")
        raise TransientError(f"{what} {code}")

    def close(self) -> None:
        if self._connection is not None:
            # Closing a connection the server already dropped may fail; there is nothing left to do.
            with contextlib.suppress(Exception):
                self._connection.close()
            self._connection = None


class PushTransport:
    """Web Push (RFC 8030/8291/8292) to every subscription of the user, over one HTTP session.

    404/410 means the subscription is gone: it is deleted. The message counts as sent when any device took it.
    The session reaches public addresses only and follows no redirect (`reminders.endpoints`).
    """

    channel: str = Channel.PUSH

    def __init__(self) -> None:
        self._session = GuardedSession()

    def send(self, user: User, message: ReminderMessage) -> None:
        subscriptions = list(PushSubscription.objects.filter(user=user).order_by("-created", "-id"))
        if not subscriptions:
            raise PermanentError("no push subscription")
        payload = json.dumps({"title": message.title, "body": message.body, "url": message.url, "tag": message.kind})
        delivered, transient, permanent = 0, None, None
        started = time.monotonic()
        for subscription in subscriptions:
            if time.monotonic() - started > PUSH_USER_BUDGET_SECONDS:
                transient = transient or TransientError("push services too slow")
                break  # slow endpoints must not hold the lane: the retry tries again
            try:
                self._push(subscription, payload, message.kind)
                delivered += 1
            except TransientError as exc:
                transient = exc
            except PermanentError as exc:
                permanent = exc
        if delivered:
            return
        if transient is not None:
            raise transient
        raise permanent or PermanentError("every push subscription refused or gone")

    def _push(self, subscription: PushSubscription, payload: str, topic: str) -> None:
        me = identity()
        try:
            webpush(
                subscription.as_subscription_info(),
                data=payload,
                vapid_private_key=me.vapid,
                vapid_claims={"sub": me.subject},
                ttl=PUSH_TTL_SECONDS,
                # Topic: a newer reminder of the same kind replaces an undelivered older one on the device.
                headers={"Topic": topic.replace("_", "-"), "Urgency": "normal"},
                timeout=PUSH_TIMEOUT_SECONDS,
                requests_session=self._session,
            )
        except WebPushException as exc:
            status = exc.response.status_code if exc.response is not None else None
            if status in (404, 410):
                logger.info("push subscription %s is gone (%s); deleting it", subscription.pk, status)
                subscription.delete()
                shared_count("footlog_push_subscriptions_gone")
                raise PermanentError(f"push subscription gone {status}") from exc
            if status is None or status == 429 or status >= 500:
                raise TransientError(f"push service {status}") from exc
            raise PermanentError(f"push service {status}") from exc
        except AddressNotAllowed as exc:
            logger.warning("push subscription %s: endpoint address is not public; not sent", subscription.pk)
            raise PermanentError("push endpoint address not public") from exc
        except requests.RequestException as exc:
            raise TransientError(f"push connection: {type(exc).__name__}") from exc

    def close(self) -> None:
        self._session.close()


def transport_for(channel: str) -> Transport:
    return EmailTransport() if channel == Channel.EMAIL else PushTransport()
