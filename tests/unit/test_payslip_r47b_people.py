"""People, periods and kinds of blind probe r47b. A salary advance's receipt and the Segurança Social's extract of
remunerations were told only "not recognised"; an employer's yearly declaration of income and withholdings (art.
119.º CIRS) was read as an IRS return with every amount null. The lines are shaped as the reader gives them, with
names and figures of their own."""

from __future__ import annotations

import pytest
from django.utils import translation

from documents.extraction.local import (
    PAYERS_DECLARATION_REFUSED,
    SALARY_ADVANCE_REFUSED,
    SS_EXTRACT_REFUSED,
    UNRECOGNISED,
    refusal,
)
from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind
from intake.status import reason_in_language


def lines_of(text: str, confidence: float = 1.0) -> list[Line]:
    return [Line(line, confidence) for line in text.splitlines() if line.strip()]


def read_page(text: str, method: str = "text") -> ReadDocument:
    return ReadDocument(lines=lines_of(text), pages=1, method=method)


ADVANCE_RECEIPT = """Serralharia Costa & Lemos, Lda.
Av. da Liberdade, 7 — 2400-120 Leiria — NIF 509876543
RECIBO DE ADIANTAMENTO
Recebi de Serralharia Costa & Lemos, Lda. a quantia de 250,00 € (duzentos e cinquenta euros),
a título de adiantamento por conta do vencimento do mês de março de 2026.
Trabalhador: Rui Filipe Lemos Sardinha
NIF: 219485631
Leiria, 12/03/2026"""

SS_EXTRACT = """Segurança Social Direta
Extrato de remunerações
Beneficiário: Rui Filipe Lemos Sardinha NISS 12345678901 NIF 219485631
Ano/Mês Entidade empregadora Dias Remuneração Tipo
2026/01 Serralharia Costa & Lemos, Lda. 30 980,00 P
2026/02 Serralharia Costa & Lemos, Lda. 30 980,00 P
2026/03 Serralharia Costa & Lemos, Lda. 30 980,00 P"""

PAYERS_DECLARATION = """Serralharia Costa & Lemos, Lda.
Av. da Liberdade, 7 — 2400-120 Leiria — NIF 509876543
DECLARAÇÃO DE RENDIMENTOS E RETENÇÕES NA FONTE
(art. 119.º, n.º 1, alínea b) do Código do IRS) — Ano de 2025
Declara-se que a Serralharia Costa & Lemos, Lda. pagou a Rui Filipe Lemos Sardinha,
NIF 219485631, no ano de 2025, os rendimentos e efetuou as retenções a seguir indicados:
Categoria Código Rendimento bruto Retenção IRS Contrib. obrig. (SS)
A — Trabalho dependente A01 13.720,00 1.102,30 1.509,20
Total 13.720,00 1.102,30 1.509,20"""


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (ADVANCE_RECEIPT, SALARY_ADVANCE_REFUSED),
        (SS_EXTRACT, SS_EXTRACT_REFUSED),
        (PAYERS_DECLARATION, PAYERS_DECLARATION_REFUSED),
    ],
    ids=["advance", "ss-extract", "payers-declaration"],
)
def test_a_refused_income_document_is_told_what_it_is(text: str, reason: str) -> None:
    assert classify(text) == DocumentKind.UNKNOWN
    assert refusal(read_page(text, "ocr"), "PROOF_OF_INCOME", []) == reason
    with translation.override("en"):
        assert reason_in_language(reason) != reason


# A payslip deducting an advance is still a payslip: its row names the advance, no title or phrase says it is one.
SLIP_DEDUCTING_AN_ADVANCE = """RECIBO DE VENCIMENTO
Entidade: Serralharia Costa & Lemos, Lda. NIF 509876543
Trabalhador: Rui Filipe Lemos Sardinha NIF 219485631
Período: 03/2026
Vencimento base 980,00
Segurança Social (11%) 107,80
IRS 45,00
Adiantamento 250,00
Líquido a receber 577,20"""

# The taxpayer's own return names the payers' withholdings in its Anexo A: it stays a return.
IRS_RETURN = """Autoridade Tributária e Aduaneira
IRS - Modelo 3 - Declaração de rendimentos - 2025
Sujeito passivo A: Rui Filipe Lemos Sardinha NIF 219485631
Anexo A - Quadro 4 - Rendimentos e retenções
A01 509876543 13.720,00 1.102,30 1.509,20"""


