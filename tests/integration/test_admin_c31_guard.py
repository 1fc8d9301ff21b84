"""Blind probe C31 (office staff working only in the admin): what leaked, misled or dead-ended, fixed.

- F1: staff without ``view_pii`` read incomes in the report's summary, the checks' evidence, a guarantor's
  shortfall and the report's own page; every admin page that prints a report masks them as the PDF does.
- F4/F5: decisions only on the applicant's page, guarded against a stale page and the back button's resubmit.
- F2: no "Remover" that always fails; the page says where erasure is done.
- F3: a form can be closed from the admin, as through the API.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from applicants.models import (
    Applicant,
    Application,
    ApplicationStatus,
    AuditAction,
    AuditEvent,
    Decision,
    Membership,
    Role,
)
from applicants.services import AgencyCredentials, staff_permissions_grant
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, UserFactory, make_nif

pytestmark = pytest.mark.django_db

# The figures a report prints: incomes, a shortfall, a payslip's net pay. The rent (750,00 €) is public.
INCOMES = ("1 794,33", "1794.33", "1 572,67", "1572.67", "2 968,00", "2968.00", "706,81", "706.81", "1538")
RENT = "750,00 €"


def made(factory: Any, **fields: Any) -> Any:
    return factory(**fields)


def as_user(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def no_pii(alice: AgencyCredentials) -> Any:
    """An agent of alice's agency with every staff permission but ``view_pii`` (``add_staff --no-pii``)."""
    user: Any = made(UserFactory)
    Membership.objects.create(user=user, organization=alice.organization)
    staff_permissions_grant(user=user)
    user.user_permissions.remove(Permission.objects.get(codename="view_pii"))
    user = type(user).objects.get(pk=user.pk)
    assert not user.has_perm("applicants.view_pii") and user.has_perm("applicants.view_applicant")
    return user


def single_report(alice: AgencyCredentials) -> Applicant:
    """Maria alone: her income in the summary, in ``income.monthly_income`` and ``affordability.dti``."""
    form = made(IntakeFormRequestFactory, organization=alice.organization, property_price=Decimal("750.00"))
    applicant: Applicant = made(ApplicantFactory, form_request=form)
    ScreeningReport.objects.create(
        organization=alice.organization, applicant=applicant, risk_level="LOW", identity_verified=True,
        income_verified=True, dti_ratio=Decimal("0.4180"), average_monthly_income=Decimal("1794.33"),
        justification="Risco BAIXO. Rendimento médio mensal líquido de 1 794,33 €. Renda mensal de 750,00 €.",
        backend="rules", rules_version="t",
        checks=[
            {"name": "income.monthly_income", "passed": True, "value": "1794.33",
             "evidence": "Rendimento mensal 1 794,33 €: média de 3 recibos."},
            {"name": "affordability.dti", "passed": True, "field": "dti_ratio", "value": "0.4180",
             "expected": "<= 0.450", "evidence": "Taxa de esforço 41,8 % (renda 750,00 €, rendimento 1 794,33 €)."},
            {"name": "income.payslip_arithmetic", "passed": True, "field": "net_pay", "value": "1538.0",
             "evidence": "Recibo de outubro: ilíquido menos descontos igual ao líquido."},
        ],
    )  # fmt: skip
    Applicant.objects.filter(id=applicant.id).update(status="COMPLETED", risk_level="LOW")
    return applicant


