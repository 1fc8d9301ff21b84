"""Faturas-recibo and IRS documents the blind probe of round 16 misread: a profession after a dash under
"Emitente" kept in the issuer's name ("NAME — Músico (cód. 2652) — NIF ..."); a sequence with a hyphen cut
("FR 1/2026-118"); a letterhead's name over a profession line; "Cliente (consumidor final)  NAME"; "DE" / "PARA"
blocks and a series with its year ("Nº AP/2026/0011"); a joint Modelo 3 whose Anexo A prints one row per taxpayer
and their "Soma", listing "Anexos: Rosto, A (2), H"; an IRS "Nota de Cobrança — IRS 2025" refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def fatura(issuer_block: str, acquirer_block: str = "Cliente\nClube Náutico do Seixal — NIF 561576823") -> str:
    return f"""FATURA-RECIBO FR ATSIRE01FR/27 Data: 03.10.2026
{issuer_block}
{acquirer_block}
Base tributável 600,00
IVA 23% 138,00
Retenção IRS 23% 138,00
Montante recebido 600,00"""


@pytest.mark.parametrize(
    "issuer_line",
    ["Joaquim Tavares Meireles — Fotógrafo (cód. 3431) — NIF 257746374",
     "Joaquim Tavares Meireles – Fotógrafo – NIF 257746374"],
)  # fmt: skip
def test_a_profession_after_a_dash_under_the_label_is_no_part_of_the_name(issuer_line: str) -> None:
    """Round 16: 'NAME — Músico (cód. 2652) — NIF ...' under 'Emitente' gave issuer 'NAME Músico'."""
    kind, fields, _ = read(fatura(f"Emitente\n{issuer_line}"))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["issuer_name"] == "Joaquim Tavares Meireles"
    assert fields["issuer_nif"] == "257746374"


def test_a_company_name_keeps_its_dash() -> None:
    """The guard: a company's name with a dash ('Clube ... — Secção, Lda.') stays whole after the label."""
    _, fields, _ = read(
        fatura(
            "Emitente\nJoaquim Tavares Meireles — NIF 257746374",
            "Cliente\nNáutica Sul — Desportos, Lda. — NIF 561576823",
        )
    )
    assert fields["acquirer_name"] == "Náutica Sul — Desportos, Lda."


def test_a_bodys_name_keeps_its_dash() -> None:
    """The guard: a body's name with a dash under the label ('Teatro Municipal de Almada — Associação Cultural')
    is no person's name and a profession: it stays whole."""
    _, fields, _ = read(
        fatura(
            "Emitente\nJoaquim Tavares Meireles — NIF 257746374",
            "Cliente\nTeatro Municipal de Almada — Associação Cultural\nNIF 561576823",
        )
    )
    assert fields["acquirer_name"] == "Teatro Municipal de Almada Associação Cultural"


def test_a_hyphenated_sequence_is_part_of_the_number() -> None:
    """Round 16: 'Fatura-Recibo FR 1/2026-118' gave invoice_number 'FR1/2026'."""
    text = """Beatriz Salgueiro Nunes · NIF 206433042
Fatura-Recibo FR 3/2026-204 Data de emissão 14/10/2026
Adquirente: Tomás Ribeiro Falcão — NIF 145294030
Base 300,00 IVA 13% 39,00
Total pago 339,00"""
    _, fields, _ = read(text)
    assert fields["invoice_number"] == "FR3/2026-204"


def test_a_date_after_the_number_is_no_part_of_it() -> None:
    """The guard: a date after the number ('FR ATSIRE01FR/27-03-10-2026' never; 'FR A/12 03-10-2026') stays out."""
    text = fatura("Emitente\nJoaquim Tavares Meireles — NIF 257746374").replace(
        "FR ATSIRE01FR/27 Data: 03.10.2026", "FR ATSIRE01FR/27-03.10.2026"
    )
    _, fields, _ = read(text)
    assert fields["invoice_number"] == "FRATSIRE01FR/27"


def test_a_letterheads_name_over_its_profession_line_is_the_issuer() -> None:
    """Round 16: 'NAME' / 'Tradutora e intérprete (UK/RU/PT)' / 'Contribuinte n.º ...' left the issuer unread."""
    text = """Hanna Oleksiivna Marchenko
Fotógrafa e videógrafa (casamentos)
Contribuinte n.º 279434545
Rua da Prata 12, 1100-414 Lisboa
Exmo.(s) Sr.(s)
Quinta das Oliveiras — Eventos, Lda.
NIF 594904102
Fatura-recibo FR B2026/8 · Lisboa, 2 de novembro de 2026
Honorários 500,00 €
IVA (23%) 115,00 €
IRS retido (23%) 115,00 €
Líquido recebido 500,00 €"""
    _, fields, _ = read(text)
    assert fields["issuer_name"] == "Hanna Oleksiivna Marchenko"
    assert fields["issuer_nif"] == "279434545"


