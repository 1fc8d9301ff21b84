"""Payslips and employer's letters the blind probe r66a got wrong: another country's payslip refused when its title
was in no list (a Belgian "Fiche de paie", a German "Verdienstabrechnung"), a payslip's draft read as a month paid,
an American "Employment and Income Verification" letter refused as not recognised, and an employer's letter in
pounds or dollars read with no currency and no date. The texts are of our own wording, names and numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction import local
from documents.extraction.local import SALARY_NOT_PAID, refusal
from documents.extraction.parsers.classify import classify
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


def read_page(text: str) -> ReadDocument:
    return ReadDocument(lines=[Line(line) for line in text.splitlines()], pages=1, method="text")


# --- Another country's payslip by its rows, whatever its title (finding 11) --------------------------------------

# Each in its language, under a title of a payroll program's own that no list holds.
UNTITLED_PAYSLIPS = {
    "french": """Décompte mensuel de rémunération — mars 2026
Employeur : Atelier Lumière SARL
Salarié : Margaux Perrin
Salaire de base brut 3 450,00 EUR
Cotisations salariales -742,10 EUR
Impôt prélevé à la source -201,40 EUR
Net à payer 2 506,50 EUR""",
    "german": """Monatsübersicht Bezüge 04/2026
Nordlicht Logistik GmbH
Herr Jonas Albrecht
Grundgehalt brutto 3.980,00 €
Lohnsteuer 512,75 €
Krankenversicherung 326,36 €
Auszahlungsbetrag 3.140,89 €""",
    "dutch": """Salarisoverzicht mei 2026
Werkgever: Polderwind B.V.
Werknemer: Fleur de Graaf
Brutoloon 4.210,00
Loonheffing 1.020,35
Netto uit te betalen 3.189,65""",
    "italian": """Riepilogo mensile — giugno 2026
Azienda: Officine Brenta S.r.l.
Dipendente: Matteo Galli
Retribuzione lorda 2.900,00
Trattenute INPS 266,17
Netto del mese 2.151,40""",
    "spanish": """Liquidación mensual — julio 2026
Empresa: Cerámicas Turia SL
Trabajador: Lucía Ferrer
Total devengado 2.640,00
Retención IRPF 343,20
Líquido a percibir 2.128,50""",
}


@pytest.mark.parametrize("language", sorted(UNTITLED_PAYSLIPS))
def test_another_countrys_payslip_is_told_by_its_rows_not_its_title(language: str) -> None:
    """Fails without the fix: none of these titles is listed, and their words are none of a Portuguese slip's."""
    assert classify(UNTITLED_PAYSLIPS[language]) == DocumentKind.RECIBO_VENCIMENTO


@pytest.mark.parametrize(
    "title", ["FICHE DE PAIE — mars 2026", "Verdienstabrechnung März 2026", "Loonfiche maart 2026"]
)
def test_a_payroll_programs_title_is_a_sign_of_a_payslip(title: str) -> None:
    """Fails without the fix: the title alone over a slip whose gross row is unread (a scan's lost line)."""
    text = f"""{title}
Carrosserie Meuse
Élise Marchal
Cotisation personnelle 13,07 % -412,60
Net à payer 2 231,95"""
    assert classify(text) == DocumentKind.RECIBO_VENCIMENTO


def test_a_foreign_invoice_with_a_gross_and_a_net_is_no_payslip() -> None:
    """A guard (passes either way): an invoice's net and gross with no deduction from a wage is no payslip."""
    text = """Rechnung Nr. 2026-114 vom 12.03.2026
Hafenbau Kiel GmbH
Nettobetrag 1.200,00 €
MwSt. 19 % 228,00 €
Bruttobetrag 1.428,00 €"""
    assert classify(text) != DocumentKind.RECIBO_VENCIMENTO


def test_a_freelancers_invoice_with_a_withholding_is_no_payslip() -> None:
    """A guard (passes either way): a net, a withholding and a gross under an invoice's title are a sale's."""
    text = """INVOICE 2026-031
Saltmarsh Design Ltd
Services rendered in May 2026
Net amount 1,800.00
Withholding tax 25% 450.00
Gross amount 2,250.00"""
    assert classify(text) != DocumentKind.RECIBO_VENCIMENTO


# --- A payslip's draft or preview (finding 12) -------------------------------------------------------------------

FINAL_PAYSLIP = """RECIBO DE VENCIMENTO
Entidade empregadora: Vidreira do Lis, Lda
NIPC 509876543
Trabalhador: Rui Manuel Teixeira
Período: outubro 2026
Vencimento base 1.640,00 €
Segurança Social 11% 180,40 €
IRS 151,00 €
Líquido a receber 1.308,60 €"""


