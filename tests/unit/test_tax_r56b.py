"""The IRS documents blind probe r56b found misread: a Modelo 3 with Anexos A and B gave Anexo B's withholdings for the
return's, its summary's "Total de retenções" unread. The texts are shaped as the reader hands them over, with names
and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.parsers import classify
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TAXPAYER_NIF = "237194651"


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 6))


def return_with_two_annexes(summary: str) -> str:
    """A Modelo 3 of one taxpayer, Anexo A's table (withholdings 1.140,00) and Anexo B's (2.905,00), then a summary."""
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
IRS — DECLARAÇÃO MODELO 3 · Comprovativo de entrega
Quadro 2 Ano dos rendimentos: 2025
Quadro 3 Sujeito passivo A NIF: {TAXPAYER_NIF} Nome: Rodrigo Tomás Vasconcelos Brito
ANEXO A — Trabalho dependente
NIF entidade pagadora Código Titular Rendimentos Retenções Contribuições
509111220 401 A 12.300,00 1.140,00 1.353,00
Soma 12.300,00 1.140,00 1.353,00
ANEXO B — Categoria B, regime simplificado
Quadro 4A · 403 Prestações de serviços ........................ 11.620,00
Quadro 10 · Retenções na fonte ................................ 2.905,00
{summary}"""


def test_a_returns_withholdings_are_the_total_its_summary_prints() -> None:
    _, fields, _ = read(
        return_with_two_annexes("RESUMO\nTotal de rendimentos brutos: 23.920,00 Total de retenções: 4.045,00")
    )
    assert fields["withholdings"] == Decimal("4045.00")
    assert fields["gross_income"] == Decimal("23920.00")


def test_the_summarys_total_on_a_line_of_its_own_is_the_returns() -> None:
    _, fields, _ = read(
        return_with_two_annexes(
            "Resumo\nTotal de rendimentos brutos declarados 23.920,00\nTotal de retenções na fonte 4.045,00"
        )
    )
    assert fields["withholdings"] == Decimal("4045.00")


def test_a_summary_printing_no_withholdings_leaves_the_annexes_sum() -> None:
    """No total printed: Anexo A's column and Anexo B's withholdings together, the summary's gross no annex's."""
    _, fields, _ = read(return_with_two_annexes("RESUMO\nTotal de rendimentos brutos: 23.920,00"))
    assert fields["withholdings"] == Decimal("4045.00")


# --- A nota whose rendimento coletável or coleta líquida is not what its lines make (finding 6) ---------------------


def nota(
    *, taxable: str = "21.540,00", coleta_net: str = "3.171,45", payable: str = "271,45", between: str = ""
) -> str:
    """A nota of gross 25.890,00, dedução específica 4.350,00, coleta total 3.991,45, deduções à coleta 820,00."""
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS
Nota de liquidação n.º 2026 4410298871 · Ano dos rendimentos: 2025
Sujeito passivo A: Rodrigo Tomás Vasconcelos Brito NIF {TAXPAYER_NIF}
01 · Rendimento bruto (total de rendimentos) 25.890,00
02 · Dedução específica 4.350,00
{between}03 · Rendimento coletável {taxable}
04 · Quociente familiar 1
05 · Coleta total 3.991,45
06 · Deduções à coleta 820,00
07 · Coleta líquida {coleta_net}
08 · Retenções na fonte 2.900,00
09 · Imposto a pagar {payable}"""


def parsed_nota(text: str) -> Any:
    from documents.extraction.parsers.tax import parse_tax
    from documents.extraction.reader import Line

    return parse_tax([Line(line) for line in text.splitlines()])


def test_a_notas_lines_that_add_up_raise_nothing() -> None:
    _, fields, warnings = read(nota())
    assert fields["taxable_income"] == Decimal("21540.00")
    assert "arithmetic_mismatch" not in warnings
    assert min(parsed_nota(nota()).confidence.values()) > 0.5


def test_a_taxable_income_above_the_gross_less_the_deducao_especifica_is_a_mismatch_and_doubted() -> None:
    text = nota(taxable="22.790,00")
    _, fields, warnings = read(text)
    assert "arithmetic_mismatch" in warnings
    assert fields["gross_income"] == Decimal("25890.00")  # kept, doubted: the page does not say which is wrong
    confidence = parsed_nota(text).confidence
    assert all(confidence[name] < 0.5 for name in ("gross_income", "taxable_income", "tax_paid", "amount_payable"))


def test_a_taxable_income_below_it_is_no_mismatch() -> None:
    """Losses carried forward, abatimentos or Anexo B's coefficient take more off, whether printed or not."""
    for between in ("", "Perdas a recuperar 1.200,00\n"):
        _, _, warnings = read(nota(taxable="20.340,00", between=between))
        assert "arithmetic_mismatch" not in warnings


