"""The one way to fetch a user's own rows: anything else is a 404 by construction."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

if TYPE_CHECKING:
    from accounts.models import User

M = TypeVar("M", bound=Model)


def owned(queryset: QuerySet[M], user: User, user_field: str = "user") -> QuerySet[M]:
    return queryset.filter(**{user_field: user})


def get_owned(queryset: QuerySet[M], user: User, user_field: str = "user", **lookup: object) -> M:
    """Return the user's object matching `lookup`, or raise Http404 (also for other users' objects)."""
    return get_object_or_404(owned(queryset, user, user_field), **lookup)


def user_of(request: HttpRequest) -> User:
    """The signed-in user of a request that passed IsAuthenticated or login_required (never anonymous)."""
    return cast("User", request.user)
