"""IRS documents blind probe r43a misread: a Modelo 3 whose Anexo A rows carry a pension's code (403, 404) came back
with no income at all (only 401 was read); an IRS simulation ("SIMULAÇÃO DO IRS 2025", its amounts "(estimado)")
was read as a return; a certidão naming its taxpayer in a sentence ("Certifica-se ... que <name>, contribuinte n.º
<NIF>, declarou ...") gave no name. The texts are shaped as the reader hands them over, with names and numbers of
their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.local import SALARY_NOT_PAID, TAX_NOT_FILED, refusal
from documents.extraction.parsers import DocumentKind, classify
from documents.extraction.reader import Line, ReadDocument
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 5))


def modelo_3(
    rows: str, total: str, *, sujeitos: str = "Sujeito passivo A NIF 216483751 Nome: Joana Rita Valente"
) -> str:
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3
Quadro 3 Ano dos rendimentos: 2025
{sujeitos}
Anexos entregues: Anexo A
ANEXO A - Rendimentos do trabalho dependente e de pensões
Quadro 4A Rendimentos obtidos em território português
Titular NIF da entidade Código Rendimentos Retenções Contribuições
{rows}
{total}
Quadro 4B Entidades pagadoras"""


def test_a_pension_row_of_anexo_a_is_the_returns_pension_and_gross() -> None:
    _, fields, warnings = read(modelo_3("A 600123456 403 18.420,50 1.310,00 0,00", "Soma 18.420,50 1.310,00 0,00"))
    assert fields["pension_income"] == Decimal("18420.50")
    assert fields["gross_income"] == Decimal("18420.50")
    assert fields["employment_income"] is None
    assert "missing:gross_income" not in warnings


def test_a_survivors_pension_row_read_from_a_scan_is_a_pension() -> None:
    _, fields, _ = read(modelo_3("A 600123456 404 9 875,20 410,00 0,00", "Soma 9 875,20 410,00 0,00"))
    assert fields["pension_income"] == Decimal("9875.20")
    assert fields["gross_income"] == Decimal("9875.20")


def test_a_joint_returns_pension_and_salary_rows_are_both_read_and_summed() -> None:
    text = modelo_3(
        "A 600123456 403 11.200,00 1.050,00 0,00\nB 507302915 401 20.650,40 2.940,10 2.271,54",
        "Soma 31.850,40 3.990,10 2.271,54",
        sujeitos="Sujeito passivo A NIF 216483751 Nome: Joana Rita Valente\n"
        "Sujeito passivo B NIF 230917461 Nome: Hugo Miguel Valente",
    )
    _, fields, warnings = read(text)
    assert fields["pension_income"] == Decimal("11200.00")
    assert fields["employment_income"] == Decimal("20650.40")
    assert fields["gross_income"] == Decimal("31850.40")
    assert "derived:gross_income" not in warnings


def test_anexo_bs_code_403_on_a_payers_table_is_no_pension() -> None:
    """Anexo A's codes are read in Anexo A's own table only: Anexo B's 403 is services rendered."""
    text = """DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3
Ano dos rendimentos: 2025
Sujeito passivo A NIF 216483751 Nome: Joana Rita Valente
ANEXO B
Quadro 6 Retenções na fonte
NIF da entidade Código Rendimentos Retenções
507302915 403 12.000,00 3.000,00"""
    _, fields, _ = read(text)
    assert fields["pension_income"] is None


def read_page(text: str) -> ReadDocument:
    return ReadDocument(lines=[Line(line) for line in text.splitlines()], pages=1, method="text")


IRS_SIMULATION = """Portal das Finanças - IRS
SIMULAÇÃO DO IRS 2025
Simulador de IRS - Modelo 3 (Continente)
Esta simulação tem carácter meramente informativo e não substitui a declaração nem a liquidação.
Sujeito passivo A NIF 216483751
Anexo A - Trabalho dependente (valores introduzidos)
Código Rendimentos Retenções Contribuições
401 21.500,00 2.450,00 2.365,00
Resultado da simulação
Rendimento global 19.135,00
Coleta líquida (estimada) 2.210,35
Valor a reembolsar (estimado) 239,65"""


def test_an_irs_simulation_has_no_kind_and_is_told_what_proves_income() -> None:
    assert classify(IRS_SIMULATION) == DocumentKind.UNKNOWN
    reason = refusal(read_page(IRS_SIMULATION), "PROOF_OF_INCOME", [])
    assert reason == TAX_NOT_FILED
    assert reason != SALARY_NOT_PAID


@pytest.mark.parametrize(
    "footnote",
    [
        "Pode fazer uma simulação do IRS no Portal das Finanças.",
        "Simulação do IRS: disponível no Portal das Finanças, em Serviços.",
    ],
)
def test_a_nota_that_mentions_a_simulation_in_a_footnote_is_still_read(footnote: str) -> None:
    text = f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS
Ano dos rendimentos: 2025
Nome: Joana Rita Valente NIF 216483751
Rendimento bruto 21.500,00
Coleta líquida 2.210,35
Retenções na fonte 2.450,00
Valor a reembolsar 239,65
{footnote}"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert fields["gross_income"] == Decimal("21500.00")


CERTIDAO = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
CERTIDÃO
Serviço de Finanças de Braga 1
{body}
os seguintes rendimentos:
Categoria Rendimento bruto Retenções Contribuições
Categoria A - Trabalho dependente 24.310,00 3.120,40 2.674,10
Total 24.310,00 3.120,40 2.674,10
Por ser verdade e me ter sido pedida, passa-se a presente certidão."""


@pytest.mark.parametrize(
    "body",
    [
        # The name ends one line, the NIF opens the next.
        "Certifica-se, a pedido do interessado, para efeitos de prova de rendimentos, que Inês Maria da Cunha Lobo,\n"
        "contribuinte n.º 188205179, declarou na declaração Modelo 3 de IRS relativa ao ano de 2025",
        "Certifica-se que o contribuinte Inês Maria da Cunha Lobo, NIF 188205179, declarou na declaração Modelo 3 de IRS de 2025",
    ],
)
def test_a_certidao_names_its_taxpayer_in_a_sentence(body: str) -> None:
    _, fields, _ = read(CERTIDAO.format(body=body))
    assert fields["taxpayer_name"] == "Inês Maria da Cunha Lobo"
    assert fields["taxpayer_nif"] == "188205179"


def test_a_sentences_name_before_a_nif_that_fails_its_check_digit_is_not_taken() -> None:
    body = "Certifica-se que Inês Maria da Cunha Lobo, contribuinte n.º 188205170, declarou na declaração Modelo 3 de IRS de 2025"
    _, fields, _ = read(CERTIDAO.format(body=body))
    assert fields["taxpayer_name"] is None
