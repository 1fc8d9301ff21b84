"""Opt-in e-mails to agency staff: a report is ready, a resubmission arrived, an applicant wrote to them.

Only staff who chose it (``Membership.notify_by_email``) and only their own
agency's news. The message carries the applicant's id and a link to the
workspace, never personal data: mail leaves the system, the person's data
stays behind the login.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

import structlog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection

logger = structlog.get_logger(__name__)


class StaffNotice(StrEnum):
    REPORT_READY = "REPORT_READY"
    RESUBMISSION = "RESUBMISSION"
    CONTEST = "CONTEST"


SUBJECTS = {
    StaffNotice.REPORT_READY: "Relatório de análise pronto",
    StaffNotice.RESUBMISSION: "Documentos adicionais recebidos: novo relatório",
    StaffNotice.CONTEST: "Um candidato comentou ou contestou o resultado",
}
BODIES = {
    StaffNotice.REPORT_READY: "O relatório de análise do candidato {short} está pronto.",
    StaffNotice.RESUBMISSION: "O candidato {short} enviou os documentos pedidos; a candidatura foi analisada de novo.",
    StaffNotice.CONTEST: "O candidato {short} enviou um comentário ou contestou o resultado. Responda no espaço de trabalho.",
}


def applicant_admin_url(applicant_id: uuid.UUID | str) -> str:
    return f"{settings.PUBLIC_BASE_URL}/admin/applicants/applicant/{applicant_id}/change/"


def staff_notify(*, organization_id: uuid.UUID | str, notice: StaffNotice, applicant_id: uuid.UUID | str) -> int:
    """One e-mail to each staff member of the agency who opted in; returns how many were sent.

    A mail failure is logged and swallowed: a notification never undoes the work it announces.
    """
    recipients = list(
        get_user_model()
        .objects.filter(is_active=True, membership__organization_id=organization_id, membership__notify_by_email=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return 0
    body = (
        f"{BODIES[notice].format(short=str(applicant_id)[:8])}\n\n{applicant_admin_url(applicant_id)}\n\n"
        "Recebe esta mensagem porque ativou as notificações por e-mail no seu perfil de colaborador.\n"
    )
    messages = [
        EmailMessage(f"[{SUBJECTS[notice]}] {str(applicant_id)[:8]}", body, settings.DEFAULT_FROM_EMAIL, [to])
        for to in recipients
    ]
    try:
        return get_connection().send_messages(messages) or 0
    except Exception as exc:
        logger.error("staff_notice.mail_failed", notice=str(notice), error=exc.__class__.__name__)
        return 0