def test_a_coleta_liquida_other_than_the_coleta_total_less_its_deductions_is_a_mismatch() -> None:
    """3.991,45 less 820,00 printed as 3.271,45, the settlement after it adding up from there."""
    text = nota(coleta_net="3.271,45", payable="371,45")
    _, _, warnings = read(text)
    assert "arithmetic_mismatch" in warnings
    assert parsed_nota(text).confidence["tax_paid"] < 0.5


def test_an_addition_to_the_coleta_printed_between_leaves_it_unchecked() -> None:
    text = nota(coleta_net="3.271,45", payable="371,45").replace(
        "07 · Coleta líquida", "Acréscimos à coleta 100,00\n07 · Coleta líquida"
    )
    _, _, warnings = read(text)
    assert "arithmetic_mismatch" not in warnings


def test_a_rendimento_global_printed_net_of_the_deducoes_is_no_gross_to_check_against() -> None:
    text = nota(taxable="25.890,00").replace("Rendimento bruto (total de rendimentos)", "Rendimento global")
    _, _, warnings = read(text)
    assert "arithmetic_mismatch" not in warnings


# --- A seller's fatura titled "Nota de liquidação" (finding 4) --------------------------------------------------


def clinic_fatura(title: str) -> str:
    return f"""Centro de Fisioterapia Vale do Lima, Lda.
NIF 509876540 · Avenida dos Combatentes 44, 4990-062 Ponte de Lima
{title}
Fatura n.º FT 2026/0342 · Data de emissão: 2026-10-02 · ATCUD: QW3RT8ZP-342
Cliente: Rodrigo Tomás Vasconcelos Brito
NIF: {TAXPAYER_NIF}
Sessões de fisioterapia — liquidação do mês de setembro
8 35,00 Isento art. 9.º 280,00
Total ilíquido 280,00
Total IVA 0,00
Total a pagar 280,00 €"""


def test_a_fatura_titled_nota_de_liquidacao_is_no_tax_notice() -> None:
    kind, fields, warnings = read(clinic_fatura("NOTA DE LIQUIDAÇÃO"))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["invoice_number"] == "FT 2026/0342"
    assert "invoice_not_receipt" in warnings


def test_a_nota_printing_the_taxs_own_lines_stays_a_nota_whatever_else_it_prints() -> None:
    """Guard (passes either way): the AT's nota prints its coleta, its income and year; a reference that looks like a
    series number does not make it a sale."""
    kind, _, _ = read(nota().replace("Nota de liquidação n.º", "Ref.ª R 2026/77 · Nota de liquidação n.º"))
    assert kind == DocumentKind.NOTA_LIQUIDACAO


# --- An applicant's letter naming their own pension (finding 5) -------------------------------------------------


LETTER = """Exmos. Senhores,
Escrevo a propósito do T1 da Rua do Bonjardim anunciado no vosso site, que gostaria de visitar.
Sou aposentada e a minha pensão é paga pela Caixa Geral de Aposentações; tenho fiador.
Com os melhores cumprimentos,
Graça Maria Teixeira Lobo
NIF 145926303
Porto, 12 de outubro de 2026"""


def test_an_applicants_letter_naming_their_own_pension_is_no_pension_statement() -> None:
    assert classify(LETTER) == DocumentKind.UNKNOWN


def test_a_payers_statement_of_someones_pension_is_one() -> None:
    """Guard (passes either way): the payer speaks of the pensioner, in the third person."""
    statement = """Caixa Geral de Aposentações
Graça Maria Teixeira Lobo, NIF 145926303, é aposentada desta Caixa, com pensão de aposentação
Valor ilíquido 1.318,40 Descontos 151,62 Valor líquido 1.166,78"""
    assert classify(statement) == DocumentKind.DECLARACAO_PENSAO


# --- A joint return whose text layer hands over the header's cells a line at a time (findings 10, 11) -------------

A_NIF, B_NIF = "204578132", "266310982"
WRAPPED_HEADER = """NIF da
entidade
pagadora
Código
rendimentos
Titular Rendimentos
(€)
Retenções
IRS (€)
Contribuições
(€)"""


