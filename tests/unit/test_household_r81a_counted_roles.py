"""A household's people named for how many they are (blind probe r81a): three students, a lead and two co-tenants who
sent no proof of income, read "arrendatário principal e coarrendatário: não foi enviado nenhum comprovativo", as if
one co-tenant. Each role is said once with its count, in the language's plural."""

from __future__ import annotations

import datetime as dt
from typing import Any

from screening.rules.household import assess_household_node, household_report, people_of_roles, verify_incomes
from screening.rules.report import BUYER_ROLE_WORDS, REASON_TEXT, ROLE_WORDS

TODAY = dt.date(2026, 12, 4)
THRESHOLDS = {"dti_high": "0.400", "dti_medium": "0.350", "dti_guarantor": "0.300", "sale_loan_to_value": "0.900",
              "sale_annual_interest_rate": "0.0400", "sale_loan_term_years": 30}  # fmt: skip
PEOPLE = [
    ("lead", "TENANT", {"nif": "245718931", "name": "Duarte Vilaça Amaral", "date_of_birth": "1991-05-02"}),
    ("co1", "CO_TENANT", {"nif": "232014556", "name": "Leonor Faria Quintas", "date_of_birth": "1993-08-17"}),
    ("co2", "CO_TENANT", {"nif": "245901236", "name": "Tomás Ribeiro Sousa", "date_of_birth": "1994-02-11"}),
]
EMPLOYER = {"employer_name": "Tecelagem Ribeirinha, S.A.", "employer_nif": "501495347"}


def payslip(who: dict[str, str], period: str, net: float) -> dict[str, Any]:
    fields = {"employee_name": who["name"], "employee_nif": who["nif"], "period": period, "net_pay": net,
              "gross_pay": round(net / 0.89, 2), **EMPLOYER}  # fmt: skip
    return {"document_id": f"{who['nif']}-{period}", "status": "EXTRACTED", "kind": "RECIBO_VENCIMENTO",
            "fields": fields, "warnings": []}  # fmt: skip


def report_of(documents: dict[str, list[dict[str, Any]]], rent: str) -> str:
    members = [
        {"applicant_id": key, "role": role, "applicant": {**who, "income_profile": "EMPLOYEE"},
         "documents": documents.get(key, [])}
        for key, role, who in PEOPLE
    ]  # fmt: skip
    state: dict[str, Any] = {"thresholds": THRESHOLDS, "property": {"listing_type": "ARRENDAMENTO", "price": rent},
                             "today": TODAY.isoformat(), "members": members,
                             "identity": {"members": {key: {"verified": True, "warnings": []}
                                                      for key, _, _ in PEOPLE}}}  # fmt: skip
    state["income"] = verify_incomes(state)
    state["affordability"] = assess_household_node(state)
    return str(household_report(state)["justification"])


def test_a_reason_of_three_tenants_names_the_two_co_tenants_as_two() -> None:
    old = {key: [payslip(who, m, 900.0) for m in ("2026-07", "2026-08", "2026-09")] for key, _, who in PEOPLE}
    report = report_of(old, "700")
    assert f"arrendatário principal e 2 coarrendatários: {REASON_TEXT['latest_payslip_old']}" in report
    assert "arrendatário principal e coarrendatário:" not in report


def test_the_co_tenants_left_out_of_the_sum_are_counted() -> None:
    lead = {"lead": [payslip(PEOPLE[0][2], m, 1900.0) for m in ("2026-09", "2026-10", "2026-11")]}
    report = report_of(lead, "600")
    assert "Sem rendimento comprovado, fora da soma: 2 coarrendatários." in report


def test_people_of_roles_says_each_role_once_with_its_count() -> None:
    assert people_of_roles(["CO_TENANT"], ROLE_WORDS) == "coarrendatário"
    assert people_of_roles(["TENANT", "CO_TENANT"], ROLE_WORDS) == "arrendatário principal e coarrendatário"
    assert people_of_roles(["TENANT", "CO_TENANT", "CO_TENANT", "CO_TENANT"], ROLE_WORDS) == (
        "arrendatário principal e 3 coarrendatários"
    )
    assert people_of_roles(["CO_TENANT", "CO_TENANT", "GUARANTOR", "GUARANTOR"], ROLE_WORDS) == (
        "2 coarrendatários e 2 fiadores"
    )
    assert people_of_roles(["TENANT", "CO_TENANT", "CO_TENANT"], BUYER_ROLE_WORDS) == (
        "comprador principal e 2 cocompradores"
    )
