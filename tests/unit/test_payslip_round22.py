"""Payslips the blind probe of round 22 misread: a Portuguese slip's scan whose euro sign a signature blotted into
a "£" (flagged as paid in another currency, so not counted at all) and whose social security row a stamp cut to
its last digits; an employer's NIPC printed with a wrong check digit dropped without a word; deduction rows that do
not make the printed total of a text layer read without a warning; the particle "e" of a name read as "€"; a body
with no legal form over its address and NIPC unread; a period printed the spreadsheet's way ("mar/26"). The lines
are shaped as the reader hands them over (a scan's with its OCR confidence), with names and numbers of their
own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.parsers import classify, parse_document
from documents.extraction.reader import Line
from documents.extraction.schema import fields_validate
from documents.extraction.validation import parsed_revalidate
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[dict, list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    return fields, warnings


def read_scan(rows: list[tuple[str, float]]) -> tuple[dict, list[str]]:
    """Lines as OCR hands them over, each with its mean word confidence, read as the local extractor reads them."""
    kind = classify("\n".join(text for text, _ in rows))
    parsed = parse_document(kind, [Line(text, confidence) for text, confidence in rows])
    fields = fields_validate(kind, parsed.fields)
    checked = parsed_revalidate(kind, fields, parsed, document_type="PROOF_OF_INCOME", today=TODAY)
    return fields, [*parsed.warnings, *checked]


def stamped_scan(social_row: str, net_row: str) -> list[tuple[str, float]]:
    """A Portuguese slip's scan: a stamp over the deductions' total (not read) and perhaps a row's first digits, a
    signature over the net's euro sign."""
    return [
        ("Carpintaria Vale do Sorraia, Lda.", 0.96),
        ("Rua Direita, 12 - 2100-118 Coruche", 0.95),
        ("NIPC: 513746200", 0.94),
        ("RECIBO DE VENCIMENTO", 0.96),
        ("Período: setembro de 2026", 0.97),
        ("Nome: Rute Isabel Calado Ventura", 0.96),
        ("NIF: 235817465 NISS: 12345678901", 0.93),
        ("Descrição Abonos Descontos", 0.95),
        ("Venc. Base 1.050,00", 0.95),
        ("Subsídio de Alimentação 120,00", 0.97),
        ("Horas Extra 30,00", 0.97),
        ("Retenção IRS 40,00", 0.96),
        (social_row, 0.66),
        ("Totais 1.200,00 VALE DO pria. n", 0.7),
        (net_row, 0.87),
    ]


def test_a_portuguese_scans_blotted_euro_sign_is_no_other_currency() -> None:
    """A signature over the net's "€" read "£" on a Portuguese slip (NIPC, NISS, IRS, Segurança Social): no
    currency is printed but the euro, so the slip is neither in another currency nor foreign."""
    fields, warnings = read_scan(stamped_scan("Desc. Seg. Social 132,00", "Vlr. Líquido: 1.028,00 £"))
    assert fields["net_pay"] == Decimal("1028.00")
    assert "currency_not_eur" not in warnings
    assert "foreign_payslip" not in warnings
    assert "arithmetic_mismatch" not in warnings


@pytest.mark.parametrize("net_row", ["Vlr. Líquido: 1.028,00 GBP", "Vlr. Líquido: 1.028,00 Kz"], ids=["code", "kwanza"])
def test_a_portuguese_worded_scan_printing_a_currencys_code_is_in_that_currency(net_row: str) -> None:
    """Guard (passes before and after the fix): a code printed is evidence of another currency, on a scan too."""
    _, warnings = read_scan(stamped_scan("Desc. Seg. Social 132,00", net_row))
    assert "currency_not_eur" in warnings


def test_a_foreign_scans_pound_sign_is_another_currency() -> None:
    """Guard (passes before and after the fix): a British slip's scan printing "£" alone, no Portuguese payroll's
    word, is in pounds."""
    rows = [
        ("Harbour Lane Bakery Ltd", 0.95),
        ("PAYSLIP Pay date: 30/09/2026", 0.95),
        ("Employee: Tom Gareth Ellis", 0.94),
        ("Basic pay £2,400.00", 0.93),
        ("Income tax £280.00", 0.93),
        ("National Insurance £170.00", 0.92),
        ("Net pay £1,950.00", 0.94),
    ]
    _, warnings = read_scan(rows)
    assert "currency_not_eur" in warnings


