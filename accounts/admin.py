from typing import TYPE_CHECKING

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import User

if TYPE_CHECKING:
    _Base = BaseUserAdmin[User]  # generic in django-stubs only: not subscriptable at run time
else:
    _Base = BaseUserAdmin


@admin.register(User)
class UserAdmin(_Base):
    ordering = ("email",)
    list_display = ("email", "display_name", "timezone", "is_active", "date_joined")
    search_fields = ("email", "display_name")
    list_filter = ("is_active", "is_staff")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("display_name", "timezone")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
