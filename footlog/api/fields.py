"""Strict JSON fields: DRF coerces "3" or true into integers, 42 into a UUID; the API answers a wrong type with 400
instead. And lists of whole items, which stay whole under PATCH."""

from __future__ import annotations

import uuid
from typing import Any, cast

from rest_framework import serializers


class StrictIntegerField(serializers.IntegerField):
    def to_internal_value(self, data: object) -> int:
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictFloatField(serializers.FloatField):
    def to_internal_value(self, data: object) -> float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    def to_internal_value(self, data: object) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid", input=data)
        return data


class FormBooleanField(serializers.BooleanField):
    """A boolean in a multipart form, where every value is text: exactly "true" or "false", nothing else
    (DRF would also take "1", "yes", "on", "T", ...). A JSON-style bool is taken too, for tests and clients
    that parse forms into objects. Left out, it is left out (DRF's BooleanField reads a missing form field as
    False: "not said" would become "no scale")."""

    default_empty_html = serializers.empty

    def get_value(self, dictionary: Any) -> Any:
        # DRF reads an empty form value of an optional field as "left out"; here it is neither true nor false.
        value = super().get_value(dictionary)
        if value is serializers.empty and self.field_name in dictionary and dictionary.get(self.field_name) == "":
            return ""
        return value

    def to_internal_value(self, data: object) -> bool:
        if isinstance(data, bool):
            return data
        if data == "true":
            return True
        if data == "false":
            return False
        self.fail("invalid", input=data)
        raise AssertionError("unreachable")  # fail() raises


class StrictCharField(serializers.CharField):
    def to_internal_value(self, data: object) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictUUIDField(serializers.UUIDField):
    """A UUID given as a string only: DRF would turn the JSON number 42 (or true) into UUID(int=42)."""

    def to_internal_value(self, data: object) -> uuid.UUID:
        if not isinstance(data, (str, uuid.UUID)):
            self.fail("invalid", value=data)
        return super().to_internal_value(data)


class WholeItemsList(serializers.ListSerializer[object]):
    """A list whose items are validated as whole objects even when the parent is partial (PATCH).

    DRF skips missing fields and defaults of every field under a partial root, nested ones included, so a
    PATCH with `{"routine": [{"done": false}]}` reached the service without a step (500). A list replaces what
    is stored, so each item must be complete: it is validated on its own, as under POST.
    Use as `class Meta: list_serializer_class = WholeItemsList` on the item serializer.
    """

    def run_child_validation(self, data: Any) -> Any:  # DRF's signature: an item as parsed, its validated data
        item_class = cast(type[serializers.Serializer[None]], type(self.child))
        item = item_class(data=data, context=self.context)
        if not item.is_valid():
            raise serializers.ValidationError(item.errors)
        return item.validated_data


class ReportLanguageField(serializers.ChoiceField):
    """The language a report, share page or SHL bundle is written in (`en`|`de`|`es`); absent = the user's
    (the request's active language: the account's choice, else the browser's, else English)."""

    def __init__(self, **kwargs: Any) -> None:
        from footlog.i18n import LANGUAGE_CODES

        kwargs.setdefault("required", False)
        super().__init__(choices=LANGUAGE_CODES, **kwargs)

    def get_value(self, dictionary: Any) -> Any:
        # DRF reads an empty query value of an optional field as "not given"; `?language=` is a 400 here.
        if self.field_name in getattr(dictionary, "keys", lambda: ())() and dictionary.get(self.field_name) == "":
            return ""
        return super().get_value(dictionary)