def test_a_row_a_stamp_cut_to_its_last_digits_is_read_by_the_slips_arithmetic() -> None:
    """The stamp left "32,00" of the social security's "132,00" and hid the deductions' total: the printed gross
    less the printed net less the IRS is 132,00, which ends in the figures read: that is the row, worked out."""
    fields, warnings = read_scan(stamped_scan("Desc. Seg. Social ST Vale 32,00", "Vlr. Líquido: 1.028,00 €"))
    assert fields["social_security"] == Decimal("132.00")
    assert fields["irs_withholding"] == Decimal("40.00")
    assert fields["gross_pay"] == Decimal("1200.00")
    assert "derived:social_security" in warnings
    assert "arithmetic_mismatch" not in warnings


def test_a_text_layers_rows_are_not_put_right_by_the_arithmetic() -> None:
    """Guard (passes before and after the fix): a text layer misreads nothing; rows that do not make the gross
    less the net are left as printed, and the slip does not add up."""
    fields, warnings = read(
        "\n".join(text for text, _ in stamped_scan("Desc. Seg. Social 32,00", "Vlr. Líquido: 1.028,00 €"))
    )
    assert fields["social_security"] == Decimal("32.00")
    assert "arithmetic_mismatch" in warnings


def slip(employer_nif: str, deduction_rows: str, totals: str, net: str) -> str:
    return f"""Serralharia Ponte Velha, Lda.
Rua Castilho, 39 - 1250-068 Lisboa
NIPC: {employer_nif}
RECIBO DE VENCIMENTO
Período: outubro de 2026
Nome: Hugo Filipe Mourão Teixeira
NIF: 247903655 NISS: 14436260027
Descrição Abonos Descontos
Vencimento Base 1.200,00
Subsídio de Refeição 100,00
{deduction_rows}
Totais {totals}
Valor Líquido a Receber: {net} €"""


ROWS = "Retenção IRS 45,00\nSegurança Social 143,00"


def test_an_employers_nipc_with_a_wrong_check_digit_is_flagged() -> None:
    fields, warnings = read(slip("506218930", ROWS, "1.300,00 188,00", "1.112,00"))
    assert fields.get("employer_nif") is None
    assert "nif_checksum_invalid" in warnings


def test_an_employers_valid_nipc_is_read_without_a_warning() -> None:
    """Guard (passes before and after the fix)."""
    fields, warnings = read(slip("506218937", ROWS, "1.300,00 188,00", "1.112,00"))
    assert fields["employer_nif"] == "506218937"
    assert not any("nif" in warning for warning in warnings)
    assert "arithmetic_mismatch" not in warnings


def test_rows_that_do_not_make_the_printed_total_of_deductions_do_not_add_up() -> None:
    """IRS 45,00 + SS 143,00 = 188,00, but the row of totals prints 128,00 and the net is the gross less that:
    on a text layer the slip contradicts itself."""
    fields, warnings = read(slip("506218937", ROWS, "1.300,00 128,00", "1.172,00"))
    assert fields["net_pay"] == Decimal("1172.00")
    assert "arithmetic_mismatch" in warnings


def test_a_names_particle_read_as_a_euro_sign_is_the_particle() -> None:
    rows = [(text, 0.95) for text in slip("506218937", ROWS, "1.300,00 188,00", "1.112,00").splitlines()]
    rows[5] = ("Nome: Hugo Filipe de Mourão € Teixeira", 0.93)
    fields, _ = read_scan(rows)
    assert fields["employee_name"] == "Hugo Filipe de Mourão e Teixeira"


def test_a_body_with_no_legal_form_over_its_address_and_nipc_is_the_employer() -> None:
    text = slip("506218937", ROWS, "1.300,00 188,00", "1.112,00").replace(
        "Serralharia Ponte Velha, Lda.", "Associação Filarmónica e Recreativa da Ponte Velha"
    )
    fields, _ = read(text)
    assert fields["employer_name"] == "Associação Filarmónica e Recreativa da Ponte Velha"


@pytest.mark.parametrize("printed", ["out/26", "Out-26", "outubro/26"])
def test_a_month_and_two_digit_year_after_the_periods_caption_is_the_period(printed: str) -> None:
    text = slip("506218937", ROWS, "1.300,00 188,00", "1.112,00").replace("Período: outubro de 2026", "Mês " + printed)
    fields, warnings = read(text)
    assert fields["period"] == "2026-10"
    assert "missing:period" not in warnings