@pytest.mark.parametrize(
    "mark",
    [
        "RASCUNHO",
        "DRAFT",
        "Pré-visualização do recibo — não é válido como comprovativo de pagamento.",
        "Payslip preview: figures are not final until payroll is approved.",
        "This document is not valid as proof of payment.",
        "SIMULAÇÃO",
    ],
)
def test_a_payslips_draft_is_refused_as_no_month_paid(mark: str) -> None:
    """Fails without the fix: the draft was read as a month's payslip and counted."""
    text = f"{FINAL_PAYSLIP}\n{mark}"
    assert classify(text) == DocumentKind.UNKNOWN
    assert refusal(read_page(text), "PROOF_OF_INCOME", []) == local.DRAFT_PAYSLIP_REFUSED


def test_a_final_payslip_stays_a_payslip() -> None:
    """A guard (passes either way)."""
    assert classify(FINAL_PAYSLIP) == DocumentKind.RECIBO_VENCIMENTO


def test_a_salary_simulation_keeps_its_own_reason() -> None:
    """A guard (passes either way): a simulation is told so, not that it is a draft."""
    text = "SIMULAÇÃO DE VENCIMENTO\n" + FINAL_PAYSLIP.split("\n", 1)[1] + "\nDRAFT"
    assert refusal(read_page(text), "PROOF_OF_INCOME", []) == SALARY_NOT_PAID


def test_a_viewers_name_in_a_screenshot_is_no_draft() -> None:
    """A guard (passes either way): the macOS viewer "Pré-visualização" named in a menu bar is no draft's mark."""
    text = "Pré-visualização Ficheiro Editar Ver Ir Ferramentas\n" + FINAL_PAYSLIP
    assert classify(text) == DocumentKind.RECIBO_VENCIMENTO


# --- An employer's letter in English (findings 13 and 14) --------------------------------------------------------

US_LETTER = """Bluewater Analytics, Inc.
400 Harbor Blvd, Portland OR 97201, USA
March 9, 2026
To whom it may concern:
Employment and Income Verification
Bluewater Analytics, Inc. confirms that Ms. Ingrid Halvorsen has been a
full-time, salaried employee since September 1, 2020, in the role of Data Architect.
Her annual base salary is USD 132,000.00 (US$11,000.00 per month), paid
semi-monthly.
Sincerely,
Robert Chen
Human Resources"""

UK_LETTER = """Harrow & Finch Ltd
22 Mill Lane, Leeds LS1 5AB, United Kingdom
14 February 2026
Dear Sir or Madam,
Re: Salary confirmation — Ms Priya Natarajan
We confirm that Ms Priya Natarajan is employed by Harrow & Finch Ltd as a
Quality Engineer on a permanent contract.
Her basic salary is £4,750.00 gross per month, paid monthly in pounds sterling.
Yours faithfully,
Alan Booth
HR Manager"""


def test_an_american_verification_of_employment_is_the_employers_declaration() -> None:
    """Fails without the fix: refused as not recognised, its name never compared with the payslips'."""
    kind, fields, _ = read(US_LETTER)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employee_name"] == "Ingrid Halvorsen"
    assert fields["start_date"] == dt.date(2020, 9, 1)
    assert fields["monthly_gross_salary"] == Decimal("11000.00")
    assert fields["issue_date"] == dt.date(2026, 3, 9)


def test_a_to_whom_it_may_concern_letter_is_the_employers_declaration() -> None:
    """Fails without the fix: no title the list knows, and "is a permanent employee" is no "is employed"."""
    text = """Kite Systems Ltd
To whom it may concern
Mr Oliver Grant is a permanent employee of our company since 2019.
His monthly salary is GBP 3,900.00 gross."""
    assert classify(text) == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL


@pytest.mark.parametrize("letter", [US_LETTER, UK_LETTER])
def test_an_employers_letter_paying_in_another_currency_says_so(letter: str) -> None:
    """Fails without the fix: the salary read with no currency, as if in euros."""
    _, _, warnings = read(letter)
    assert "currency_not_eur" in warnings


def test_an_english_letters_date_on_its_own_line_is_its_issue_date() -> None:
    """Fails without the fix: "14 February 2026" with no place before it was not read as the letter's date."""
    _, fields, _ = read(UK_LETTER)
    assert fields["issue_date"] == dt.date(2026, 2, 14)


def test_an_employers_letter_in_euros_has_no_currency_warning() -> None:
    """A guard (passes either way)."""
    letter = UK_LETTER.replace("£4,750.00", "EUR 4,750.00").replace("in pounds sterling", "by transfer")
    _, _, warnings = read(letter)
    assert "currency_not_eur" not in warnings
