"""Faturas-recibo the blind probe of round 7 misread: the acquirer's address window printed first under a
salutation, the issuer named after "Emitente:" / "Prestador:", bilingual captions over the names, a NIF whose own
label says whose it is, dates written year first or after "Emitida a", and the "ato isolado" series."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

AMOUNTS = """Valor tributável 1.600,00
IVA (23%) 368,00
IRS retido na fonte (25%) 400,00
Valor recebido 1.568,00"""

ISSUER_BLOCK = """Emitente: Rui Manuel Paiva Simões
NIF emitente: 215739043 · Topógrafo · Rua da Sé 4, Viseu"""

ACQUIRER_WINDOW = """Ex.mos Senhores
Câmara Municipal de Tondela
NIF: 507305612
Largo da República, 3460-523 Tondela"""


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


@pytest.mark.parametrize("acquirer_first", [True, False])
def test_the_window_under_a_salutation_is_the_acquirers_and_the_nif_emitente_the_issuers(acquirer_first: bool) -> None:
    """Round 7: the acquirer's NIF came back as the issuer's and the service description as the issuer's name."""
    header = "FATURA-RECIBO N.º FR ATSIRE01FR/17\nData: 2026-04-20"
    blocks = [ACQUIRER_WINDOW, header, ISSUER_BLOCK] if acquirer_first else [header, ISSUER_BLOCK, ACQUIRER_WINDOW]
    text = "\n".join([*blocks, "Levantamento topográfico do parque urbano (abril) 1.600,00", AMOUNTS])
    kind, fields, _ = read(text)
    assert kind == DocumentKind.FATURA_RECIBO
    assert (fields["issuer_name"], fields["issuer_nif"]) == ("Rui Manuel Paiva Simões", "215739043")
    assert (fields["acquirer_name"], fields["acquirer_nif"]) == ("Câmara Municipal de Tondela", "507305612")


@pytest.mark.parametrize("label", ["Emitente:", "Prestador:", "Prestador de serviços:"])
def test_a_name_after_the_issuer_label_is_read_though_it_ends_in_pais(label: str) -> None:
    """A surname "Pais" is a name; only "País" labels a country. The line under a NIF's own label is never a name."""
    text = f"""FATURA-RECIBO FR ATSIRE01FR/18
Data: 2026-04-21
{label} Teresa Vidal Pais
NIF emitente: 236194828
Levantamento topográfico do parque urbano (abril) 1.600,00
{AMOUNTS}"""
    _, fields, _ = read(text)
    assert (fields.get("issuer_name"), fields["issuer_nif"]) == ("Teresa Vidal Pais", "236194828")


@pytest.mark.parametrize(
    ("issuer_caption", "acquirer_caption"),
    [("Emitente / Issuer", "Adquirente / Customer"), ("Prestador / Supplier", "Cliente / Client")],
)
def test_a_bilingual_captions_english_half_is_no_name(issuer_caption: str, acquirer_caption: str) -> None:
    """Round 7: "Emitente / Issuer" over the name gave the issuer's name as "Issuer"."""
    text = f"""Fatura-Recibo / Invoice-Receipt
N.º / No.: FR ATSIRE01FR/88   Data / Date: 15.10.2026
{issuer_caption}
Marta Lopes Guerreiro
NIF / VAT No.: PT260483150
{acquirer_caption}
Northwind Analytics, Lda.
NIF / VAT No.: PT508129478
Consultoria de dados / Data consulting 2.000,00 EUR
Base tributável / Taxable amount 2.000,00 EUR
IVA 23% / VAT 23% 460,00 EUR
Retenção na fonte / Withholding tax 500,00 EUR
Total recebido / Amount received 1.960,00 EUR"""
    _, fields, warnings = read(text)
    assert (fields["issuer_name"], fields["issuer_nif"]) == ("Marta Lopes Guerreiro", "260483150")
    assert fields["acquirer_name"].startswith("Northwind Analytics, Lda")
    assert fields["acquirer_nif"] == "508129478"
    assert fields["issue_date"] == dt.date(2026, 10, 15)
    assert str(fields["amount_received"]) == "1960.00"
    assert "missing:issue_date" not in warnings


