"""Blind probe r52a, PDFs as real software writes them: a pension statement's "Número de prestações anuais (inclui
subsídios de férias e de Natal) 14" gave no payments a year; a portal's print view's "Adquirente <name> NIF ..." with
no colon gave the description under it as the acquirer's name at 1.0; a payslip with its social security unread was
warned only for its gross and net. Lines of our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.parsers import parse_document
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from documents.extraction.validation import fields_revalidate
from tests.helpers import read_text

STATEMENT = """SEGURANÇA SOCIAL
Centro Nacional de Pensões
DECLARAÇÃO DE PENSÃO
Declara-se, para os devidos efeitos, que Leonor Baptista Quintela,
NIF 123456789, é pensionista de pensão de velhice
desde 01/03/2017, sendo o valor mensal da pensão em 2026:
Valor mensal da pensão {leaders}731,58 €
{count}
Coimbra, 14/10/2026"""


def read_pension(count: str, leaders: str = "") -> tuple[Any, dict[str, Any], list[str]]:
    text = STATEMENT.format(count=count, leaders=leaders)
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


@pytest.mark.parametrize(
    ("count", "leaders"),
    [
        ("Número de prestações anuais (inclui subsídios de férias e de Natal) 14", ""),
        ("Número de prestações anuais (inclui subsídios de férias e de Natal) " + "." * 60 + " 14", "." * 70 + " "),
        ("Número de prestações anuais (inclui subsídios de férias e de Natal) … 14", "… "),
        ("N.º de prestações anuais (subsídios incluídos): 14 prestações", ""),
        ("Prestações anuais " + "." * 80 + " 14", "." * 80 + " "),
    ],
)
def test_a_count_after_a_parenthesis_or_dot_leaders_is_read(count: str, leaders: str) -> None:
    kind, fields, warnings = read_pension(count, leaders)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("731.58")
    assert fields["payments_per_year"] == 14
    assert "missing:payments_per_year" not in warnings
    assert "derived:payments_per_year" not in warnings


def test_the_year_before_the_payments_is_read() -> None:
    _, fields, warnings = read_pension("Número anual de prestações: 12")
    assert fields["payments_per_year"] == 12
    assert "missing:payments_per_year" not in warnings


def test_a_month_named_in_the_parenthesis_is_not_the_count() -> None:
    """A month named in the parenthesis ("inclui o 13.º mês") is no count, nor is the date's day under the line
    ("Coimbra, 14/10/2026", read as 14 before): with no count printed, none is read."""
    _, fields, warnings = read_pension("Número de prestações anuais (inclui o 13.º mês)")
    assert fields["payments_per_year"] is None
    assert "missing:payments_per_year" in warnings


def laid_out(*columns: tuple[int, str], top: int = 0) -> Line:
    """A text layer's line whose words' boxes stand in columns: (left edge, the column's words)."""
    words: list[tuple[str, tuple[int, int, int, int]]] = []
    for left, text in columns:
        for word in text.split():
            words.append((word, (left, top, 6 * len(word), 10)))
            left += 6 * len(word) + 3
    return Line(" ".join(word for word, _ in words), 1.0, [], [box for _, box in words])


def portal_print_view(acquirer: list[Line]) -> list[Line]:
    return [
        laid_out((40, "Portal das Finanças — Faturas e Recibos Verdes"), top=20),
        laid_out((40, "Fatura-Recibo"), top=40),
        laid_out((40, "N.º FR ATSIRE01FR/7"), (200, "Data 03/11/2026"), top=60),
        laid_out((40, "Transmitente"), (140, "Baltazar Nogueira Teixeira"), (400, "NIF 123456789"), top=80),
        *acquirer,
        laid_out((40, "Descrição: Serviços de tradução técnica — prestação de serviços"), top=130),
        laid_out((40, "Valor base"), (400, "600,00 €"), top=150),
        laid_out((40, "IVA à taxa de 23%"), (400, "138,00 €"), top=170),
        laid_out((40, "Retenção na fonte de IRS (25%)"), (400, "150,00 €"), top=190),
        laid_out((40, "Importância recebida"), (400, "588,00 €"), top=210),
    ]


def test_a_name_beside_its_caption_with_no_colon_is_the_acquirers() -> None:
    """The caption's column alone followed down gave the description's words under it, at 1.0."""
    lines = portal_print_view(
        [laid_out((40, "Adquirente"), (140, "Oficina Ribeirinha de Restauro, Lda"), (400, "NIF 503148776"), top=100)]
    )
    parsed = parse_document(DocumentKind.FATURA_RECIBO, lines)
    assert parsed.fields["acquirer_name"] == "Oficina Ribeirinha de Restauro, Lda"
    assert parsed.fields["acquirer_nif"] == "503148776"
    assert parsed.fields["issuer_name"] == "Baltazar Nogueira Teixeira"


def test_a_name_under_its_caption_is_less_sure_than_one_beside_it() -> None:
    lines = portal_print_view(
        [
            laid_out((40, "Adquirente"), (400, "NIF 503148776"), top=100),
            laid_out((40, "Oficina Ribeirinha de Restauro, Lda"), top=115),
        ]
    )
    parsed = parse_document(DocumentKind.FATURA_RECIBO, lines)
    assert parsed.fields["acquirer_name"] == "Oficina Ribeirinha de Restauro, Lda"
    assert parsed.confidence["acquirer_name"] <= 0.85
    assert parsed.confidence["issuer_name"] == 1.0


PAYSLIP = {
    "employee_name": "Rui Tavares Moniz",
    "employer_name": "Carpintaria Moniz, Lda",
    "period": "2026-10",
    "base_salary": Decimal("1500.00"),
    "gross_pay": Decimal("1500.00"),
    "social_security": Decimal("165.00"),
    "irs_withholding": Decimal("120.00"),
    "net_pay": Decimal("1215.00"),
}


def payslip_warnings(**read: Decimal | None) -> list[str]:
    fields = {**PAYSLIP, **read}
    return fields_revalidate(
        DocumentKind.RECIBO_VENCIMENTO, fields, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3)
    )


def test_a_payslips_unread_social_security_is_warned() -> None:
    assert "missing:social_security" in payslip_warnings(social_security=None)


def test_a_payslips_unread_base_or_withholding_is_not_warned() -> None:
    """A wage under the withholding floor has no IRS row, an hourly wage no base salary: neither is warned."""
    warnings = payslip_warnings(base_salary=None, irs_withholding=None, net_pay=Decimal("1335.00"))
    assert not [code for code in warnings if code.startswith("missing:")]
