"""Notas de liquidação and the taxpayers' boxes blind probe r44a misread: a nota's gross income taken from its
category A line, not its "Total dos rendimentos brutos"; a nota printing one box per taxpayer (the label, "NIF: ...",
the name under it) and its year in its title alone gave the label "Sujeito Passivo" as the name, no spouse's name
and no year, and swapped A and B when B's box was printed left of A's; the official rosto's Quadro 5A ("A SUJEITO
PASSIVO B (tributação conjunta)" / "NIF 03 ... Nome ...") and a software's "Sujeito passivo (declarante)" and
"Cônjuge / unido de facto" lines gave no name; a comprovativo de rendimentos got a settlement derived that it never
prints; a photo of a nota whose title OCR lost was refused. The texts are shaped as the reader hands them over, with
names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.parsers import DocumentKind, classify, parse_document
from documents.extraction.reader import Line
from tests.helpers import read_text

A_NIF, B_NIF = "219074275", "264151984"


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 5))


def nota(boxes: str, incomes: str) -> str:
    return f"""IRS Autoridade Tributária e Aduaneira
NOTA DE LIQUIDAÇÃO – 2024
N.º de liquidação 20245123456789
Emitida em 12-06-2025
{boxes}
Estado civil: Casado Tributação: conjunta Dependentes: 0
Descrição Valor (EUR)
{incomes}
Coleta líquida 9.100,00
Retenções na fonte 4.000,00
Pagamentos por conta 0,00
Imposto a pagar 5.100,00"""


BOXES = f"""SUJEITO PASSIVO A
NIF: {A_NIF}
Gonçalo Manuel Araújo Guimarães
SUJEITO PASSIVO B
NIF: {B_NIF}
Sofia Patrício Fernandes"""
TWO_CATEGORIES = """Rendimento bruto – Trabalho dependente (cat. A) 21.300,50
Rendimento bruto – Empresariais e profissionais (cat. B) 30.000,00
Total de rendimentos brutos 51.300,50"""


def test_a_notas_gross_income_is_its_total_not_its_first_categorys() -> None:
    _, fields, warnings = read(nota(BOXES, TWO_CATEGORIES))
    assert fields["gross_income"] == Decimal("51300.50")
    assert fields["employment_income"] == Decimal("21300.50")
    assert "arithmetic_mismatch" not in warnings


def test_a_notas_one_category_line_is_its_gross_when_no_total_is_printed() -> None:
    _, fields, _ = read(nota(BOXES, "Rendimento bruto – Pensões (cat. H) 18.420,50"))
    assert fields["gross_income"] == Decimal("18420.50")


def test_a_notas_taxpayers_boxes_give_each_one_name_nif_and_the_titles_year() -> None:
    _, fields, _ = read(nota(BOXES, TWO_CATEGORIES))
    assert fields["taxpayer_name"] == "Gonçalo Manuel Araújo Guimarães"
    assert fields["taxpayer_nif"] == A_NIF
    assert fields["spouse_nif"] == B_NIF
    assert fields["spouse_name"] == "Sofia Patrício Fernandes"
    assert fields["year"] == 2024


def test_a_single_persons_box_label_is_no_name() -> None:
    boxes = f"SUJEITO PASSIVO\nNIF: {A_NIF}\nGonçalo Manuel Araújo Guimarães"
    _, fields, _ = read(nota(boxes, TWO_CATEGORIES))
    assert fields["taxpayer_name"] == "Gonçalo Manuel Araújo Guimarães"
    lost = read(nota(f"SUJEITO PASSIVO\nNIF: {A_NIF}", TWO_CATEGORIES))[1]
    assert lost["taxpayer_name"] is None


def boxed_line(*columns: tuple[int, str]) -> Line:
    """A scan's line of boxes side by side: each column's words from its left edge, 60 pixels a word."""
    words = [(left + 60 * position, word) for left, text in columns for position, word in enumerate(text.split())]
    return Line(
        " ".join(word for _, word in words),
        0.95,
        word_confidences=[(word, 0.95) for _, word in words],
        word_boxes=[(left, 300, 50, 30) for left, _ in words],
    )


def test_b_printed_left_of_a_is_still_the_spouse() -> None:
    lines = [
        Line("NOTA DE LIQUIDAÇÃO - 2024 Emitida em 12-06-2025", 0.95),
        boxed_line((140, "SUJEITO PASSIVO B"), (870, "SUJEITO PASSIVO A")),
        boxed_line((140, f"NIF: {B_NIF}"), (870, f"NIF: {A_NIF}")),
        boxed_line((140, "Sofia Patrício Fernandes"), (870, "Gonçalo Manuel Araújo Guimarães")),
        Line("Estado civil: Casado Tributação: conjunta Dependentes: 0", 0.95),
        Line("Total de rendimentos brutos 51.300,50", 0.95),
    ]
    parsed = parse_document(DocumentKind.NOTA_LIQUIDACAO, lines)
    assert parsed.fields["taxpayer_nif"] == A_NIF
    assert parsed.fields["taxpayer_name"] == "Gonçalo Manuel Araújo Guimarães"
    assert parsed.fields["spouse_nif"] == B_NIF
    assert parsed.fields["spouse_name"] == "Sofia Patrício Fernandes"


ROSTO = f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
MODELO 3
ANO DOS RENDIMENTOS 2024
3 IDENTIFICAÇÃO DO SUJEITO PASSIVO
Sujeito passivo A NIF 01 {A_NIF}
Nome Gonçalo Manuel Araújo Guimarães
5 OPÇÃO DE TRIBUTAÇÃO (só para casados ou unidos de facto)
{{option}}
{{heading}}
NIF 03 {B_NIF} Nome Sofia Patrício Fernandes
6 AGREGADO FAMILIAR"""


