"""Blind probe r75a, D5, D6 and D7: payslips read from photos. One page of a two-page slip sent as a file of its own
(D5: said so, ``payslip_pages_missing``), a twelfth's row whose "1/12" OCR read as "112", glued to its amount as a
thousands group (D6), and a coded table whose IRS row went unread without a word (D7). Lines of our own wording;
names and numbers of our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import PAYSLIP_PAGES_MISSING, DocumentKind
from documents.extraction.validation import fields_revalidate

TODAY = dt.date(2026, 12, 7)


def lines_of(*texts: str) -> list[Line]:
    return [Line(text, 0.93) for text in texts]


def twelfths_slip(ferias: str, natal: str) -> list[Line]:
    return lines_of(
        "Obras do Tâmega, Lda. RECIBO DE SALÁRIO Mês de referência: 10/2026",
        "Rua do Rio 12, 4600-001 Amarante Data de pagamento: 30/10/2026",
        "NIF: 516321625",
        "Colaborador: Rui Manuel Sousa Pinto NIF: 137855257",
        # A header's base beside the table's: the earnings add up neither way, so no reading of the rows is chosen
        # by the total.
        "Categoria: Pedreiro Vencimento base: 1.250,00",
        "Descrição Quant. Preço Remunerações Descontos",
        "Vencimento base 30 1.250,00",
        f"Duodécimo subsídio de férias {ferias} 104,17",
        f"Duodécimo subsídio de Natal {natal} 104,17",
        "Segurança Social 11% 160,42",
        "IRS 101,00",
        "Totais 1.458,34 261,42",
        "Total líquido: 1.196,92",
    )


def test_a_twelfths_quantity_read_glued_to_its_amount_is_not_part_of_it() -> None:
    parsed = parse_payslip(twelfths_slip("112", "1/12"))
    assert parsed.fields.get("subsidy_twelfths_amount") == Decimal("208.34")
    assert parsed.fields.get("gross_pay") == Decimal("1458.34")


def test_twelfths_read_as_printed_are_kept() -> None:
    # Guard: the quantity read as printed, and the rows read as they are.
    parsed = parse_payslip(twelfths_slip("1/12", "1/12"))
    assert parsed.fields.get("subsidy_twelfths_amount") == Decimal("208.34")
    assert parsed.fields.get("net_pay") == Decimal("1196.92")


def test_twelfths_of_a_large_salary_are_kept_whole() -> None:
    # Guard: a twelfth of a thousand euros or more is below its gross, and kept as read.
    parsed = parse_payslip(
        lines_of(
            "Banco Atlântico, S.A. Recibo de Vencimento 10/2026",
            "NIF: 516321625",
            "Nome: Rui Manuel Sousa Pinto NIF: 137855257",
            "Vencimento base 12.500,00",
            "Duodécimo subsídio de férias 1.041,67",
            "Duodécimo subsídio de Natal 1.041,67",
            "Total ilíquido 14.583,34",
            "Segurança Social 1.604,17",
            "IRS 5.250,00",
            "Líquido a receber 7.729,17",
        )
    )
    assert parsed.fields.get("subsidy_twelfths_amount") == Decimal("2083.34")


def payslip_fields(**amounts: str | None) -> dict[str, object]:
    fields: dict[str, object] = {
        "employee_name": "Marta Sofia Reis Costa",
        "employer_name": "Têxteis do Ave, S.A.",
        "period": "2026-10",
    }
    fields.update({name: Decimal(value) if value is not None else None for name, value in amounts.items()})
    return fields


def warnings_of(fields: dict[str, object]) -> list[str]:
    return fields_revalidate(DocumentKind.RECIBO_VENCIMENTO, fields, document_type="PROOF_OF_INCOME", today=TODAY)


def test_an_irs_row_unread_where_something_was_withheld_is_said_missing() -> None:
    fields = payslip_fields(gross_pay="1350.00", net_pay="1081.50", social_security=None, irs_withholding=None)
    warnings = warnings_of(fields)
    assert "missing:social_security" in warnings
    assert "missing:irs_withholding" in warnings


def test_an_irs_row_unread_beside_a_social_security_making_the_deductions_is_not_missing() -> None:
    # Guard: a wage under the withholding floor prints no IRS row; its gross less its social security is its net.
    fields = payslip_fields(gross_pay="870.00", net_pay="774.30", social_security="95.70", irs_withholding=None)
    assert "missing:irs_withholding" not in warnings_of(fields)


def test_an_irs_read_is_not_missing() -> None:
    # Guard.
    fields = payslip_fields(gross_pay="1350.00", net_pay="1081.50", social_security="148.50", irs_withholding="120.00")
    assert not [code for code in warnings_of(fields) if code.startswith("missing:")]


# --- D5: one page of a longer payslip ------------------------------------------------------------------------------

FIRST_PAGE = (
    "PAYSLIP Pay period: November 2026",
    "Atlantic Code Portugal, Lda. Payment date: 27 November 2026",
    "Company tax no. (NIPC): 516321625",
    "Employee: Rui Manuel Sousa Pinto Tax no. (NIF): 137855257",
    "Earnings Amount (EUR)",
    "Base salary 2.850,00",
    "Gross pay 2.850,00",
)
SECOND_PAGE = (
    "PAYSLIP (continued) — Rui Manuel Sousa Pinto — November 2026",
    "Deductions Amount (EUR)",
    "Social Security (Segurança Social 11%) 313,50",
    "Income tax withholding (IRS) 548,00",
    "Total deductions 861,50",
    "NET PAY 1.988,50 EUR",
)


def test_a_first_page_saying_there_is_another_is_a_payslip_with_pages_missing() -> None:
    parsed = parse_payslip(lines_of(*FIRST_PAGE, "Page 1 of 2 — continued overleaf"))
    assert PAYSLIP_PAGES_MISSING in parsed.warnings


def test_a_page_titled_continued_is_a_payslip_with_pages_missing() -> None:
    # Its own page number misread ("Page Zot2"): the title says it all the same.
    parsed = parse_payslip(lines_of(*SECOND_PAGE, "Page Zot2"))
    assert PAYSLIP_PAGES_MISSING in parsed.warnings


def test_a_file_holding_every_page_has_none_missing() -> None:
    # Guard: both pages in one file, each numbered.
    parsed = parse_payslip(lines_of(*FIRST_PAGE, "Página 1 de 2", *SECOND_PAGE, "Página 2 de 2"))
    assert PAYSLIP_PAGES_MISSING not in parsed.warnings
    assert parsed.fields.get("net_pay") == Decimal("1988.50")


def test_a_one_page_payslip_numbered_so_has_none_missing() -> None:
    # Guard.
    parsed = parse_payslip(lines_of(*FIRST_PAGE, "NET PAY 1.988,50 EUR", "Pág. 1/1"))
    assert PAYSLIP_PAGES_MISSING not in parsed.warnings
