"""Blind probe r76d: a newcomer's refusals say what to do next. A colleague refused by their role read "Não tem
permissão para realizar esta ação." (which permission? whom to ask?), and a link to a form staff closed read "Este
formulário expirou." (F1, F2)."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from applicants.models import MembershipRole
from applicants.services import AgencyCredentials, staff_member_add
from tests.conftest import api_client_for
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.helpers import form_request_create

pytestmark = pytest.mark.django_db


def colleague_api(alice: AgencyCredentials, *, role: str, view_pii: bool) -> APIClient:
    colleague = staff_member_add(
        organization=alice.organization, email=f"{role.lower()}-{view_pii}@alice.test", role=role, view_pii=view_pii
    )
    return api_client_for(colleague)


def refusal(response: Any) -> str:
    assert response.status_code == 403, response.content
    body = response.json()
    assert body["code"] == "permission_denied"
    return str(body["detail"])


def test_a_colleague_without_personal_data_is_told_which_permission_and_whom_to_ask(alice: AgencyCredentials) -> None:
    applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    masked = colleague_api(alice, role=MembershipRole.STAFF, view_pii=False)

    for response in (
        masked.get(f"/api/v1/applicants/{applicant.id}/export"),
        masked.patch(f"/api/v1/applicants/{applicant.id}", {"phone": "+351912345678"}, format="json"),
    ):
        assert refusal(response) == (
            "Esta ação requer a permissão de ver dados pessoais, que o seu perfil não tem: peça-a ao administrador "
            "da agência."
        )


@pytest.mark.parametrize("search", ["nif=245718931", "name=Maria"])
def test_a_search_by_personal_data_refused_says_whom_to_ask(alice: AgencyCredentials, search: str) -> None:
    """Blind probe r77a, F4: the NIF and name searches' refusals named the permission but not whom to ask."""
    masked = colleague_api(alice, role=MembershipRole.STAFF, view_pii=False)

    assert refusal(masked.get(f"/api/v1/applicants?{search}")).endswith(
        "requer a permissão de ver dados pessoais, que o seu perfil não tem: peça-a ao administrador da agência."
    )


def test_erasure_refused_to_staff_names_the_permission_in_the_language_asked(alice: AgencyCredentials) -> None:
    applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    staff = colleague_api(alice, role=MembershipRole.STAFF, view_pii=True)

    assert "apagar dados de candidatos" in refusal(staff.delete(f"/api/v1/applicants/{applicant.id}"))
    english = refusal(staff.delete(f"/api/v1/applicants/{applicant.id}", HTTP_ACCEPT_LANGUAGE="en"))
    assert english == (
        "This action needs the permission to erase applicants' data, which your role does not have: ask your "
        "agency's administrator."
    )


def test_someone_of_no_agency_still_reads_the_plain_refusal(outsider: Any) -> None:
    outsiders = APIClient()
    outsiders.force_authenticate(outsider)

    assert refusal(outsiders.get("/api/v1/applicants")) == "Não tem permissão para realizar esta ação."


def test_a_wrong_choice_names_the_valid_values_in_the_answers_language(alice_api: APIClient) -> None:
    """F3: "\"arrendamento\" não é uma opção válida." named no value that is."""
    body = {"property_title": "T2", "property_type": "APARTAMENTO", "listing_type": "arrendamento",
            "property_price": 700, "expires_in_days": 14}  # fmt: skip

    portuguese = alice_api.post("/api/v1/applicants/intake-form-requests", body, format="json")
    english = alice_api.post("/api/v1/applicants/intake-form-requests", body, format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert portuguese.json()["listing_type"] == ['"arrendamento" não é uma opção válida: use ARRENDAMENTO ou VENDA.']
    assert english.json()["listing_type"] == ['"arrendamento" is not a valid choice: use ARRENDAMENTO or VENDA.']
    assert alice_api.get("/api/v1/applicants?risk_level=low").json()["risk_level"] == [
        '"low" não é uma opção válida: use LOW, MEDIUM ou HIGH.'
    ]


def test_a_closed_forms_link_says_whom_to_ask_for_a_new_one(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    assert alice_api.post(f"/api/v1/applicants/intake-form-requests/{form['id']}/close").status_code == 200

    closed = APIClient().get(f"/api/v1/intake/{form['token']}")

    assert (closed.status_code, closed.json()["code"]) == (410, "form_expired")
    assert closed.json()["detail"] == (
        "Este formulário já não aceita candidaturas: expirou ou a agência fechou-o. Peça uma nova ligação à agência."
    )
