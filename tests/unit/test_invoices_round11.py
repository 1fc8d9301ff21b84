"""Faturas-recibo the blind probe of round 11 misread: a professional's receipt to a private person, the payer
named in the sentence "Recebi de <name>, NIF <nif>, a quantia de ...", the practice's letterhead over the
professional's own name and NIF, "destinatário particular" in the withholding's line, the date in words after
the place."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def receipt(sentence: str, letterhead: str = "Gabinete de Fisioterapia e Reabilitação") -> str:
    return f"""{letterhead}
Enf.ª Marta Isabel Quintela Barros · Cédula OE 55120 · NIF 251094731
Fatura-Recibo FR ATSIRE01FR/77 Braga, 14 de outubro de 2026
{sentence}
referente a sessão de reabilitação.
Honorários 60,00 €
IVA: isento (art. 9.º CIVA) 0,00 €
IRS: não sujeito a retenção (destinatário particular) 0,00 €
Total recebido 60,00 €"""


@pytest.mark.parametrize(
    "sentence",
    [
        "Recebi de Vasco Henrique Lobão Tavares, NIF 167203584, a quantia de 60,00 € (sessenta euros)",
        "Recebemos de Vasco Henrique Lobão Tavares (NIF 167203584) a importância de 60,00 €",
        "Recebi de Vasco Henrique Lobão Tavares, contribuinte n.º 167203584, a quantia de 60,00 €",
    ],
)
def test_the_payer_named_in_the_received_from_sentence_is_the_acquirer(sentence: str) -> None:
    """Round 11: the acquirer became 'particular' (from 'destinatário particular'), its NIF was lost."""
    kind, fields, _ = read(receipt(sentence))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["acquirer_name"] == "Vasco Henrique Lobão Tavares"
    assert fields["acquirer_nif"] == "167203584"
    assert fields["issuer_nif"] == "251094731"


def test_a_payer_without_nif_in_the_sentence_is_still_the_acquirer() -> None:
    _, fields, _ = read(receipt("Recebi de Vasco Henrique Lobão Tavares, a quantia de 60,00 € (sessenta euros)"))
    assert fields["acquirer_name"] == "Vasco Henrique Lobão Tavares"
    assert fields["issuer_nif"] == "251094731"


def test_the_professional_with_a_title_on_the_nif_line_is_the_issuer_not_the_letterhead() -> None:
    """Round 11: 'Consultório de Psicologia Clínica' over 'Dr.ª <name> · Cédula ... · NIF ...' became the issuer."""
    _, fields, _ = read(receipt("Recebi de Vasco Henrique Lobão Tavares, NIF 167203584, a quantia de 60,00 €"))
    assert fields["issuer_name"] == "Enf.ª Marta Isabel Quintela Barros"


def test_the_date_after_the_place_in_words_is_the_issue_date() -> None:
    """Round 11: 'Lisboa, 9 de março de 2026' beside the number was not read (flagged missing)."""
    _, fields, warnings = read(receipt("Recebi de Vasco Henrique Lobão Tavares, NIF 167203584, a quantia de 60,00 €"))
    assert fields["issue_date"] == dt.date(2026, 10, 14)
    assert "missing:issue_date" not in warnings


@pytest.mark.parametrize("word", ["particular", "consumidor final"])
def test_the_kind_of_acquirer_is_no_name(word: str) -> None:
    text = f"""Fatura-Recibo FR ATSIRE01FR/78
Data de emissão: 2026-10-14
Prestador de serviços: Marta Isabel Quintela Barros NIF 251094731
Adquirente: {word}
Honorários 60,00 €
Total recebido 60,00 €"""
    _, fields, _ = read(text)
    assert fields["acquirer_name"] is None


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("FATURA-RECIBO FR ATSIRE01FR/218 14.09.2026", dt.date(2026, 9, 14)),
        ("Fatura-Recibo n.º FR ATSIRE01FR/5   2026-02-03", dt.date(2026, 2, 3)),
        ("FATURA-RECIBO   07/05/2026", dt.date(2026, 5, 7)),
    ],
)
def test_a_date_printed_only_beside_the_documents_title_or_number_is_its_issue_date(
    heading: str, expected: dt.date
) -> None:
    kind, fields, _ = read(f"""{heading}
Prestador
Rui Alexandre Fontes Mesquita
Contribuinte 215839404
Adquirente
Oficina Gráfica do Mondego, Lda.
Contribuinte 502011378
Paginação de catálogo — agosto 01/08/2026 a 31/08/2026 600,00
IVA — isento artigo 53.º do CIVA 0,00
IRS retido 25% 150,00
Líquido recebido 450,00""")
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["issue_date"] == expected


def test_a_services_dates_are_never_taken_for_the_issue_date() -> None:
    _, fields, warnings = read("""FATURA-RECIBO FR ATSIRE01FR/218
Prestador Rui Alexandre Fontes Mesquita Contribuinte 215839404
Adquirente Oficina Gráfica do Mondego, Lda. Contribuinte 502011378
Paginação de catálogo de 01/08/2026 a 31/08/2026 600,00
IVA — isento artigo 53.º do CIVA 0,00
IRS retido 25% 150,00
Líquido recebido 450,00""")
    assert fields["issue_date"] is None
    assert "missing:issue_date" in warnings
