"""Support staff see that entries exist and their shape, never the note text or photos (health data)."""

from typing import TYPE_CHECKING

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from footlog.diary.models import Entry, RoutineStep

if TYPE_CHECKING:  # ModelAdmin is generic in the stubs only: at run time it cannot be subscripted
    EntryAdminBase = admin.ModelAdmin[Entry]
    RoutineStepAdminBase = admin.ModelAdmin[RoutineStep]
else:
    EntryAdminBase = RoutineStepAdminBase = admin.ModelAdmin


@admin.register(Entry)
class EntryAdmin(EntryAdminBase):
    list_display = ("id", "user", "date", "observation_count", "version", "updated")
    list_filter = ("date",)
    search_fields = ("user__email", "id")
    # `notes` is deliberately absent: staff helping with an account problem need no health details.
    fields = ("id", "user", "date", "version", "created", "updated")
    readonly_fields = fields
    date_hierarchy = "date"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Entry]:
        return super().get_queryset(request).select_related("user").annotate(n_obs=Count("observations"))

    @admin.display(description="sites logged")
    def observation_count(self, entry: Entry) -> int:
        return int(entry.n_obs)  # type: ignore[attr-defined]  # annotated by get_queryset

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(RoutineStep)
class RoutineStepAdmin(RoutineStepAdminBase):
    list_display = ("key", "label", "kind", "user", "archived_at")
    list_filter = ("kind",)
    search_fields = ("key", "label", "user__email")
