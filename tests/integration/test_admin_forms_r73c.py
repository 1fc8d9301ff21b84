"""The forms an office fills in the admin (blind probe r73c): amounts typed the Portuguese way (F1), a price unusual
for its listing confirmed before it is saved, the title and price corrected until someone submits (F1), the link
copied and e-mailed (F9)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone

from applicants.models import (
    AuditEvent,
    FormStatus,
    IntakeFormRequest,
    MembershipRole,
)
from applicants.services import AgencyCredentials, staff_member_add
from tests.factories import ApplicantFactory, IntakeFormRequestFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/applicants/intakeformrequest/add/"


def made(factory: Any, **fields: Any) -> Any:
    return factory(**fields)


def client_of(user: Any) -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pt-pt"
    client.force_login(user)
    return client


@pytest.fixture
def colleague(alice: AgencyCredentials) -> Any:
    """A STAFF member (not the agency's admin): creates forms, has no change permission on them."""
    return staff_member_add(
        organization=alice.organization, email="rita@agencia.pt", role=MembershipRole.STAFF, password="x-pass-73c"
    ).user


def new_form(**fields: str) -> dict[str, str]:
    day = timezone.localdate() + dt.timedelta(days=14)
    return {
        "listing_type": "ARRENDAMENTO",
        "property_type": "APARTAMENTO",
        "property_title": "T1 remodelado na Penha de França",
        "property_price": "850,00",
        "expires_at": f"{day:%d/%m/%Y}",
        **fields,
    }


# --- F1: the amount as typed ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "saved"),
    [("850,00", "850.00"), ("850,50", "850.50"), ("850", "850"), ("1.250,00", "1250"), ("1 250,00", "1250"),
     ("850.00", "850"), ("850 €", "850")],
)  # fmt: skip
def test_a_rent_typed_the_portuguese_way_is_saved_as_meant(colleague: Any, typed: str, saved: str) -> None:
    response = client_of(colleague).post(ADD, new_form(property_price=typed))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert IntakeFormRequest.objects.get().property_price == Decimal(saved)


def test_the_price_is_a_text_box_not_a_number_field_that_drops_the_comma(colleague: Any) -> None:
    html = client_of(colleague).get(ADD).content.decode()
    field = html.split('name="property_price"', 1)[1].split(">", 1)[0]
    assert 'type="text"' in html.split('name="property_price"', 1)[0].rsplit("<input", 1)[1]
    assert 'inputmode="decimal"' in field or 'inputmode="decimal"' in html.split('name="property_price"')[0][-200:]
    assert "Confirmo este valor" not in html


def test_an_ambiguous_amount_is_a_field_error_that_says_how_to_write_it(colleague: Any) -> None:
    response = client_of(colleague).post(ADD, new_form(property_price="1,250"))
    assert response.status_code == 200 and not IntakeFormRequest.objects.exists()
    assert "pode ler-se de duas maneiras" in response.content.decode()
    unreadable = client_of(colleague).post(ADD, new_form(property_price="oitocentos")).content.decode()
    assert "Indique um valor em euros, por exemplo 850, 850,00 ou 1.250,00." in unreadable


def test_a_rent_of_tens_of_thousands_is_questioned_and_saved_only_once_confirmed(colleague: Any) -> None:
    client = client_of(colleague)
    questioned = client.post(ADD, new_form(property_price="85000"))
    html = questioned.content.decode()
    assert questioned.status_code == 200 and not IntakeFormRequest.objects.exists()
    assert "Uma renda mensal de 85 000,00 € é invulgar" in html and 'name="price_confirmed"' in html
    confirmed = client.post(ADD, new_form(property_price="85000", price_confirmed="on"))
    assert confirmed.status_code == 302
    assert IntakeFormRequest.objects.get().property_price == Decimal("85000")


def test_a_sale_price_of_a_few_hundred_euros_is_questioned_and_a_usual_one_is_not(colleague: Any) -> None:
    client = client_of(colleague)
    sale = new_form(listing_type="VENDA", property_price="850")
    assert "Um preço de venda de 850,00 € é invulgar" in client.post(ADD, sale).content.decode()
    assert client.post(ADD, {**sale, "property_price": "250.000,00"}).status_code == 302
    assert IntakeFormRequest.objects.get().property_price == Decimal("250000")