def household_report(alice: AgencyCredentials) -> tuple[Application, Applicant, Applicant]:
    """João and his guarantor: each income in the checks, the household's in the summary, the shortfall."""
    form = made(IntakeFormRequestFactory, organization=alice.organization, property_price=Decimal("750.00"))
    application = Application.objects.create(
        organization=alice.organization, form_request=form, status=ApplicationStatus.COMPLETED
    )
    lead: Applicant = made(ApplicantFactory, form_request=form, application=application, role=Role.TENANT,
                           status="COMPLETED")  # fmt: skip
    guarantor: Applicant = made(ApplicantFactory, form_request=form, application=application, role=Role.GUARANTOR,
                                nif=make_nif(7_654_321), status="COMPLETED")  # fmt: skip
    ScreeningReport.objects.create(
        organization=alice.organization, applicant=lead, application=application, risk_level="HIGH",
        identity_verified=True, income_verified=True, dti_ratio=Decimal("0.2527"),
        average_monthly_income=Decimal("2968.00"), backend="rules", rules_version="t",
        justification="Risco ALTO. Rendimento mensal conjunto de 2 968,00 €; o fiador não cobre: faltam 706,81 €.",
        checks=[
            {"name": "income.monthly_income", "passed": True, "value": "1572.67", "applicant_id": str(lead.id),
             "role": "TENANT", "evidence": "Rendimento mensal 1 572,67 €: média de 3 recibos."},
            {"name": "household.guarantor_covers", "passed": False, "field": "dti_ratio", "value": "0.4769",
             "expected": "<= 0.300", "evidence": "Fiador não cobre a renda: faltam 706,81 € de rendimento mensal "
             "(necessários 2 500,00 € para 750,00 €)."},
        ],
        household={
            "household_monthly_income": "2968.00", "monthly_cost": "750.00",
            "members": [
                {"applicant_id": str(lead.id), "role": "TENANT", "identity_verified": True, "income_verified": True,
                 "average_monthly_income": "1572.67", "income_share": "1"},
            ],
            "guarantor": {"applicant_id": str(guarantor.id), "covers": False, "identity_verified": True,
                          "dti_ratio": "0.4769", "threshold": "0.300", "income_needed": "2500.00",
                          "shortfall": "706.81"},
        },
    )  # fmt: skip
    return application, lead, guarantor


def printed(figure: str, text: str) -> bool:
    """Whether ``figure`` stands on its own in ``text``: not a run of digits inside an id ("…-a1538ff38af3/")."""
    return re.search(rf"(?<![\w-]){re.escape(figure)}(?![\w-])", text) is not None


def assert_no_income(page: str, where: str) -> None:
    for figure in INCOMES:
        assert not printed(figure, page), f"{figure} on {where}"


def test_staff_without_view_pii_read_no_income_on_any_admin_page_that_prints_a_report(
    alice: AgencyCredentials, no_pii: Any
) -> None:
    maria = single_report(alice)
    application, lead, guarantor = household_report(alice)
    client = as_user(no_pii)
    reports = ScreeningReport.objects.order_by("created_at")
    pages = {
        "maria": f"/admin/applicants/applicant/{maria.id}/change/",
        "lead": f"/admin/applicants/applicant/{lead.id}/change/",
        "guarantor": f"/admin/applicants/applicant/{guarantor.id}/change/",
        "application": f"/admin/applicants/application/{application.id}/change/",
        "applicants": "/admin/applicants/applicant/",
        "applications": "/admin/applicants/application/",
        "reports": "/admin/screening/screeningreport/",
        **{f"report {r.id}": f"/admin/screening/screeningreport/{r.id}/change/" for r in reports},
        "maria history": f"/admin/applicants/applicant/{maria.id}/history/",
    }
    for where, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, where
        assert_no_income(response.content.decode(), where)
    # What they read instead: the sentence, "(reservado)" where the amount was; the rent is no one's income.
    maria_page = client.get(pages["maria"]).content.decode()
    assert "Rendimento médio mensal líquido de (reservado)" in maria_page and RENT in maria_page
    household_page = client.get(pages["application"]).content.decode()
    assert "faltam (reservado) de rendimento mensal" in household_page
    assert "Rendimento mensal conjunto de (reservado)" in household_page
    report_page = client.get(f"/admin/screening/screeningreport/{reports[1].id}/change/").content.decode()
    # The household's figures as a table in words (blind probe r69a), not the JSON with "0.4769".
    assert "(reservado)" in report_page and "47,69 %" in report_page and "0.4769" not in report_page


def test_staff_with_view_pii_still_read_every_amount(alice: AgencyCredentials) -> None:
    maria = single_report(alice)
    application, _, _ = household_report(alice)
    client = as_user(alice.user)
    assert (
        "Rendimento médio mensal líquido de 1 794,33 €"
        in client.get(f"/admin/applicants/applicant/{maria.id}/change/").content.decode()
    )
    page = client.get(f"/admin/applicants/application/{application.id}/change/").content.decode()
    assert "faltam 706,81 € de rendimento mensal" in page and "2 968,00 €" in page
    report = ScreeningReport.objects.get(applicant=maria)
    assert "1 794,33" in client.get(f"/admin/screening/screeningreport/{report.id}/change/").content.decode()


