"""Foreign pension letters of doc probe 32: a form letter addressing either sex ("Madame, Monsieur ...", "Frau/Herrn
...") lost the pensioner's name, and a German "12 mal im Jahr" was worked out, not read."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.pension import parse_pension
from documents.extraction.reader import Line

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
