"""Faturas-recibo the blind probe of round 8 misread: a cancelled receipt taken as income with no warning, values
in boxes under their captions, a foreign client's VAT number, the issuer's professional subtitle taken for the
name, and a company name with a dash cut short where a scan ran the date column into it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from documents.extraction.parsers.invoice import foreign_vat_number, parse_invoice
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

AMOUNTS = """Valor base 900,00 €
IVA (23%) 207,00 €
Retenção IRS (25%) 225,00 €
Valor recebido 882,00 €"""

RECEIPT = """Fatura-Recibo n.º FR ATSIRE01FR/44
Data: 12/08/2026
Emitente: Filipa Andreia Lobo Carvalhais · NIF 225468956
Cliente: Oficina Gráfica Norte, Lda. · NIF 500464332
Paginação de catálogo (julho)
{amounts}"""


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


@pytest.mark.parametrize(
    "mark",
    [
        "ANULADO",
        "— ANULADA —",
        "Documento anulado em 20/08/2026 — motivo: valor errado.",
        "Estado: Anulada",
        "Situação: anulado",
        "Esta fatura-recibo foi anulada em 20/08/2026.",
        "VOID",
    ],
)
def test_a_cancelled_receipt_is_read_but_flagged(mark: str) -> None:
    """Round 8: a receipt stamped "ANULADO" ("Documento anulado em ...") was income like any other, no warning."""
    kind, fields, warnings = read(RECEIPT.format(amounts=AMOUNTS) + "\n" + mark)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["amount_received"] == Decimal("882.00")
    assert "document_cancelled" in warnings


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Os valores podem ser anulados por nota de crédito.",
        "Processo: anulação de matrícula (serviços jurídicos)",
    ],
)
def test_a_receipt_in_force_carries_no_cancellation(line: str) -> None:
    _, _, warnings = read(RECEIPT.format(amounts=AMOUNTS) + "\n" + line)
    assert "document_cancelled" not in warnings


def test_values_in_boxes_under_their_captions() -> None:
    """Round 8: every value printed under its caption ("Prestadora" / name, "Base tributável" / "420,00"): the
    issuer's name, the date and every amount were lost."""
    text = """FATURA-RECIBO FR ATSIRE01FR/61
Prestadora
Leonor Beatriz Antunes Magalhães
NIF prestadora
297885405
Data
2026.10.09
Cliente
Vasco Henrique Tavares Leite
NIF cliente
219312559
Sessões de terapia da fala (5 × 60,00)
Base tributável
300,00
IVA (isento, art.º 9.º CIVA)
0,00
Retenção IRS 23%
69,00
Total recebido
231,00"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.FATURA_RECIBO
    assert (fields["issuer_name"], fields["issuer_nif"]) == ("Leonor Beatriz Antunes Magalhães", "297885405")
    assert (fields["acquirer_name"], fields["acquirer_nif"]) == ("Vasco Henrique Tavares Leite", "219312559")
    assert fields["issue_date"] == dt.date(2026, 10, 9)
    amounts = [fields[name] for name in ("base_amount", "vat_amount", "irs_withholding", "amount_received")]
    assert amounts == [Decimal("300.00"), Decimal("0.00"), Decimal("69.00"), Decimal("231.00")]


def test_a_caption_over_a_label_row_gives_no_amount() -> None:
    """A caption alone over a row with words of its own (a description) is not that row's label."""
    text = """FATURA-RECIBO FR ATSIRE01FR/62
Emitente: Leonor Beatriz Antunes Magalhães
NIF: 297885405
Data: 2026-10-09
IVA
Sessões de terapia da fala 300,00
Base tributável 300,00
Total recebido 300,00"""
    _, fields, _ = read(text)
    assert fields["vat_amount"] in (None, Decimal("0"))
    assert fields["base_amount"] == Decimal("300.00")


@pytest.mark.parametrize("date", ["09-10-2026", "09/10/2026", "2026-10-09"])
def test_the_date_under_a_bare_data_caption(date: str) -> None:
    """Round 8: "Data" over "14-04-2026" gave no issue date."""
    text = f"""Tiago Manuel Prates Sarmento
NIF 131292765 · Fotógrafo
Fatura-Recibo
N.º FR ATSIRE01FR/9
Data
{date}
Data de vencimento
30-11-2026
{AMOUNTS}"""
    _, fields, _ = read(text)
    assert fields["issue_date"] == dt.date(2026, 10, 9)


def test_a_scan_reading_two_boxes_across_keeps_the_company_name_whole_and_the_date() -> None:
    """Round 8 (scan): "Cliente  Data" over "<company> - Publicidade, Lda. 14-04-2026": the name was cut at its
    dash and the issuer's name, joined to the title, was lost."""
    text = (
        """Tiago Manuel Prates Sarmento Fatura-Recibo
NIF 131292765 - Fotógrafo (CAE/CIRS 1519) N.º FR ATSIRE01FR/9
Rua das Flores 12, 4050-262 Porto ATCUD: K3M9Q2P1-9
Cliente Data
Estúdio Ribeira - Comunicação e Imagem, Lda. 09-10-2026
NIF 525745220 - Rua do Almada 40, Porto
Reportagem fotográfica (setembro)
"""
        + AMOUNTS
    )
    _, fields, _ = read(text)
    assert fields["issuer_name"] == "Tiago Manuel Prates Sarmento"
    assert fields["acquirer_name"].rstrip(".") == "Estúdio Ribeira - Comunicação e Imagem, Lda"
    assert fields["acquirer_nif"] == "525745220"
    assert fields["issue_date"] == dt.date(2026, 10, 9)