def test_a_guarantor_with_no_income_counted_reads_as_such_not_as_short_of_all_of_it(alice: AgencyCredentials) -> None:
    """As in the PDF: a verdict with no ratio (no income counted) printed "—" and "faltam" the whole income needed."""
    application, _, _ = household_report(alice)
    report = ScreeningReport.objects.get(application=application)
    report.household["guarantor"].update(dti_ratio=None, shortfall="2500.00")
    report.save(update_fields=["household"])
    page = as_user(alice.user).get(f"/admin/applicants/application/{application.id}/change/").content.decode()
    verdict = re.search(r'data-testid="guarantor-verdict"[^>]*>(.*?)</p>', page, re.S)
    assert verdict is not None
    text = " ".join(verdict.group(1).split())
    assert "sem rendimento do fiador contado" in text and "necessários 2 500,00 € de rendimento mensal" in text
    assert "faltam" not in text


def test_a_pdf_and_the_page_mask_through_one_helper(alice: AgencyCredentials, no_pii: Any) -> None:
    from screening import report_masking
    from workspace import report_pdf

    # Reused, not copied: the PDF has no masking function of its own left.
    assert not hasattr(report_pdf, "without_incomes") and report_pdf.RESERVED is report_masking.RESERVED
    maria = single_report(alice)
    report = ScreeningReport.objects.get(applicant=maria)
    view = report_pdf.report_pdf_view(applicant=maria, report=report, can_view_pii=False)
    assert view["justification"] == report_masking.report_justification_for_viewer(report, can_view_pii=False)
    assert not printed("1538", str(view["sections"]))


# --- F5 and F4: decisions ---------------------------------------------------------------------------------


def test_there_is_no_separate_page_to_add_a_decision_and_the_list_stays(alice: AgencyCredentials) -> None:
    applicant = single_report(alice)
    client = as_user(alice.user)
    assert client.get("/admin/applicants/decision/add/").status_code == 403
    posted = client.post("/admin/applicants/decision/add/", {"applicant": str(applicant.id), "decision": "MORE_INFO",
                                                              "reason": "x"})  # fmt: skip
    assert posted.status_code == 403 and not Decision.objects.exists()
    listing = client.get("/admin/applicants/decision/")
    assert listing.status_code == 200 and "/admin/applicants/decision/add/" not in listing.content.decode()


def seen_on_page(client: Client, applicant: Applicant) -> str:
    page = client.get(f"/admin/applicants/applicant/{applicant.id}/change/")
    assert 'name="seen_decision"' in page.content.decode()
    return str(page.context["seen_decision"])


def test_a_stale_page_or_the_back_button_cannot_record_a_second_decision(alice: AgencyCredentials, no_pii: Any) -> None:
    applicant = single_report(alice)
    url = f"/admin/applicants/applicant/{applicant.id}/decide/"
    manager, agent = as_user(alice.user), as_user(no_pii)
    managers_page, agents_page = seen_on_page(manager, applicant), seen_on_page(agent, applicant)

    # The agent approves; the manager's page, loaded before, is refused and names what was decided meanwhile.
    agent.post(url, {"decision": "APPROVED", "reason": "ok", "seen_decision": agents_page})
    refused = manager.post(url, {"decision": "REJECTED", "reason": "não", "seen_decision": managers_page}, follow=True)
    assert list(Decision.objects.values_list("decision", flat=True)) == ["APPROVED"]
    text = refused.content.decode()
    assert "Entretanto foi registada outra decisão: Aprovado" in text and "Não foi registada a sua" in text

    # Reloaded, the manager rejects; the same form sent again (the back button) is refused.
    body = {"decision": "REJECTED", "reason": "não", "seen_decision": seen_on_page(manager, applicant)}
    replaced = manager.post(url, body, follow=True).content.decode()
    assert "Decisão registada" in replaced
    # Said as a change of mind, the earlier decision kept (blind probe r73c).
    assert "Substitui a decisão anterior (Aprovado, por" in replaced
    again = manager.post(url, body, follow=True).content.decode()
    assert "Entretanto foi registada outra decisão: Rejeitado" in again
    assert Decision.objects.count() == 2
    assert AuditEvent.objects.filter(action=AuditAction.DECISION_RECORDED).count() == 2


