"""The admin's forms label every field in European Portuguese: fields without a verbose_name showed labels made
from their names ("Listing type:", "Property price:", "Expires at:", "Applicant:") on the pages staff fill in."""

from __future__ import annotations

import pytest
from django.test import Client

from applicants.services import AgencyCredentials

pytestmark = pytest.mark.django_db

# The admin writes a field's label capitalised and followed by a colon, inside its <label>.
FORM_REQUEST_LABELS = {
    "Listing type:": "Tipo de negócio:",
    "Property type:": "Tipo de imóvel:",
    "Property title:": "Título do imóvel:",
    # What the price is for each listing, and a day as the API's expires_in_days (blind probe C31).
    "Property price:": "Renda mensal ou preço de venda (€):",
    "Expires at:": "Expira no fim do dia:",
}


@pytest.fixture
def staff_client(alice: AgencyCredentials) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="pt-PT,pt;q=0.9")
    alice.user.is_staff = True
    alice.user.save()
    client.force_login(alice.user)
    return client


@pytest.mark.parametrize(
    ("url", "labels"),
    [
        ("/admin/applicants/intakeformrequest/add/", FORM_REQUEST_LABELS),
        # No decision add page: decisions are taken on the applicant's page (tests/integration/test_admin_c31_guard.py).
    ],
)
def test_add_forms_label_their_fields_in_portuguese(staff_client: Client, url: str, labels: dict[str, str]) -> None:
    response = staff_client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert [english for english in labels if english in page] == []
    assert [portuguese for portuguese in labels.values() if portuguese not in page] == []
