"""Mail to the people an application invites: their own link, pt-PT then English, their own name only.

Nothing in the message names or describes the person who invited them: the
recipient learns the property and the agency, which they need to recognise
the invitation, and nothing about anyone else.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from applicants.models import Invitation, Role

ROLE_WORDS = {
    Role.CO_TENANT: ("co-arrendatário(a)", "a co-tenant"),
    Role.GUARANTOR: ("fiador(a)", "a guarantor"),
}


def intake_url(token: str) -> str:
    return f"{settings.PUBLIC_BASE_URL}/intake/{token}/"


def invitation_mail_send(*, invitation: Invitation, token: str) -> None:
    """Send the invited person their link. Raises on a mail failure (the caller decides)."""
    form = invitation.application.form_request
    role_pt, role_en = ROLE_WORDS[Role(invitation.role)]
    context = {
        "name": invitation.name,
        "property_title": form.property_title,
        "agency": form.organization.name,
        "role_pt": role_pt,
        "role_en": role_en,
        "link": intake_url(token),
        "expires_at": invitation.expires_at,
    }
    subject = " ".join(render_to_string("intake/mail/invitation_subject.txt", context).split())
    body = render_to_string("intake/mail/invitation_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
