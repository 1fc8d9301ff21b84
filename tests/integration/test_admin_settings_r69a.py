"""The agency's settings, its forms and its decisions in the admin (blind probe r69a: an agency admin saved a medium
limit of -0,1 and an interest rate of 4 for 4 %, read English constraint names, "O agência … foi adicionado", dates
year first and a form's token hash)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from applicants.models import Decision, Organization
from applicants.services import AgencyCredentials, decision_record
from tests.factories import ApplicantFactory, IntakeFormRequestFactory

pytestmark = pytest.mark.django_db


def logged_in(credentials: AgencyCredentials) -> Client:
    client = Client()
    client.force_login(credentials.user)
    return client


def settings_url(credentials: AgencyCredentials) -> str:
    return f"/admin/applicants/organization/{credentials.organization.pk}/change/"


def post_settings(client: Client, credentials: AgencyCredentials, changes: dict[str, str], **extra: str) -> Any:
    """The settings page submitted as it was shown, with ``changes`` typed over it."""
    form = client.get(settings_url(credentials)).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data.update(changes)
    return client.post(settings_url(credentials), {k: v for k, v in data.items() if v is not None} | extra)


def field_errors(response: Any) -> dict[str, list[str]]:
    return {name: list(errors) for name, errors in response.context["adminform"].form.errors.items()}


def test_the_ratios_are_shown_and_typed_as_percentages(alice: AgencyCredentials) -> None:
    client = logged_in(alice)
    page = client.get(settings_url(alice)).content.decode()
    assert 'value="35,0"' in page and 'value="40,0"' in page and 'value="4,00"' in page
    assert "Em percentagem" in page

    response = post_settings(
        client, alice, {"dti_medium_threshold": "36,5", "dti_high_threshold": "42", "sale_annual_interest_rate": "3,75"}
    )

    assert response.status_code == 302, field_errors(response)
    alice.organization.refresh_from_db()
    assert (
        alice.organization.dti_medium_threshold,
        alice.organization.dti_high_threshold,
        alice.organization.sale_annual_interest_rate,
    ) == (Decimal("0.365"), Decimal("0.42"), Decimal("0.0375"))
    listing = client.get("/admin/applicants/organization/").content.decode()
    assert "36,5 %" in listing and "42 %" in listing


RATIO_RANGE = "Indique uma percentagem de 1 % a 100 % (por exemplo 35 para 35 %)."
RATE_RANGE = "Indique uma percentagem de 0 % a 25 % (por exemplo 4 para 4 %)."


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("dti_medium_threshold", "-10", RATIO_RANGE),  # V-1: -0,1 was saved
        ("dti_medium_threshold", "0,35", RATIO_RANGE),  # the fraction the page used to take, not 0,35 %
        ("dti_high_threshold", "400", RATIO_RANGE),
        ("dti_guarantor_threshold", "0", RATIO_RANGE),
        ("sale_loan_to_value", "150", RATIO_RANGE),
        ("sale_annual_interest_rate", "400", RATE_RANGE),  # V-2: 4 (400 %) was saved
        ("sale_annual_interest_rate", "-1", RATE_RANGE),
    ],
)
def test_a_setting_out_of_its_range_is_refused_at_its_field_in_words(
    alice: AgencyCredentials, field: str, typed: str, message: str
) -> None:
    before = Organization.objects.values().get(pk=alice.organization.pk)
    response = post_settings(logged_in(alice), alice, {field: typed})

    assert response.status_code == 200
    assert field_errors(response) == {field: [message]}
    assert Organization.objects.values().get(pk=alice.organization.pk) == before


def test_a_medium_limit_above_the_high_one_is_refused_at_the_medium_field_in_portuguese(
    alice: AgencyCredentials,
) -> None:
    response = post_settings(logged_in(alice), alice, {"dti_medium_threshold": "45"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Constraint" not in page and "organization_dti_thresholds_ordered" not in page
    assert field_errors(response) == {"dti_medium_threshold": ["O limiar médio não pode ser superior ao alto (40 %)."]}


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("id_expiry_warning_days", "1000", "Indique no máximo 365 dias (um ano)."),
        ("sale_loan_term_years", "60", "Indique de 1 a 50 anos."),
        ("sale_loan_term_years", "0", "Indique de 1 a 50 anos."),
        ("retention_days_after_decision", "0", "Indique de 1 a 3650 dias (dez anos)."),
        ("retention_days_undecided", "5000", "Indique de 1 a 3650 dias (dez anos)."),
        ("authenticity_modified_after_days", "5000", "Indique de 1 a 3650 dias (dez anos)."),
    ],
)
def test_a_count_of_days_or_years_out_of_its_range_is_refused_with_the_whole_range(
    alice: AgencyCredentials, field: str, typed: str, message: str
) -> None:
    response = post_settings(logged_in(alice), alice, {field: typed})

    assert field_errors(response) == {field: [message]}


def test_the_model_holds_the_ranges_in_fractions_with_portuguese_messages(alice: AgencyCredentials) -> None:
    """Whatever the way in (a shell, another form): the validators and the constraints speak pt-PT."""
    organization = alice.organization
    organization.sale_annual_interest_rate = Decimal("4")
    organization.dti_medium_threshold = Decimal("-0.1")
    with pytest.raises(ValidationError) as refused:
        organization.full_clean()
    assert refused.value.message_dict["sale_annual_interest_rate"] == ["Indique uma taxa anual de 0 % a 25 %."]
    assert refused.value.message_dict["dti_medium_threshold"] == ["Indique uma percentagem acima de 0 % e até 100 %."]

    organization.refresh_from_db()
    organization.dti_medium_threshold = Decimal("0.5")
    with pytest.raises(ValidationError) as unordered:
        organization.validate_constraints()
    assert unordered.value.messages == ["O limiar médio da taxa de esforço não pode ser superior ao alto."]


def test_saving_the_agency_says_it_was_changed_in_the_feminine(alice: AgencyCredentials) -> None:
    client = logged_in(alice)

    kept_editing = post_settings(client, alice, {}, _continue="1")
    saved = post_settings(client, alice, {})

    name = alice.organization.name
    assert [str(m) for m in kept_editing.wsgi_request._messages] == [
        f'A agência “<a href="{settings_url(alice)}">{name}</a>” foi alterada com sucesso. Pode editar novamente abaixo.'
    ]
    assert [str(m) for m in saved.wsgi_request._messages] == [
        f'A agência “<a href="{settings_url(alice)}">{name}</a>” foi alterada com sucesso.'
    ]


def test_adding_a_form_says_it_was_added_in_the_masculine(alice: AgencyCredentials) -> None:
    client = logged_in(alice)
    response = client.post(
        "/admin/applicants/intakeformrequest/add/",
        {
            "listing_type": "ARRENDAMENTO",
            "property_type": "APARTAMENTO",
            "property_title": "T1 no Porto",
            "property_price": "750",
            "expires_at": (timezone.localdate() + dt.timedelta(days=10)).strftime("%d/%m/%Y"),
        },
    )
    assert response.status_code == 302
    shown = [str(m) for m in response.wsgi_request._messages]
    assert any("O pedido de candidatura “" in m and "” foi adicionado com sucesso." in m for m in shown), shown


def test_a_decision_reads_in_words_with_the_day_as_the_agency_writes_it(alice: AgencyCredentials) -> None:
    applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    decided_at = timezone.make_aware(dt.datetime(2026, 12, 7, 10, 30))
    decision = decision_record(
        applicant=applicant, decided_by=alice.user, report_id=None, decision="APPROVED", reason="Rendimento suficiente."
    )
    Decision.objects.filter(pk=decision.pk).update(decided_at=decided_at)
    decision.refresh_from_db()

    assert str(decision) == "Aprovado em 07/12/2026"
    decision.decision = "MORE_INFO"
    assert str(decision) == "Mais documentos pedidos em 07/12/2026"
    page = logged_in(alice).get(f"/admin/applicants/decision/{decision.pk}/change/").content.decode()
    assert "2026-12-07" not in page and "Aprovado em 07/12/2026" in page


def test_the_form_links_default_expiry_is_written_day_first(alice: AgencyCredentials) -> None:
    page = logged_in(alice).get("/admin/applicants/intakeformrequest/add/").content.decode()

    default = timezone.localdate() + dt.timedelta(days=14)
    assert f'value="{default:%d/%m/%Y}"' in page
    assert f"{default:%Y-%m-%d}" not in page


def test_a_forms_page_shows_the_price_in_euros_and_no_token_hash(alice: AgencyCredentials) -> None:
    form_request = IntakeFormRequestFactory(organization=alice.organization, property_price=Decimal("1200.00"))
    # Read-only once someone has submitted (until then staff may correct the price: blind probe r73c, F1).
    ApplicantFactory(form_request=form_request)

    page = logged_in(alice).get(f"/admin/applicants/intakeformrequest/{form_request.pk}/change/").content.decode()

    assert "1 200,00 €" in page
    assert form_request.token_hash not in page and "Hash do token" not in page


def test_the_sidebar_filter_is_spelled_in_portuguese(alice: AgencyCredentials) -> None:
    page = logged_in(alice).get("/admin/applicants/applicant/").content.decode()

    assert "Comece a digitar para filtrar" in page and "Começe" not in page


def test_saving_the_settings_as_shown_records_no_change_in_the_history(alice: AgencyCredentials) -> None:
    """The page shows 35,0 where 0.350 is stored: compared as typed, every ratio would read as changed."""
    from django.contrib.admin.models import LogEntry

    post_settings(logged_in(alice), alice, {})
    post_settings(logged_in(alice), alice, {"dti_high_threshold": "45"})

    entries = LogEntry.objects.filter(object_id=str(alice.organization.pk)).order_by("action_time")
    changed = [[len(change["changed"]["fields"]) for change in json.loads(entry.change_message)] for entry in entries]
    assert changed == [[], [1]]
