"""Blind probe r56a, finding 1: a fatura-recibo whose VAT equals its withholding (23 % and 23 %, the everyday case of
the liberal professions of art. 151.º CIRS) printed by Chromium, which writes the right-floated amounts first in the
text layer, away from their "IVA" and "IRS" captions. The base is then the receipt, "no VAT, no withholding" adds up
as well as the true reading, and it won: VAT 0, withholding 0, ``arithmetic_mismatch`` against the printed rates.
A caption printed without its figure says the tax is charged; the reading that places the printed figures wins.
Findings 6 and 8: a firm's "&" and legal form cut from the acquirer's name, and a grid cell's number and name wrapped
onto the next line."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.reader import Line


def lines(*texts: str) -> list[Line]:
    return [Line(text) for text in texts]


# 23 % of 1.840,00 is 423,20: the VAT and the withholding, each printed once, far from their captions.
AMOUNTS_FIRST = (
    "423,20 €",
    "423,20 €",
    "Portal das Finanças FATURA-RECIBO",
    "N.º FR ATSIRE01FR/17 ATCUD QWERTY12-17",
    "Data de Emissão 14-09-2026",
    "Transmitente / Prestador de Serviços",
    "NIF 190830166",
    "Nome Rui Filipe Antunes Calado",
    "Adquirente do Serviço",
    "NIF 522279180",
    "Nome Calado & Teixeira Arquitetos, Lda.",
    "Valores",
    "Valor Base 1.840,00 €",
    "IVA Taxa 23%",
    "Imposto do Selo 0,00 €",
    "IRS - Retenção na fonte Taxa 23,00%",
    "Importância recebida 1.840,00 €",
)


def test_vat_equal_to_the_withholding_printed_apart_from_its_captions_is_read() -> None:
    parsed = parse_invoice(lines(*AMOUNTS_FIRST))
    assert parsed.fields["base_amount"] == Decimal("1840.00")
    assert parsed.fields["vat_amount"] == Decimal("423.20")
    assert parsed.fields["irs_withholding"] == Decimal("423.20")
    assert parsed.fields["amount_received"] == Decimal("1840.00")
    assert "arithmetic_mismatch" not in parsed.warnings


def test_a_waived_withholding_caption_asks_for_no_figure() -> None:
    """Guard (passes either way): captions that say the VAT is exempt and the withholding dispensed charge no
    tax, so two figures printed elsewhere are not taken for them."""
    texts = [text for text in AMOUNTS_FIRST if "Retenção" not in text and "IVA" not in text]
    texts += ["IVA - Isento artigo 53.º do CIVA", "Retenção na fonte: dispensa (art. 101.º-B CIRS)"]
    parsed = parse_invoice(lines(*texts))
    assert parsed.fields["vat_amount"] == Decimal("0")
    assert parsed.fields["irs_withholding"] == Decimal("0")
    assert parsed.fields["amount_received"] == Decimal("1840.00")


# Finding 6: a firm's "&" and legal form, cut from the acquirer's name.
def test_a_firm_s_name_keeps_its_ampersand_and_its_form() -> None:
    texts = [
        text.replace("Calado & Teixeira Arquitetos, Lda.", "Antunes Calado & Associados, SP, RL")
        for text in AMOUNTS_FIRST
    ]
    parsed = parse_invoice(lines(*texts))
    assert parsed.fields["acquirer_name"] == "Antunes Calado & Associados, SP, RL"


def test_a_legal_form_wrapped_onto_the_next_line_of_a_grid_s_cell_stays_in_the_name() -> None:
    parsed = parse_invoice(
        lines(
            "FATURA-RECIBO N.º FR ATSIRE01FR/52",
            "ATCUD QWERTY12-52 Data 2026-06-30",
            "Emitente Rui Filipe Antunes Calado NIF 190830166",
            "Cliente Oficina Mecânica Vaz & Sobrinhos,",
            "Lda. NIF 522279180",
            "Total ilíquido 800,00 €",
            "IVA 23% 184,00 €",
            "Retenção IRS 25% 200,00 €",
            "Total recebido 784,00 €",
        )
    )
    assert parsed.fields["acquirer_name"] == "Oficina Mecânica Vaz & Sobrinhos, Lda."
    assert parsed.fields["acquirer_nif"] == "522279180"


# Finding 8: the document's number wrapped in its grid cell after the series' slash.
def test_a_number_wrapped_after_its_slash_is_read_whole() -> None:
    parsed = parse_invoice(
        lines(
            "FATURA-RECIBO N.º FR ATSIRE01FR/",
            "52",
            "ATCUD QWERTY12-52 Data 2026-06-30",
            "Emitente Rui Filipe Antunes Calado NIF 190830166",
            "Cliente Oficina Mecânica Vaz & Sobrinhos, Lda. NIF 522279180",
            "Total ilíquido 800,00 €",
            "IVA 23% 184,00 €",
            "Retenção IRS 25% 200,00 €",
            "Total recebido 784,00 €",
        )
    )
    assert parsed.fields["invoice_number"] == "FRATSIRE01FR/52"


def test_an_issue_date_under_a_caption_ocr_glued_is_read() -> None:
    texts = [line for line in AMOUNTS_FIRST if not line.startswith("Data de Emissão")]
    texts.insert(4, "Datade Emissão | 14-09-2026 Data da Prestação do 10-09-2026")
    parsed = parse_invoice([Line(text, 0.8) for text in texts])
    assert parsed.fields["issue_date"] == dt.date(2026, 9, 14)


def test_the_issuer_s_name_under_its_nif_is_read_when_its_block_s_caption_was_lost() -> None:
    texts = [line for line in AMOUNTS_FIRST if line != "Transmitente / Prestador de Serviços"]
    parsed = parse_invoice([Line(text, 0.9) for text in texts])
    assert (parsed.fields["issuer_nif"], parsed.fields["issuer_name"]) == ("190830166", "Rui Filipe Antunes Calado")
    assert parsed.fields["acquirer_name"] == "Calado & Teixeira Arquitetos, Lda."
