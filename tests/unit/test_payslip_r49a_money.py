"""What the blind probe of round 49A found in a payslip's amounts and NIFs: a table printing each amount in euros
and again in another currency "for information only", read from the other currency's column as euros; and a
foreign company's registry number (a SIRET) in the header taken for a NIF failing its check digit, a genuine slip
warned ``nif_checksum_invalid``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

EMPLOYER_NIF = "518743209"
EMPLOYEE_NIF = "259187658"


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 5))


def two_currency_slip(heading: str, rows: list[tuple[str, str, str]], note: str) -> str:
    body = "\n".join(f"{caption} {first} {second}" for caption, first, second in rows)
    return f"""Northwind Payroll Services, Unipessoal Lda. PAYSLIP
NIF: {EMPLOYER_NIF} Period: October 2026
Employee: Tomás Henrique Vasconcelos NIF: {EMPLOYEE_NIF}
{heading}
{body}
{note}
"""


# Euros first, dollars at 1.10 after them: base 2.500,00, an allowance of 20 days x 7,50 = 150,00, gross 2.650,00,
# IRS 450,00, social security 291,50, net 1.908,50.
EUR_THEN_USD = [
    ("Base salary", "2,500.00", "2,750.00"),
    ("Meal allowance (20 days x 7.50)", "150.00", "165.00"),
    ("Gross pay", "2,650.00", "2,915.00"),
    ("Income tax (IRS)", "450.00", "495.00"),
    ("Social security (11%)", "291.50", "320.65"),
    ("Net pay", "1,908.50", "2,099.35"),
]
# Swiss francs first at 0.94, euros after them.
CHF_THEN_EUR = [
    (caption, f"{Decimal(eur.replace(',', '')) * Decimal('0.94'):,.2f}", eur) for caption, eur, _ in EUR_THEN_USD
]


@pytest.mark.parametrize(
    ("heading", "rows", "note"),
    [
        ("Earnings Amount (EUR) Amount (USD)", EUR_THEN_USD, "USD figures at 1 EUR = 1.10 USD, for reference."),
        ("Description EUR USD", EUR_THEN_USD, "Converted at the month's reference rate; paid in EUR."),
        ("Item Value (CHF) Value (EUR)", CHF_THEN_EUR, "CHF shown for information; the salary is paid in EUR."),
    ],
    ids=["eur-then-usd", "codes-alone", "chf-then-eur"],
)
def test_the_euro_column_is_read_when_another_currency_restates_it(
    heading: str, rows: list[tuple[str, str, str]], note: str
) -> None:
    """Round 49A (i05, i06): "Amount (EUR)  Amount (USD)", each row printing both; the last figure, the dollars', was
    read as euros (income 8% too high; with pounds, 16% too low), with no warning."""
    kind, fields, warnings = read(two_currency_slip(heading, rows, note))
    assert kind == DocumentKind.RECIBO_VENCIMENTO
    assert fields["base_salary"] == Decimal("2500.00")
    assert fields["gross_pay"] == Decimal("2650.00")
    assert fields["irs_withholding"] == Decimal("450.00")
    assert fields["social_security"] == Decimal("291.50")
    assert fields["net_pay"] == Decimal("1908.50")
    assert "currency_not_eur" not in warnings
    assert "arithmetic_mismatch" not in warnings


def test_a_note_naming_two_currencies_over_a_table_of_one_column_changes_nothing() -> None:
    """Guard (passes before and after the fix): a sentence naming the euro and another currency is no heading of
    currency columns; the quantities and rates before each amount stay its own row's figures."""
    rows = "\n".join(f"{caption} {eur}" for caption, eur, _ in EUR_THEN_USD)
    text = f"""Northwind Payroll Services, Unipessoal Lda. PAYSLIP
NIF: {EMPLOYER_NIF} Period: October 2026
Employee: Tomás Henrique Vasconcelos NIF: {EMPLOYEE_NIF}
Amounts in EUR (no USD conversion applies)
{rows}
"""
    _, fields, warnings = read(text)
    assert fields["gross_pay"] == Decimal("2650.00")
    assert fields["net_pay"] == Decimal("1908.50")
    assert "currency_not_eur" not in warnings