def test_a_payslip_deducting_an_advance_stays_a_payslip() -> None:
    assert classify(SLIP_DEDUCTING_AN_ADVANCE) == DocumentKind.RECIBO_VENCIMENTO


def test_an_irs_return_naming_its_withholdings_stays_a_return() -> None:
    assert classify(IRS_RETURN) == DocumentKind.DECLARACAO_IRS


def test_a_letter_naming_neither_keeps_the_general_reason() -> None:
    letter = "Exmos. Senhores,\nJunto envio o meu pedido de arrendamento.\nCumprimentos,\nRui Sardinha"
    assert refusal(read_page(letter), "PROOF_OF_INCOME", []) == UNRECOGNISED["PROOF_OF_INCOME"]


# A pre-printed form: its boxes' captions only in a legend, which the text layer gives first; the period's box far
# below the top lines, with no caption beside it.
PRE_PRINTED_SLIP = """(A) Entidade (B) NIF entidade (C) Trabalhador (D) NIF (F) Mês/Ano
(G) Código (H) Descrição (I) Quantidade (J) Abonos (K) Descontos
(L) Total de abonos (M) Total de descontos (N) Líquido a receber
Impresso modelo 12 — papel contínuo
A B
C D
F
G H I J/K
L M N
SERRALHARIA COSTA & LEMOS, LDA. 509876543
RUI FILIPE LEMOS SARDINHA 219485631
{period}
001 VENCIMENTO BASE 980,00
050 SUBSÍDIO DE ALIMENTAÇÃO 22 132,00
SS SEGURANÇA SOCIAL 122,32-
IRS IRS 41,00-
1.112,00 163,32 948,68{footer}"""


def slip_period(text: str) -> str | None:
    return parse_payslip(lines_of(text)).fields.get("period")


def test_the_lone_month_and_year_of_a_pre_printed_slip_is_its_period() -> None:
    assert slip_period(PRE_PRINTED_SLIP.format(period="09/2026", footer="")) == "2026-09"


def test_a_pay_day_of_the_month_after_does_not_compete() -> None:
    footer = "\nPago por transferência em 02/10/2026"
    assert slip_period(PRE_PRINTED_SLIP.format(period="09/2026", footer=footer)) == "2026-09"


@pytest.mark.parametrize(
    "footer",
    ["\nAcerto de 07/2026 incluído", "\nDocumento emitido em 15/03/2026"],
    ids=["another-month", "a-date-of-another-month"],
)
def test_a_month_and_year_with_a_rival_date_is_no_period(footer: str) -> None:
    assert slip_period(PRE_PRINTED_SLIP.format(period="09/2026", footer=footer)) is None


# A thermal receipt photographed: the employee's name alone on its line, their NIF's line under it, the NIF's last
# figure misread (its check digit fails). OCR's lines carry a confidence below a text layer's 1.0.
RECEIPT_PHOTO = """Transportes Serrano & Lemos, Lda.
NIF 509876543
RECIBO DE VENCIMENTO
MES SET/26
Rui Filipe Lemos Sardinha
NIF {nif} NISS 12345678901
Motorista de pesados
Retribuição base 1045,00
TOTAL ILIQUIDO 1045,00
Segurança Social -114,95
IRS -80,00
TOTAL DESCONTOS 194,95
A RECEBER 850,05"""
MISREAD_NIF = "219485639"  # 219485631 with its last figure misread
OCR_CONFIDENCE = 0.9


def test_a_misread_nif_on_a_photo_is_unread_and_leaves_the_name_above_it() -> None:
    parsed = parse_payslip(lines_of(RECEIPT_PHOTO.format(nif=MISREAD_NIF), OCR_CONFIDENCE))
    assert parsed.fields.get("employee_nif") is None
    assert parsed.fields["employee_name"] == "Rui Filipe Lemos Sardinha"
    assert "nif_unread" in parsed.warnings
    assert "nif_checksum_invalid" not in parsed.warnings


def test_an_invalid_nif_in_a_text_layer_still_fails_its_check() -> None:
    parsed = parse_payslip(lines_of(RECEIPT_PHOTO.format(nif=MISREAD_NIF)))
    assert "nif_checksum_invalid" in parsed.warnings
    assert "nif_unread" not in parsed.warnings


def test_the_name_over_a_valid_nif_is_read_as_before() -> None:
    parsed = parse_payslip(lines_of(RECEIPT_PHOTO.format(nif="219485631"), OCR_CONFIDENCE))
    assert parsed.fields["employee_nif"] == "219485631"
    assert parsed.fields["employee_name"] == "Rui Filipe Lemos Sardinha"
