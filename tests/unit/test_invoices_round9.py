"""Faturas-recibo the blind probe of round 9 misread: a number printed after its "n.º" without the document's
type before the series (and a scan's misread type), an "ato isolado"'s own numbering, and the issuer's activity
printed with the NIF under the name taken for the name."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

AMOUNTS = """Valor da prestação de serviços 1.100,00 EUR
IVA (23%) 253,00 EUR
Retenção na fonte de IRS (25%) 275,00 EUR
Valor a receber 1.078,00 EUR"""


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def receipt(header: str) -> str:
    return f"""{header}
Data de emissão: 9 de agosto de 2026
Prestadora
Inês Carolina Vasconcelos Rebelo — NIF 248221230
Cliente
Tipografia Ribeirinha, Lda. — NIF 584218842
Paginação e revisão do catálogo de outono
{AMOUNTS}"""


@pytest.mark.parametrize(
    "header",
    [
        "Fatura-Recibo n.º ATSIRE02FR/17\nSérie ATSIRE02FR",
        "Fatura-Recibo n.º ATSIREO2FR/17",
        "FATURA-RECIBO N.º ER ATSIREO2FR/17",
        "Fatura-Recibo Número: ATSIRE02FR/17",
        "FATURA-RECIBO\nSérie: ATSIRE02FR   N.º 17",
        "FATURA-RECIBO\nSérie ATSIRE02FR\nN.º do documento: 17",
    ],
)
def test_the_number_after_its_no_is_read_with_the_fatura_recibos_type(header: str) -> None:
    """Round 9: "Fatura-Recibo n.º ATSIRE01FR/58" over "Série ATSIRE01FR" gave no number (and its scan neither);
    a photo read the type "FR" as "ER"."""
    kind, fields, _ = read(receipt(header))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["invoice_number"] == "FRATSIRE02FR/17"
    assert fields["issuer_name"] == "Inês Carolina Vasconcelos Rebelo"
    assert fields["amount_received"] == Decimal("1078.00")


def test_an_ato_isolado_series_after_its_no_keeps_its_type() -> None:
    _, fields, _ = read(receipt("FATURA-RECIBO (ATO ISOLADO)\nN.º ATSIRE01AI/3"))
    assert fields["invoice_number"] == "ATIATSIRE01AI/3"


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Documento: ATO ISOLADO N.º 2026/9 Data: 03/05/2026", "2026/9"),
        ("Ato isolado n.º 31", "31"),
    ],
)
def test_an_ato_isolados_own_number_is_read_after_its_words(line: str, number: str) -> None:
    """Round 9: "Documento: ATO ISOLADO N.º 2026/4" gave no number."""
    text = f"""Fatura-Recibo (Ato Isolado)
Emitente: Vasco Henrique Louro Bettencourt
Número de identificação fiscal: 201115107
Cliente: Associação Cultural do Bonfim
NIF do cliente: 596714637
{line}
Formação em primeiros socorros — 12 horas
Valor tributável EUR 600,00
IVA — isento ao abrigo do art. 9.º, n.º 10 do CIVA EUR 0,00
Retenção IRS (23%) EUR 138,00
Total pago EUR 462,00"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["invoice_number"] == number
    assert fields["irs_withholding"] == Decimal("138.00")


def test_a_paragraphs_no_is_no_invoice_number() -> None:
    """A legal reference ("art. 9.º, n.º 10 do CIVA") beside no series is not the document's number."""
    text = """FATURA-RECIBO
Emitente: Vasco Henrique Louro Bettencourt · NIF 201115107
Cliente: Associação Cultural do Bonfim · NIF 596714637
Data: 03/05/2026
Valor tributável 600,00
IVA — isento ao abrigo do art. 9.º, n.º 10 do CIVA 0,00
Retenção IRS (23%) 138,00
Total pago 462,00"""
    _, fields, _ = read(text)
    assert fields.get("invoice_number") is None


# The receipt's rows under its parties, the same for every heading below.
RECEIPT_ROWS = """Adquirente: Consumidor final
Emitida em 2026-10-12
Base tributável 200,00
IVA à taxa normal (23%) 46,00
Total do documento 246,00
Retenção de IRS 0,00
Valor recebido 246,00"""


@pytest.mark.parametrize(
    "activity",
    [
        "Explicações de Matemática e Físico-Química",
        "Tradução e Revisão de Textos Técnicos",
        "Fotografia de Eventos",
    ],
)
def test_the_issuers_name_is_the_line_above_its_activity_and_nif(activity: str) -> None:
    """Round 9: the issuer's name came back as the activity printed with the NIF under the name."""
    text = f"""Rodrigo Valentim Sarmento Quintela
{activity} · NIF 163770522
FATURA-RECIBO
FR ATSIRE01FR/88
{RECEIPT_ROWS}"""
    _, fields, _ = read(text)
    assert fields["issuer_name"] == "Rodrigo Valentim Sarmento Quintela"
    assert fields["issuer_nif"] == "163770522"


@pytest.mark.parametrize("above", ["FATURA-RECIBO", "Portal das Finanças", "Autoridade Tributária e Aduaneira"])
def test_the_name_on_the_nif_line_wins_under_a_title_or_the_portals_heading(above: str) -> None:
    text = f"""{above}
Rodrigo Valentim Sarmento Quintela · NIF 163770522
FATURA-RECIBO FR ATSIRE01FR/88
{RECEIPT_ROWS}"""
    _, fields, _ = read(text)
    assert fields["issuer_name"] == "Rodrigo Valentim Sarmento Quintela"
