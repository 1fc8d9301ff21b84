"""Income profiles through the whole pipeline (eager Celery, real extraction, the rules), checked against
numbers computed by hand: an independent worker, a pensioner, a passport holder, a residence-permit holder
and an employee whose latest payslip carries the subsídio de Natal."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from rest_framework.test import APIClient

from applicants.models import Applicant
from samples.identity import foreign_card_png, make_foreigner, passport_png, residence_permit_png
from samples.income_profiles import Pension, employer_declaration_pdf, inicio_atividade_pdf, pension_statement_pdf
from samples.payslips import Payroll, family_payslip, fatura_recibo_pdf
from samples.synthetic import Person, Synthetic, id_card_png, make_person, recent_months
from screening.explanation import applicant_explanation
from screening.models import ScreeningReport
from tests.helpers import form_request_create, submission_body, upload

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.ocr]

TODAY = dt.date.today()
MONTHS = recent_months(TODAY, 6)  # last month first


@dataclass
class Profile:
    person: Person
    profile: str
    documents: list[Synthetic]
    rent: Decimal


def submit(api: APIClient, case: Profile) -> ScreeningReport:
    form = form_request_create(api, property_price=float(case.rent))
    documents = [
        {"key": upload(form["token"], d), "original_filename": d.name, "content_type": d.content_type,
         "document_type": d.document_type}
        for d in case.documents
    ]  # fmt: skip
    body = submission_body(case.person.nif, documents, name=case.person.full_name,
                           date_of_birth=case.person.date_of_birth.isoformat(), income_profile=case.profile)  # fmt: skip
    response = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json")
    assert response.status_code == 201, response.content
    applicant = Applicant.objects.get(id=response.json()["applicant_id"])
    assert applicant.status == "COMPLETED", applicant.failure_reason
    return ScreeningReport.objects.get(applicant=applicant)


def check_named(report: ScreeningReport, name: str) -> dict[str, Any]:
    return next(c for c in report.checks if c["name"] == name)


def payslips(person: Person, payrolls: list[Payroll]) -> list[Synthetic]:
    families = ["header_value_rows", "two_columns", "two_pages"]
    return [
        family_payslip(families[i % 3], person, MONTHS[i], base=p.base, rng=random.Random(i), variant=i, payroll=p)
        for i, p in enumerate(payrolls)
    ]


def plain(base: str, *, meal_days: int, meal: str, irs: str, **kwargs: Any) -> Payroll:
    return Payroll(base=Decimal(base), meal_days=meal_days, meal_per_day=Decimal(meal), irs_rate=Decimal(irs), **kwargs)


def assert_report(report: ScreeningReport, *, income: Decimal, dti: Decimal, risk: str, method: str) -> None:
    assert report.identity_verified, report.justification
    assert report.income_verified, report.justification
    assert report.average_monthly_income == income, report.justification
    assert report.dti_ratio == dti
    assert report.risk_level == risk, report.justification
    assert method in check_named(report, "income.monthly_income")["evidence"]
    assert method in report.justification
    assert check_named(report, "income.profile_documents")["passed"]


def six_faturas_recibo(person: Person) -> list[Synthetic]:
    """Six months' faturas-recibo: the first and fourth without VAT, the fourth without IRS withheld; kept of each,
    base - IRS at 25%: 1125 + 1125 + 900 + 1800 + 1200 + 1050 = 7200 over the 6 months they span = 1200.00."""
    bases = ["1500.00", "1500.00", "1200.00", "1800.00", "1600.00", "1400.00"]
    return [
        fatura_recibo_pdf(person, MONTHS[i].replace(day=20), base=Decimal(base), rng=random.Random(i), variant=i,
                          vat_exempt=i in (0, 3), withholding_rate=None if i == 3 else Decimal("0.25"))
        for i, base in enumerate(bases)
    ]  # fmt: skip


def test_independent_worker_with_six_faturas_recibo(alice_api: APIClient, celery_eager: None) -> None:
    person = make_person(random.Random(101), TODAY)
    invoices = six_faturas_recibo(person)
    activity = inicio_atividade_pdf(person, started=TODAY - dt.timedelta(days=900))
    case = Profile(person, "INDEPENDENT", [id_card_png(person), *invoices, activity], Decimal("400"))
    report = submit(alice_api, case)
    # Kept of each invoice: base - IRS withheld at 25% (the fourth has none); VAT is not income.
    # 1125 + 1125 + 900 + 1800 + 1200 + 1050 = 7200 over the 6 months they span = 1200.00
    # rent 400 / 1200 = 0.3333 -> LOW
    assert_report(report, income=Decimal("1200.00"), dti=Decimal("0.3333"), risk="LOW",
                  method="média de 6 faturas-recibo")  # fmt: skip
    assert check_named(report, "income.activity_start")["passed"]


def test_pensioner_of_the_seguranca_social(alice_api: APIClient, celery_eager: None) -> None:
    person = make_person(random.Random(202), TODAY)
    pension = Pension(gross=Decimal("1000.00"), deductions=[("Retenção na fonte de IRS", Decimal("40.00"))])
    statement = pension_statement_pdf(person, pension, issued=TODAY - dt.timedelta(days=10), issuer="SS")
    report = submit(alice_api, Profile(person, "PENSIONER", [id_card_png(person), statement], Decimal("400")))
    # net 1000 - 40 = 960, paid 14 times a year: 960 x 14 / 12 = 1120.00
    # rent 400 / 1120 = 0.35714 -> 0.3571, above 0.35 -> MEDIUM
    assert_report(report, income=Decimal("1120.00"), dti=Decimal("0.3571"), risk="MEDIUM", method="pensão x 14 / 12")


def test_passport_holder_paid_in_duodecimos(alice_api: APIClient, celery_eager: None) -> None:
    rng = random.Random(303)
    person = make_foreigner(rng, TODAY)
    passport = passport_png(person, rng=rng).document
    payroll = [plain("2000", meal_days=20, meal="6.00", irs="0.134", twelfths=True) for _ in range(3)]
    report = submit(alice_api, Profile(person, "EMPLOYEE", [passport, *payslips(person, payroll)], Decimal("650")))
    # gross 2000 + meal 120 (exempt) + duodécimos 2 x 166.67 = 2453.34; SS 11% of 2333.34 = 256.67;
    # IRS 13.4% of 2333.34 = 312.67; net 2453.34 - 256.67 - 312.67 = 1884.00, subsidies already in it: no x 14 / 12
    # rent 650 / 1884 = 0.34501 -> 0.3450 -> LOW
    assert_report(report, income=Decimal("1884.00"), dti=Decimal("0.3450"), risk="LOW", method="duodécimos")
    assert report.checks[0]["name"] == "identity.document_read"


def test_eu_citizen_with_both_sides_of_a_spanish_identity_card(alice_api: APIClient, celery_eager: None) -> None:
    rng = random.Random(505)
    person = make_foreigner(rng, TODAY)
    sides = [foreign_card_png(person, rng=rng, state="ESP", side=side).document for side in ("front", "back")]
    payroll = [plain("1500", meal_days=21, meal="6.00", irs="0.11") for _ in range(3)]
    report = submit(alice_api, Profile(person, "EMPLOYEE", [*sides, *payslips(person, payroll)], Decimal("500")))
    assert report.identity_verified, [c for c in report.checks if c["name"].startswith("identity")]
    assert "(cartão de identidade)" in check_named(report, "identity.document_read")["evidence"]
    assert check_named(report, "identity.mrz_valid")["passed"]
    assert check_named(report, "identity.sides_agree")["passed"]
    explanation = applicant_explanation(applicant=report.applicant, report=report)
    identity = next(c for c in explanation["checks"] if c["name"] == "identity")
    assert identity["passed"] and "com o cartão de identidade" in identity["text"]


def test_employee_with_an_employer_declaration_beside_the_payslips(alice_api: APIClient, celery_eager: None) -> None:
    rng = random.Random(606)
    person = make_person(rng, TODAY)
    card = id_card_png(person)
    payroll = [plain("1400", meal_days=21, meal="6.00", irs="0.10") for _ in range(3)]
    papers = payslips(person, payroll)
    employer = (str(papers[0].expected["employer_name"]), str(papers[0].expected["employer_nif"]))
    declaration = employer_declaration_pdf(person, employer=employer, started=TODAY - dt.timedelta(days=900),
                                           gross=Decimal("1400"), issued=TODAY - dt.timedelta(days=10),
                                           ends=TODAY + dt.timedelta(days=120))  # fmt: skip
    report = submit(alice_api, Profile(person, "EMPLOYEE", [card, *papers, declaration], Decimal("450")))
    stated = check_named(report, "employment.declaration")
    assert stated["passed"] and stated["value"] == "FIXED_TERM", stated["evidence"]
    ends = (TODAY + dt.timedelta(days=120)).strftime("%d/%m/%Y")
    assert f"o contrato termina em {ends}, nos próximos 6 meses, salvo renovação" in stated["evidence"]
    assert "o contrato a termo declarado termina nos próximos seis meses" in report.justification
    # Stated, never counted: the income is the payslips', as without the declaration.
    assert "vencimento regular x 14 / 12" in check_named(report, "income.monthly_income")["evidence"]


def test_residence_permit_holder(alice_api: APIClient, celery_eager: None) -> None:
    rng = random.Random(404)
    person = make_foreigner(rng, TODAY)
    permit = residence_permit_png(person, rng=rng, side="both").document
    payroll = [plain("1200", meal_days=21, meal="7.63", irs="0.087") for _ in range(3)]
    report = submit(alice_api, Profile(person, "EMPLOYEE", [permit, *payslips(person, payroll)], Decimal("600")))
    # gross 1200 + meal 21 x 7.63 = 1360.23; taxable 1200 + 21 x 1.63 = 1234.23; SS 135.77; IRS 8.7% 107.38;
    # net 1117.08; x 14 / 12: 15639.12 / 12 = 1303.26
    # rent 600 / 1303.26 = 0.46038 -> 0.4604, above 0.40 -> HIGH
    assert_report(report, income=Decimal("1303.26"), dti=Decimal("0.4604"), risk="HIGH",
                  method="vencimento regular x 14 / 12")  # fmt: skip


def test_employee_whose_latest_payslip_carries_the_subsidio_de_natal(alice_api: APIClient, celery_eager: None) -> None:
    person = make_person(random.Random(505), TODAY)
    natal = plain("1500", meal_days=22, meal="6.00", irs="0.115", subsidy_name="Subsídio de Natal")
    regular = [plain("1500", meal_days=22, meal="6.00", irs="0.115") for _ in range(2)]
    case = Profile(person, "EMPLOYEE", [id_card_png(person), *payslips(person, [natal, *regular])], Decimal("500"))
    report = submit(alice_api, case)
    # regular month: gross 1500 + 132 = 1632, SS 165.00, IRS 11.5% 172.50, net 1294.50
    # Natal month: net 2457.00, of it regular 1294.50 (the subsidy 1500 less its SS 165 and IRS 172.50)
    # 1294.50 x 14 / 12 = 18123 / 12 = 1510.25 (counting the 2457.00 would give 1761.17 x 14 / 12)
    # rent 500 / 1510.25 = 0.33107 -> 0.3311 -> LOW
    assert_report(report, income=Decimal("1510.25"), dti=Decimal("0.3311"), risk="LOW",
                  method="vencimento regular x 14 / 12")  # fmt: skip