def test_the_rostos_quadro_5a_gives_the_second_taxpayers_name() -> None:
    text = ROSTO.format(option="01 X Tributação conjunta 02 Tributação separada",
                        heading="A SUJEITO PASSIVO B (tributação conjunta)")  # fmt: skip
    _, fields, _ = read(text)
    assert fields["spouse_nif"] == B_NIF
    assert fields["spouse_name"] == "Sofia Patrício Fernandes"


def test_the_rostos_quadro_5a_gives_a_separate_returns_spouse() -> None:
    text = ROSTO.format(option="01 Tributação conjunta 02 X Tributação separada",
                        heading="A CÔNJUGE OU UNIDO DE FACTO (tributação separada)")  # fmt: skip
    _, fields, _ = read(text)
    assert fields["spouse_nif"] == B_NIF
    assert fields["spouse_name"] == "Sofia Patrício Fernandes"
    assert fields["joint_return"] is False


SOFTWARE = f"""Declaração Modelo 3 de IRS – Rendimentos de 2024
Cópia da declaração submetida – resumo por quadros
IDENTIFICAÇÃO
{{spouse}}Sujeito passivo (declarante) NIF {A_NIF} Gonçalo Manuel Araújo Guimarães
Tributação Separada"""


def test_a_declarants_line_with_its_remark_gives_the_name() -> None:
    _, fields, _ = read(SOFTWARE.format(spouse=""))
    assert fields["taxpayer_name"] == "Gonçalo Manuel Araújo Guimarães"


def test_a_spouse_or_partners_line_before_the_declarants_gives_the_spouse() -> None:
    _, fields, _ = read(SOFTWARE.format(spouse=f"Cônjuge / unido de facto NIF {B_NIF} Sofia Patrício Fernandes\n"))
    assert fields["taxpayer_name"] == "Gonçalo Manuel Araújo Guimarães"
    assert fields["taxpayer_nif"] == A_NIF
    assert fields["spouse_nif"] == B_NIF
    assert fields["spouse_name"] == "Sofia Patrício Fernandes"


COMPROVATIVO = f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
COMPROVATIVO DE RENDIMENTOS
(Declaração Modelo 3 de IRS – informação fiscal)
Para os devidos efeitos se declara que o contribuinte Gonçalo Manuel Araújo Guimarães, NIF {A_NIF},
apresentou declaração de rendimentos Modelo 3 relativa ao ano de 2024, da qual resultam os seguintes valores:
Rendimentos do trabalho dependente (categoria A) 28.200,00
Rendimento bruto total 28.200,00
Coleta líquida 5.400,00
Retenções na fonte 4.400,00
Declaração entregue com opção pela tributação separada.
Cônjuge: Sofia Patrício Fernandes, NIF {B_NIF} (rendimentos não incluídos)."""


def test_a_comprovativo_that_prints_no_settlement_gets_none_derived() -> None:
    _, fields, warnings = read(COMPROVATIVO)
    assert fields["amount_payable"] is None and fields["amount_refundable"] is None
    assert not any(warning.startswith("derived:amount") for warning in warnings)
    assert fields["tax_paid"] == Decimal("5400.00")


def test_a_spouses_name_before_the_nif_and_a_remark_is_read() -> None:
    _, fields, _ = read(COMPROVATIVO)
    assert fields["spouse_nif"] == B_NIF
    assert fields["spouse_name"] == "Sofia Patrício Fernandes"


def test_a_photo_of_a_nota_whose_title_ocr_lost_is_a_nota() -> None:
    text = f"""| RS Autoridade Tributária e Aduaneira N.º de liquidação 20245123456789
SUJEITO PASSIVO
NIF: {A_NIF}
Estado civil: Solteiro Tributação: individual Dependentes: O
Da presente liquidação pode reclamar ou impugnar nos termos e prazos do CPPT."""
    assert classify(text) == DocumentKind.NOTA_LIQUIDACAO


def test_a_receipt_whose_income_table_does_not_add_up_is_flagged_for_that_not_as_a_bare_receipt() -> None:
    text = f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
COMPROVATIVO DE ENTREGA DA DECLARAÇÃO
IRS — Modelo 3 — Ano 2024
Sujeito passivo A NIF {A_NIF} Nome: Gonçalo Manuel Araújo Guimarães
Anexos entregues: A
ANEXO A - Rendimentos do trabalho dependente e de pensões
Titular NIF da entidade Código Rendimentos Retenções Contribuições
A 540602000 401 27.373,14 2.930,75 3.011,05
A 513932844 401 5.354,24 492,63 588,97
Soma 33.627,38 3.423,38 3.600,02"""
    _, fields, warnings = read(text)
    assert fields["gross_income"] is None
    assert "arithmetic_mismatch" in warnings
    assert "proof_of_filing_only" not in warnings