@pytest.mark.parametrize(
    "date_line",
    ["N.º FR ATSIRE01FR/90 Data 2026/10/05", "Data: 2026.10.05", "Emitida a 5 de outubro de 2026", "Date: 05.10.2026"],
)
def test_the_issue_date_is_read_year_first_after_a_bare_label_and_after_emitida_a(date_line: str) -> None:
    text = f"""FATURA-RECIBO
{date_line}
Prestador de serviços
Marta Lopes Guerreiro
NIF: 260483150
{AMOUNTS}"""
    _, fields, warnings = read(text)
    assert fields["issue_date"] == dt.date(2026, 10, 5)
    assert "missing:issue_date" not in warnings


def test_the_acquirer_is_read_under_a_lone_label_past_its_nif_line_to_its_name_line() -> None:
    """Round 7: "ADQUIRENTE" / "NIF ..." / "Nome ..." left the acquirer's name missing."""
    text = f"""FATURA-RECIBO
MARTA LOPES GUERREIRO
NIF 260483150
N.º FR ATSIRE01FR/91 Data de emissão 2026-10-05
ADQUIRENTE
NIF 514628030
Nome Oficina do Largo, Lda.
País PORTUGAL
{AMOUNTS}"""
    _, fields, _ = read(text)
    assert fields["acquirer_nif"] == "514628030"
    assert fields["acquirer_name"].startswith("Oficina do Largo, Lda")
    assert (fields["issuer_name"], fields["issuer_nif"]) == ("Marta Lopes Guerreiro", "260483150")


def test_the_ato_isolado_series_is_the_invoice_number() -> None:
    text = f"""FATURA-RECIBO (ATO ISOLADO)
Número: ATI ATSIRE01AI/7 Data: 12-09-2026
Prestador do serviço
Marta Lopes Guerreiro · NIF 260483150
{AMOUNTS}"""
    _, fields, _ = read(text)
    assert fields["invoice_number"] == "ATIATSIRE01AI/7"


def test_a_window_line_a_scan_joined_to_the_header_beside_it_ends_before_the_series() -> None:
    """A scan reads the address window and the title block beside it across: the series is no part of the name."""
    text = f"""Ex.mos Senhores FATURA-RECIBO
Câmara Municipal de Tondela FR ATSIREO1FR/19
NIF: 507305612 Data: 2026-04-22
Largo da República, 3460-523 Tondela
{ISSUER_BLOCK}
Levantamento topográfico do parque urbano (abril) 1.600,00
{AMOUNTS}"""
    _, fields, _ = read(text)
    assert (fields["acquirer_name"], fields["acquirer_nif"]) == ("Câmara Municipal de Tondela", "507305612")
    assert fields["issuer_nif"] == "215739043"


def test_a_labelled_withholding_at_an_unlisted_rate_completes_the_sum_with_the_receipt_in_a_sentence() -> None:
    """Round 7: no "valor base" label, the receipt only in a sentence and a withholding at an odd rate left the
    base and the amount received missing."""
    text = """TERESA VIDAL PAIS
CONTRIBUINTE 236194828 · NUTRICIONISTA
FATURA-RECIBO FR ATSIRE01FR/20
Emitida a 9 de março de 2026
Consultas de nutrição a colaboradores (6 consultas) 750,00
IVA à taxa de 23% 172,50
IRS retido 90,00
Recebi a importância de 832,50 euros."""
    _, fields, warnings = read(text)
    assert str(fields["base_amount"]) == "750.00"
    assert str(fields["irs_withholding"]) == "90.00"
    assert str(fields["amount_received"]) == "832.50"
    assert fields["issue_date"] == dt.date(2026, 3, 9)
    assert not [warning for warning in warnings if warning.startswith("missing:")]
