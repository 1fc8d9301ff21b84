"""``manage.py create_agency "<name>" --staff-email <email> [--password ...] [--privacy-email ...] [--dpo-email ...]``:
one JSON line out."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import CommandParser

from applicants.management.agencies import agency_name_new, contact_email, staff_email_new
from applicants.management.database import DatabaseCommand
from applicants.services import agency_create


class Command(DatabaseCommand):
    help = "Create an agency, a staff user and an API token; print them as one JSON line."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("name")
        parser.add_argument("--staff-email", required=True)
        parser.add_argument("--password", default=None, help="also allow this user into Django admin")
        parser.add_argument(
            "--privacy-email", default="", help="the agency's contact for data protection, named in the notice"
        )
        parser.add_argument("--dpo-email", default="", help="the DPO's contact, when the agency has one")

    def handle(self, *args: Any, **options: Any) -> None:
        # Both checked before anything is written (blind probe c26: blank names, case twins, invalid e-mails).
        name = agency_name_new(options["name"])
        email = staff_email_new(options["staff_email"])
        privacy_email = contact_email(options["privacy_email"], option="--privacy-email")
        dpo_email = contact_email(options["dpo_email"], option="--dpo-email")
        credentials = agency_create(
            name=name,
            staff_email=email,
            password=options["password"],
            privacy_contact_email=privacy_email,
            dpo_contact_email=dpo_email,
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
