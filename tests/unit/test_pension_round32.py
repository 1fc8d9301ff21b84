"""Foreign pension letters of doc probe 32: a form letter addressing either sex ("Madame, Monsieur ...", "Frau/Herrn
...") lost the pensioner's name, and a German "12 mal im Jahr" was worked out, not read."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.pension import parse_pension
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind

CNAV = """l'Assurance retraite
Caisse nationale d'assurance vieillesse (Cnav)
Attestation de paiement de votre retraite Le 10 novembre 2026
Madame, Monsieur Teresa Moura Vilaça
N° de sécurité sociale : 2 48 10 99 139 856 27
Retraite de base - montant brut mensuel 360,33 €
CSG (8,3 %) 29,91 €
CRDS (0,5 %) 1,80 €
CASA (0,3 %) 1,08 €
Montant net mensuel versé 327,54 €
Votre retraite est versée mensuellement, 12 fois par an, sur votre compte au Portugal."""

DRV = """Deutsche Rentenversicherung
Bund - 10704 Berlin
Rentenanpassung zum 1. Juli 2026 - Mitteilung 29.10.2026
Frau/Herrn Rui Manuel Vilaça Moura
Versicherungsnummer: 60 990293 A 335
Rente wegen Alters (Regelaltersrente)
Monatliche Rente (brutto) 352,33 EUR
abzüglich Beitragsanteil Krankenversicherung 28,71 EUR
abzüglich Beitrag Pflegeversicherung 12,68 EUR
Zahlbetrag (netto) 310,94 EUR
Die Rente wird monatlich (12 mal im Jahr) auf Ihr Konto in Portugal überwiesen."""


def read(text: str) -> tuple[dict[str, object], list[str]]:
    parsed = parse_pension([Line(line) for line in text.splitlines()])
    return parsed.fields, parsed.warnings


def test_a_form_letter_s_both_forms_of_address_precede_the_pensioner_s_name() -> None:
    assert read(CNAV)[0]["pensioner_name"] == "Teresa Moura Vilaça"
    fields, _ = read(DRV)
    assert fields["pensioner_name"] == "Rui Manuel Vilaça Moura"
    assert fields["net_monthly_amount"] == Decimal("310.94")


def test_a_german_letter_s_payments_a_year_are_read_as_printed() -> None:
    fields, warnings = read(DRV)
    assert fields["payments_per_year"] == 12
    assert "derived:payments_per_year" not in warnings


AGIRC_ARRCO = """AGIRC-ARRCO
Retraite complémentaire des salariés du privé
Relevé de paiement - retraite complémentaire Le 28 octobre 2026
Madame, Monsieur Rui Manuel Vilaça Moura
N° de sécurité sociale : 1 38 11 99 139 584 69
Retraite complémentaire - montant brut mensuel 911,74 €
CSG (8,3 %) 75,67 €
CRDS (0,5 %) 4,56 €
CASA (0,3 %) 2,74 €
Montant net mensuel versé 828,77 €
Votre retraite est versée mensuellement, 12 fois par an, sur votre compte au Portugal."""


def test_a_complementary_pension_s_statement_of_payment_is_a_pension_statement() -> None:
    """Refused as no income document, as a text PDF too; the basic pension's letter in the same words was read."""
    assert classify(AGIRC_ARRCO) == DocumentKind.DECLARACAO_PENSAO
    assert read(AGIRC_ARRCO)[0]["net_monthly_amount"] == Decimal("828.77")


def test_a_french_payslip_s_complementary_pension_deduction_is_no_pension() -> None:
    """Guard: the words of the deduction line on a French payslip name no statement of payment."""
    payslip = (
        "Bulletin de paie\nSalaire de base 2 500,00\nRetraite complémentaire Agirc-Arrco T1 98,50\nNet à payer 1 950,00"
    )
    assert classify(payslip) != DocumentKind.DECLARACAO_PENSAO
