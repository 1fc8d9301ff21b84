"""Proofs of income the blind probe of round 18 misread: an English pension letter dated from the pension's
start, a pension type in a caption | value row, a scanned nota whose gross was taken from the next caption's
line, IRS returns whose Anexo A withholdings column, one-line Anexo A or single-row Anexo B went unread, a proof
of filing passing for the return, a fatura-recibo's "DE / PARA" boxes and its date after the number, and an
employer declaration's scan with specks around its dates and before the employer. The texts are shaped as the
reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.parsers import classify, parse_document
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind

SCAN_CONFIDENCE = 0.6


def parse(text: str, *, confidence: float = 1.0) -> tuple[DocumentKind, dict, list[str]]:
    lines = [Line(line, confidence) for line in text.splitlines() if line.strip()]
    kind = classify(text)
    parsed = parse_document(kind, lines)
    return kind, parsed.fields, parsed.warnings


# --- Pensions ------------------------------------------------------------------------------------------

ENGLISH_LETTER = """Kestrel Mutual Retirement Plan
14 January 2026
Mr Desmond Alan Pereira-Walsh
Pension statement
We confirm that Mr Desmond Alan Pereira-Walsh has been receiving a pension from the
Kestrel Mutual Retirement Plan since 1 October 2017.
Gross pension per month £1,320.00"""


def test_an_english_letters_date_is_its_own_not_the_pensions_start() -> None:
    kind, fields, _ = parse(ENGLISH_LETTER)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["issue_date"] == dt.date(2026, 1, 14)


def test_an_english_letters_addressee_is_the_pensioner() -> None:
    _, fields, _ = parse(ENGLISH_LETTER)
    assert fields["pensioner_name"] == "Desmond Alan Pereira-Walsh"


def test_a_start_date_alone_is_not_taken_for_the_letters_date() -> None:
    """With no other date, "since <date>" gives none rather than the pension's start."""
    text = "\n".join(line for line in ENGLISH_LETTER.splitlines() if line != "14 January 2026")
    _, fields, _ = parse(text)
    assert fields.get("issue_date") is None


def test_a_caption_value_rows_pension_type_is_read() -> None:
    for row in ("Pensão Invalidez", "Pensão | Invalidez"):
        text = f"""INSTITUTO DA SEGURANÇA SOCIAL, I.P.
Declaração de pensão
Nome Albertina Luísa Cordeiro Matos
NIF 162853742
{row}
Montante mensal 612,40 EUR
Data de emissão 09-01-2026"""
        _, fields, _ = parse(text)
        assert fields["pension_type"] == "invalidez", row


# --- IRS -----------------------------------------------------------------------------------------------


def test_a_scanned_notas_gross_is_not_the_next_captions_amount() -> None:
    """The gross's amount lost by OCR: the line under its caption, carrying a caption of its own read as one word
    ("Coletaliquida"), is not the gross's value."""
    text = """NOTA DE LIQUIDAÇÃO — IRS 2024
Sujeito passivo A: Tomás Henrique Vidal NIF 214738590
Rendimento bruto (A+B) o 27450 CC
Coletaliquida : 0 3.912,70 |
Retenções na fonte 3.100,00
Valora pagar : 812,70"""
    _, fields, _ = parse(text, confidence=SCAN_CONFIDENCE)
    assert fields.get("gross_income") is None
    assert fields["tax_paid"] == Decimal("3912.70")
    assert fields["amount_payable"] == Decimal("812.70")


def test_guard_a_value_row_under_its_caption_row_is_still_read() -> None:
    """Guard (passes before and after the fix): a caption row over a row of bare values still gives each value."""
    text = """NOTA DE LIQUIDAÇÃO — IRS 2024
Sujeito passivo A: Tomás Henrique Vidal NIF 214738590
Rendimento bruto   Coleta líquida   Retenções na fonte
27.450,00   3.912,70   3.100,00"""
    _, fields, _ = parse(text)
    assert fields["gross_income"] == Decimal("27450.00")
    assert fields["tax_paid"] == Decimal("3912.70")


def test_the_annex_a_tables_withholdings_column_is_read() -> None:
    text = """IRS — MODELO 3 — DECLARAÇÃO DE RENDIMENTOS
Ano dos rendimentos: 2025
Sujeito passivo A: 239581628 Nome: Leonor Brito Quaresma
ANEXO A — Rendimentos do trabalho dependente e pensões
Quadro 4A
NIF entidade Código Titular Rendimentos Retenções Contribuições
508732140 401 A 12.300,00 940,00 1.353,00
513462783 401 A 6.100,00 310,00 671,00
Soma 18.400,00 1.250,00 2.024,00"""
    _, fields, _ = parse(text)
    assert fields["employment_income"] == Decimal("18400.00")
    assert fields["withholdings"] == Decimal("1250.00")


