"""What identity tells the apps above it, without importing them (accounts is below every feature app)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent by `accounts.services.account_update` (User.timezone's one writer) after a new zone is saved, with
# `user`. Reminders connect to it to move their next local times (reminders/apps.py).
timezone_changed = Signal()