@pytest.mark.parametrize(
    "subtitle",
    [
        "Advogada · Cédula profissional 18822L · Contribuinte n.º 148532039",
        "Arquiteta · Inscrição OA n.º 20311 · NIF 148532039",
    ],
)
def test_the_issuers_name_is_the_line_above_a_professional_subtitle(subtitle: str) -> None:
    """Round 8: the issuer's name came back as "Advogado Cédula profissional", the line under the name."""
    text = f"""Dra. Helena Cristina Bettencourt Abreu
{subtitle}
FATURA-RECIBO
Número FR ATSIRE01FR/21 Emitida em 14 de setembro de 2026
Exmo(s). Sr(s).
Condomínio do Edifício Miramar
Contribuinte n.º 543399605
Honorários (agosto)
{AMOUNTS}"""
    _, fields, _ = read(text)
    assert (fields["issuer_name"], fields["issuer_nif"]) == ("Dra. Helena Cristina Bettencourt Abreu", "148532039")
    assert fields["acquirer_name"] == "Condomínio do Edifício Miramar"


def test_the_issuers_name_before_its_nif_on_one_line_still_wins() -> None:
    text = (
        """Helena Cristina Bettencourt Abreu · NIF 148532039 · Arquiteta
FATURA-RECIBO FR ATSIRE01FR/22
Data: 2026-09-14
"""
        + AMOUNTS
    )
    _, fields, _ = read(text)
    assert fields["issuer_name"] == "Helena Cristina Bettencourt Abreu"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("N.º de identificação fiscal (estrangeiro): SE556012579001 · País: SUÉCIA", ("SE556012579001", True)),
        ("VAT: SE 5560 1257 9001", ("SE556012579001", True)),
        ("USt-IdNr.: DE 136 695 976", ("DE136695976", True)),
        ("TVA FR40303265045", ("FR40303265045", True)),
        ("P. IVA IT00743110157", ("IT00743110157", True)),
        ("BTW NL004495445B01", ("NL004495445B01", True)),
        ("VAT SE556012579101", ("SE556012579101", False)),  # the Luhn check of the organisation number fails
        ("IBAN DE89 3704 0044 0532 0130 00", None),
        ("Lindqvist Software AB", None),
        ("Rua Direita 12, 1000-001 Lisboa", None),
    ],
)
def test_a_foreign_vat_number_by_its_countrys_form_and_check(text: str, expected: tuple[str, bool] | None) -> None:
    assert foreign_vat_number(text) == expected


def lines_of(text: str) -> list[Line]:
    return [Line(line) for line in text.splitlines() if line.strip()]


FOREIGN_CLIENT = """FATURA-RECIBO
Prestador: Duarte Miguel Sequeira Lobo
NIF: 221566392 · Programador informático
Adquirente: Brandt Digital GmbH
N.º de identificação fiscal (estrangeiro): {vat} · País: ALEMANHA
N.º FR ATSIRE01FR/15 · Data de emissão: 2026-07-02
Valor base 2.400,00 €
IVA — Autoliquidação (art. 6.º n.º 6 al. a) CIVA) 0,00 €
Importância recebida 2.400,00 €"""


def test_the_acquirers_foreign_vat_number_is_read() -> None:
    """Round 8: a Swedish client's "SE556812345601" gave no acquirer NIF."""
    parsed = parse_invoice(lines_of(FOREIGN_CLIENT.format(vat="DE136695976")))
    assert parsed.fields["acquirer_nif"] == "DE136695976"
    assert parsed.fields["issuer_nif"] == "221566392"
    assert "foreign_vat_check_invalid" not in parsed.warnings


def test_a_foreign_vat_number_whose_check_fails_is_kept_and_flagged() -> None:
    """The Portal takes a foreign number as typed: the number printed is kept, less sure, with a warning."""
    parsed = parse_invoice(lines_of(FOREIGN_CLIENT.format(vat="DE136695977")))
    assert parsed.fields["acquirer_nif"] == "DE136695977"
    assert parsed.confidence["acquirer_nif"] < 0.9
    assert "foreign_vat_check_invalid" in parsed.warnings


def test_a_vat_number_in_the_issuers_block_is_not_the_acquirers() -> None:
    text = FOREIGN_CLIENT.format(vat="DE136695976").replace(
        "NIF: 221566392 · Programador informático", "NIF: 221566392 · Ref. DE136695976"
    )
    parsed = parse_invoice(lines_of(text))
    assert parsed.fields["acquirer_nif"] == "DE136695976"
    text = text.replace("N.º de identificação fiscal (estrangeiro): DE136695976 · País: ALEMANHA", "País: ALEMANHA")
    assert "acquirer_nif" not in parse_invoice(lines_of(text)).fields


def test_the_foreign_vat_number_survives_the_checks() -> None:
    """The checks keep an acquirer's foreign VAT number; a Portuguese NIF field never takes one."""
    _, fields, warnings = read(FOREIGN_CLIENT.format(vat="DE136695976"))
    assert fields["acquirer_nif"] == "DE136695976"
    assert "nif_checksum_invalid" not in warnings


def test_a_foreign_vat_number_is_no_issuers_nif() -> None:
    """Only the acquirer may be abroad: the issuer of a fatura-recibo has a Portuguese NIF."""
    from documents.extraction.validation import nifs_revalidate

    fields = {"issuer_nif": "DE136695976", "acquirer_nif": "DE136695976"}
    assert nifs_revalidate(fields) == ["nif_checksum_invalid"]
    assert fields == {"issuer_nif": None, "acquirer_nif": "DE136695976"}
