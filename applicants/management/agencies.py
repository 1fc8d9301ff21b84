"""What ``create_agency`` and ``add_staff`` take: an agency's name and a colleague's e-mail, checked first.

Blind probe c26: both accepted an empty or blank agency name and e-mails such
as ``notanemail``; "casa lusa c26" and "  Casa Lusa C26  " made two more
agencies next to "Casa Lusa C26"; ``RUI@casalusa.pt`` a second user for
``rui@casalusa.pt``'s mailbox; and an empty e-mail ended in ``ValueError: The
given username must be set``. The database's ``unique`` on the name and the
username compares exact strings, so these checks compare what a person reads
as the same: case folded, surrounding spaces dropped and inner runs of spaces
as one. Done in Python, not with ``iexact``: SQLite folds ASCII letters only,
and "IMOBILIÁRIA" would not meet "Imobiliária" there. Agencies and staff are
few; the commands are not a hot path.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.core.validators import validate_email

from applicants.models import Organization


def name_key(name: str) -> str:
    """The form two agency names are compared in: 'Casa  Lusa ' and 'casa lusa' are one agency."""
    return " ".join(name.split()).casefold()


def agency_name_new(name: str) -> str:
    """The name to create an agency under (spaces tidied), or a ``CommandError`` saying why not."""
    tidy = " ".join(name.split())
    if not tidy:
        raise CommandError("give the agency a name (it is empty)")
    max_length = Organization._meta.get_field("name").max_length or 200
    if len(tidy) > max_length:
        raise CommandError(f"an agency's name has at most {max_length} characters (this one has {len(tidy)})")
    existing = agencies_named(tidy)
    if existing:
        raise CommandError(f"an agency with this name exists: {existing[0].name!r} ({existing[0].id})")
    return tidy


def agencies_named(name: str) -> list[Organization]:
    key = name_key(name)
    return [o for o in Organization.objects.only("id", "name").order_by("created_at") if name_key(o.name) == key]


def agency_named(name_or_id: str) -> Organization:
    """The agency a command names, by id or by name (case and spaces aside)."""
    try:
        agency_id = uuid.UUID(name_or_id.strip())
    except ValueError:
        found = agencies_named(name_or_id)
    else:
        found = list(Organization.objects.filter(id=agency_id))
    if not found:
        raise CommandError("no agency with this name or id")
    if len(found) > 1:
        # Made before names were compared this way: the operator picks one by its id.
        ids = ", ".join(f"{o.name!r} {o.id}" for o in found)
        raise CommandError(f"{len(found)} agencies have this name apart from case or spaces; give the id of one: {ids}")
    return Organization.objects.get(id=found[0].id)


def staff_email_new(email: str) -> str:
    """The e-mail a new staff user is created with (spaces dropped), or a ``CommandError`` saying why not."""
    email = email.strip()
    if not email:
        raise CommandError("give the colleague's e-mail (it is empty)")
    try:
        validate_email(email)
    except ValidationError:
        raise CommandError(f"{email!r} is not an e-mail address") from None
    # A mailbox's case does not make another person: the username is the e-mail as first given.
    key = email.casefold()
    taken = get_user_model().objects.values_list("username", "email")
    if any(key in (username.casefold(), (address or "").casefold()) for username, address in taken):
        raise CommandError("a user with this email exists")
    return email


def agency_staff_named(organization: Organization, who: str) -> Any:
    """The colleague of this agency a shell command names as the one running it (``--by``): their username or
    e-mail, case aside; a ``CommandError`` when no member of that agency has it. The audit rows a command writes
    about a person's data then name who did it, as the API's do (blind probe r64b: an export with no author)."""
    key = who.strip().casefold()
    if not key:
        raise CommandError("--by: give the colleague's e-mail or username (it is empty)")
    members = get_user_model().objects.filter(membership__organization=organization, is_active=True)
    found = [user for user in members if key in (user.get_username().casefold(), (user.email or "").casefold())]
    if not found:
        raise CommandError(f"--by: no active member of {organization.name!r} has this e-mail or username")
    return found[0]


def contact_email(email: str | None, *, option: str) -> str:
    """An agency contact the information notice gives applicants (``--privacy-email``, ``--dpo-email``): blank
    when not given, else a valid e-mail or a ``CommandError`` naming the option."""
    email = (email or "").strip()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError:
        raise CommandError(f"{option}: {email!r} is not an e-mail address") from None
    return email
