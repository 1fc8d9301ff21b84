"""The staff admin's pages as a screen reader reads their HTML (blind probe r72a, WCAG 2.1 AA): the decision's radios
in a fieldset with a legend, a refused decision said at its fields, help and labels tied to their fields, no empty
table header, the login page's heading and error, the search box's label and the messages' status region."""

from __future__ import annotations

import datetime as dt
from typing import Any

import lxml.html
import pytest
from django.test import Client
from django.utils import timezone

from applicants.models import Applicant, Application, ApplicationStatus, Role
from applicants.services import AgencyCredentials, decision_record
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.integration.test_admin_pages_r69a import client_in, document_of, made, report_for

pytestmark = pytest.mark.django_db

REFUSED_MESSAGE = "A mensagem só chega ao candidato com documentos pedidos: escolha pelo menos um."


def tree(response: Any) -> Any:
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def one(page: Any, path: str) -> Any:
    found = page.xpath(path)
    assert len(found) == 1, (path, len(found))
    return found[0]


def text(element: Any) -> str:
    return " ".join(element.text_content().split())


@pytest.fixture
def decided(alice: AgencyCredentials) -> Applicant:
    """An applicant in a household, with documents, a report and a decision in its history."""
    form = made(IntakeFormRequestFactory, organization=alice.organization)
    application = Application.objects.create(
        organization=alice.organization, form_request=form, status=ApplicationStatus.COMPLETED
    )
    applicant: Applicant = made(
        ApplicantFactory, form_request=form, application=application, role=Role.TENANT, status="COMPLETED"
    )
    document_of(applicant)
    report = report_for(applicant, application=application)
    decision_record(
        applicant=applicant, decided_by=alice.user, decision="APPROVED", reason="Rendimentos estáveis.",
        report_id=report.id,
    )  # fmt: skip
    return applicant


def applicant_page(client: Client, applicant: Applicant) -> Any:
    return tree(client.get(f"/admin/applicants/applicant/{applicant.pk}/change/"))


def decide(client: Client, applicant: Applicant, **posted: str) -> Any:
    return tree(client.post(f"/admin/applicants/applicant/{applicant.pk}/decide/", posted, follow=True))


# --- the decision form's structure -------------------------------------------------


def test_the_decision_radios_are_a_group_named_by_a_legend(alice: AgencyCredentials, decided: Applicant) -> None:
    form = one(applicant_page(client_in(alice), decided), "//form[@data-testid='decision-form']")
    radios = form.xpath(".//input[@name='decision']")
    assert len(radios) == 3
    for radio in radios:
        group = radio.xpath("ancestor::fieldset[1]")
        assert group, "a decision radio outside a fieldset"
        assert text(group[0].xpath("legend")[0]) == "A sua decisão"
        assert group[0].get("data-testid") != "more-info-fields"


def test_the_deadlines_help_is_tied_to_its_field(alice: AgencyCredentials, decided: Applicant) -> None:
    page = applicant_page(client_in(alice), decided)
    due = one(page, "//*[@id='request-due-date']")
    described = [one(page, f"//*[@id='{name}']") for name in due.get("aria-describedby", "").split()]
    assert [text(element) for element in described] == ["Até ao fim desse dia, nos próximos 90 dias."]
    assert due.get("aria-invalid") is None


def test_each_document_note_has_a_label_in_sight_not_only_an_aria_label(
    alice: AgencyCredentials, decided: Applicant
) -> None:
    page = applicant_page(client_in(alice), decided)
    notes = page.xpath("//input[starts-with(@name, 'note_')]")
    assert {note.get("name") for note in notes} == {"note_ID_DOCUMENT", "note_PROOF_OF_INCOME"}
    for note in notes:
        assert note.get("aria-label") is None
        label = one(page, f"//label[@for='{note.get('id')}']")
        assert text(label).startswith("Nota:")
    assert text(one(page, "//label[@for='note-ID_DOCUMENT']")) == "Nota: Documento de identificação"


def test_a_form_without_errors_marks_no_field_invalid(alice: AgencyCredentials, decided: Applicant) -> None:
    page = applicant_page(client_in(alice), decided)
    assert not page.xpath("//*[@id='decision-error']") and not page.xpath("//*[@aria-invalid]")


# --- a refused decision said at its fields --------------------------------------------------


