"""Faturas-recibo and IRS notas the blind probe of round 15 misread: a nota whose settlement's result is printed
signed ("Resultado da liquidação -532,10 €"), read as an amount to pay; a fatura-recibo written as prose ("<issuer>
— <profession> — NIF ..." / "prestou a" / "<acquirer> — NIPC ...") whose withholding note "(adquirente sem
contabilidade organizada)" was taken for the acquirer; an English one's "Bill to:"; a receipt book's "N.º A/12"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def nota(result: str, after: str = "") -> str:
    return f"""Autoridade Tributária e Aduaneira — Nota de liquidação de IRS
Ano dos rendimentos: 2025
Sujeito passivo A Leonor Vasconcelos Pimenta · NIF 252601815
(1) Rendimento global 19.800,00 €
(3) Rendimento coletável 15.337,85 €
(4) Coleta líquida 1.870,40 €
(5) Retenções na fonte 2.318,90 €
(6) Resultado da liquidação {result}
{after}""".strip()


@pytest.mark.parametrize("result", ["-448,50 €", "- 448,50 EUR", "448,50- €", "448,50 €-", "(448,50 €)"])
def test_a_result_printed_below_zero_is_a_refund(result: str) -> None:
    """Round 15: '(6) Resultado da liquidação -532,10 €' gave amount_payable 532.1 (the currency after the amount
    hid the minus)."""
    kind, fields, warnings = read(nota(result))
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert fields["amount_refundable"] == Decimal("448.50")
    assert fields["amount_payable"] is None
    assert "arithmetic_mismatch" not in warnings


def test_a_result_called_negative_in_the_sentence_below_is_a_refund() -> None:
    """Round 15: 'Resultado negativo: o montante será reembolsado ...' under an unsigned result."""
    text = nota("448,50 €", "Resultado negativo: o montante será reembolsado por transferência bancária.")
    _, fields, warnings = read(text)
    assert fields["amount_refundable"] == Decimal("448.50")
    assert fields["amount_payable"] is None
    assert "arithmetic_mismatch" not in warnings


def test_an_amount_payable_below_zero_is_a_refund() -> None:
    """Round 15's family: 'Valor a pagar / reembolsar -448,50 €' is what the taxpayer gets back."""
    text = nota("", "Valor a pagar / reembolsar -448,50 €").replace("(6) Resultado da liquidação\n", "")
    _, fields, _ = read(text)
    assert fields["amount_refundable"] == Decimal("448.50")
    assert fields["amount_payable"] is None


@pytest.mark.parametrize(
    ("result", "after"),
    [
        ("448,50 €", "Pagamento até 31-08-2026 (referência MB 0481 927 364 0192)"),
        ("448,50 €", "Valor a reembolsar 0,00 €"),
    ],
)
def test_an_unsigned_result_stays_the_amount_payable(result: str, after: str) -> None:
    """The guard: an unsigned result is payable; a row below with its own amount ('Valor a reembolsar 0,00')
    says nothing of the result's sign."""
    text = nota(result, after).replace("2.318,90", "1.421,90")
    _, fields, warnings = read(text)
    assert fields["amount_payable"] == Decimal("448.50")
    assert "arithmetic_mismatch" not in warnings


def test_a_zero_result_that_denies_a_refund_is_no_refund() -> None:
    """The guard: 'Não há lugar a pagamento nem a reembolso' under a zero result names no refund."""
    text = nota("0,00 €", "Não há lugar a pagamento nem a reembolso.").replace("2.318,90", "1.870,40")
    _, fields, _ = read(text)
    assert fields["amount_refundable"] is None
    assert fields["amount_payable"] == Decimal("0")


def prose(issuer: str, acquirer: str, note: str = "(adquirente sem contabilidade organizada)") -> str:
    return f"""FATURA-RECIBO N.º FR 2026/19
emitida em 4 de setembro de 2026
{issuer}
prestou a
{acquirer}
o serviço de revisão da instalação de gás do edifício
Valor do serviço: 800,00 € (oitocentos euros)
IVA à taxa normal de 23%: 184,00 €
Retenção na fonte: 0,00 € {note}
Total recebido: 984,00 € (novecentos e oitenta e quatro euros)"""


