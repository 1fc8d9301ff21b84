"""The application page's member table said "verificados" of a co-tenant whose own payslips raised the risk (blind
probe r68b, F5): it now adds that a reason of the risk is in that person's proofs."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from applicants.models import Applicant, Application, ApplicationStatus, Role
from applicants.services import AgencyCredentials
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, make_nif
from workspace.admin import application_review_context

pytestmark = pytest.mark.django_db


def made(factory: Any, **fields: Any) -> Any:
    """A factory-boy object, typed as what it makes (factory-boy has no type stubs)."""
    return factory(**fields)


def test_a_proven_income_with_a_reason_in_its_own_payslips_is_marked_and_the_others_is_not(
    alice: AgencyCredentials,
) -> None:
    form: Any = IntakeFormRequestFactory(organization=alice.organization, property_price=Decimal("650.00"))
    application = Application.objects.create(
        organization=alice.organization, form_request=form, status=ApplicationStatus.COMPLETED
    )
    lead: Applicant = made(ApplicantFactory, form_request=form, application=application, role=Role.TENANT)
    co: Applicant = made(
        ApplicantFactory, form_request=form, application=application, role=Role.CO_TENANT, nif=make_nif(7_654_321)
    )
    ScreeningReport.objects.create(
        organization=alice.organization, applicant=lead, application=application, risk_level="MEDIUM",
        identity_verified=True, income_verified=True, dti_ratio=Decimal("0.2910"),
        average_monthly_income=Decimal("2233.35"), justification="Risco médio.", backend="rules", rules_version="t",
        checks=[
            {"name": "income.payslip_months", "passed": True, "evidence": "...", "applicant_id": str(lead.id),
             "role": "TENANT"},
            {"name": "income.payslip_contract_ongoing", "passed": False, "evidence": "...",
             "applicant_id": str(co.id), "role": "CO_TENANT"},
        ],
        household={
            "household_monthly_income": "2233.35", "monthly_cost": "650.00", "guarantor": None,
            "members": [
                {"applicant_id": str(lead.id), "role": "TENANT", "identity_verified": True, "income_verified": True,
                 "average_monthly_income": "1330.00", "income_share": "0.5955"},
                {"applicant_id": str(co.id), "role": "CO_TENANT", "identity_verified": True,
                 "income_verified": True, "average_monthly_income": "903.35", "income_share": "0.4045"},
            ],
        },
    )  # fmt: skip
    figures = application_review_context(application, can_view_pii=True)["figures"]
    reasons = {member["role"]: member["income_reasons"] for member in figures["members"]}
    assert reasons == {"TENANT": False, "CO_TENANT": True}
