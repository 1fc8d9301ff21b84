"""Blind probe r78c: pension statements.

F3: a French complementary pension's "Retraite brute" and "Net versé" unread; the statement then said to have "valores
que não batem certo" when no amount was read at all. F6: a letter of two pensions photographed ("Pensão:de
sobrevivência", "Pensão de velhice e | | 612,40 €") read without its types. F5: a CGA nota de abono's "Pago:por
transferência bancária em 20/11/2026" unread, the slip dated by its month's first day. The wordings below are not the
tester's: the captions and sentences other issuers print for the same things.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.parsers import classify, parse_document
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, fields_validate
from screening.explanation import reason_of
from screening.rules import verify_income
from screening.rules.report import reason_words

KIND = DocumentKind.DECLARACAO_PENSAO
TODAY = dt.date(2026, 12, 7)
NIF = "245718931"


def read(texts: tuple[str, ...], *, confidence: float = 1.0, classified: bool = True) -> dict[str, Any]:
    if classified:
        assert classify("\n".join(texts)) == KIND
    lines = [Line(text, confidence) for text in texts]
    return fields_validate(KIND, parse_document(KIND, lines).fields)


# --- F3: the captions foreign pension funds print for the gross and the net -----------------------------------------


@pytest.mark.parametrize(
    ("gross_line", "deduction_line", "net_line", "gross", "deductions", "net"),
    [
        # A French basic pension's attestation.
        ("Pension brute 1 012,40 €", "CSG 83,00 €", "Net payé 929,40 €", "1012.40", "83.00", "929.40"),
        ("Total brut 1 012,40 €", "CRDS 5,06 €", "Net à verser 1 007,34 €", "1012.40", "5.06", "1007.34"),
        ("Brut mensuel 640,00 €", "Cotisation maladie 6,56 €", "Retraite nette 633,44 €", "640.00", "6.56", "633.44"),
        # A German Rentenanpassungsmitteilung.
        (
            "Rentenbetrag 1.245,60 €",
            "Beitrag zur Krankenversicherung 101,52 €",
            "Nettozahlbetrag 1.144,08 €",
            "1245.60",
            "101.52",
            "1144.08",
        ),
        (
            "Bruttorente 980,00 €",
            "Pflegeversicherung 33,32 €",
            "Rentenzahlbetrag 946,68 €",
            "980.00",
            "33.32",
            "946.68",
        ),
        # A Spanish INSS certificate.
        ("Pensión bruta 980,00 €", "Retención IRPF 49,00 €", "Neto a percibir 931,00 €", "980.00", "49.00", "931.00"),
        (
            "Total devengado 1.150,00 €",
            "Retención IRPF 92,00 €",
            "Total a percibir 1.058,00 €",
            "1150.00",
            "92.00",
            "1058.00",
        ),
    ],
)
def test_a_foreign_statements_gross_and_net_are_read_by_the_captions_its_fund_prints(
    gross_line: str, deduction_line: str, net_line: str, gross: str, deductions: str, net: str
) -> None:
    fields = read((
        "Caisse de retraite / Rentenversicherung / Seguridad Social", "Relevé de pension de retraite",
        "Bénéficiaire : Amélia Correia Dias", "Date : 05/11/2026", gross_line, deduction_line, net_line,
        "Pension de vieillesse versée mensuellement",
    ))  # fmt: skip
    assert fields["gross_monthly_amount"] == Decimal(gross)
    assert fields["deductions"] == Decimal(deductions)
    assert fields["net_monthly_amount"] == Decimal(net)


def test_an_italian_statements_gross_deductions_and_net_are_read() -> None:
    fields = read(
        (
            "INPS - Istituto Nazionale della Previdenza Sociale",
            "Pensione di vecchiaia",
            "Importo lordo 1.200,00 €",
            "Ritenute IRPEF 180,00 €",
            "Netto da pagare 1.020,00 €",
        ),
        classified=False,
    )
    assert (fields["gross_monthly_amount"], fields["deductions"], fields["net_monthly_amount"]) == (
        Decimal("1200.00"),
        Decimal("180.00"),
        Decimal("1020.00"),
    )


def test_a_sentence_saying_how_often_a_pension_is_paid_is_no_net() -> None:
    # Guard: "versée mensuellement, le 1er" names neither an amount nor a date.
    fields = read((
        "AGIRC-ARRCO - Retraite complémentaire", "Date : 02/11/2026", "Montant brut 310,00 €",
        "Votre retraite est versée mensuellement, le 1er de chaque mois. 2 rue X 75001 Paris",
    ))  # fmt: skip
    assert fields["gross_monthly_amount"] == Decimal("310.00")
    assert fields.get("net_monthly_amount") is None
    assert fields["issue_date"] == dt.date(2026, 11, 2)


# --- F6: a letter of two pensions, photographed or scanned ----------------------------------------------------------

TWO_PENSIONS_HEAD = (
    "Centro Nacional de Pensões",
    "DECLARAÇÃO DE PENSÃO",
    "Nome: Aurora Pinto Macedo",
    "NIF: 245718931",
    "é titular de pensões atribuídas por este Centro, com os seguintes valores mensais:",
)


@pytest.mark.parametrize(
    ("first_row", "second_row"),
    [
        ("Pensão.de invalidez 455,10 €", "Pensão: de sobrevivência 198,20 €"),
        ("Pensão de invalidez o | 455,10 €", "Pensão de sobrevivência ai, | 198,20 €"),
    ],
)
def test_two_pensions_rows_read_off_a_scan_give_both_types(first_row: str, second_row: str) -> None:
    fields = read(
        (*TWO_PENSIONS_HEAD, first_row, second_row, "Total bruto 653,30 €", "Valor líquido 653,30 €"), confidence=0.7
    )
    assert fields["gross_monthly_amount"] == Decimal("653.30")
    assert fields["pension_types"] == ["invalidez", "sobrevivencia"]
    assert fields["pension_type"] == "invalidez"


def test_a_row_with_a_word_between_its_type_and_amount_is_still_not_a_pensions_row() -> None:
    # Guard: "12 meses" says the row is a year's, not one month's pension.
    fields = read((*TWO_PENSIONS_HEAD, "Pensão de velhice 12 meses 6.840,00", "Pensão de sobrevivência 198,20"))
    assert fields.get("pension_types") is None


# --- F5: a month's slip dated by its payment --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "payment_line",
    [
        "Pago:por transferência bancária em 20/11/2026 para o IBAN PT50 0035 **** 1234 5",
        "Creditado. na sua conta em 20/11/2026",
        "Pagamento efetuado em 20-11-2026",
        "Data do crédito: 20/11/2026",
    ],
)
def test_a_nota_de_abono_is_dated_by_its_payment_however_worded(payment_line: str) -> None:
    fields = read((
        "CAIXA GERAL DE APOSENTAÇÕES, I.P.", "NOTA DE ABONO DE PENSÃO - Novembro 2026", "Nome: Rui Sousa Lima",
        "Pensão de aposentação 1.400,00", "Total descontos 210,00", "Valor líquido a receber 1.190,00 €", payment_line,
    ))  # fmt: skip
    assert fields["issue_date"] == dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    "payment_line",
    ["Montant net versé le 28/10/2026", "Überwiesen am 28.10.2026", "Abonado el 28/10/2026", "Paid on 28/10/2026"],
)
def test_a_foreign_slip_is_dated_by_its_payment(payment_line: str) -> None:
    fields = read((
        "Pension statement / Rentenbescheid / Relevé de retraite", "Retirement pension - October 2026",
        "Gross pension 800,00 €", "Net pension 780,00 €", payment_line,
    ))  # fmt: skip
    assert fields["issue_date"] == dt.date(2026, 10, 28)


# --- F3: a statement with no amount read is not said to disagree -----------------------------------------------------


def pension(**fields: Any) -> dict[str, Any]:
    return {
        "document_id": "pension-1",
        "status": "EXTRACTED",
        "kind": "DECLARACAO_PENSAO",
        "fields": {
            "pensioner_nif": NIF,
            "issuer": "CGA",
            "payments_per_year": 14,
            "issue_date": "2026-11-02",
            **fields,
        },
        "warnings": [],
    }


def income(*documents: dict[str, Any]) -> dict[str, Any]:
    applicant = {
        "nif": NIF,
        "name": "Aurora Pinto Macedo",
        "date_of_birth": "1950-03-01",
        "income_profile": "PENSIONER",
    }
    return verify_income({"applicant": applicant, "today": TODAY.isoformat(), "documents": list(documents)})


def arithmetic(result: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in result["checks"] if c["name"] == "income.pension_arithmetic")


def test_a_statement_whose_amounts_were_not_read_is_said_unread_not_to_disagree() -> None:
    result = income(pension(deductions=10.18))
    check = arithmetic(result)
    assert not check["passed"] and "nenhum valor da pensão lido" in check["evidence"]
    assert "arithmetic_mismatch" not in result["warnings"]
    assert "pension_amount_unread" in result["warnings"]
    words = reason_words("pension_amount_unread", {}, result)
    assert "não se ter lido o valor da pensão" in words and "não batem certo" not in words
    assert "1 declaração de pensão (sem o valor da pensão lido)" in result["not_counted"]
    assert reason_of(check) == "income.pension_arithmetic:unread"


def test_a_statement_whose_figures_disagree_is_still_said_so() -> None:
    # Guard: figures read that do not add up.
    document = pension(gross_monthly_amount=1000.0, deductions=40.0, net_monthly_amount=990.0)
    document["warnings"] = ["arithmetic_mismatch"]
    result = income(document)
    assert "arithmetic_mismatch" in result["warnings"]
    assert reason_words("arithmetic_mismatch", {}, result).startswith(
        "uma declaração de pensão tem valores que não batem certo"
    )
    assert "(com contas que não batem certo)" in result["not_counted"]
