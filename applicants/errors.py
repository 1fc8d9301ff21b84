"""Business-rule errors with the stable codes of the REST contract (docs/api.md).

The messages are written in European Portuguese and marked for translation: the English ones are in
``locale/en`` (an applicant's page in English asks with ``?lang=en``, a client with ``Accept-Language``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from applicants.models import IntakeFormRequest


class BusinessRuleError(Exception):
    code = "business_rule"
    status_code = 400
    default_message: str | Promise = _("O pedido não pode ser processado.")

    def __init__(self, message: str | Promise | None = None, *, document: int | None = None) -> None:
        # In the language of the request that raised it (LocaleMiddleware, or ``?lang=en`` on an intake link).
        self.message = str(message or self.default_message)
        # The refused file's index in the request's ``documents``, when the error is one file's: the intake page
        # says it at that file (blind probe r72a: "O conteúdo do ficheiro não é PDF" named none of four).
        self.document = document
        super().__init__(self.message)


class InvalidStorageKey(BusinessRuleError):
    code = "invalid_storage_key"
    default_message = _("O ficheiro indicado não pertence a este formulário.")


class FileNotFound(BusinessRuleError):
    code = "file_not_found"
    # What to do, not only what went wrong (blind probe r77b, F3): an upload cut off on a bad connection.
    default_message = _("O ficheiro indicado não está carregado: carregue-o outra vez antes de submeter.")


class FileTypeNotAllowed(BusinessRuleError):
    code = "file_type_not_allowed"
    default_message = _("Tipo de ficheiro não permitido: use PDF, JPEG ou PNG.")


# An iPhone's HEIC photo: what to change on the phone, as the intake page says it (blind probe r80b).
HEIC_NOT_ALLOWED = _(
    "As fotografias do iPhone em HEIC não são aceites: em Definições, Câmara, Formatos, escolha “Mais compatível” "
    "(JPEG) e tire a fotografia de novo, ou envie o documento em PDF."
)


class FileTooLarge(BusinessRuleError):
    code = "file_too_large"

    def __init__(self, message: str | Promise | None = None, *, document: int | None = None) -> None:
        # The limit said in the error itself: "the maximum allowed" left an applicant guessing (cases probe 7).
        megabytes = settings.INTAKE_MAX_FILE_SIZE / (1024 * 1024)
        limit = f"{megabytes:g} MB"
        super().__init__(
            message or _("O ficheiro excede o tamanho máximo permitido (%(limit)s).") % {"limit": limit},
            document=document,
        )


class TooManyDocuments(BusinessRuleError):
    code = "too_many_documents"
    default_message = _("Foram enviados documentos a mais.")


class TooManyUploads(BusinessRuleError):
    code = "too_many_uploads"
    # The slots are counted per link, and a new link's are its own (docs/api.md, ".../link"; blind probe r77b, F4).
    default_message = _(
        "Esta ligação já recebeu todos os carregamentos permitidos: submeta os documentos que já carregou, ou peça "
        "à agência uma ligação nova, que permite outros."
    )


class TooManyPeople(BusinessRuleError):
    code = "too_many_people"
    default_message = _("Foram convidadas pessoas a mais para esta candidatura.")


class TooManyInvitations(BusinessRuleError):
    code = "too_many_invitations"
    default_message = _("Este convite já foi enviado as vezes permitidas; peça à agência que o reenvie.")


class InvalidHouseholdRole(BusinessRuleError):
    code = "invalid_role"
    default_message = _("Só pode convidar coarrendatários ou fiadores.")


class HouseholdNotAllowed(BusinessRuleError):
    code = "household_not_allowed"
    status_code = 403
    default_message = _("Só o arrendatário principal pode convidar outras pessoas.")


class ApplicationHasOthers(BusinessRuleError):
    """The lead tenant's erasure would leave only guarantors (co-tenants and guarantors are erased on their own,
    the lead too when a co-tenant takes the lead: ``workspace.retention.applicant_erase``)."""

    code = "application_has_others"
    status_code = 409
    default_message = _(
        "Esta pessoa é o arrendatário principal e na candidatura só ficariam fiadores, que sem um arrendatário não "
        "garantem ninguém: apague a candidatura inteira, ou apague primeiro os fiadores."
    )


class ApplicantProcessing(BusinessRuleError):
    code = "applicant_processing"
    status_code = 409
    default_message = _("Os documentos estão a ser analisados neste momento: tente de novo dentro de momentos.")

    @classmethod
    def household(cls) -> ApplicantProcessing:
        """The household is being screened: said so, since the person refused may have sent no documents at all
        (blind probe r77a, F5: a co-tenant with none read that their documents were being analysed)."""
        return cls(_("A candidatura do agregado está a ser analisada neste momento: tente de novo dentro de momentos."))


class ApplicationNotWaiting(BusinessRuleError):
    code = "application_not_waiting"
    status_code = 409
    default_message = _(
        "A candidatura já está em análise ou foi analisada: não é possível convidar mais pessoas agora."
    )


class TermsNotAccepted(BusinessRuleError):
    code = "terms_not_accepted"
    default_message = _("É necessário aceitar os termos para continuar.")


class ConsentNoticeChanged(BusinessRuleError):
    """The notice the page showed is no longer the agency's: what a person accepts is kept, so they read it
    again first (blind probe r64b, F11)."""

    code = "consent_notice_changed"
    status_code = 409
    default_message = _(
        "A informação sobre o tratamento dos seus dados mudou desde que abriu a página. Leia-a de novo e envie "
        "outra vez."
    )


class DuplicateSubmission(BusinessRuleError):
    code = "duplicate_submission"
    status_code = 409
    default_message = _("Já existe uma candidatura com este NIF para este formulário.")


class FormNotPending(BusinessRuleError):
    code = "form_not_pending"
    status_code = 409
    default_message = _("O candidato já submeteu este formulário: já não pode ser fechado.")


class FormExpired(BusinessRuleError):
    code = "form_expired"
    status_code = 410
    # Closing a form and its expiry end it alike; the person needs to know whom to ask (blind probe r76d, F2).
    default_message = _(
        "Este formulário já não aceita candidaturas: expirou ou a agência fechou-o. Peça uma nova ligação à agência."
    )


class FormLinkReplaced(FormExpired):
    """A form's earlier link, which staff replaced with a new one: ``410 form_expired`` saying so. It opens nothing
    (not even the status of whoever then submits on the new link): only the form, for its page to name."""

    default_message = _(
        "Esta ligação foi substituída pela agência por uma mais recente: use a ligação nova que a agência lhe "
        "enviou, ou peça-a à agência."
    )

    def __init__(self, form_request: IntakeFormRequest | None = None) -> None:
        self.form_request = form_request
        super().__init__()


class FormAlreadySubmitted(BusinessRuleError):
    code = "form_already_submitted"
    status_code = 410
    # A retried submission reads that it was received and where to follow it (blind probe r77b, C12); the same
    # words for any NIF, so a leaked link still tests none.
    default_message = _(
        "Este formulário já foi submetido: a candidatura foi recebida, e o seu estado pode ser visto nesta ligação."
    )


class DataErased(BusinessRuleError):
    code = "data_erased"
    status_code = 410
    default_message = _(
        "Os dados enviados com esta ligação foram apagados, a pedido ou no fim do prazo de conservação."
    )

    def __init__(
        self,
        message: str | Promise | None = None,
        *,
        data_sent: bool = True,
        form_request: IntakeFormRequest | None = None,
    ) -> None:
        # An invitation nobody answered, its application erased: its holder sent nothing, and read that what they
        # sent was erased (left alone in round 77, noticed with the lead's erasure taking the application).
        self.data_sent = data_sent
        # The form the link was of, when known, so the page names the property and the agency.
        self.form_request = form_request
        if message is None and not data_sent:
            message = _(
                "A candidatura a que esta ligação se referia foi apagada, a pedido ou no fim do prazo de "
                "conservação; não tinha enviado dados com ela. Contacte a agência se tiver dúvidas."
            )
        super().__init__(message)


class ApplicationWithoutLead(BusinessRuleError):
    code = "application_without_lead"
    status_code = 409
    default_message = _("A candidatura não tem arrendatário principal: não há quem analisar.")


class InvitationAlreadySubmitted(BusinessRuleError):
    code = "invitation_submitted"
    status_code = 409
    default_message = _("Esta pessoa já submeteu os seus dados: o convite não pode ser reenviado.")


class NoDocumentsRequested(BusinessRuleError):
    code = "no_documents_requested"
    status_code = 409
    default_message = _("A agência não pediu documentos adicionais a esta pessoa (ou o pedido já foi respondido).")


class DocumentTypeNotRequested(BusinessRuleError):
    code = "document_type_not_requested"
    default_message = _("A agência não pediu este tipo de documento.")


class DocumentAlreadySent(BusinessRuleError):
    code = "document_already_sent"
    default_message = _(
        "Este ficheiro já tinha sido enviado antes: envie o documento que a agência pediu, num ficheiro novo."
    )


class NotScreenedYet(BusinessRuleError):
    code = "not_screened_yet"
    status_code = 409
    default_message = _("A candidatura ainda não foi analisada.")


class TooManyContests(BusinessRuleError):
    code = "too_many_contests"
    status_code = 409
    default_message = _("Já tem pedidos em aberto; a agência responde-lhe por e-mail.")


class PersonNotInApplication(BusinessRuleError):
    code = "person_not_in_application"
    default_message = _("Essa pessoa não pertence a esta candidatura.")


class ContestAlreadyAnswered(BusinessRuleError):
    code = "contest_answered"
    status_code = 409
    default_message = _("Esta contestação já foi respondida.")


class RequestedDocumentMissing(BusinessRuleError):
    code = "requested_document_missing"
    default_message = _("Falta pelo menos um dos tipos de documento pedidos pela agência.")
