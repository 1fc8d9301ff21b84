"""The intake form's admin with what needs the intake app: e-mailing a new form's link to the applicant.

``applicants.admin.IntakeFormRequestAdmin`` holds the form itself (the amounts, the corrections before anyone
submits, the link shown once); the mail is the intake app's, above the foundation, so the admin is registered here.
"""

from __future__ import annotations

import structlog
from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from applicants import services
from applicants.admin import IntakeFormRequestAdmin, IntakeFormRequestForm
from applicants.models import IntakeFormRequest
from intake.mail import form_link_mail_send

logger = structlog.get_logger(__name__)


class IntakeFormRequestMailForm(IntakeFormRequestForm):
    # Not a model field: the address is used for the one message and kept nowhere (blind probe r73c, F9).
    applicant_email = forms.EmailField(
        label=_("Enviar a ligação por e-mail para (opcional)"),
        required=False,
        help_text=_(
            "A ligação é enviada uma vez, em nome da agência. O endereço não fica guardado: a pessoa ainda não deu "
            "consentimento."
        ),
        error_messages={"invalid": _("Indique um e-mail válido.")},
    )


@admin.register(IntakeFormRequest)
class IntakeFormRequestMailAdmin(IntakeFormRequestAdmin):
    form = IntakeFormRequestMailForm

    def get_fields(self, request: HttpRequest, obj: IntakeFormRequest | None = None) -> tuple[str, ...]:
        fields = tuple(super().get_fields(request, obj))
        return (*fields, "applicant_email") if obj is None else fields

    def link_created(self, request: HttpRequest, form: forms.Form, created: services.CreatedFormRequest) -> None:
        super().link_created(request, form, created)
        address = form.cleaned_data.get("applicant_email")
        if address:
            # Sent by add_view once the form is committed (Django's admin saves inside a transaction).
            request._form_link_mail = (created, address)  # type: ignore[attr-defined]

    def add_view(
        self, request: HttpRequest, form_url: str = "", extra_context: dict[str, object] | None = None
    ) -> HttpResponse:
        response = super().add_view(request, form_url, extra_context)
        pending = getattr(request, "_form_link_mail", None)
        if pending is not None:
            link_mail(request, *pending)
        return response


def link_mail(request: HttpRequest, created: services.CreatedFormRequest, address: str) -> None:
    """Mail the new form's link once, after commit; a failure is said on the page, the form and its link kept."""
    try:
        form_link_mail_send(form_request=created.form_request, token=created.token, to=address)
    except Exception as exc:  # any backend's failure: SMTP, a refused address, a full disk for the .eml files
        logger.error(
            "form_link.mail_failed", form_request_id=str(created.form_request.pk), error=exc.__class__.__name__
        )
        messages.error(
            request,
            _(
                "O e-mail com a ligação não foi enviado; o formulário foi criado. Copie a ligação acima e envie-a ao "
                "candidato por outra via."
            ),
        )
        return
    messages.success(request, _("Ligação enviada por e-mail ao candidato."))