def test_an_acquirers_kind_in_brackets_before_the_name_is_a_note() -> None:
    """Round 16: 'Cliente (consumidor final)  NAME — NIF ...' left the acquirer's name unread."""
    text = """Beatriz Salgueiro Nunes · NIF 206433042
Documento Fatura-Recibo FR 3/2026204
Data de emissão 14/10/2026
Cliente (consumidor final) Tomás Ribeiro Falcão — NIF 145294030
Base 300,00 IVA 13% 39,00
Total pago 339,00"""
    _, fields, _ = read(text)
    assert fields["acquirer_name"] == "Tomás Ribeiro Falcão"


def test_a_kind_alone_names_no_acquirer() -> None:
    """The guard: 'Cliente (consumidor final)' with nothing after it still names nobody."""
    text = """Beatriz Salgueiro Nunes · NIF 206433042
Fatura-Recibo FR 3/2026204 Data de emissão 14/10/2026
Cliente (consumidor final)
Base 300,00 IVA 13% 39,00
Total pago 339,00"""
    _, fields, _ = read(text)
    assert fields["acquirer_name"] is None


def test_de_and_para_blocks_and_a_series_with_its_year() -> None:
    """Round 16: 'DE' / 'PARA' blocks left the acquirer unread and 'FATURA-RECIBO Nº AP/2026/0011' the number."""
    text = """FATURA-RECIBO Nº BK/2026/0042
Emitida a 2026-09-30
DE
Radu Ionut Dumitrescu
NIF 285372440
PARA
Delta Cloud Systems, S.A.
NIF 561576823
Serviços de consultoria 2.000,00 EUR
IVA à taxa de 23% 460,00 EUR
Retenção na fonte (25%) 500,00 EUR
Valor recebido 1.960,00 EUR"""
    _, fields, _ = read(text)
    assert fields["issuer_name"] == "Radu Ionut Dumitrescu"
    assert fields["acquirer_name"] == "Delta Cloud Systems, S.A."  # a company form keeps its dot (round 17)
    assert fields["acquirer_nif"] == "561576823"
    assert fields["invoice_number"] == "FRBK/2026/0042"


JOINT = """Declaração Modelo 3 de IRS — Rendimentos de 2025
Tributação conjunta
Sujeito passivo A Gonçalo Meireles Tavares 257746374
Sujeito passivo B Rita Carvalho Tavares 206433042
Anexos: Rosto, A (2), H
Anexo A — Rendimentos do trabalho dependente
{rows}"""


def test_a_joint_returns_soma_is_the_gross_income_under_a_caption() -> None:
    """Round 16: Anexo A's 'Rendimento bruto' column with one row per taxpayer and 'Soma 38.220,00' gave
    gross_income the first row's 21.840,00; 'Anexos: Rosto, A (2), H' gave ['A']."""
    rows = "Titular NIF da entidade Código Rendimento bruto\nA 561576823 401 19.500,00\nB 594904102 401 12.250,00\nSoma 31.750,00"
    kind, fields, warnings = read(JOINT.format(rows=rows))
    assert kind == DocumentKind.DECLARACAO_IRS
    assert fields["gross_income"] == Decimal("31750.00")
    assert fields["annexes"] == ["A", "H"]
    assert "arithmetic_mismatch" not in warnings


def test_a_joint_returns_rows_per_taxpayer_give_the_categorys_total() -> None:
    """Round 16: 'Titular A 401 ...' / 'Titular B 401 ...' / 'Soma ...' under Anexo A's heading gave no income."""
    rows = "Titular A 401 19.500,00\nTitular B 401 12.250,00\nSoma 31.750,00"
    _, fields, _ = read(JOINT.format(rows=rows))
    assert fields["employment_income"] == Decimal("31750.00")
    assert fields["gross_income"] == Decimal("31750.00")


def test_a_soma_the_rows_do_not_make_is_not_trusted() -> None:
    """The guard: rows that do not add up to the 'Soma' give no total, and the sum is flagged."""
    rows = "Titular A 401 19.500,00\nTitular B 401 12.250,00\nSoma 33.750,00"
    _, fields, warnings = read(JOINT.format(rows=rows))
    assert fields["employment_income"] is None
    assert "arithmetic_mismatch" in warnings


def test_an_irs_nota_de_cobranca_is_a_nota() -> None:
    """Round 16: 'Nota de Cobrança — IRS 2025' with the settlement's amounts was refused."""
    text = """Nota de Cobrança — IRS 2025
Contribuinte: Gonçalo Meireles Tavares — NIF 257746374
Rendimento bruto 27.400,00
Coleta líquida 4.120,30
Retenções na fonte 3.700,00
Imposto a pagar 420,30"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert fields["taxpayer_nif"] == "257746374"
    assert fields["year"] == 2025
    assert fields["amount_payable"] == Decimal("420.30")
