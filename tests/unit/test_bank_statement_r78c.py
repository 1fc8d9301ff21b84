"""Blind probe r78c, F8: a bank statement titled after the bank's name on one line ("... - Extrato de Conta à
Ordem"), photographed, was refused as "not recognised" instead of with a bank statement's own reason (a credit proves
neither where the money comes from nor that it recurs). Lines as OCR gives them, with names and figures of their own.
"""

from __future__ import annotations

import pytest

from documents.extraction.local import BANK_STATEMENT_REFUSED, refusal
from documents.extraction.parsers.classify import classify
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind


def read_page(text: str, confidence: float = 0.85) -> ReadDocument:
    lines = [Line(line, confidence) for line in text.splitlines() if line.strip()]
    return ReadDocument(lines=lines, pages=1, method="ocr")


TITLED_AFTER_THE_BANK = """Caixa Económica do Litoral | Extrato de conta - dezembro 2026 :
Titular: Joaquim Serrano Pais Conta n.º 0033 1200 8841
10/12 TRF CR ORDENADO 1.150,00 2.310,44"""

MOVEMENTS_HEADER_ONLY = """Conta à ordem 4521 3370 0019
Data Data valor Descrição Débito Crédito Saldo
03/12 03/12 PAG SERV 45,10 812,00
20/12 20/12 TRF CR PENSAO 640,00 1.452,00"""


@pytest.mark.parametrize("text", [TITLED_AFTER_THE_BANK, MOVEMENTS_HEADER_ONLY], ids=["title", "header"])
def test_a_bank_statement_gets_its_own_reason(text: str) -> None:
    assert classify(text) == DocumentKind.UNKNOWN
    assert refusal(read_page(text), "PROOF_OF_INCOME", []) == BANK_STATEMENT_REFUSED


def test_a_payslip_naming_the_account_statement_in_a_sentence_is_no_bank_statement() -> None:
    """Guard: "extrato de conta" in a sentence, with no bank's name before it on its line."""
    text = """Recibo de vencimento - novembro 2026
O valor líquido será visível no extrato de conta do colaborador.
Vencimento base 1.200,00"""
    assert refusal(read_page(text), "PROOF_OF_INCOME", []) != BANK_STATEMENT_REFUSED
