"""Blind probe r35b (expats and remote workers): a French slip's net before the income tax counted as the net,
its year's "Brut" under "Cumuls annuels" as the month's, an employer of record's German salary in euros read as a
Portuguese one (14 payments), English captions of the employee's number taken for the name, and a German
pension letter's date read as an amount. The texts follow the probe's layouts with figures and names of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from tests.helpers import read_text

TODAY = dt.date(2026, 12, 4)

FRENCH = """Atelier Garonne SAS
12 quai des Chartrons, 33000 Bordeaux
Bulletin de salaire
Hélène Marchand
Période: du 01/11/2026 au 30/11/2026 Paiement le: 28/11/2026
Éléments de rémunération
Salaire de base 151,67 21,10 3 200,00
Salaire brut 3 200,00
Cotisations et contributions salariales
Sécurité sociale plafonnée 220,80
Complémentaire Tranche 1 128,32
CSG déductible 213,76
CSG/CRDS non déductible 91,17
Total des cotisations et contributions 654,05
Net à payer avant impôt sur le revenu 2 545,95
Montant net social 2 545,95
Impôt sur le revenu prélevé à la source (taux 6,0 %) 152,76
Net payé en euros 2 393,19 €
Cumuls annuels
Brut 35 200,00 Net imposable 28 100,00 Impôt prélevé 1 680,36"""

EOR_GERMANY = """Payslip
Globalhire Employment Services GmbH
Friedrichstraße 68, 10117 Berlin
Client company: Southern Cross Apps Pty (Australia)
Country: Germany
Pay period October 2026 Currency EUR
Employee: Ingrid Halvorsen
Base salary 5,200.00 EUR
Income tax 1,050.40 EUR
Health insurance 444.60 EUR
Pension insurance 483.60 EUR
Totals 5,200.00 EUR 1,978.60 EUR
Net pay 3,221.40 EUR"""

PORTUGUESE_IN_ENGLISH = """Payslip Tejo Analytics, Lda.
Av. da Liberdade, 110, 1269-046 Lisboa
NIPC 503504564
Employee: Siobhán Walsh
Tax ID (NIF): 245718931
Period October 2026
Base salary €4,000.00
Social Security (11%) €440.00
IRS withholding €920.00
Net pay €2,640.00"""

UK_CAPTIONS = """Payslip
Harbour & Finch Consulting Ltd
22 Rose Street, Edinburgh EH2 2PR
Employee No. 46821 Employee ID: 940140 Check No.: DD-75000
Payments
Basic Salary £4,000.00
Gross Pay £4,000.00
Net Pay £3,013.34
Year to date
Taxable Pay TD £22,800.00 Employee NI TD £1,416.96"""

GERMAN_PENSION = """Deutsche Rentenversicherung Bund
10704 Berlin
Frau Ilse Brandauer
Rua das Flores 44
4050-262 Porto
Datum 19.10.2026
Mitteilung über die Neuberechnung Ihrer Rente
wegen der Änderung des Zusatzbeitrags zur Krankenversicherung wird Ihre Altersrente ab
01.10.2026 neu berechnet.
Monatliche Rente (brutto) 1.842,50 EUR
abzüglich Beitragsanteil zur Krankenversicherung 157,53 EUR
abzüglich Beitrag zur Pflegeversicherung 77,39 EUR
Zahlbetrag 1.607,58 EUR"""


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


def test_a_french_slip_pays_the_net_after_the_income_tax_and_its_years_figures_are_not_the_months() -> None:
    _, fields, warnings = read(FRENCH)
    assert (fields["gross_pay"], fields["net_pay"], fields["base_salary"]) == (
        Decimal("3200.00"),
        Decimal("2393.19"),
        Decimal("3200.00"),
    )
    assert "foreign_payslip" in warnings and "arithmetic_mismatch" not in warnings


def test_without_the_tax_row_between_them_the_worked_out_net_stays() -> None:
    # A net printed lower than what the contributions leave, with no row between to take the difference: not paid
    # after a later deduction, so the label does not win on its own.
    text = FRENCH.replace("Impôt sur le revenu prélevé à la source (taux 6,0 %) 152,76\n", "")
    _, fields, _ = read(text)
    assert fields["net_pay"] == Decimal("2545.95")


def test_an_employer_of_records_german_salary_in_euros_is_another_countrys() -> None:
    _, fields, warnings = read(EOR_GERMANY)
    assert fields["net_pay"] == Decimal("3221.40")
    assert "foreign_payslip" in warnings and "currency_not_eur" not in warnings
    _, _, portuguese = read(PORTUGUESE_IN_ENGLISH)
    assert "foreign_payslip" not in portuguese


def test_english_captions_of_the_employees_numbers_are_no_name() -> None:
    _, fields, _ = read(UK_CAPTIONS)
    assert fields.get("employee_name") is None


def test_a_pension_letters_date_is_no_amount() -> None:
    _, fields, warnings = read(GERMAN_PENSION)
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("1842.50"),
        Decimal("234.92"),
        Decimal("1607.58"),
    )
    assert "arithmetic_mismatch" not in warnings


UK = """Payslip
Harrowgate Analytics Ltd
14 Wharf Road, London N1 7GR
Eleanor Whitfield
Pay Date
27/10/2026
Payments
Basic Salary £6,000.00
Bonus £500.00
Deductions
PAYE Tax £1,520.40
NI EE £310.20
Totals £6,500.00 £1,830.60
Net Pay £4,669.40
Year to date
Taxable Pay TD £45,500.00 Tax Paid TD £10,642.80
Gross Pay TD £45,500.00 Employee NI TD £2,171.40"""


def test_a_uk_slips_to_date_figures_are_not_the_months_and_its_totals_row_is_the_gross() -> None:
    _, fields, warnings = read(UK)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("6500.00"), Decimal("4669.40"))
    assert {"currency_not_eur", "foreign_payslip"} <= set(warnings)


def test_a_french_slips_period_from_its_range_of_whole_dates() -> None:
    _, fields, _ = read(FRENCH)
    assert fields["period"] == "2026-11"
    # Two dates of different months name no one month.
    _, other, _ = read(FRENCH.replace("du 01/11/2026 au 30/11/2026", "du 15/10/2026 au 14/11/2026"))
    assert other.get("period") is None


US_BENEFIT_LETTER = """Social Security Administration
Retirement, Survivors and Disability Insurance
Grace Adebayo
Rua do Carmo 8
1200-095 Lisboa
Date October 5, 2026
Benefit Verification Letter
Beginning December 2025, the full monthly Social Security benefit before any deductions is $1,980.40.
We deduct $202.90 for medical insurance premiums each month.
The regular monthly Social Security payment is $1,777.50.
Monthly benefit before deductions $1,980.40
Medicare Part B premium $202.90
Monthly payment after deductions $1,777.50
Your benefits are paid in U.S. dollars."""

UK_STATE_PENSION = """The Pension Service
Wolverhampton WV98 1AF
Margaret Doyle
Rua da Rosa 123
1200-385 Lisboa
Date 3 November 2026
Your State Pension
We are writing to confirm the amount of State Pension you are entitled to.
Amount paid every 4 weeks £884.80
Payment frequency every 4 weeks"""


def test_a_us_benefit_letter_is_a_pension_read_in_dollars() -> None:
    kind, fields, warnings = read(US_BENEFIT_LETTER)
    assert kind == "DECLARACAO_PENSAO"
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("1980.40"),
        Decimal("202.90"),
        Decimal("1777.50"),
    )
    assert "currency_not_eur" in warnings


def test_a_state_pension_paid_every_four_weeks_is_its_months_worth() -> None:
    kind, fields, _ = read(UK_STATE_PENSION)
    assert kind == "DECLARACAO_PENSAO"
    assert fields["net_monthly_amount"] == Decimal("958.53")  # 884,80 x 13 / 12


def test_a_bilingual_or_foreign_title_beside_the_employer_is_no_part_of_its_name() -> None:
    from documents.extraction.parsers.payslip import company_name

    assert company_name("Recibo de Vencimento / Payslip Tejo Fintech, S.A.") == "Tejo Fintech, S.A."
    assert company_name("RECIBO INDIVIDUAL JUSTIFICATIVO DEL PAGO DE SALARIOS Cántabro Ingeniería S.L.U.") == (
        "Cántabro Ingeniería S.L.U."
    )
    assert company_name("Gehaltsabrechnung /Netto-Bezüge Spreeblick Games GmbH") == "Spreeblick Games GmbH"
    assert company_name("Isarwerk Digital GmbH & Co. KG") == "Isarwerk Digital GmbH & Co. KG"
    # The titles read before stay as they were: after the name, or alone before it.
    assert company_name("Lisbon Contact Hub Portugal, Lda. PAYSLIP / RECIBO DE VENCIMENTO") == (
        "Lisbon Contact Hub Portugal, Lda."
    )
    assert company_name("PAYSLIP Remote Tech, Lda.") == "Remote Tech, Lda."
