"""Mail to applicants: invitations, requests for more documents and answers to a contest.

Each goes to one person about themselves only, pt-PT then English.

Nothing in the message names or describes the person who invited them: the
recipient learns the property and the agency, which they need to recognise
the invitation, and nothing about anyone else.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from applicants.models import Contest, InfoRequest, IntakeFormRequest, Invitation, ListingType, Role
from applicants.text import english_day

ROLE_WORDS = {
    Role.CO_TENANT: ("coarrendatário(a)", "a co-tenant"),
    Role.GUARANTOR: ("fiador(a)", "a guarantor"),
}


def english_date(moment: dt.datetime | dt.date) -> str:
    """``19 December 2026``: the day the recipient lives in (the project's time zone), in words, whatever language
    renders the mail."""
    return english_day(timezone.localtime(moment).date() if isinstance(moment, dt.datetime) else moment)


def due_words(moment: dt.datetime) -> tuple[str, str]:
    """A deadline in pt-PT and English: the day alone when it ends the day (a date given without a time, docs/api.md),
    else with its hour, local (blind probe r71b: a request due at 18:00 read "Prazo: 07/12/2026", the same day)."""
    local = timezone.localtime(moment)
    day_pt, day_en = local.strftime("%d/%m/%Y"), english_date(local)
    if (local + dt.timedelta(seconds=1)).date() != local.date():
        return day_pt, day_en
    return f"{day_pt}, às {local:%H:%M}", f"{day_en}, {local:%H:%M}"


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
        "expires_en": english_date(invitation.expires_at),
    }
    _send(template="invitation", context=context, to=invitation.email)


LISTING_WORDS = {
    ListingType.ARRENDAMENTO: ("arrendamento", "to rent"),
    ListingType.VENDA: ("venda", "for sale"),
}


def form_link_mail_send(*, form_request: IntakeFormRequest, token: str, to: str) -> None:
    """Send a new form's link to the person staff typed the address of, in the agency's name (blind probe r73c, F9).

    ``to`` is used for this message only and stored nowhere: the person has not consented to anything yet. Raises
    on a mail failure (the caller says it on the page; the form stays, its link shown there once)."""
    listing_pt, listing_en = LISTING_WORDS[ListingType(form_request.listing_type)]
    context = {
        "property_title": form_request.property_title,
        "agency": form_request.organization.name,
        "listing_pt": listing_pt,
        "listing_en": listing_en,
        "link": intake_url(token),
        "expires_at": form_request.expires_at,
        "expires_en": english_date(form_request.expires_at),
    }
    _send(template="form_link", context=context, to=to)


DOCUMENT_TYPE_WORDS = {
    "ID_DOCUMENT": ("documento de identificação", "identity document"),
    "PROOF_OF_INCOME": ("comprovativo de rendimentos", "proof of income"),
}


def _send(*, template: str, context: dict[str, object], to: str) -> None:
    subject = " ".join(render_to_string(f"intake/mail/{template}_subject.txt", context).split())
    body = render_to_string(f"intake/mail/{template}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def info_request_mail_send(*, info_request: InfoRequest, token: str) -> None:
    """Tell the person what the agency asks for, and give them the link to send it. Raises on a mail failure."""
    person = info_request.applicant
    form = person.form_request
    documents = []
    for item in info_request.requested_documents:
        words_pt, words_en = DOCUMENT_TYPE_WORDS.get(item["document_type"], (item["document_type"],) * 2)
        documents.append({"pt": words_pt, "en": words_en, "note": item.get("note", "")})
    context = {
        "name": person.name,
        "property_title": form.property_title,
        "agency": form.organization.name,
        "message": info_request.message,
        "documents": documents,
        "link": intake_url(token),
        "due_pt": due_words(info_request.due_at)[0],
        "due_en": due_words(info_request.due_at)[1],
    }
    _send(template="info_request", context=context, to=person.email)


def contest_answer_mail_send(*, contest: Contest) -> None:
    """The agency's answer to the person's comment or contest. Raises on a mail failure."""
    person = contest.applicant
    form = person.form_request
    context = {
        "name": person.name,
        "property_title": form.property_title,
        "agency": form.organization.name,
        "answer": contest.answer,
        "sent_at": contest.created_at,
        "sent_en": english_date(contest.created_at),
    }
    _send(template="contest_answer", context=context, to=person.email)