def joint_return(header: str = WRAPPED_HEADER) -> str:
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DECLARAÇÃO DE RENDIMENTOS — IRS MODELO 3
Quadro 2 Ano dos rendimentos 2025
Quadro 3 Sujeito passivo A — NIF {A_NIF}
Nome Vasco Henrique Abreu Machado
Sujeito passivo B — NIF {B_NIF}
Nome Leonor Beatriz Franco Machado
Quadro 5 Opção pela tributação conjunta X Sim
Anexo A — Rendimentos do trabalho dependente e pensões
Quadro 4A — Rendimentos obtidos em território português
{header}
502345675 401 A 16.420,00 1.310,00 1.806,20
508765439 401 B 20.180,00 2.215,00 2.219,80
Soma 36.600,00 3.525,00 4.026,00
Resumo
Total de rendimentos brutos declarados 36.600,00
Total de retenções na fonte 3.525,00"""


def test_a_header_wrapped_cell_by_cell_still_heads_its_table() -> None:
    _, fields, warnings = read(joint_return())
    assert fields["employment_income"] == Decimal("36600.00")
    assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
        Decimal("16420.00"),
        Decimal("20180.00"),
    )
    assert "arithmetic_mismatch" not in warnings


def test_the_same_header_on_one_line_reads_the_same() -> None:
    """Guard (passes either way): the layout the reader already knew."""
    header = "NIF da entidade pagadora Código Titular Rendimentos Retenções Contribuições"
    _, fields, _ = read(joint_return(header))
    assert (fields["taxpayer_gross_income"], fields["spouse_gross_income"]) == (
        Decimal("16420.00"),
        Decimal("20180.00"),
    )


def test_the_spouses_name_under_its_caption_below_the_marks_line() -> None:
    _, fields, _ = read(joint_return())
    assert fields["spouse_nif"] == B_NIF
    assert fields["spouse_name"] == "Leonor Beatriz Franco Machado"
    assert fields["taxpayer_name"] == "Vasco Henrique Abreu Machado"


# --- A photo of a nota whose first reading lost the taxpayer's line (finding 12) ------------------------------------

SPOUSE_NIF = "145926303"


def photo_reading(*, taxpayer_line: bool, taxable: str = "Rendimento coletável", gross: str = "38.460,00") -> list[Any]:
    """A joint nota's photo as the reader hands it over: read as one block, sujeito passivo A's line lost and the
    coletável's caption misread; or read by its blocks, whole."""
    from documents.extraction.reader import Line

    lines = [
        ("AUTORIDADE TRIBUTÁRIA E ADUANEIRA", 0.96),
        ("DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS", 0.96),
        ("Nota de liquidação n.º 2026 7781234560 - Ano dos rendimentos: 2025", 0.93),
        *([(f"Sujeito passivo A: Vasco Henrique Abreu Machado NIF {A_NIF}", 0.94)] if taxpayer_line else []),
        (f"Sujeito passivo B: Graça Maria Teixeira Lobo NIF {SPOUSE_NIF}", 0.94),
        ("Tipo de tributação: Conjunta - Ano: 2025", 0.95),
        (f"| 01 - Rendimento bruto (total de rendimentos) {gross}", 0.95),
        ("| 02 - Dedução específica | 8.208,00", 0.9),
        (f"| 03 - {taxable} | 30.252,00", 0.9 if taxpayer_line else 0.46),
        ("| 04 - Coleta líquida | 5.180,20", 0.88),
        ("| 05 - Retenções na fonte | 4.930,00", 0.9),
        ("| 06 - Imposto a pagar | 250,20", 0.88),
    ]
    return [Line(text, confidence) for text, confidence in lines]


def first_and_second_reading(monkeypatch: Any, second: list[Any]) -> Any:
    from documents.extraction import local
    from documents.extraction.parsers import parse_document
    from documents.extraction.reader import ReadDocument

    first = photo_reading(taxpayer_line=False, taxable="Rendinarito coletával")
    parsed = parse_document(DocumentKind.NOTA_LIQUIDACAO, first)
    assert parsed.fields.get("taxpayer_nif") is None
    # Tesseract is the boundary: its reading of the page's blocks is the text given here.
    monkeypatch.setattr(local, "page_images", lambda data: ["page"])
    monkeypatch.setattr(local, "own_size", lambda image: image)
    monkeypatch.setattr(local, "laid_out_reading", lambda page: second)
    read = ReadDocument(lines=first, pages=1, method="ocr", turns=(0,))
    local.gaps_from_a_laid_out_reading(b"", DocumentKind.NOTA_LIQUIDACAO, read, parsed)
    return parsed


def test_a_notas_photo_that_lost_the_taxpayers_line_takes_it_from_a_reading_by_blocks(monkeypatch: Any) -> None:
    parsed = first_and_second_reading(monkeypatch, photo_reading(taxpayer_line=True))
    assert parsed.fields["taxpayer_nif"] == A_NIF
    assert parsed.fields["taxpayer_name"] == "Vasco Henrique Abreu Machado"
    assert parsed.fields["taxable_income"] == Decimal("30252.00")
    assert parsed.fields["spouse_nif"] == SPOUSE_NIF  # the first reading's, kept


def test_a_second_reading_of_other_amounts_gives_nothing(monkeypatch: Any) -> None:
    parsed = first_and_second_reading(monkeypatch, photo_reading(taxpayer_line=True, gross="39.460,00"))
    assert parsed.fields.get("taxpayer_nif") is None
    assert parsed.fields.get("taxable_income") is None
