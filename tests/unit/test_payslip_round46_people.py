"""People and kinds of blind probe r46a. A text layer glued the NIF's caption to the employee's last surname
("LourençoNIF:") and the surname was cut as the next field's caption; a window envelope's salutation over the
employee's box was read first, joined to the employer's name, and the name in the box, OCR joining the letterhead's
name to its left, went unread; a public servant's ADSE number passing the NIF's check digit made the NIF ambiguous;
an accountant program's fatura-recibo, its logo over the issuer's block, gave no issuer's name. An unemployment
benefit's letter and a rent receipt were told only "not recognised", and a payslip whose table OCR lost was told
to send payslips. The lines are shaped as the reader gives them, with names and figures of their own."""

from __future__ import annotations

import pytest

from documents.extraction.local import (
    PAYSLIP_AMOUNTS_UNREAD,
    RENT_RECEIPT_REFUSED,
    TEMPORARY_BENEFIT_REFUSED,
    UNRECOGNISED,
    refusal,
)
from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind

SCAN_CONFIDENCE = 0.9


def lines_of(text: str, confidence: float = 1.0) -> list[Line]:
    return [Line(line, confidence) for line in text.splitlines() if line.strip()]


def read_page(text: str, method: str = "text") -> ReadDocument:
    return ReadDocument(lines=lines_of(text), pages=1, method=method)


PUBLIC_SLIP = """CÂMARA MUNICIPAL DE ALCÁCER DO SAL
Divisão de Recursos Humanos - Secção de Vencimentos
NIPC 506614913
Abonos e descontos - processamento de março de 2026
Nome: Vasco Henrique Meireles Sobral{gap}NIF: 219485631
N.º Beneficiário CGA: 4410927 N.º ADSE: {adse}
ABONOS
Vencimento base 1.640,00
Total de abonos 1.640,00
DESCONTOS
Caixa Geral de Aposentações (11%) 180,40
Retenção IRS (12,1%) 198,44
ADSE (3,5%) 57,40
Total de descontos 436,24
Valor líquido a abonar 1.203,76"""
# A personal NIF by its first figure and its check digit: an ADSE number may be one by chance.
ADSE_LIKE_A_NIF = "123456789"
ADSE_NO_NIF = "736977702"


def test_a_nif_caption_glued_to_the_last_surname_leaves_the_name_whole() -> None:
    parsed = parse_payslip(lines_of(PUBLIC_SLIP.format(gap="", adse=ADSE_NO_NIF)))
    assert parsed.fields["employee_name"] == "Vasco Henrique Meireles Sobral"
    assert parsed.fields["employee_nif"] == "219485631"


@pytest.mark.parametrize("gap", ["", " "])
def test_an_adse_number_passing_the_nifs_check_digit_is_no_second_nif(gap: str) -> None:
    parsed = parse_payslip(lines_of(PUBLIC_SLIP.format(gap=gap, adse=ADSE_LIKE_A_NIF), SCAN_CONFIDENCE))
    assert parsed.fields["employee_nif"] == "219485631"
    assert "nif_ambiguous" not in parsed.warnings


def test_two_nifs_given_the_employee_stay_ambiguous() -> None:
    text = PUBLIC_SLIP.format(gap=" ", adse=ADSE_NO_NIF) + "\nO trabalhador: NIF 123456789"
    parsed = parse_payslip(lines_of(text, SCAN_CONFIDENCE))
    assert "employee_nif" not in parsed.fields
    assert "nif_ambiguous" in parsed.warnings


def boxed(text: str, lefts: list[int], top: int) -> Line:
    """An OCR line whose words stand at ``lefts`` (pixels), each 12 pixels per letter, 20 high."""
    words = text.split()
    boxes = [(left, top, 12 * len(word), 20) for word, left in zip(words, lefts, strict=True)]
    return Line(text, SCAN_CONFIDENCE, [(word, SCAN_CONFIDENCE) for word in words], boxes)


# A window envelope's box on the right ("Exmo(a). Senhor(a)" over the employee), the employer's block on the left,
# OCR reading the salutation first (its box starts higher) and joining each line of the two columns.
ENVELOPE_SLIP = [
    boxed("Exmo(a). Senhor(a)", [930, 1023], 154),
    boxed("Mercearias Alvorada, S.A. Rosa Calado Bettencourt", [189, 330, 442, 928, 992, 1110], 179),
    boxed("Zona Industrial, Lote 4 Rua do Sol, 12", [188, 245, 380, 440, 930, 979, 1030, 1080], 234),
    *lines_of(
        """3800-055 Aveiro
NIF 514884339
NIF: 219485631
Recibo de vencimento | Agosto de 2026
R01 Vencimento base 30 1 040,00
D01 Segurança Social (11%) 114,40
Total 1 040,00 114,40
Total a receber 925,60 €""",
        SCAN_CONFIDENCE,
    ),
]


