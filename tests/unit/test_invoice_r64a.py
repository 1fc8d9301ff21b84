"""Faturas-recibo of blind probe r64a: a plain fatura under the Portal's "Faturas e Recibos" header that says it is no
receipt, an annulled one whose state's word a stamp hid, amounts that do not add up beside a regime line that shares
the base's, a recibo's "Recebi de:" payer box, and a box's border read before a name."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.local import validated
from documents.extraction.parsers.classify import DocumentKind
from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.reader import Line

ISSUER_NIF = "245173005"
CLIENT_NIF = "507921305"


def read(*texts: str) -> list[Line]:
    return [Line(text) for text in texts]


def parties(title: str, number: str) -> list[str]:
    return [
        "Autoridade Tributária e Aduaneira",
        f"Portal das Finanças - Faturas e Recibos {title}",
        f"N.º {number}",
        "Transmitente / Prestador de serviços",
        "Leonor Beatriz Quintela Faria",
        f"NIF: {ISSUER_NIF}",
        "Adquirente dos bens / serviços",
        "Oficina Rolamento Azul, Lda.",
        f"NIF: {CLIENT_NIF}",
        "Data de emissão 03-08-2026",
    ]


def amounts(base: str, vat: str, withholding: str, last: str) -> list[str]:
    """The Portal's totals box, its regime line run into the base's caption as the text layer joins them."""
    return [
        "Regime de IVA: IVA à taxa normal de 23 %",
        f"Retenção na fonte: IRS - retenção na fonte 25 % Valor base {base} €",
        f"IVA {vat} €",
        f"IRS - retenção na fonte {withholding} €",
        last,
    ]


def test_a_plain_fatura_under_the_portals_receipts_menu_that_says_it_is_no_receipt_is_not_one() -> None:
    parsed = parse_invoice(
        read(
            *parties("FATURA", "FT ATSIRE01FT/7"),
            "Documento não serve de recibo",
            *amounts("640,00", "147,20", "160,00", "Total a pagar 627,20 €"),
        )
    )
    assert "invoice_not_receipt" in parsed.warnings
    assert "amount_received" not in parsed.fields
    assert parsed.fields["base_amount"] == Decimal("640.00")


def test_a_fatura_recibo_under_the_same_menu_keeps_its_amount_received() -> None:
    # A guard: passes with or without the fix.
    parsed = parse_invoice(
        read(
            *parties("FATURA-RECIBO", "FR ATSIRE01FR/7"),
            *amounts("640,00", "147,20", "160,00", "Importância recebida 627,20 €"),
        )
    )
    assert "invoice_not_receipt" not in parsed.warnings
    assert parsed.fields["amount_received"] == Decimal("627.20")


def test_the_documents_state_annulled_with_words_before_its_colon_is_cancelled() -> None:
    parsed = parse_invoice(
        read(
            *parties("FATURA-RECIBO", "FR ATSIRE01FR/8"),
            *amounts("640,00", "147,20", "160,00", "Importância recebida 627,20 €"),
            "Estado do documento: ANULADO em 2026-08-05",
        )
    )
    assert "document_cancelled" in parsed.warnings


def test_a_state_given_with_its_reason_is_cancelled_though_its_word_was_unread() -> None:
    parsed = parse_invoice(
        read(
            *parties("FATURA-RECIBO", "FR ATSIRE01FR/9"),
            *amounts("640,00", "147,20", "160,00", "Importância recebida 627,20 €"),
            "Estado do documento: A 4 -05 (motivo: valor errado no adquirente)",
            "Documento emitido através do Portal das Finanças. Processado por programa certificado n.º 0001/AT.",
        )
    )
    assert "document_cancelled" in parsed.warnings
    # The client's word ends the reason in brackets: it heads no block, the footer under it is nobody's name.
    assert parsed.fields["acquirer_name"] == "Oficina Rolamento Azul, Lda."


def test_a_standing_state_is_not_cancelled() -> None:
    # A guard: passes with or without the fix.
    parsed = parse_invoice(
        read(
            *parties("FATURA-RECIBO", "FR ATSIRE01FR/10"),
            *amounts("640,00", "147,20", "160,00", "Importância recebida 627,20 €"),
            "Estado do documento: Emitido",
        )
    )
    assert "document_cancelled" not in parsed.warnings


def test_amounts_that_do_not_add_up_are_each_read_by_its_own_caption_and_flagged() -> None:
    parsed = parse_invoice(
        read(
            *parties("FATURA-RECIBO", "FR ATSIRE01FR/11"),
            *amounts("640,00", "147,20", "160,00", "Importância recebida 687,20 €"),
        )
    )
    assert parsed.fields["base_amount"] == Decimal("640.00")
    assert parsed.fields["vat_amount"] == Decimal("147.20")
    assert parsed.fields["irs_withholding"] == Decimal("160.00")
    assert parsed.fields["amount_received"] == Decimal("687.20")
    _, _, warnings = validated(DocumentKind.FATURA_RECIBO, parsed, document_type="PROOF_OF_INCOME")
    assert "arithmetic_mismatch" in warnings


def test_a_withholding_equal_to_the_base_is_never_read() -> None:
    parsed = parse_invoice(
        read(
            *parties("FATURA-RECIBO", "FR ATSIRE01FR/12"),
            "Valor base 640,00 €",
            "IVA 147,20 €",
            "Retenção IRS 640,00 €",
            "Importância recebida 600,00 €",
        )
    )
    assert parsed.fields["base_amount"] == Decimal("640.00")
    assert "irs_withholding" not in parsed.fields


def test_a_recibos_payer_box_names_the_acquirer() -> None:
    parsed = parse_invoice(
        read(
            "RECIBO",
            "N.º RG ATSIRE01RG/3",
            "Emitente",
            "Leonor Beatriz Quintela Faria",
            f"NIF: {ISSUER_NIF}",
            "Recebi de:",
            "Oficina Rolamento Azul, Lda.",
            f"NIF: {CLIENT_NIF}",
            "Data de emissão: 03-08-2026",
            "Valor base 640,00 €",
            "IVA 147,20 €",
            "IRS - retenção na fonte 160,00 €",
            "Total recebido 627,20 €",
        )
    )
    assert parsed.fields["acquirer_name"] == "Oficina Rolamento Azul, Lda."
    assert parsed.fields["acquirer_nif"] == CLIENT_NIF
    assert parsed.fields["issuer_nif"] == ISSUER_NIF


def test_a_box_border_read_before_the_clients_name_is_no_part_of_it() -> None:
    lines = parties("FATURA-RECIBO", "FR ATSIRE01FR/13")
    lines[7] = "| Oficina Rolamento Azul, Lda."
    parsed = parse_invoice(read(*lines, *amounts("640,00", "147,20", "160,00", "Importância recebida 627,20 €")))
    assert parsed.fields["acquirer_name"] == "Oficina Rolamento Azul, Lda."


# --- Round 66's sweep of blind probe r59a: a base "em IRS" is no IRS withheld ----------------------------------


def test_the_base_of_incidence_in_irs_is_a_base_not_the_irs_withheld() -> None:
    # A regime-53 receipt dispensed from withholding: the base "em IRS" is printed, the withholding wraps to 0,00.
    parsed = parse_invoice(
        read(
            *parties("FATURA-RECIBO", "FR ATSIRE01FR/12"),
            "Valor base 720,00 €",
            "IVA — Isento artigo 53.º do CIVA 0,00 €",
            "Base de incidência em IRS 720,00 €",
            "Retenção na fonte — Dispensa de retenção — artigo 101.º-B, n.º 1,",
            "alínea a) do CIRS 0,00 €",
            "Importância recebida 720,00 €",
        )
    )
    assert parsed.fields["irs_withholding"] == Decimal("0.00")
    assert parsed.fields["amount_received"] == Decimal("720.00")
    assert "arithmetic_mismatch" not in parsed.warnings


def test_income_subject_to_irs_is_a_base_not_the_irs_withheld() -> None:
    # A guard (passes either way: the IRS row below decides too), for "sujeito a IRS" taken as a base caption.
    parsed = parse_invoice(
        read(
            *parties("FATURA-RECIBO", "FR ATSIRE01FR/13"),
            "Valor base 1.000,00 €",
            "IVA 23 % 230,00 €",
            "Rendimento sujeito a IRS 1.000,00 €",
            "Retenção na fonte IRS 25 % 250,00 €",
            "Importância recebida 980,00 €",
        )
    )
    assert parsed.fields["irs_withholding"] == Decimal("250.00")
    assert parsed.fields["base_amount"] == Decimal("1000.00")
    assert "arithmetic_mismatch" not in parsed.warnings