def test_a_decision_before_any_report_is_recorded_as_in_the_api_with_a_warning(alice: AgencyCredentials) -> None:
    applicant: Applicant = made(ApplicantFactory, form_request=made(IntakeFormRequestFactory,
                                organization=alice.organization))  # fmt: skip
    client = as_user(alice.user)
    response = client.post(
        f"/admin/applicants/applicant/{applicant.id}/decide/",
        {"decision": "APPROVED", "reason": "conheço", "seen_decision": seen_on_page(client, applicant)},
        follow=True,
    )
    assert Decision.objects.filter(applicant=applicant).count() == 1
    assert "ainda não tem relatório de análise" in response.content.decode()


def test_a_message_typed_with_an_approval_is_not_sent_and_the_page_says_so(alice: AgencyCredentials) -> None:
    applicant = single_report(alice)
    client = as_user(alice.user)
    response = client.post(
        f"/admin/applicants/applicant/{applicant.id}/decide/",
        {"decision": "APPROVED", "reason": "rendimento estável", "message_to_applicant": "Parabéns!",
         "seen_decision": seen_on_page(client, applicant)},
        follow=True,
    )  # fmt: skip
    decision = Decision.objects.get(applicant=applicant)
    assert decision.decision == "APPROVED" and decision.message_to_applicant == ""
    assert "A mensagem ao candidato não foi enviada" in response.content.decode()


def test_a_reason_longer_than_the_api_takes_is_refused(alice: AgencyCredentials) -> None:
    applicant = single_report(alice)
    response = as_user(alice.user).post(
        f"/admin/applicants/applicant/{applicant.id}/decide/", {"decision": "APPROVED", "reason": "x" * 2001},
        follow=True,
    )  # fmt: skip
    assert not Decision.objects.exists() and "no máximo 2000 caracteres" in response.content.decode()


# --- F2: erasure ---------------------------------------------------------------------------------------------


def test_the_agency_admin_erases_a_person_from_the_admin_as_through_the_api(
    alice: AgencyCredentials, bob: AgencyCredentials, no_pii: Any
) -> None:
    maria = single_report(alice)
    url = f"/admin/applicants/applicant/{maria.id}/delete/"
    manager = as_user(alice.user)
    assert 'value="delete_selected"' not in manager.get("/admin/applicants/applicant/").content.decode()
    confirm = manager.get(url).content.decode()
    assert "não tem permissão" not in confirm and 'name="post"' in confirm
    # The agent (no delete_applicant) and another agency get nothing.
    assert as_user(no_pii).post(url, {"post": "yes"}).status_code == 403
    assert as_user(bob.user).post(url, {"post": "yes"}).status_code == 404
    assert manager.post(url, {"post": "yes"}).status_code == 302
    assert not Applicant.objects.filter(id=maria.id).exists()
    assert not ScreeningReport.objects.filter(applicant_id=maria.id).exists()
    purged = AuditEvent.objects.get(action=AuditAction.PURGED)
    assert (purged.actor, purged.details["reason"]) == (alice.user, "erasure_request")


def test_a_person_applying_with_others_is_refused_with_the_apis_reason_and_the_application_is_erased_whole(
    alice: AgencyCredentials,
) -> None:
    application, lead, guarantor = household_report(alice)
    manager = as_user(alice.user)
    refused = manager.post(f"/admin/applicants/applicant/{lead.id}/delete/", {"post": "yes"}, follow=True)
    assert "apague a candidatura inteira" in refused.content.decode()
    assert Applicant.objects.filter(id=lead.id).exists()
    manager.post(f"/admin/applicants/application/{application.id}/delete/", {"post": "yes"})
    assert not Applicant.objects.filter(id__in=[lead.id, guarantor.id]).exists()
    assert not Application.objects.filter(id=application.id).exists()
    assert AuditEvent.objects.filter(action=AuditAction.PURGED, target_id=str(application.id)).exists()


# --- F3: closing a form ---------------------------------------------------------------------------------------


def test_a_form_is_closed_from_the_admin_as_through_the_api(
    alice: AgencyCredentials, bob: AgencyCredentials, no_pii: Any
) -> None:
    from applicants.models import FormStatus, IntakeFormRequest

    live = made(IntakeFormRequestFactory, organization=alice.organization)
    submitted = single_report(alice).form_request
    IntakeFormRequest.objects.filter(pk=submitted.pk).update(status=FormStatus.COMPLETED)
    theirs = made(IntakeFormRequestFactory, organization=bob.organization)
    body = {"action": "close_forms", "_selected_action": [str(live.pk), str(submitted.pk), str(theirs.pk)]}
    page = as_user(alice.user).post("/admin/applicants/intakeformrequest/", body, follow=True).content.decode()
    assert "Formulários fechados: 1." in page and "já submetidos" in page
    assert IntakeFormRequest.objects.get(pk=live.pk).effective_status == FormStatus.EXPIRED
    assert IntakeFormRequest.objects.get(pk=submitted.pk).status == FormStatus.COMPLETED
    assert IntakeFormRequest.objects.get(pk=theirs.pk).effective_status == FormStatus.PENDING
    closed = AuditEvent.objects.get(action=AuditAction.FORM_CLOSED)
    assert (closed.target_id, closed.actor) == (str(live.pk), alice.user)