def test_a_name_under_the_envelopes_salutation_is_read_from_its_column() -> None:
    parsed = parse_payslip(ENVELOPE_SLIP)
    assert parsed.fields["employee_name"] == "Rosa Calado Bettencourt"


def test_the_envelopes_salutation_is_no_head_of_the_employers_name() -> None:
    parsed = parse_payslip(ENVELOPE_SLIP)
    assert parsed.fields["employer_name"] == "Mercearias Alvorada, S.A."


ENVELOPE_SLIP_REST = """NIF: 219485631
Recibo de vencimento | Agosto de 2026
R01 Vencimento base 30 1 040,00
D01 Segurança Social (11%) 114,40
Total a receber 925,60 €"""


def test_a_caption_set_in_from_its_name_cuts_no_word_of_it() -> None:
    caption = boxed("Nome", [240], 100)
    name = boxed("Rosa Calado Bettencourt", [200, 270, 350], 130)
    rest = lines_of(ENVELOPE_SLIP_REST, SCAN_CONFIDENCE)
    parsed = parse_payslip([*lines_of("Mercearias Alvorada, S.A.\nNIF 514884339"), caption, name, *rest])
    assert parsed.fields["employee_name"] == "Rosa Calado Bettencourt"


ACCOUNTANT_FATURA_RECIBO = """Faturix
Teresa Marques Bettencourt
4705-025 Braga
Contribuinte: 219485631
Fatura-Recibo FR 2026/41
Data: 2026-11-02 Original
Cliente
Oficinas do Vale - Serviços, S.A.
NIF 514884339
Total ilíquido 800,00 €
Total IVA 184,00 €
Total documento 984,00 €
Retenção IRS (23%) -184,00 €
Total pago 800,00 €
Pagamento recebido por transferência bancária em 2026-11-02."""


def test_an_issuers_name_over_its_address_is_read_under_a_programs_logo() -> None:
    parsed = parse_invoice(lines_of(ACCOUNTANT_FATURA_RECIBO))
    assert parsed.fields["issuer_nif"] == "219485631"
    assert parsed.fields["issuer_name"] == "Teresa Marques Bettencourt"


UNEMPLOYMENT_LETTER = """SEGURANÇA SOCIAL
Centro Distrital de Beja
Assunto: Deferimento do pedido de subsídio de desemprego
Informamos que o seu pedido de subsídio de desemprego, apresentado em 02/03/2026, foi deferido.
Montante diário: 24,10 € Montante mensal: 723,00 €
Período de concessão: 270 dias, com início em 01/03/2026."""

RENT_RECEIPT = """Portal das Finanças
RECIBO DE RENDA ELETRÓNICO
N.º 12
Locador Helena Sobral Meireles - NIF 219485631
Locatário Vasco Henrique Sobral - NIF 123456789
Importância recebida 650,00 €
Emitido em 02-03-2026 ao abrigo do art.º 115.º do CIRS."""

# A phone photo whose table OCR lost: the title, the parties and the footer read, no amount.
PAYSLIP_WITHOUT_ITS_TABLE = """RECIBO DE VENCIMENTO - MARÇO 2026
Entidade empregadora: Helena Sobral Meireles (NIF 219485631)
Trabalhadora: Rosa Calado Bettencourt
NIF 123456789 Serviço doméstico (regime horário)
Pago em numerário em 31/03/2026.
Recebi,"""


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (UNEMPLOYMENT_LETTER, TEMPORARY_BENEFIT_REFUSED),
        (RENT_RECEIPT, RENT_RECEIPT_REFUSED),
        (PAYSLIP_WITHOUT_ITS_TABLE, PAYSLIP_AMOUNTS_UNREAD),
    ],
    ids=["unemployment", "rent", "payslip-table-unread"],
)
def test_a_refused_income_document_is_told_what_it_is(text: str, reason: str) -> None:
    assert classify(text) == DocumentKind.UNKNOWN
    assert refusal(read_page(text, "ocr"), "PROOF_OF_INCOME", []) == reason


def test_a_payslip_refused_is_never_told_to_send_payslips() -> None:
    reason = refusal(read_page(PAYSLIP_WITHOUT_ITS_TABLE, "ocr"), "PROOF_OF_INCOME", [])
    assert reason != UNRECOGNISED["PROOF_OF_INCOME"]
    assert "envie recibos de vencimento" not in reason


EMAIL = """De: Rui Antunes <rui.antunes@example.pt>
Segue em anexo o recibo de vencimento de março, como combinado.
Cumprimentos,
Rui Antunes"""


def test_an_email_naming_a_payslip_keeps_the_general_reason() -> None:
    assert refusal(read_page(EMAIL), "PROOF_OF_INCOME", []) == UNRECOGNISED["PROOF_OF_INCOME"]