def test_a_one_line_annex_a_gives_the_returns_gross() -> None:
    """Anexo A holds employment and pensions: named only by its annex, the income is the return's gross (derived),
    no category guessed."""
    text = """DECLARAÇÃO MODELO 3 DE IRS — 2025
Sujeito passivo A NIF 239581628 Leonor Brito Quaresma
ANEXO A — Quadro 4A Rendimentos 13.750,00 Retenções 720,00
ANEXO H — Benefícios fiscais e deduções"""
    _, fields, warnings = parse(text)
    assert fields["gross_income"] == Decimal("13750.00")
    assert fields["withholdings"] == Decimal("720.00")
    assert "derived:gross_income" in warnings


def test_a_single_coded_row_of_annex_b_confirmed_by_its_total() -> None:
    text = """MODELO 3 - IRS | Ano 2025
Sujeito passivo A: NIF 240173651 — Vasco Emanuel Moura
ANEXO B — Rendimentos Categoria B — Regime simplificado
Quadro 4 — Rendimentos brutos
403 — Prestações de serviços (art. 151.º CIRS) 9.870,00
Total 9.870,00
Retenções na fonte (Quadro 10) 2.467,50"""
    _, fields, _ = parse(text)
    assert fields["self_employment_income"] == Decimal("9870.00")


PROOF_OF_FILING = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
COMPROVATIVO DE ENTREGA DA DECLARAÇÃO
IRS — Modelo 3 — Ano 2025
NIF do sujeito passivo A: 240173651
Nome: Vasco Emanuel Moura
Estado: Certa
Anexos entregues: A, B"""


def test_a_proof_of_filing_is_flagged_as_proving_no_income() -> None:
    kind, fields, warnings = parse(PROOF_OF_FILING)
    assert kind == DocumentKind.DECLARACAO_IRS
    assert "proof_of_filing_only" in warnings
    assert fields.get("gross_income") is None


def test_guard_a_return_printed_with_its_receipt_is_not_flagged() -> None:
    """Guard (passes before and after the fix): the return's incomes with its receipt: not flagged."""
    text = PROOF_OF_FILING + "\nANEXO B — Rendimentos Categoria B\nRendimentos brutos (Cat. B) 9.870,00"
    _, fields, warnings = parse(text)
    assert fields["self_employment_income"] == Decimal("9870.00")
    assert "proof_of_filing_only" not in warnings


# --- Faturas-recibo ------------------------------------------------------------------------------------


def test_de_para_boxes_read_across_give_both_names() -> None:
    text = """Fatura-Recibo FR B/7
DE PARA
Rui Tavares Sequeira Colégio do Mondego, Unipessoal Lda.
Contribuinte 214738590 Contribuinte 502918470
Emitida em 12/02/2026
Aulas de apoio 480,00
IVA 0% — Isento art. 53.º do CIVA 0,00
Total recebido 480,00 EUR"""
    _, fields, _ = parse(text)
    assert fields["issuer_name"] == "Rui Tavares Sequeira"
    assert fields["acquirer_name"] == "Colégio do Mondego, Unipessoal Lda."
    assert fields["issuer_nif"] == "214738590"
    assert fields["acquirer_nif"] == "502918470"


def test_a_written_date_after_the_number_is_the_issue_date() -> None:
    text = """Fatura-Recibo
FR ATSIRE01FR/58 · 9 de março de 2026
Prestador: Rui Tavares Sequeira, NIF 214738590
Cliente: Colégio do Mondego, Lda., NIF 502918470
Aulas de apoio 480,00
IVA — isento (art. 9.º CIVA) 0,00
Valor recebido 480,00"""
    _, fields, _ = parse(text)
    assert fields["issue_date"] == dt.date(2026, 3, 9)


# --- Employer declarations -----------------------------------------------------------------------------

SCANNED_DECLARATION = """DECLARAÇÃO DA ENTIDADE PATRONAL ,
Entidade: . Transportes Vale do Sorraia Unipessoal Lda. | :
NIPC: 508732140
Trabalhador: Vasco Emanuel Moura : .
NIF: 240173651
Tipo de contrato: A termo certo
Início: E 03/03/2025 l .
Termo: 02/03/2027 .
Vencimento base mensal: 1.050,00 €
Coruche, 20/01/2026"""


def test_a_scans_specks_around_the_contracts_dates_are_ignored() -> None:
    _, fields, _ = parse(SCANNED_DECLARATION, confidence=SCAN_CONFIDENCE)
    assert fields["start_date"] == dt.date(2025, 3, 3)
    assert fields["end_date"] == dt.date(2027, 3, 2)


def test_a_speck_before_the_employer_is_no_part_of_its_name() -> None:
    _, fields, _ = parse(SCANNED_DECLARATION, confidence=SCAN_CONFIDENCE)
    assert fields["employer_name"] == "Transportes Vale do Sorraia Unipessoal Lda."
