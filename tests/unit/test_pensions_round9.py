"""Pension statements the blind probe of round 9 misread: a foreign insurer's statement in French, Spanish or German
refused (only English was known), a CGA notice's "Montante creditado" and a portal's "Impresso em" not read, and a
Segurança Social Direta table whose year-first month ("2026-05") joined the amount after it as a thousands group."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.common import written_dates
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


FRENCH = """Carsat Rhône-Alpes — l'Assurance retraite
35 rue Maurice Flandin, 69003 Lyon
ATTESTATION DE PAIEMENT DE RETRAITE
Lyon, le 9 mars 2026
Madame Rosalina Teixeira Gouveia
Travessa do Outeiro 5, 4900-318 Viana do Castelo, PORTUGAL
Numéro fiscal portugais (NIF) : 179542206
Nous attestons que l'intéressée perçoit une retraite personnelle du régime général depuis le 01/06/2021.
Montant mensuel brut 1 046,20 €
CSG -86,83 €
CRDS -5,23 €
CASA -3,14 €
Montant mensuel net 951,00 €
Paiement mensuel à terme échu par virement international."""


def test_a_french_retirement_statement() -> None:
    """Blind probe, round 9: a CNAV 'ATTESTATION DE PAIEMENT' of a 'retraite personnelle' was refused."""
    kind, fields, warnings = read(FRENCH)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Rosalina Teixeira Gouveia"
    assert fields["pensioner_nif"] == "179542206"
    assert fields["pension_type"] == "velhice"
    assert fields["issuer"] is None
    assert fields["issue_date"] == dt.date(2026, 3, 9)
    assert fields["gross_monthly_amount"] == Decimal("1046.20")
    assert fields["deductions"] == Decimal("95.20")
    assert fields["net_monthly_amount"] == Decimal("951.00")
    assert "arithmetic_mismatch" not in warnings


def test_a_french_or_german_pension_with_no_count_printed_is_paid_twelve_times_said_derived() -> None:
    _, fields, warnings = read(FRENCH)
    assert fields["payments_per_year"] == 12
    assert "derived:payments_per_year" in warnings


SPANISH = """Instituto Nacional de la Seguridad Social
Dirección Provincial de Ourense
CERTIFICADO DE PENSIÓN
Don Baltasar Quintela Rebelo, con NIF portugués 158791584, residente en Chaves (Portugal),
es beneficiario de una pensión de VIUDEDAD del Régimen General.
Importe bruto mensual: 918,75 €
Retención IRPF: 0,00 €
Importe neto mensual: 918,75 €
Número de pagas anuales: 14
Y para que conste, se expide el presente certificado en Ourense, a 12 de marzo de 2026."""


def test_a_spanish_survivors_pension_certificate() -> None:
    """Blind probe, round 9: an INSS 'CERTIFICADO DE PENSIÓN' was refused."""
    kind, fields, warnings = read(SPANISH)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Baltasar Quintela Rebelo"
    assert fields["pensioner_nif"] == "158791584"
    assert fields["pension_type"] == "sobrevivencia"
    assert fields["issue_date"] == dt.date(2026, 3, 12)
    assert fields["gross_monthly_amount"] == Decimal("918.75")
    assert fields["deductions"] == Decimal("0.00")
    assert fields["net_monthly_amount"] == Decimal("918.75")
    assert fields["payments_per_year"] == 14
    assert "arithmetic_mismatch" not in warnings


GERMAN = """Deutsche Rentenversicherung Nordbayern
95440 Bayreuth
Frau Gracinda Lopes Vasconcelos
Rua de Santa Catarina 210, 4000-442 Porto, PORTUGAL
Bayreuth, 12. März 2026
Mitteilung über die Rentenanpassung
Steuer-ID Portugal (NIF) 190627620
Rentenart: Witwenrente
Rente (brutto) 687,40 EUR
Beitrag zur Krankenversicherung -56,37 EUR
Beitrag zur Pflegeversicherung -23,37 EUR
Zahlbetrag 607,66 EUR"""


def test_a_german_widows_pension_notice() -> None:
    """Blind probe, round 9: a DRV 'Rentenanpassung' letter of a 'Regelaltersrente' was refused."""
    kind, fields, warnings = read(GERMAN)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Gracinda Lopes Vasconcelos"
    assert fields["pensioner_nif"] == "190627620"
    assert fields["pension_type"] == "sobrevivencia"
    assert fields["issue_date"] == dt.date(2026, 3, 12)
    assert fields["gross_monthly_amount"] == Decimal("687.40")
    assert fields["deductions"] == Decimal("79.74")
    assert fields["net_monthly_amount"] == Decimal("607.66")
    assert fields["payments_per_year"] == 12
    assert "arithmetic_mismatch" not in warnings


def test_a_german_old_age_pension_dated_in_figures() -> None:
    text = GERMAN.replace("Bayreuth, 12. März 2026", "Datum 18.06.2026").replace("Witwenrente", "Regelaltersrente")
    _, fields, _ = read(text)
    assert fields["pension_type"] == "velhice"
    assert fields["issue_date"] == dt.date(2026, 6, 18)


def test_a_spanish_pension_with_no_count_printed_is_not_given_twelve() -> None:
    """Spain pays fourteen 'pagas': only a French or German statement is known to pay twelve."""
    _, fields, _ = read(SPANISH.replace("Número de pagas anuales: 14\n", ""))
    assert fields["payments_per_year"] is None


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("Lyon, le 12 mars 2026", dt.date(2026, 3, 12)),
        ("le 1er juillet 2026", dt.date(2026, 7, 1)),
        ("en Vigo, a 12 de marzo de 2026.", dt.date(2026, 3, 12)),
        ("Berlin, den 12. März 2026", dt.date(2026, 3, 12)),
        ("3. Dezember 2025", dt.date(2025, 12, 3)),
    ],
)
def test_dates_written_in_french_spanish_and_german(written: str, day: dt.date) -> None:
    assert written_dates(written) == [day]


def test_a_foreign_statement_in_french_is_no_payslip() -> None:
    assert classify(FRENCH) == DocumentKind.DECLARACAO_PENSAO


CGA_NOTICE = """CAIXA GERAL DE APOSENTAÇÕES, I.P.
AVISO DE PAGAMENTO — março de 2026
Pensionista: Custódia Amélia Brandão Falcato
NIF: 216143365
Pensão de aposentação — valor mensal 1.208,60 €
Retenção IRS -96,00 €
ADSE -42,30 €
Montante creditado 1.070,30 €
Lisboa, 16 de março de 2026"""


def test_the_amount_credited_is_the_net() -> None:
    """Blind probe, round 9: a CGA 'Aviso de pagamento' with 'Montante creditado 731,20 €' had no net."""
    kind, fields, warnings = read(CGA_NOTICE)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["net_monthly_amount"] == Decimal("1070.30")
    assert fields["gross_monthly_amount"] == Decimal("1208.60")
    assert fields["deductions"] == Decimal("138.30")
    assert "arithmetic_mismatch" not in warnings


SS_DIRETA = """Segurança Social Direta Impresso em 2026-07-14
Pensões > Consultar pagamentos
Beneficiário: Arlindo Manuel Godinho Serrão NIF 123012899
Prestação: Pensão de invalidez (regime geral) Pagamentos anuais: 14
Mês Valor bruto Descontos Valor líquido Estado
2026-06 1.284,10 118,00 1.166,10 Pago
2026-05 1.284,10 118,00 1.166,10 Pago
2025-12 1.262,40 116,00 1.146,40 Pago"""


def test_a_portal_table_with_year_first_months() -> None:
    """Blind probe, round 9: '2026-05 612,48 0,00 612,48 Pago' read the gross as 5.612,48, and the print date
    'Impresso em 2026-06-02' was not the issue date."""
    kind, fields, warnings = read(SS_DIRETA)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("1284.10")
    assert fields["deductions"] == Decimal("118.00")
    assert fields["net_monthly_amount"] == Decimal("1166.10")
    assert fields["issue_date"] == dt.date(2026, 7, 14)
    assert fields["payments_per_year"] == 14
    assert "arithmetic_mismatch" not in warnings


def test_a_portuguese_statement_with_no_count_printed_is_not_given_twelve() -> None:
    # The CGA pays fourteen by law (blind probe r53a), worked out and said so.
    _, fields, warnings = read(CGA_NOTICE)
    assert fields["payments_per_year"] == 14
    assert "derived:payments_per_year" in warnings
