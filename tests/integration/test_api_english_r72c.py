"""Blind probe r72c: what an English-speaking client reads in the API's errors, and a switch that is a JSON boolean.

DRF's stock English named ISO 8601's pattern with no example ("Date has wrong format. Use one of these formats
instead: YYYY-MM-DD.") and, for a deadline, only a date-time though a date alone is taken; the English bound of an
amount printed Portuguese money ("0,01 €"); ``"force": "yes"`` forced a household's screening (202).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone, translation
from rest_framework.test import APIClient

from applicants.models import Application, ApplicationStatus, Role
from intake.status import household_status
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.helpers import form_request_create, submission_body
from tests.integration.test_households_c28 import left_out_guarantor
from tests.integration.test_households_staff import household_of
from workspace.second_round import RequestedDocument, decision_take
from workspace.serializers import DecisionCreateSerializer

pytestmark = pytest.mark.django_db

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}
FORMS = "/api/v1/applicants/intake-form-requests"


def test_a_badly_written_date_of_birth_says_the_form_in_english_with_an_example(
    alice_api: APIClient, queued: Any
) -> None:
    form = form_request_create(alice_api)
    body = submission_body("245718931", [], date_of_birth="15/06/1990")
    response = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json", **ENGLISH)
    assert response.json()["date_of_birth"] == [
        "The date has the wrong format: use YYYY-MM-DD (for example, 1990-06-15)."
    ]
    # The Portuguese reads as before.
    response = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json")
    assert response.json()["date_of_birth"] == [
        "A data tem um formato errado: use AAAA-MM-DD (por exemplo, 1990-06-15)."
    ]


def test_a_badly_written_deadline_says_in_english_that_a_date_alone_is_taken() -> None:
    data = {"decision": "MORE_INFO", "reason": "A payslip is missing", "due_at": "tomorrow"}
    with translation.override("en"):
        serializer = DecisionCreateSerializer(data=data)
        assert not serializer.is_valid()
        [message] = [str(error) for error in serializer.errors["due_at"]]
    assert message == (
        "The date and time have the wrong format: use YYYY-MM-DD or YYYY-MM-DDThh:mm with the time zone"
        " (for example, 2026-12-31T18:00+00:00)."
    )
    assert "Datetime" not in message and "[:ss" not in message


def test_a_price_below_a_cent_is_refused_in_english_money_in_english(alice_api: APIClient) -> None:
    body = {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO", "property_title": "T1", "property_price": 0}
    english = alice_api.post(FORMS, body, format="json", **ENGLISH)
    assert english.json()["property_price"] == ["Enter an amount of at least €0.01."]
    portuguese = alice_api.post(FORMS, body, format="json")
    assert portuguese.json()["property_price"] == ["Indique um valor igual ou superior a 0,01 €."]


def _waiting_application(alice: Any) -> Application:
    form = IntakeFormRequestFactory(organization=alice.organization)
    application = Application.objects.create(
        organization=alice.organization, form_request=form, status=ApplicationStatus.WAITING
    )
    ApplicantFactory(form_request=form, application=application, role=Role.TENANT)
    return application


@pytest.mark.parametrize("force", ["yes", "true", 1, "on", None])
def test_forcing_a_household_s_screening_takes_the_json_true_only(alice: Any, alice_api: APIClient, force: Any) -> None:
    application = _waiting_application(alice)
    response = alice_api.post(f"/api/v1/applications/{application.id}/screen", {"force": force}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["force"]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.WAITING


def test_the_lead_s_page_says_when_a_guarantor_was_left_out_of_a_forced_screening(
    alice: Any, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """U2: the lead read "invitation sent, not submitted yet" while the guarantor's own link said the application
    went ahead without them; the status says when they were left out, the co-tenant who submitted was not."""
    application, _token = left_out_guarantor(alice, alice_api, django_capture_on_commit_callbacks)
    leads_page = household_status(SimpleNamespace(invitation=None, form_request=application.form_request))
    assert [(m["role"], m["invitation_status"], m["left_out_at"] is not None) for m in leads_page] == [
        ("CO_TENANT", "SUBMITTED", False),
        ("GUARANTOR", "SENT", True),
    ]


def test_the_second_round_s_mail_asks_for_the_documents_by_the_deadline_not_for_a_reply(
    alice: Any, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    """F3: the English half said "Please reply by ..." from an address that takes no replies; the documents go
    through the link. The Portuguese half keeps its "Prazo:"."""
    _application, lead, _co_tenant = household_of(alice)
    with django_capture_on_commit_callbacks(execute=True):
        decision_take(
            applicant=lead,
            decided_by=alice.user,
            decision="MORE_INFO",
            reason="Falta um recibo.",
            requested_documents=[RequestedDocument(document_type="PROOF_OF_INCOME", note="outubro")],
            due_at=timezone.now() + dt.timedelta(days=10),
        )
    [sent] = mailoutbox
    portuguese, english = sent.body.split("\n--\n")
    assert "reply" not in english.lower()
    assert "Please send them by " in english and "through your personal link" in english
    assert "Prazo: " in portuguese


@pytest.mark.parametrize(
    ("query", "cookie", "page_language"),
    [("?lang=pt", "", "pt-PT"), ("?lang=PT-PT", "", "pt-PT"), ("", "pt", "pt-PT"), ("?lang=en-GB", "", "en"),
     ("?lang=de", "", "en")],
)  # fmt: skip
def test_a_language_chosen_is_read_as_the_status_api_reads_it(
    alice_api: APIClient, query: str, cookie: str, page_language: str
) -> None:
    """F13: "?lang=pt" in an English browser: the API reads any "pt..." as pt-PT, the page read only "pt-pt" and
    fell back to the browser's English. A language it does not speak is no choice: the browser's (English) then."""
    form = form_request_create(alice_api)
    client = Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    html = client.get(f"/intake/{form['token']}/{query}").content.decode()
    assert f'<html lang="{page_language}"' in html
