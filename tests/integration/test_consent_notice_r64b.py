"""Blind probe r64b, F2 and F11: the information notice (GDPR art. 13) shown before consent, built from the agency's
settings and the deployment's processors, and the exact text each applicant accepted, kept once per wording and
shown in the export and to staff."""

from __future__ import annotations

import hashlib
import io
import json
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from rest_framework.test import APIClient

from applicants.models import Applicant, AuditAction, AuditEvent, ConsentNotice, Organization
from applicants.services import AgencyCredentials
from tests.helpers import form_request_create, submission_body, upload

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def info_of(token: str, **query: str) -> dict[str, Any]:
    response = APIClient().get(f"/api/v1/intake/{token}", query)
    assert response.status_code == 200, response.content
    return dict(response.json())


def submitted(token: str, nif: str, **overrides: Any) -> Any:
    id_key = upload(token, ("cc.png", PNG, "image/png", "ID_DOCUMENT"))
    pay_key = upload(token, ("recibo.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    documents = [
        {"key": id_key, "original_filename": "cc.png", "content_type": "image/png", "document_type": "ID_DOCUMENT"},
        {"key": pay_key, "original_filename": "recibo.pdf", "content_type": "application/pdf",
         "document_type": "PROOF_OF_INCOME"},
    ]  # fmt: skip
    return APIClient().post(
        f"/api/v1/intake/{token}/submissions", submission_body(nif, documents, **overrides), format="json"
    )


def agency_details(organization: Organization, **values: Any) -> None:
    for name, value in values.items():
        setattr(organization, name, value)
    organization.save()


def test_the_notice_names_the_controller_contacts_basis_recipients_retention_and_every_right(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    agency_details(
        alice.organization,
        privacy_contact_email="privacidade@alice.pt",
        dpo_contact_email="epd@alice.pt",
        retention_days_after_decision=45,
        retention_days_undecided=20,
    )
    info = info_of(form_request_create(alice_api)["token"])
    notice = info["consent_notice"]
    assert info["consent_text_version"] == settings.CONSENT_TEXT_VERSION == "2026-12-v2"
    assert info["consent_notice_sha256"] == hashlib.sha256(notice.encode()).hexdigest()
    for said in (
        "Responsável pelo tratamento: Imobiliária Alice.",
        "privacidade@alice.pt",
        "Encarregado da proteção de dados: epd@alice.pt",
        "art. 6.º, n.º 1, alínea b)",
        "consentimento",
        "proprietário ou senhorio",
        "Subcontratantes: alojamento",
        "apagados 45 dias depois da última decisão",
        "20 dias depois de a ligação expirar",
        "a decisão é sempre tomada por uma pessoa",
        "contestá-lo",
        "acesso",
        "retificação",
        "apagamento",
        "limitação do tratamento",
        "oposição",
        "portabilidade",
        "retirada do consentimento",
        "CNPD",
        "www.cnpd.pt",
        "Versão do texto: 2026-12-v2",
    ):
        assert said in notice, said
    # Off by default: no outside processor named, no transfer.
    assert "Reducto" not in notice and "OpenAI" not in notice and "fora da União Europeia" not in notice


def test_without_contacts_the_notice_sends_people_to_whoever_sent_the_link(alice_api: APIClient) -> None:
    notice = info_of(form_request_create(alice_api)["token"])["consent_notice"]
    assert "contacte a agência através de quem lhe enviou esta ligação" in notice
    assert "Encarregado" not in notice


def test_the_outside_processors_and_their_transfer_are_named_only_when_switched_on(
    alice_api: APIClient, settings: Any
) -> None:
    token = form_request_create(alice_api)["token"]
    settings.EXTRACTION_BACKEND, settings.SCREENING_BACKEND = "reducto", "openai"
    settings.HOSTING_PROVIDER = "Hetzner Online GmbH, Alemanha"
    notice = info_of(token)["consent_notice"]
    assert "Reducto" in notice and "OpenAI" in notice and "Hetzner Online GmbH, Alemanha" in notice
    assert "fora da União Europeia" in notice
    settings.SCREENING_BACKEND = "rules"
    notice = info_of(token)["consent_notice"]
    assert "Reducto" in notice and "OpenAI" not in notice


def test_the_notice_follows_the_pages_language(alice_api: APIClient) -> None:
    notice = info_of(form_request_create(alice_api)["token"], lang="en")["consent_notice"]
    assert "Controller: Imobiliária Alice." in notice
    assert "rectification" in notice and "portability" in notice and "www.cnpd.pt" in notice


def test_the_intake_page_shows_the_notice_before_consent_and_carries_its_hash(alice_api: APIClient) -> None:
    token = form_request_create(alice_api)["token"]
    info = info_of(token)
    page = Client().get(f"/intake/{token}/").content.decode()
    assert "www.cnpd.pt" in page and "limitação do tratamento" in page
    assert f'data-consent-notice="{info["consent_notice_sha256"]}"' in page
    assert page.index("www.cnpd.pt") < page.index('id="terms_accepted"')


def test_the_accepted_text_is_kept_once_per_wording_and_shown_in_the_export(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any
) -> None:
    first, second = form_request_create(alice_api)["token"], form_request_create(alice_api)["token"]
    english = info_of(first, lang="en")
    response = submitted(first, "245718931", consent_notice_sha256=english["consent_notice_sha256"])
    assert response.status_code == 201, response.content
    applicant = Applicant.objects.get(id=response.json()["applicant_id"])
    assert applicant.consent_notice is not None and applicant.consent_notice.text == english["consent_notice"]
    assert applicant.consent_notice.language == "en" and applicant.consent_text_version == "2026-12-v2"

    # The same wording accepted again is the same row; no hash sent: the request's language's notice (pt-PT).
    again = submitted(second, "232013969", consent_notice_sha256=english["consent_notice_sha256"])
    assert again.status_code == 201, again.content
    assert ConsentNotice.objects.count() == 1
    export = alice_api.get(f"/api/v1/applicants/{applicant.id}/export").json()
    assert export["applicant"]["consent"]["notice_text"] == english["consent_notice"]
    assert export["applicant"]["consent"]["text_version"] == "2026-12-v2"


def test_a_notice_changed_since_the_page_was_read_is_refused_and_nothing_is_kept(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any
) -> None:
    token = form_request_create(alice_api)["token"]
    shown = info_of(token)["consent_notice_sha256"]
    agency_details(alice.organization, privacy_contact_email="novo@alice.pt")
    response = submitted(token, "245718931", consent_notice_sha256=shown)
    assert response.status_code == 409 and response.json()["code"] == "consent_notice_changed", response.content
    assert not Applicant.objects.exists() and not ConsentNotice.objects.exists()


def test_staff_read_the_accepted_notice_on_the_applicant_page_and_audit_titles_are_words(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any
) -> None:
    token = form_request_create(alice_api)["token"]
    response = submitted(token, "245718931")
    assert response.status_code == 201, response.content
    applicant_id = response.json()["applicant_id"]
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pt-pt"
    client.force_login(alice.user)
    page = client.get(f"/admin/applicants/applicant/{applicant_id}/change/").content.decode()
    assert "Informação aceite" in page or "informação aceite" in page
    assert "<p>Responsável pelo tratamento: Imobiliária Alice." in page

    alice_api.get(f"/api/v1/applicants/{applicant_id}/export")
    event = AuditEvent.objects.filter(action=AuditAction.EXPORTED).get()
    assert str(event) == f"Exportação de dados · applicant {applicant_id}"


def test_create_agency_takes_the_notice_contacts_and_refuses_a_bad_one() -> None:
    out = io.StringIO()
    call_command(
        "create_agency", "Casa Lusa", "--staff-email", "ana@casalusa.pt", "--privacy-email", "dados@casalusa.pt",
        "--dpo-email", "epd@casalusa.pt", stdout=out,
    )  # fmt: skip
    agency = Organization.objects.get(id=json.loads(out.getvalue())["organization_id"])
    assert (agency.privacy_contact_email, agency.dpo_contact_email) == ("dados@casalusa.pt", "epd@casalusa.pt")
    with pytest.raises(CommandError, match="--dpo-email"):
        call_command("create_agency", "Casa Azul", "--staff-email", "rui@casaazul.pt", "--dpo-email", "epd")
    assert not Organization.objects.filter(name="Casa Azul").exists()
