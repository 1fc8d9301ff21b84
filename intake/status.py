"""What an intake link's holder may read about themselves: their documents and outcome, what is asked of them.

Shared by the REST status endpoint and the server-rendered page.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, gettext_noop

from applicants import errors, selectors
from applicants.models import ApplicantStatus, FormStatus, IncomeProfile
from documents.models import Document, DocumentStatus
from documents.reasons import reason_in_language
from intake import services
from screening.explanation import applicant_explanation
from screening.rules import documents_for_profile
from screening.selectors import report_latest

# What a person whose application failed after the pipeline's retries reads on their own status (blind probe r58a,
# F11: a bare FAILED left them nothing to say or do). An applicant fails only for the machine's reasons (a file's
# own fault fails that document, and screening goes on): never the staff's failure_reason, which names internals.
APPLICANT_FAILED_REASON = gettext_noop(
    "Não foi possível concluir a análise da sua candidatura por um problema técnico do nosso lado. "
    "A agência vê esta situação e pode voltar a processá-la; não precisa de enviar nada de novo."
)

# Said after a failed document's reason while the link takes no file of its kind (``failed_document_reason``).
SEND_AGAIN_WHEN_ASKED = gettext_noop(
    "Como a candidatura já foi submetida, não o pode enviar agora: a agência vê que este documento não foi lido e, "
    "se precisar dele, pede-lho por esta ligação, que volta então a aceitar o ficheiro. Pode também contactar a "
    "agência."
)


def status_of_person(link: selectors.IntakeLink, *, language: str = "pt-PT") -> dict[str, Any]:
    """What the person holding the link may see: their own documents and outcome, what is asked of them."""
    applicant = link.own_applicant()
    household = household_status(link)
    if applicant is None:
        if link.effective_status == FormStatus.COMPLETED:
            raise errors.DataErased()  # used, and no one held: erased (``services.link_check_not_erased``)
        return {"status": link.effective_status, "documents": [], "household": household}
    documents = [
        {
            "document_type": d.document_type,
            "original_filename": d.original_filename,
            "status": d.status,
            "reason": failed_document_reason(link, d) if d.status == DocumentStatus.FAILED and d.error else None,
        }
        for d in applicant.documents.all()
    ]
    body: dict[str, Any] = {"status": applicant.status, "documents": documents, "household": household}
    if applicant.status == ApplicantStatus.FAILED:
        body["reason"] = gettext(APPLICANT_FAILED_REASON)
    info_request = services.info_request_open(link)
    if info_request is not None:
        body.update(
            requested_documents=info_request.requested_documents,
            message=info_request.message,
            due_at=info_request.due_at,
        )
    report = report_latest(applicant=applicant)
    if report is not None and applicant.status == ApplicantStatus.COMPLETED:
        body["explanation"] = applicant_explanation(applicant=applicant, report=report, language=language)
    body["contests"] = [
        {"message": c.message, "status": c.status, "created_at": c.created_at, "answer": c.answer}
        for c in applicant.contests.all()
    ]
    return body


def failed_document_reason(link: selectors.IntakeLink, document: Document) -> str:
    """Why a document could not be read, and when its person can send another.

    The extraction's reasons are fixed texts addressed to the sender ("PDF protegido por palavra-passe: envie uma
    versão sem proteção."), never the document's content. A document fails after its form was submitted, when the
    link takes a file only while the agency asks for that kind of document: "envie outra vez" alone sent the person
    to a link that refused every upload (blind probe r77b, F5), so then they read who acts and when.
    """
    reason = reason_in_language(document.error)
    try:
        services.link_check_uploadable(link, document.document_type)
    except errors.BusinessRuleError:
        return f"{reason} {gettext(SEND_AGAIN_WHEN_ASKED)}"
    return reason


def household_status(link: selectors.IntakeLink) -> list[dict[str, Any]]:
    """On the lead's link: who was invited and whether they have submitted (never what they sent)."""
    if link.invitation is not None:
        return []
    application = getattr(link.form_request, "application", None)
    if application is None:
        return []
    invitations = list(application.invitations.all())
    # A link re-sent to the same person is one person, as on the staff's view: the newest link's status. One a forced
    # screening went ahead without stays SENT, and says when it was left out: "invitation sent, not submitted yet"
    # beside their own link's "the application went ahead without you" (blind probe r72c, U2).
    return [
        {"role": i.role, "name": i.name, "invitation_status": i.effective_status, "left_out_at": i.left_out_at}
        for i in invitations
        if not i.superseded_in(invitations)
    ]


def income_documents(language: str = "pt-PT") -> dict[str, list[dict[str, str]]]:
    """For each income profile the applicant may declare, the documents that prove it (the rules' list)."""
    return {profile: documents_for_profile(profile, language) for profile in IncomeProfile.values}
