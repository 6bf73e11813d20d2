"""Everything one user stored, found generically: the rows that deleting the user would delete.

Django's deletion Collector follows every foreign key (and cascade) from the user, so a model added by any
app later (photos, reminders, push subscriptions, shares) is included without this module knowing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from django.contrib.admin.utils import NestedObjects
from django.db import router
from django.db.models import FileField, Model

# Never exported: secrets and internal fingerprints, which are no use to the user and a risk in a zip.
SECRET_FIELDS = frozenset(
    {"password", "token_hash", "create_fingerprint", "secret", "auth", "p256dh"}
    | {"passcode_hash", "shl_id_hash", "shl_jwe"}  # a share's passcode hash and SMART Health Link (no key: useless)
)
# Secrets under a generic field name, by model: allauth's MFA keeps the recovery codes' seed (unencrypted by
# default) and the passkey's credential in `data`; the export keeps the row (type, added, last used) without them.
SECRET_FIELDS_OF = {"mfa.authenticator": frozenset({"data"})}


@dataclass
class UserRows:
    """The user's rows per model (the user included) and the stored file names they reference."""

    rows: dict[type[Model], list[Model]] = field(default_factory=dict)

    def files(self) -> Iterator[tuple[Any, str]]:
        """(storage, name) of every file a FileField of these rows points to."""
        for model, instances in self.rows.items():
            file_fields = [f for f in model._meta.concrete_fields if isinstance(f, FileField)]
            for instance in instances:
                for file_field in file_fields:
                    value = getattr(instance, file_field.attname)
                    if value:
                        yield file_field.storage, str(value)

    def count(self) -> int:
        return sum(len(instances) for instances in self.rows.values())


def collect_user_rows(user: Model) -> UserRows:
    """Every row that belongs to `user`, by following foreign keys the way deletion would.

    The admin's NestedObjects collector is used because it also reports rows behind a PROTECT foreign key (a
    routine log pointing at the user's own custom step) instead of stopping there, and never fast-deletes.
    """
    collector = NestedObjects(using=router.db_for_write(type(user), instance=user))
    collector.collect([user])
    rows: dict[type[Model], dict[Any, Model]] = {}
    for model, instances in collector.model_objs.items():
        rows.setdefault(cast(type[Model], model), {}).update((obj.pk, obj) for obj in instances)
    for obj in collector.protected:
        rows.setdefault(type(obj), {})[obj.pk] = obj
    return UserRows({model: list(by_pk.values()) for model, by_pk in rows.items()})


def plain_row(instance: Model) -> dict[str, Any]:
    """A JSON-ready dict of a row's concrete fields, without secrets."""
    data: dict[str, Any] = {}
    secret_here = SECRET_FIELDS_OF.get(instance._meta.label_lower, frozenset())
    for model_field in instance._meta.concrete_fields:
        if model_field.name in SECRET_FIELDS or model_field.name in secret_here:
            continue
        value = getattr(instance, model_field.attname)
        data[model_field.name] = value if isinstance(value, (int, float, bool, type(None))) else str(value)
    return data
