"""Faturas-recibo of doc probe 32 (independent workers) read silently wrong: three of the Portal's faturas-recibo in
one PDF, the title a few lines above each number, read as one (the first page's number and date with another
page's amounts); and a "Fatura" that is no receipt, its "Total a pagar" read as the amount received."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.reader import Line


def portal_page(*, title: str, number: str, issued: str, base: str, vat: str, total_caption: str, total: str) -> str:
    return f"""Portal das Finanças
Autoridade Tributária e Aduaneira
{title}
ORIGINAL
N.º {number}
ATCUD: 58NVW7P6-20
Prestador de serviços
Teresa Moura Vilaça
NIF: 245718931
Data de emissão
{issued}
Adquirente
NIF 503504564
Nome Oficina Lusa, Lda.
Descrição Valor
Consultoria 1,00 €
Valor base {base} €
IVA (23%) {vat} €
IRS - Retenção na fonte 0,00 €
{total_caption} {total} €
Documento emitido para fins de IRS"""


def receipt(number: str, issued: str, base: str, vat: str, total: str) -> str:
    return portal_page(title="FATURA-RECIBO", number=f"FR ATSIRE01FR/{number}", issued=issued, base=base, vat=vat,
                       total_caption="Importância recebida", total=total)  # fmt: skip


def parsed(text: str) -> tuple[dict[str, object], list[str]]:
    result = parse_invoice([Line(line) for line in text.splitlines()])
    return result.fields, result.warnings


def test_several_portal_faturas_recibo_in_one_file_give_the_latest_whole() -> None:
    pages = [
        receipt("20", "2026-10-05", "2.090,86", "480,90", "2.571,76"),
        receipt("22", "2026-12-02", "777,00", "178,71", "955,71"),
        receipt("21", "2026-11-10", "1.000,00", "230,00", "1.230,00"),
    ]
    fields, warnings = parsed("\n".join(pages))
    assert "multiple_invoices" in warnings
    assert fields["invoice_number"] == "FRATSIRE01FR/22"
    assert fields["issue_date"] == dt.date(2026, 12, 2)
    assert (fields["base_amount"], fields["amount_received"]) == (Decimal("777.00"), Decimal("955.71"))


def test_a_fatura_that_is_no_receipt_is_said_and_its_total_to_pay_is_not_received() -> None:
    text = portal_page(title="FATURA", number="FT ATSIRE01FT/54", issued="2026-10-04", base="1.000,00",
                       vat="230,00", total_caption="Total a pagar", total="1.230,00")  # fmt: skip
    fields, warnings = parsed(text.replace("Data de emissão", "Data de vencimento\n2026-11-03\nData de emissão"))
    assert "invoice_not_receipt" in warnings
    assert fields.get("amount_received") is None
    assert fields["base_amount"] == Decimal("1000.00")


def test_a_fatura_recibo_is_its_own_receipt() -> None:
    """Guard (passes before the change too)."""
    fields, warnings = parsed(receipt("20", "2026-10-05", "1.000,00", "230,00", "1.230,00"))
    assert "invoice_not_receipt" not in warnings
    assert fields["amount_received"] == Decimal("1230.00")


SOFTWARE_LETTERHEAD = """João Martins Araújo
Prestação de serviços
Avenida da Liberdade, n.º 44, 3.º E
4700-321 Braga
Contribuinte n.º 148479766
Exmo.(s) Sr.(s)
Associação Cultural Pé de Vento
Largo do Chafariz, n.º 45, 3.º A
8000-250 Faro
NIF: 503504564
Fatura-Recibo FR 2026/16
Original
Data
4 de julho de 2026
Descrição Qtd. Preço unit. IVA Total
Serviços de design gráfico 1,00 1000,00 23% 1000,00
Total ilíquido 1000,00 €
Total IVA 230,00 €
Total documento 1230,00 €
Retenção IRS (11,5%) 115,00 €
Total pago 1115,00 €"""


def test_an_accountant_program_s_letterhead_names_the_issuer() -> None:
    """The worker's name heads the page over what they do and their address, down to their NIF; no caption says
    it is the issuer's (5 of 5 of the probe's software layouts read no issuer name)."""
    fields, _ = parsed(SOFTWARE_LETTERHEAD)
    assert (fields["issuer_name"], fields["issuer_nif"]) == ("João Martins Araújo", "148479766")
    assert fields["acquirer_name"] == "Associação Cultural Pé de Vento"


def test_a_company_s_name_under_the_letterhead_leaves_the_issuer_unnamed() -> None:
    """Guard: two names over the NIF, no telling which is the issuer's."""
    text = SOFTWARE_LETTERHEAD.replace("Prestação de serviços", "Maria Lopes Araújo")
    fields, _ = parsed(text)
    assert fields.get("issuer_name") is None


def test_the_portal_series_digits_ocr_read_as_letters_are_digits() -> None:
    """A phone photo's "ATSIRE01FR" read "ATSIREOIFR": the Portal's series holds two digits there."""
    text = receipt("48", "2026-10-05", "1.000,00", "230,00", "1.230,00").replace("ATSIRE01FR/48", "ATSIREOIFR/48")
    assert parsed(text)[0]["invoice_number"] == "FRATSIRE01FR/48"


def test_a_date_under_its_caption_with_a_glyph_ocr_read_after_the_caption() -> None:
    """A photo's caption row "Prestador de serviços Data de emissão j" over "<NAME> 2026-09-17": the glyph off the
    paper's edge hid the caption's end, and the date was not read."""
    text = receipt("17", "2026-09-17", "929,00", "213,67", "1.142,67")
    lines = text.splitlines()
    at = lines.index("Prestador de serviços")
    lines[at : at + 5] = ["Prestador de serviços Data de emissão j", "TERESA MOURA VILAÇA 2026-09-17", "NIF: 245718931"]
    fields, _ = parsed("\n".join(line for line in lines if line not in ("Data de emissão", "2026-09-17")))
    assert fields["issue_date"] == dt.date(2026, 9, 17)


def test_a_line_ocr_made_of_a_box_s_edge_is_not_the_issuer_s_name() -> None:
    """A photo of the Portal's page: under "Prestador de serviços" OCR read the name box's top edge as a line of
    noise, taken for the issuer's name ("PE GR CON aDa CART"); the name in the box is the next line."""
    texts = [("Portal das Finanças FATURA-RECIBO", 0.81), ("N.º FR ATSIRE01FR/51", 0.86),
             ("Prestador de serviços Data de emissão", 0.83), ("é PE GR CON aDa CART -09-", 0.21),
             ("| TERESA MOURA VILAÇA | 10-09-2026", 0.89), ("NIF: 245718931", 0.75), ("Valor base 840,84 €", 0.9),
             ("IVA (6%) 50,45 €", 0.9), ("Importância recebida 891,29 €", 0.9)]  # fmt: skip
    result = parse_invoice([Line(text, confidence) for text, confidence in texts])
    assert result.fields["issuer_name"] == "Teresa Moura Vilaça"
