"""`python manage.py seed_demo`: a verified demo account with eight weeks of entries and photos."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from footlog.pwa.demo import create_demo


class Command(BaseCommand):
    help = "Create (or re-create) a demo account with eight weeks of entries and generated photos."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", default="demo@footlog.local")
        parser.add_argument("--password", default=None, help="default: a new random one, printed")
        parser.add_argument("--timezone", default="Europe/Berlin")

    def handle(self, *args: Any, **options: Any) -> None:
        password = options["password"] or secrets.token_urlsafe(12)
        user, entries, photos = create_demo(options["email"], password, timezone=options["timezone"])
        self.stdout.write(f"Demo account ready: {entries} entries, {photos} photos over eight weeks.")
        self.stdout.write(f"  email:    {user.email}")
        self.stdout.write(f"  password: {password}")
        self.stdout.write("Sign in at /accounts/login/ (any existing account with this email was replaced).")