def test_closing_needs_the_permission_to_create_forms(alice: AgencyCredentials) -> None:
    from applicants.models import FormStatus, IntakeFormRequest

    viewer: Any = made(UserFactory, is_staff=True)
    Membership.objects.create(user=viewer, organization=alice.organization)
    viewer.user_permissions.add(Permission.objects.get(codename="view_intakeformrequest"))
    live = made(IntakeFormRequestFactory, organization=alice.organization)
    client = as_user(viewer)
    assert 'value="close_forms"' not in client.get("/admin/applicants/intakeformrequest/").content.decode()
    client.post("/admin/applicants/intakeformrequest/", {"action": "close_forms", "_selected_action": [str(live.pk)]})
    assert IntakeFormRequest.objects.get(pk=live.pk).effective_status == FormStatus.PENDING


# --- F9: the short id the lists show --------------------------------------------------------------------------


def test_applicants_and_applications_are_found_by_the_short_id_their_list_shows(
    alice: AgencyCredentials, bob: AgencyCredentials
) -> None:
    maria = single_report(alice)
    application, lead, _ = household_report(alice)
    theirs: Applicant = made(ApplicantFactory, form_request=made(IntakeFormRequestFactory,
                             organization=bob.organization))  # fmt: skip
    client = as_user(alice.user)
    found = client.get("/admin/applicants/applicant/", {"q": str(maria.id)[:8]}).context["cl"].result_list
    assert [a.id for a in found] == [maria.id]
    found = client.get("/admin/applicants/application/", {"q": str(application.id)[:8].upper()}).context["cl"]
    assert [a.id for a in found.result_list] == [application.id]
    assert not client.get("/admin/applicants/applicant/", {"q": str(theirs.id)[:8]}).context["cl"].result_list
    assert lead.id != maria.id


def test_a_refused_decision_keeps_what_was_typed_in_the_form_and_stores_none_of_it(alice: AgencyCredentials) -> None:
    """Blind probe r73c: a refused decision came back to an empty form (a redirect), the reason typed lost. The page
    is now the answer to the post itself, its form as typed; nothing of it goes to the session."""
    applicant = single_report(alice)
    client = as_user(alice.user)
    typed = {
        "decision": "MORE_INFO", "reason": "Pedir o recibo de outubro; o de setembro está cortado.",
        "message_to_applicant": "Envie, por favor, o recibo de outubro completo.", "due_date": "1999-01-01",
        "request_PROOF_OF_INCOME": "1", "note_PROOF_OF_INCOME": "recibo de outubro",
        "seen_decision": seen_on_page(client, applicant),
    }  # fmt: skip
    refused = client.post(f"/admin/applicants/applicant/{applicant.id}/decide/", typed)

    assert refused.status_code == 200 and not Decision.objects.exists()
    page = refused.content.decode()
    assert "O prazo deve estar nos próximos 90 dias." in page
    assert 'value="MORE_INFO" required checked' in page
    assert ">Pedir o recibo de outubro; o de setembro está cortado.</textarea>" in page
    assert ">Envie, por favor, o recibo de outubro completo.</textarea>" in page
    assert 'name="due_date" value="1999-01-01"' in page
    assert 'name="request_PROOF_OF_INCOME" value="1" checked' in page
    assert 'value="recibo de outubro"' in page
    assert "outubro" not in str(dict(client.session))

    # Corrected, the same form records it; a page read afresh has an empty form again.
    corrected = {**typed, "due_date": ""}
    recorded = client.post(f"/admin/applicants/applicant/{applicant.id}/decide/", corrected, follow=True)
    assert Decision.objects.get().reason == typed["reason"]
    assert "Pedido enviado por e-mail (1 documento)." in recorded.content.decode()
    assert "o de setembro está cortado</textarea>" not in recorded.content.decode()