@pytest.mark.parametrize(
    ("issuer", "acquirer", "acquirer_name"),
    [
        (
            "Rodrigo Almeida Fontoura — Técnico de gás credenciado — NIF 259083011",
            "Condomínio do Edifício Torre Azul — NIPC 918190932",
            "Condomínio do Edifício Torre Azul",
        ),
        (
            "Rodrigo Almeida Fontoura – Canalizador – NIF 259083011",
            "Residencial Bela Vista, Lda. — NIF 546281940",
            "Residencial Bela Vista, Lda",
        ),
    ],
)
def test_a_receipt_written_as_prose_names_both_parties(issuer: str, acquirer: str, acquirer_name: str) -> None:
    """Round 15: 'X — profession — NIF n' / 'prestou a' / 'Y — NIPC n' read no party, and the withholding note
    '(adquirente sem contabilidade organizada)' became the acquirer's name."""
    kind, fields, _ = read(prose(issuer, acquirer))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["issuer_name"] == "Rodrigo Almeida Fontoura"
    assert fields["issuer_nif"] == "259083011"
    assert fields["acquirer_name"].rstrip(".") == acquirer_name
    assert fields["acquirer_nif"] == acquirer.rsplit(" ", 1)[1]


def test_a_bracketed_note_on_the_acquirer_is_never_its_name() -> None:
    """Round 15: '(adquirente sem contabilidade organizada)' after the withholding is no party label."""
    text = prose("Rodrigo Almeida Fontoura · NIF 259083011", "uma moradia particular")
    _, fields, _ = read(text)
    assert fields.get("acquirer_name") is None


def test_a_one_word_caption_in_brackets_still_labels_the_acquirer() -> None:
    """The guard: a bilingual caption 'Cliente (Customer): <name>' still heads the acquirer's block."""
    text = """Fatura-Recibo FR ATSIRE01FR/8
Data: 02-10-2026
Prestador: Rodrigo Almeida Fontoura · NIF 259083011
Cliente (Customer): Residencial Bela Vista, Lda. · NIF 546281940
Valor base 500,00 €
IVA 23% 115,00 €
Total recebido 615,00 €"""
    _, fields, _ = read(text)
    assert fields["acquirer_name"].rstrip(".") == "Residencial Bela Vista, Lda"
    assert fields["acquirer_nif"] == "546281940"


@pytest.mark.parametrize("label", ["Bill to:", "Billed to:", "Invoice to:", "Sold to:"])
def test_an_english_bill_to_labels_the_acquirer(label: str) -> None:
    """Round 15: an English-only receipt's 'Bill to:' block (name and NIF) was not read."""
    text = f"""INVOICE-RECEIPT (Fatura-Recibo) No. FR ATSIRE01FR/11
Date: 14 Oct 2026
Service provider: Hannah Okonkwo-Reyes
Tax number (NIF): 266131867
{label} Atlantic Ridge Analytics, Unipessoal Lda.
Tax number (NIF): 582199352
Machine learning consulting, October 2026
Taxable amount €2,400.00
VAT 23% €552.00
Personal income tax withheld 23% -€552.00
Total received €2,400.00"""
    _, fields, _ = read(text)
    assert fields["acquirer_name"].rstrip(".") == "Atlantic Ridge Analytics, Unipessoal Lda"
    assert fields["acquirer_nif"] == "582199352"
    assert fields["issuer_nif"] == "266131867"


def book(number_line: str) -> str:
    return f"""{number_line}
EMITENTE
Gervásio Tavares Pinheiro NIF 109139097
ADQUIRENTE
Centro Paroquial de Vila Ruiva NIF 918190932
DATA
21 / 10 / 2026
IMPORTÂNCIA
420,00 EUR (quatrocentos e vinte euros)
IVA: regime de isenção art. 53.º CIVA. Sem retenção na fonte (art. 101.º-B CIRS).
Recebi a importância de 420,00 EUR."""


@pytest.mark.parametrize(
    "number_line", ["FATURA-RECIBO N.º B/37", "FATURA-RECIBO\nN.º B/37", "Fatura-Recibo n.º B / 37"]
)
def test_a_receipt_books_number_without_the_fr_prefix(number_line: str) -> None:
    """Round 15: 'FATURA-RECIBO N.º A/12' (a receipt book's series of letters) gave no number; it reads as the
    product reads 'N.º FR A/12'."""
    _, fields, _ = read(book(number_line))
    _, prefixed, _ = read(book("FATURA-RECIBO N.º FR B/37"))
    assert fields["invoice_number"] == prefixed["invoice_number"] == "FRB/37"


def test_a_letter_series_inside_a_sentence_is_no_number() -> None:
    """The guard: a reference 'n.º B/37' inside a sentence is not the receipt's number."""
    _, fields, _ = read(book("FATURA-RECIBO").replace("DATA", "Serviço previsto no contrato n.º B/37 de março\nDATA"))
    assert fields.get("invoice_number") is None


def test_a_surname_like_a_legal_form_still_parts_at_the_dash() -> None:
    """The guard: a surname 'Sá' is no legal form ('S.A.'); the name still ends at the dash."""
    text = prose("Rui Vasco Sá — Fotógrafo — NIF 259083011", "Residencial Bela Vista, Lda. — NIF 546281940")
    _, fields, _ = read(text)
    assert fields["issuer_name"] == "Rui Vasco Sá"
