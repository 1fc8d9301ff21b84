"""Staff give a form a new link: its link is shown once and only its hash is stored, so a lost link (or one sent to
the wrong person) meant closing the form and creating it again. The old link ends at once, saying it was replaced."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from applicants.errors import FormExpired
from applicants.models import AuditAction, AuditEvent, IntakeFormRequest
from applicants.selectors import intake_link_by_token
from applicants.services import AgencyCredentials, form_request_link_renew, staff_member_add
from intake.services import SubmissionData, submission_receive
from tests.helpers import form_request_create, submission_body

pytestmark = pytest.mark.django_db


def renew(api: APIClient, form: dict[str, Any]) -> Any:
    return api.post(f"/api/v1/applicants/intake-form-requests/{form['id']}/link")


def submit(token: str) -> Any:
    return APIClient().post(f"/api/v1/intake/{token}/submissions", submission_body("245718931", []), format="json")


def test_a_new_link_works_and_the_old_one_answers_that_it_was_replaced(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    response = renew(alice_api, form)
    assert response.status_code == 200
    renewed = response.json()
    assert renewed["id"] == form["id"] and renewed["status"] == "PENDING"
    assert renewed["token"] != form["token"]
    assert renewed["intake_url"].endswith(f"/intake/{renewed['token']}/")
    old = APIClient().get(f"/api/v1/intake/{form['token']}")
    assert (old.status_code, old.json()["code"]) == (410, "form_expired")
    assert "substituída pela agência" in old.json()["detail"]
    assert APIClient().get(f"/api/v1/intake/{renewed['token']}").status_code == 200
    slot = APIClient().post(
        f"/api/v1/intake/{form['token']}/uploads",
        {"filename": "recibo.pdf", "content_type": "application/pdf", "size": 1000, "document_type": "PROOF_OF_INCOME"},
        format="json",
    )
    assert (slot.status_code, slot.json()["code"]) == (410, "form_expired")
    assert (submit(form["token"]).status_code, submit(form["token"]).json()["code"]) == (410, "form_expired")
    assert submit(renewed["token"]).status_code == 201
    # The person who submitted on the new link is not shown to whoever holds the old one.
    status = APIClient().get(f"/api/v1/intake/{form['token']}/status")
    assert (status.status_code, status.json()["code"]) == (410, "form_expired")
    assert "Maria" not in status.content.decode()
    trail = AuditEvent.objects.get(action=AuditAction.FORM_LINK_RENEWED, target_id=form["id"])
    assert form["token"] not in str(trail.details) and renewed["token"] not in str(trail.details)
    # Listed and read back as before, without a token.
    assert "token" not in alice_api.get(f"/api/v1/applicants/intake-form-requests/{form['id']}").json()


def test_a_second_new_link_ends_the_first_one_too(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    first = renew(alice_api, form).json()
    second = renew(alice_api, form).json()
    for ended in (form, first):
        assert APIClient().get(f"/api/v1/intake/{ended['token']}").status_code == 410
    assert APIClient().get(f"/api/v1/intake/{second['token']}").status_code == 200


def test_a_submitted_form_keeps_its_link_and_a_closed_one_is_not_revived(alice_api: APIClient, queued: Any) -> None:
    submitted, closed = form_request_create(alice_api), form_request_create(alice_api)
    assert submit(submitted["token"]).status_code == 201
    refused = renew(alice_api, submitted)
    assert (refused.status_code, refused.json()["code"]) == (409, "form_not_pending")
    assert alice_api.post(f"/api/v1/applicants/intake-form-requests/{closed['id']}/close").status_code == 200
    refused = renew(alice_api, closed)
    assert (refused.status_code, refused.json()["code"]) == (410, "form_expired")
    assert not AuditEvent.objects.filter(action=AuditAction.FORM_LINK_RENEWED).exists()
    assert APIClient().get(f"/api/v1/intake/{submitted['token']}/status").status_code == 200


def test_another_agency_s_form_is_not_found_and_a_colleague_who_cannot_create_forms_is_refused(
    alice: AgencyCredentials, alice_api: APIClient, bob_api: APIClient
) -> None:
    form = form_request_create(alice_api)
    assert renew(bob_api, form).status_code == 404
    reader = staff_member_add(organization=alice.organization, email="leitor@alice.test")
    reader.user.user_permissions.remove(*reader.user.user_permissions.filter(codename="add_intakeformrequest"))
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {reader.token}")
    assert renew(api, form).status_code == 403
    assert APIClient().get(f"/api/v1/intake/{form['token']}").status_code == 200


def test_a_submission_on_a_link_replaced_after_it_was_opened_is_refused_under_the_lock(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    form = form_request_create(alice_api)
    opened = intake_link_by_token(token=form["token"])
    form_request_link_renew(form_request=IntakeFormRequest.objects.get(pk=form["id"]), renewed_by=alice.user)
    body = submission_body("245718931", [])
    data = SubmissionData(**{name: body[name] for name in ("nif", "name", "email", "phone", "terms_accepted")},
                          date_of_birth=dt.date(1990, 6, 15), documents=[])  # fmt: skip
    with pytest.raises(FormExpired, match="substituída pela agência"):
        submission_receive(form_request=opened.form_request, data=data, link_token_hash=opened.token_hash)


def test_the_old_link_s_page_says_the_agency_replaced_it(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    renew(alice_api, form)
    page = Client().get(f"/intake/{form['token']}/?lang=pt")
    assert page.status_code == 410
    assert "A agência substituiu esta ligação" in page.content.decode()
    english = Client().get(f"/intake/{form['token']}/?lang=en")
    assert "The agency replaced this link with a newer one" in english.content.decode()
    assert "most recent e-mail" not in english.content.decode()


def test_the_admin_gives_selected_forms_new_links_shown_once_with_their_copy_button(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any
) -> None:
    pending, submitted = form_request_create(alice_api), form_request_create(alice_api, property_title="T1 na Graça")
    assert submit(submitted["token"]).status_code == 201
    client = Client()
    client.force_login(alice.user)
    response = client.post(
        "/admin/applicants/intakeformrequest/",
        {"action": "renew_links", "_selected_action": [pending["id"], submitted["id"]]},
        follow=True,
    )
    html = response.content.decode()
    assert "T3 no Porto: nova ligação" in html and 'class="button copy-link"' in html
    assert "T1 na Graça: Já alguém submeteu neste formulário" in html
    assert APIClient().get(f"/api/v1/intake/{pending['token']}").status_code == 410
