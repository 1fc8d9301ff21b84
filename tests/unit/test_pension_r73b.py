"""Blind probe r73b: pension statements and documents that are not income.

- F1: a German pension's "Monatliche Rente ab 01.07.2026," (the date closing its clause) read as an amount of 1,07 €,
  the net taken for it and the statement flagged as not adding up, which the report then called "um recibo".
- F2: a CGA "Nota de abono de pensão" naming its month and paid "por transferência bancária em 20/10/2026", with no
  date of issue, read as undated and not counted, and the profile check said "fora do período pedido".
- F3: an electricity bill and a bank's IBAN proof, clean PDFs, refused as not income, reported as files "ilegíveis ou
  corrompidos" to be sent again.

The statements are written here in layouts and words of their own.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.local import UNRECOGNISED, refusal
from documents.extraction.parsers.common import parse_money
from documents.extraction.parsers.pension import DAY_FIRST, YEAR_FIRST, money_matches, parse_pension
from documents.extraction.reader import Line, ReadDocument
from screening.explanation import EN, PT, applicant_explanation
from screening.rules import income
from screening.rules.report import REASON_TEXT, reason_words
from tests.unit.test_explanation_refused import failed_proof, income_text, two_months_and

NIF = "245718931"


def lines_of(text: str) -> list[Line]:
    return [Line(line) for line in text.splitlines() if line.strip()]


def read_page(text: str) -> ReadDocument:
    return ReadDocument(lines=lines_of(text), pages=1, method="text")


# --- F1: a date is never an amount ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Rente ab 01.07.2026, Zahlung im Dezember", "Stand: 2026.07.01", "Bescheid vom 15.03.26 über", "am 1.7.2026."],
)
def test_a_dotted_date_is_no_amount(text: str) -> None:
    assert parse_money(text) == []


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("Bruttorente 1.412,30 €", [Decimal("1412.30")]),
        ("Total 1.234.567,89", [Decimal("1234567.89")]),
        ("Valor pago: 612,48.", [Decimal("612.48")]),
        ("IRS 12,50, ADSE 13,00", [Decimal("12.50"), Decimal("13.00")]),
        ("Pago em 20/10/2026: 845,10 €", [Decimal("845.10")]),
        ("Gross monthly amount 1,180.50", [Decimal("1180.50")]),
    ],
)
def test_amounts_beside_punctuation_and_dates_still_read(text: str, amounts: list[Decimal]) -> None:
    assert parse_money(text) == amounts


@pytest.mark.parametrize("date", ["01.07.2026,", "01/07/2026.", "2026-07-01,"])
def test_a_date_closing_its_clause_is_blanked_whole_before_amounts_are_read(date: str) -> None:
    text = f"Monatliche Rente ab {date} 1 045,20 €"
    assert (DAY_FIRST.search(text) or YEAR_FIRST.search(text)) is not None
    assert [value for _, _, value in money_matches(text)] == [Decimal("1045.20")]


GERMAN_LETTER = """Rentenservice Nord
Mitteilung über Ihre Rente
Frau Ana Paula Lopes Marques
Steuer-Identifikation (NIF): {nif}
Ihre monatliche Rente ab {start} setzt sich zusammen aus:
Rente (brutto) 1.412,30 €
Beitrag zur Krankenversicherung 0,00 €
Zahlbetrag 1.412,30 €
Hamburg, 03.11.2026"""

PORTUGUESE_LETTER = """Fundo de Pensões do Grupo Exemplo
Declaração de pensão
Pensionista: Rui Manuel Vaz   NIF {nif}
Valor mensal da pensão com efeitos a partir de {start}
Valor mensal ilíquido 980,00 €
Retenção de IRS 41,20 €
Valor mensal líquido 938,80 €
Porto, 10 de novembro de 2026"""


@pytest.mark.parametrize(
    ("letter", "start", "net"),
    [
        (GERMAN_LETTER, "01.07.2026,", Decimal("1412.30")),
        (GERMAN_LETTER, "01.07.2026.", Decimal("1412.30")),
        (PORTUGUESE_LETTER, "01.01.2026:", Decimal("938.80")),
        (PORTUGUESE_LETTER, "01.01.2026.", Decimal("938.80")),
    ],
)
def test_a_pensions_start_date_on_the_line_above_is_not_its_net(letter: str, start: str, net: Decimal) -> None:
    parsed = parse_pension(lines_of(letter.format(nif=NIF, start=start)))
    assert parsed.fields["net_monthly_amount"] == net
    assert "arithmetic_mismatch" not in parsed.warnings


def failed_arithmetic(*names: str) -> dict[str, Any]:
    # Figures read that disagree: a check failed with no amount read is a reading's failure (blind probe r78c, F3).
    return {"checks": [{"name": name, "passed": False, "evidence": "", "value": "1000.00"} for name in names]}


def test_a_pensions_figures_that_do_not_add_up_are_said_of_a_pension_statement() -> None:
    words = reason_words("arithmetic_mismatch", {}, failed_arithmetic("income.pension_arithmetic"))
    assert words.startswith("uma declaração de pensão tem valores que não batem certo")
    assert "recibo" not in words


def test_figures_that_do_not_add_up_name_each_kind_of_proof_and_how_many() -> None:
    words = reason_words(
        "arithmetic_mismatch",
        {},
        failed_arithmetic("income.payslip_arithmetic", "income.payslip_arithmetic", "income.invoice_arithmetic"),
    )
    assert words.startswith("2 recibos de vencimento têm valores que não batem certo")
    assert "uma fatura-recibo tem valores que não batem certo" in words
    assert reason_words("arithmetic_mismatch", {}, {}) == REASON_TEXT["arithmetic_mismatch"]


# --- F2: a month's statement is dated by the month it pays --------------------------------------------------------

MONTHS_SLIP = """Caixa de Previdência Exemplo
NOTA DE ABONO — Setembro de 2026
Beneficiário: Rui Manuel Vaz NIF: {nif}
Pensão de velhice 1.204,10
IRS 120,40
Total ilíquido 1.204,10
Total de descontos 120,40
Líquido a abonar 1.083,70
{paid}"""


def test_a_statement_paid_by_transfer_on_a_day_is_dated_by_that_day() -> None:
    paid = "Importância paga por transferência bancária em 21/09/2026."
    parsed = parse_pension(lines_of(MONTHS_SLIP.format(nif=NIF, paid=paid)))
    assert parsed.fields["issue_date"] == dt.date(2026, 9, 21)


def test_a_statement_naming_only_its_month_is_dated_by_that_month() -> None:
    parsed = parse_pension(lines_of(MONTHS_SLIP.format(nif=NIF, paid="Processado automaticamente.")))
    assert parsed.fields["issue_date"] == dt.date(2026, 9, 1)
    assert parsed.fields["net_monthly_amount"] == Decimal("1083.70")


@pytest.mark.parametrize(
    "line",
    [
        "Pensão atribuída desde janeiro de 2019",
        "Pensão de velhice com início em março de 2015",
        "Rente seit Oktober 2019",
    ],
)
def test_a_pensions_start_or_grant_month_does_not_date_the_statement(line: str) -> None:
    text = f"Caixa de Previdência Exemplo\nDeclaração de pensão\nNIF: {NIF}\n{line}\nValor mensal líquido 700,00 €"
    assert parse_pension(lines_of(text)).fields.get("issue_date") is None


def test_a_statement_not_dated_is_not_said_outside_the_period_asked() -> None:
    document = {"document_id": "p-1", "kind": "DECLARACAO_PENSAO", "fields": {}, "warnings": []}
    recent = income.pension_recent(document, today=dt.date(2026, 12, 7))
    said = income.not_counted([(document, [recent])])
    assert said == "1 declaração de pensão (sem data lida)"
    payslip = {"name": "income.payslip_recent", "passed": False, "evidence": "", "value": None}
    assert income.not_counted([({}, [payslip])]) == "1 recibo de vencimento (sem o mês lido)"


# --- F3: a legible document that is not income is refused for what it is -----------------------------------------

ELECTRICITY_BILL = """Luz Boa Energia, S.A.
Fatura n.º FT 2026/118822
Cliente: Rui Manuel Vaz
Consumo de eletricidade: 01/10/2026 a 31/10/2026
Potência contratada 6,90 kVA
Total a pagar 71,35 €"""

IBAN_PROOF = """Banco Exemplo
Comprovativo de IBAN
Titular: Rui Manuel Vaz
IBAN PT50 0000 0000 0000 0000 0000 0
BIC/SWIFT EXMPPTPL"""


@pytest.mark.parametrize("text", [ELECTRICITY_BILL, IBAN_PROOF])
def test_a_legible_document_that_is_not_income_is_refused_for_what_it_is(text: str) -> None:
    reason = refusal(read_page(text), "PROOF_OF_INCOME", [])
    assert reason == UNRECOGNISED["PROOF_OF_INCOME"]
    assert income.refused_for_what_it_is(reason)
    assert "de novo" not in reason


@pytest.mark.parametrize(
    "reason",
    [
        UNRECOGNISED["PROOF_OF_INCOME"],
        # As reasons were stored before 2026-12-07.
        "Documento não reconhecido como comprovativo de rendimentos: envie recibos de vencimento, faturas-recibo, a "
        "declaração ou nota de liquidação de IRS, a declaração da pensão ou a declaração da entidade patronal.",
    ],
)
def test_staff_and_the_applicant_are_told_a_document_not_income_apart_from_an_unreadable_file(reason: str) -> None:
    result, report, rui = two_months_and(failed_proof("bill-1", reason))
    reasons = result["affordability"]["reasons"]
    assert "income_documents_refused" in reasons
    assert "income_documents_unreadable" not in reasons
    assert "ilegíveis" not in report.justification
    profile = next(c for c in report.checks if c["name"] == "income.profile_documents")
    assert "não lidos" not in profile["evidence"]
    assert "Enviados e recusados pelo que são" in profile["evidence"]
    text = income_text(applicant_explanation(applicant=rui.applicant, report=report))
    assert PT.income_not_counted["income.document_read"] not in text
    assert PT.refused_one.format(count=1, reason=income.reason_as_clause(reason)) in text
    english = income_text(applicant_explanation(applicant=rui.applicant, report=report, language="en"))
    assert EN.income_not_counted["income.document_read"] not in english
    in_english = EN.reason(reason)
    assert in_english != reason
    assert "send it again" not in english
    assert english.endswith(EN.refused_one.format(count=1, reason=income.reason_as_clause(in_english)))


def test_a_file_that_could_not_be_read_is_still_to_be_sent_again() -> None:
    result, _, _ = two_months_and(failed_proof("bad-1", "Imagem corrompida ou ilegível: envie o documento outra vez."))
    assert "income_documents_unreadable" in result["affordability"]["reasons"]