def test_a_message_without_documents_asked_is_refused_at_the_message_and_the_documents(
    alice: AgencyCredentials, decided: Applicant
) -> None:
    page = decide(
        client_in(alice), decided, decision="MORE_INFO", reason="Falta um recibo.", message_to_applicant="Envie-o."
    )
    error = one(page, "//*[@id='decision-error']")
    assert text(error) == REFUSED_MESSAGE
    # Read out on load: an alert, and the focus taken to it.
    assert error.get("role") == "alert" and error.get("autofocus") is not None and error.get("tabindex") == "-1"
    invalid = page.xpath("//*[@aria-invalid='true']")
    assert {element.get("name") for element in invalid} == {
        "message_to_applicant", "request_ID_DOCUMENT", "request_PROOF_OF_INCOME",
    }  # fmt: skip
    assert all("decision-error" in element.get("aria-describedby").split() for element in invalid)
    # Said once, at the form, not again in the page's message list.
    assert REFUSED_MESSAGE not in " ".join(
        text(element) for element in page.xpath("//ul[contains(@class, 'messagelist')]")
    )


def test_a_decision_without_a_choice_or_reason_marks_the_radios_and_the_reason(
    alice: AgencyCredentials, decided: Applicant
) -> None:
    page = decide(client_in(alice), decided, reason="")
    assert text(one(page, "//*[@id='decision-error']")) == "Escolha uma decisão e escreva o motivo (obrigatório)."
    group = one(page, "//fieldset[@class='decision-choice']")
    assert group.get("aria-invalid") == "true" and group.get("aria-describedby") == "decision-error"
    reason = one(page, "//*[@id='decision-reason']")
    assert reason.get("aria-invalid") == "true" and reason.get("aria-describedby") == "decision-error"
    assert one(page, "//*[@id='decision-message']").get("aria-invalid") is None


def test_a_deadline_out_of_range_marks_the_date_and_keeps_its_help(
    alice: AgencyCredentials, decided: Applicant
) -> None:
    late = (timezone.localdate() + dt.timedelta(days=91)).isoformat()
    page = decide(
        client_in(alice), decided, decision="MORE_INFO", reason="Falta um recibo.", request_PROOF_OF_INCOME="1",
        due_date=late,
    )  # fmt: skip
    due = one(page, "//*[@id='request-due-date']")
    assert due.get("aria-invalid") == "true"
    assert due.get("aria-describedby").split() == ["request-due-date-help", "decision-error"]
    assert text(one(page, "//*[@id='decision-error']")) == "O prazo deve estar nos próximos 90 dias."


def test_a_recorded_decision_is_said_in_a_status_region(alice: AgencyCredentials, decided: Applicant) -> None:
    page = decide(client_in(alice), decided, decision="REJECTED", reason="Taxa de esforço alta.")
    messages = one(page, "//ul[@class='messagelist']")
    assert messages.get("role") == "status"
    assert "Decisão registada: Rejeitado." in text(messages)
    assert not page.xpath("//*[@id='decision-error']")


# --- Best practice: table headers, the search box ---------------------------------------------------


def test_no_table_header_cell_is_empty_on_the_applicant_and_application_pages(
    alice: AgencyCredentials, decided: Applicant
) -> None:
    client = client_in(alice)
    for url in (
        f"/admin/applicants/applicant/{decided.pk}/change/",
        f"/admin/applicants/application/{decided.application_id}/change/",
        "/admin/applicants/applicant/pipeline/",
    ):
        page = tree(client.get(url))
        headers = page.xpath("//th")
        assert headers, url
        assert [h for h in headers if not text(h)] == [], url
    page = applicant_page(client, decided)
    # The decision history's first column is named; the deletion column, with nothing to delete, is gone.
    history = one(page, "//fieldset[@aria-labelledby='decisions-heading']/table")
    assert text(one(history, ".//th[@class='original']")) == "Registo"
    assert "Remover?" not in text(history) and not history.xpath(".//td[@class='delete']")
    assert text(one(page, "//table[@data-testid='documents']/thead")).endswith("Ficheiro")


def test_the_search_box_has_a_label_in_the_pages_language(alice: AgencyCredentials, decided: Applicant) -> None:
    page = tree(client_in(alice).get("/admin/applicants/applicant/"))
    label = one(page, "//label[@for='searchbar']")
    assert text(label) == "Pesquisar"
    assert [image.get("alt") for image in label.xpath(".//img")] == [""]


# --- Best practice: the login page -----------------------------------------------------------------


def test_the_login_page_has_one_heading(db: Any) -> None:
    page = tree(Client().get("/admin/login/"))
    assert [text(h) for h in page.xpath("//h1")] == ["Entrar"]
    assert not page.xpath("//*[@role='alert']") and not page.xpath("//*[@aria-invalid]")


def test_a_failed_login_is_an_alert_tied_to_both_fields(alice: AgencyCredentials) -> None:
    page = tree(Client().post("/admin/login/", {"username": alice.user.get_username(), "password": "wrong"}))
    alert = one(page, "//*[@role='alert']")
    assert alert.get("id") == "login-error" and "password" in text(alert)
    for name in ("username", "password"):
        field = one(page, f"//*[@id='id_{name}']")
        assert field.get("aria-invalid") == "true" and field.get("aria-describedby") == "login-error"
