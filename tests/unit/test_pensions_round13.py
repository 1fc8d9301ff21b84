"""Pension statements the blind probe of round 13 misread: a French complementary pension's payment attestation
(Agirc-Arrco) refused as unknown, a CGA statement whose amounts are a table of months under 'Mês | Pensão de
sobrevivência | IRS | Líquido', a Swiss attestation in francs ("Montant mensuel de la rente CHF 1'184.00") and
French labels set with a space before the colon ('Bénéficiaire : ...', 'Date : 05/11/2026')."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


COMPLEMENTARY = """Agirc-Arrco — Retraite complémentaire
Centre de gestion · 12 avenue de la Libération · 69003 Lyon
Attestation de paiement Lyon, le 9 avril 2026
Nous certifions que Mme Rosalina Teixeira Moura Campos, née le 11/08/1955, résidant au Portugal,
perçoit une retraite complémentaire Agirc-Arrco (3 120 points × 1,4159 €/an), versée mensuellement.
Période Montant brut Prélèvements (CSG/CRDS) Montant net
Avril 2026 368,14 € 30,93 € 337,21 €"""


def test_a_complementary_pension_attestation_is_a_pension_statement() -> None:
    kind, fields, _ = read(COMPLEMENTARY)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Rosalina Teixeira Moura Campos"
    assert fields["gross_monthly_amount"] == Decimal("368.14")
    assert fields["deductions"] == Decimal("30.93")
    assert fields["net_monthly_amount"] == Decimal("337.21")
    assert fields["pension_type"] == "complementar"
    assert fields["issue_date"] == dt.date(2026, 4, 9)


def test_a_german_company_pension_is_a_pension_statement() -> None:
    text = """Pensionskasse der Chemie VVaG
Mitteilung über Ihre Betriebsrente
Rentenempfänger: Armando Luís Freitas Quintela
Betriebsrente brutto 412,60 EUR
Beitrag zur Krankenversicherung 44,33 EUR
Zahlbetrag 368,27 EUR
München, 02.03.2026"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Armando Luís Freitas Quintela"
    assert fields["net_monthly_amount"] == Decimal("368.27")


def test_a_french_payslip_deducting_for_the_complementary_pension_is_no_pension() -> None:
    """Guard: a 'bulletin de paie' names 'Retraite complémentaire Agirc-Arrco' among its deductions."""
    text = """BULLETIN DE PAIE — Mars 2026
Société Lumière SAS · 75008 Paris
Nom : Duarte Miguel Sequeira Lopes
Retraite complémentaire Agirc-Arrco T1 118,40
CSG déductible 152,00
Net à payer 2.140,00"""
    kind, _, _ = read(text)
    assert kind != DocumentKind.DECLARACAO_PENSAO


MONTH_TABLE = """CAIXA GERAL DE APOSENTAÇÕES, I.P.
Declaração de pensão de aposentação Lisboa, 2026-06-18
Aposentado: Jerónimo Augusto Feio Baptista (NIF 144232324)
Mês Pensão de aposentação IRS Líquido
Março 2026 1.204,50 96,00 1.108,50
Abril 2026 1.204,50 96,00 1.108,50
Maio 2026 1.231,20 98,00 1.133,20
Abonada em 14 prestações anuais."""


def test_a_table_of_months_gives_the_latest_months_amounts() -> None:
    kind, fields, warnings = read(MONTH_TABLE)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("1231.20")
    assert fields["deductions"] == Decimal("98.00")
    assert fields["net_monthly_amount"] == Decimal("1133.20")
    assert fields["payments_per_year"] == 14
    assert "arithmetic_mismatch" not in warnings


def test_the_latest_month_is_found_whatever_the_rows_order() -> None:
    rows = MONTH_TABLE.split("\n")
    text = "\n".join([*rows[:4], rows[6], rows[5], rows[4], *rows[7:]])
    _, fields, _ = read(text)
    assert fields["gross_monthly_amount"] == Decimal("1231.20")
    assert fields["net_monthly_amount"] == Decimal("1133.20")


def test_a_subsidys_month_is_not_the_months_pension() -> None:
    """Guard: the latest row naming the subsídio de Natal pays the month twice; the month before is the pension."""
    text = MONTH_TABLE.replace(
        "Maio 2026 1.231,20 98,00 1.133,20",
        "Maio 2026 1.204,50 96,00 1.108,50\nDezembro 2026 (subsídio de Natal) 2.409,00 192,00 2.217,00",
    )
    _, fields, _ = read(text)
    assert fields["gross_monthly_amount"] == Decimal("1204.50")


def test_a_pension_types_column_is_not_the_gross() -> None:
    """Guard: 'Tipo de pensão' captions the type, not an amount: the gross is the 'Valor mensal' column."""
    text = """Instituto da Segurança Social, I.P. — Centro Nacional de Pensões
Declaração de pensão
Beneficiário: Valdemar Sérgio Nunes Calado · NIF 121834069
Tipo de pensão Valor mensal Retenção IRS Valor líquido
Velhice 702,30 12,00 690,30
Lisboa, 2026-05-04"""
    _, fields, _ = read(text)
    assert fields["gross_monthly_amount"] == Decimal("702.30")
    assert fields["net_monthly_amount"] == Decimal("690.30")


SWISS = """Caisse cantonale de compensation AVS
Rue des Alpes 9 · 1700 Fribourg · Suisse
Attestation de rente AVS Fribourg, le 20.02.2026
Bénéficiaire : Olímpia Fernandes Salgueiro Reis
Genre de prestation : Rente de vieillesse ordinaire (AVS)
Montant mensuel de la rente CHF 1'352.00
Retenues CHF 0.00
Montant versé par mois CHF 1'352.00
La rente est versée mensuellement (12 fois par an)."""


def test_a_swiss_rente_in_francs_is_read_and_flagged() -> None:
    kind, fields, warnings = read(SWISS)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Olímpia Fernandes Salgueiro Reis"
    assert fields["gross_monthly_amount"] == Decimal("1352.00")
    assert fields["deductions"] == Decimal("0.00")
    assert fields["net_monthly_amount"] == Decimal("1352.00")
    assert fields["payments_per_year"] == 12
    assert "currency_not_eur" in warnings


def test_a_french_label_with_a_space_before_its_colon_and_the_next_field_after_the_name() -> None:
    text = """CNAP — Caisse nationale d'assurance pension
Relevé de pension — octobre 2026 Date : 07/10/2026
Pensionnée : Deolinda Maria Patrício Sarmento · Matricule 1951020312345 · Pension de vieillesse
Pension brute 1.906,40 EUR
Cotisation assurance maladie (2,80 %) -53,38 EUR
Retenue d'impôt (classe 1) -140,10 EUR
Montant net versé 1.712,92 EUR"""
    _, fields, warnings = read(text)
    assert fields["pensioner_name"] == "Deolinda Maria Patrício Sarmento"
    assert fields["issue_date"] == dt.date(2026, 10, 7)
    assert fields["deductions"] == Decimal("193.48")
    assert "arithmetic_mismatch" not in warnings


def test_a_dated_payment_in_lower_case_is_no_date_of_issue() -> None:
    """Guard: 'date de paiement: ...' inside a line is the payment's date; the place and date above the
    signature are the letter's."""
    text = SWISS.replace("Montants", "") + "\nProchain versement, date de paiement: 25.03.2026"
    _, fields, _ = read(text)
    assert fields["issue_date"] == dt.date(2026, 2, 20)