def test_staff_correct_the_title_and_price_until_someone_submits(colleague: Any, alice: AgencyCredentials) -> None:
    form = made(IntakeFormRequestFactory, organization=alice.organization, property_price=Decimal("85000"))
    url = f"/admin/applicants/intakeformrequest/{form.pk}/change/"
    client = client_of(colleague)
    html = client.get(url).content.decode()
    assert 'name="property_price"' in html and 'name="property_title"' in html
    assert 'name="listing_type"' not in html  # what the link was made for stays as it was
    response = client.post(url, {"property_title": "T1 na Penha de França", "property_price": "850,00"})
    assert response.status_code == 302
    form.refresh_from_db()
    assert (form.property_title, form.property_price) == ("T1 na Penha de França", Decimal("850"))


def test_once_someone_has_submitted_the_form_is_read_only_and_says_why(
    colleague: Any, alice: AgencyCredentials
) -> None:
    applicant = made(ApplicantFactory, form_request=made(IntakeFormRequestFactory, organization=alice.organization))
    form = applicant.form_request
    url = f"/admin/applicants/intakeformrequest/{form.pk}/change/"
    client = client_of(colleague)
    html = client.get(url).content.decode()
    assert 'name="property_price"' not in html and "já há quem tenha submetido neste formulário" in html
    assert client.post(url, {"property_title": "Outro", "property_price": "1"}).status_code == 403
    form.refresh_from_db()
    assert form.property_price == Decimal("900.00")


def test_a_submission_that_arrives_while_the_page_is_open_keeps_its_price(
    colleague: Any, alice: AgencyCredentials, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = made(IntakeFormRequestFactory, organization=alice.organization)
    url = f"/admin/applicants/intakeformrequest/{form.pk}/change/"
    IntakeFormRequest.objects.filter(pk=form.pk).update(status=FormStatus.COMPLETED)
    # The page's checks ran before the submission arrived: the save itself must lock the form and refuse.
    monkeypatch.setattr("applicants.admin.form_submitted", lambda form_request: False)
    response = client_of(colleague).post(url, {"property_title": "Outro", "property_price": "1.000,00"}, follow=True)
    form.refresh_from_db()
    assert (form.property_title, form.property_price) == (form.property_title, Decimal("900.00"))
    assert form.property_title != "Outro"
    assert "entretanto alguém submeteu neste formulário" in response.content.decode()


# --- F9: the link copied and e-mailed ---------------------------------------------------------------------------


def test_the_link_comes_with_a_copy_button_from_a_script_file(colleague: Any) -> None:
    response = client_of(colleague).post(ADD, new_form(), follow=True)
    html = response.content.decode()
    assert '<code class="copy-source">http' in html and 'class="button copy-link" hidden' in html
    assert "staff/copy_link.js" in html
    assert "<script>" not in html.split('class="messagelist"', 1)[1].split("</ul>", 1)[0]


def test_the_link_is_mailed_once_in_the_agency_s_name_and_the_address_is_kept_nowhere(
    colleague: Any, alice: AgencyCredentials
) -> None:
    response = client_of(colleague).post(ADD, new_form(applicant_email="ana.ferreira@exemplo.pt"), follow=True)
    html = response.content.decode()
    [message] = mail.outbox
    assert message.to == ["ana.ferreira@exemplo.pt"]
    assert alice.organization.name in message.body and "/intake/" in message.body
    assert "T1 remodelado na Penha de França" in message.subject
    assert "Ligação enviada por e-mail ao candidato." in html
    form = IntakeFormRequest.objects.get()
    assert "ana.ferreira" not in str(form.__dict__)
    stored = " ".join(str(event.details) for event in AuditEvent.objects.all())
    assert "ana.ferreira" not in stored


def test_no_address_no_mail(colleague: Any) -> None:
    assert client_of(colleague).post(ADD, new_form()).status_code == 302
    assert not mail.outbox


def test_a_mail_failure_is_said_on_the_page_and_the_form_and_its_link_are_kept(
    colleague: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: Any, **kwargs: Any) -> None:
        raise ConnectionRefusedError

    monkeypatch.setattr("intake.mail.send_mail", refused)
    response = client_of(colleague).post(ADD, new_form(applicant_email="ana@exemplo.pt"), follow=True)
    html = response.content.decode()
    assert IntakeFormRequest.objects.count() == 1
    assert "O e-mail com a ligação não foi enviado; o formulário foi criado." in html
    assert '<code class="copy-source">http' in html


def test_a_wrong_address_is_a_field_error_and_nothing_is_created(colleague: Any) -> None:
    response = client_of(colleague).post(ADD, new_form(applicant_email="ana@"))
    assert response.status_code == 200 and not IntakeFormRequest.objects.exists()
    assert "Indique um e-mail válido." in response.content.decode()