def test_amounts_headed_only_in_another_currency_are_not_taken_for_euros() -> None:
    """Round 49A: the other way round, a slip whose one amount column is in pounds, the euro named only in a rate's
    note, was read as euros and counted (the euro anywhere on the page silenced ``currency_not_eur``)."""
    rows = "\n".join(f"{caption} {gbp}" for caption, gbp, _ in EUR_THEN_USD)
    text = f"""Northwind Analytics Ltd PAYSLIP
Tax ID: {EMPLOYER_NIF} Period: October 2026
Employee: Tomás Henrique Vasconcelos NIF: {EMPLOYEE_NIF}
Earnings Amount (GBP)
{rows}
For your records: 1 EUR = 0.85 GBP at the month's end.
"""
    _, fields, warnings = read(text)
    assert fields["net_pay"] == Decimal("1908.50")
    assert "currency_not_eur" in warnings


BILINGUAL = """Maison Verrier Conseil, S.A.S. - Sucursal em Portugal BULLETIN DE PAIE / RECIBO DE VENCIMENTO
Rua Castilho, 50, 1250-071 Lisboa Période / Período: 10/2026
NIF: {employer} {registry}
Salarié / Trabalhador: Tomás Henrique Vasconcelos
NIF: {employee} NISS: 12345678901 Emploi / Categoria: Analista
Salaire de base / Vencimento base 1.800,00
Sécurité sociale / Segurança Social 11% 198,00
Impôt sur le revenu / IRS 216,00
Salaire brut / Remuneração ilíquida 1.800,00
Net à payer / Líquido a receber 1.386,00 EUR
"""


@pytest.mark.parametrize(
    "registry",
    [
        "(Siège: Paris - SIRET 732 829 320 00074)",
        "(RCS Paris 409 123 456)",
        "(Casa-mãe: SIREN 732829320)",
        "(Matriz: USt-IdNr. DE129273398)",
        "(Casa-mãe: CIF B12345674)",
        "(TVA intracom. FR 503214567)",
    ],
    ids=["siret-spaced", "rcs", "siren", "german-vat", "spanish-cif", "french-vat"],
)
def test_another_states_registry_number_is_no_nif_failing_its_check(registry: str) -> None:
    """Round 49A (i04): the French SIRET "552 081 317 00019" in a header line captioned "NIF:" left its first nine
    figures, failing the NIF's check digit, for a NIF: the slip was warned ``nif_checksum_invalid`` though both its
    NIFs were valid and read."""
    _, fields, warnings = read(BILINGUAL.format(employer=EMPLOYER_NIF, employee=EMPLOYEE_NIF, registry=registry))
    assert fields["employer_nif"] == EMPLOYER_NIF
    assert fields["employee_nif"] == EMPLOYEE_NIF
    assert "nif_checksum_invalid" not in warnings
    assert "nif_unread" not in warnings


@pytest.mark.parametrize(
    "registry",
    ["(NIF/VAT: 503214567)", "(VAT: PT 503 214 567)", "503 214 567"],
    ids=["nif-caption", "portuguese-vat", "uncaptioned"],
)
def test_a_portuguese_nif_failing_its_check_is_still_warned(registry: str) -> None:
    """Guard (passes before and after the fix): a number captioned a NIF, Portugal's VAT number, or nine figures
    alone on a NIF's line, failing the check digit on a text layer, is still ``nif_checksum_invalid``."""
    _, _, warnings = read(BILINGUAL.format(employer=EMPLOYER_NIF, employee=EMPLOYEE_NIF, registry=registry))
    assert "nif_checksum_invalid" in warnings
