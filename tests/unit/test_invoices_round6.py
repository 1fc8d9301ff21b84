"""Faturas-recibo the blind probe of round 6 misread: the issuer's and the acquirer's boxes read across as one
line, an issue date under a bare "Data" label or in words, and parties given as "De:" / "Para:"."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

AMOUNTS = """Valor base 800,00 €
IVA à taxa de 23% 184,00 €
Retenção na fonte IRS (25%) 200,00 €
Importância recebida 784,00 €"""


def test_two_nifs_on_one_line_are_the_issuers_then_the_acquirers() -> None:
    """Round 6: the boxes read across gave the acquirer as both names and the issuer's NIF, with no warning."""
    text = f"""FATURA-RECIBO N.º FR ATSIRE01FR/61 Data de emissão: 11-09-2026
Prestador do serviço   Adquirente do serviço
Sofia Marques Teixeira Ramos Oficina Criativa Porto, Lda.
NIF: 238807290 NIF: 512070741
{AMOUNTS}"""
    kind, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert kind == DocumentKind.FATURA_RECIBO
    assert (fields["issuer_nif"], fields["acquirer_nif"]) == ("238807290", "512070741")
    # The names run together cannot be told apart: neither is given rather than a wrong one.
    assert fields.get("acquirer_name") is None and fields.get("issuer_name") is None
    assert str(fields["amount_received"]) == "784.00"


@pytest.mark.parametrize(
    "date_line",
    ["Data: 07.03.2026", "Data: 2026-03-07", "Data de emissão: 7 de março de 2026", "Data de emissão: 07 Mar 2026"],
)
def test_the_issue_date_is_read_under_a_bare_data_label_and_in_words(date_line: str) -> None:
    text = f"""FATURA-RECIBO
N.º FR ATSIRE01FR/62
{date_line}
Prestador de serviços
Sofia Marques Teixeira Ramos
NIF: 238807290
Adquirente
Oficina Criativa Porto, Lda.
NIF: 512070741
{AMOUNTS}"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert fields["issue_date"] == dt.date(2026, 3, 7)
    assert "missing:issue_date" not in warnings


def test_parties_given_as_de_and_para_are_the_issuer_and_the_acquirer() -> None:
    text = f"""Fatura-Recibo n.º FR ATSIRE01FR/63 emitida em 02/04/2026
De: Sofia Marques Teixeira Ramos (NIF 238807290)
Para: Oficina Criativa Porto, Lda. (NIF 512070741)
{AMOUNTS}"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert (fields["issuer_name"], fields["issuer_nif"]) == ("Sofia Marques Teixeira Ramos", "238807290")
    assert fields["acquirer_nif"] == "512070741"
    assert fields["acquirer_name"].startswith("Oficina Criativa Porto, Lda")


def test_a_series_ocr_split_at_a_space_is_read_whole() -> None:
    text = f"""FATURA-RECIBO N.º FR ATSIRE01 FR/64 Data de emissão: 02-04-2026
Prestador de serviços
Sofia Marques Teixeira Ramos
NIF: 238807290
{AMOUNTS}"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert fields["invoice_number"] == "FRATSIRE01FR/64"
