"""``manage.py create_agency "<name>" --staff-email <email> [--password ...]``: one JSON line out."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from applicants.models import Organization
from applicants.services import agency_create


class Command(BaseCommand):
    help = "Create an agency, a staff user and an API token; print them as one JSON line."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name")
        parser.add_argument("--staff-email", required=True)
        parser.add_argument("--password", default=None, help="also allow this user into Django admin")

    def handle(self, *args: Any, **options: Any) -> None:
        from django.contrib.auth import get_user_model

        if Organization.objects.filter(name=options["name"]).exists():
            raise CommandError("an agency with this name exists")
        if get_user_model().objects.filter(username=options["staff_email"]).exists():
            raise CommandError("a user with this email exists")
        credentials = agency_create(
            name=options["name"], staff_email=options["staff_email"], password=options["password"]
        )
        self.stdout.write(
            json.dumps(
                {
                    "organization_id": str(credentials.organization.id),
                    "user_id": str(credentials.user.pk),
                    "token": credentials.token,
                }
            )
        )
