"""``manage.py add_staff "<agency>" --email <email> [--role STAFF|ADMIN] [--password ...] [--no-pii]``: one JSON line."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import CommandParser

from applicants.management.agencies import agency_named, staff_email_new
from applicants.management.database import DatabaseCommand
from applicants.models import MembershipRole
from applicants.services import staff_member_add


class Command(DatabaseCommand):
    help = "Add a colleague to an agency (by name or id): a user with the role's permissions and an API token."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("agency", help="the agency's name or id")
        parser.add_argument("--email", required=True)
        parser.add_argument("--role", choices=list(MembershipRole.values), default=MembershipRole.STAFF)
        parser.add_argument("--password", default=None, help="also allow this user into Django admin")
        parser.add_argument("--no-pii", action="store_true", help="the role's permissions, personal data masked")

    def handle(self, *args: Any, **options: Any) -> None:
        organization = agency_named(options["agency"])
        email = staff_email_new(options["email"])
        credentials = staff_member_add(
            organization=organization,
            email=email,
            role=options["role"],
            password=options["password"],
            view_pii=not options["no_pii"],
        )
        self.stdout.write(
            json.dumps(
                {
                    "organization_id": str(organization.id),
                    "user_id": str(credentials.user.pk),
                    "role": options["role"],
                    "token": credentials.token,
                }
            )
        )
