"""A pension statement's gross whose caption OCR read "líquido" (blind probe r75a, D3): a crooked scan's "Pensão de
velhice (valor ilíquido) 980,00 €" read "(valor líquido)", its thin "i" lost, over "Retenção na fonte de IRS 45,00
€" and "Valor líquido 935,00 €". The 980,00 was taken for the net, the gross left unread, and the income counted
45,00 a month too high. The figure that is another net read plus the deductions read is the gross (ADR 024: the
arithmetic chooses between the readings the caption allows). Texts of our own, in the probe's layout."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.pension import parse_pension
from documents.extraction.reader import Line
from screening.rules.income import pension_arithmetic_words


def scanned(text: str, doubted: str = "", *, confidence: float = 0.9) -> Line:
    """A line as OCR gives it, the word ``doubted`` read at a low confidence."""
    words = [(word, 0.24 if word == doubted else 0.95) for word in text.split()]
    return Line(text, confidence, word_confidences=words)


def statement(gross_line: Line, *, net: str = "935,00", confidence: float = 0.9) -> list[Line]:
    return [
        scanned("Instituto da Segurança Social, I.P. — Centro Nacional de Pensões", confidence=confidence),
        scanned("Declara-se que Henrique Manuel Barbosa Dias, NIF 205373887, é pensionista", confidence=confidence),
        scanned("Valores mensais da pensão em novembro de 2026:", confidence=confidence),
        gross_line,
        scanned("Retenção na fonte de IRS 45,00 €", confidence=confidence),
        scanned(f"Valor líquido {net} €", confidence=confidence),
        scanned("A pensão é paga 14 vezes por ano.", confidence=confidence),
    ]


def test_a_gross_whose_iliquido_ocr_doubted_in_its_bracket_is_the_gross() -> None:
    """The probe's reading: "líquido)" at 0,24, its bracket closing it."""
    parsed = parse_pension(statement(scanned("Pensão de velhice (valor líquido) 980,00 €", doubted="líquido)")))
    assert parsed.fields["gross_monthly_amount"] == Decimal("980.00")
    assert parsed.fields["net_monthly_amount"] == Decimal("935.00")
    assert parsed.fields["deductions"] == Decimal("45.00")
    assert "derived:gross_monthly_amount" in parsed.warnings


def test_a_gross_read_surely_as_liquido_is_the_gross_the_arithmetic_makes() -> None:
    """OCR sure of the word it misread: two nets, one the other plus the deductions."""
    parsed = parse_pension(statement(scanned("Pensão de velhice (valor líquido) 980,00 €")))
    assert parsed.fields["gross_monthly_amount"] == Decimal("980.00")
    assert parsed.fields["net_monthly_amount"] == Decimal("935.00")


def test_a_cga_gross_whose_iliquida_lost_its_i_is_the_gross() -> None:
    """The same on a CGA statement, the feminine caption."""
    lines = [
        scanned("Caixa Geral de Aposentações, I.P."),
        scanned("Pensão de aposentação líquida 1.650,00 €", doubted="líquida"),
        scanned("IRS 200,00 €"),
        scanned("ADSE 50,00 €"),
        scanned("Valor líquido a receber 1.400,00 €"),
    ]
    parsed = parse_pension(lines)
    assert parsed.fields["gross_monthly_amount"] == Decimal("1650.00")
    assert parsed.fields["net_monthly_amount"] == Decimal("1400.00")


def test_a_text_layer_s_captions_stand() -> None:
    """Guard: a text layer misreads no caption; its first net stands, as before."""
    lines = statement(Line("Pensão de velhice (valor líquido) 980,00 €", 1.0), confidence=1.0)
    parsed = parse_pension(lines)
    assert "gross_monthly_amount" not in parsed.fields
    assert parsed.fields["net_monthly_amount"] == Decimal("980.00")


def test_a_doubted_liquido_the_arithmetic_does_not_back_is_left_out() -> None:
    """Guard: 990,00 is not the net plus the deductions; the doubted line is still left out, read neither way."""
    parsed = parse_pension(statement(scanned("Pensão de velhice (valor líquido) 990,00 €", doubted="líquido)")))
    assert "gross_monthly_amount" not in parsed.fields
    assert parsed.fields["net_monthly_amount"] == Decimal("935.00")


def test_a_gross_read_as_such_reads_as_before() -> None:
    """Guard: the caption read whole ("ilíquido") names the gross, as the text layer's control."""
    parsed = parse_pension(statement(scanned("Pensão de velhice (valor ilíquido) 980,00 €")))
    assert parsed.fields["gross_monthly_amount"] == Decimal("980.00")
    assert parsed.fields["net_monthly_amount"] == Decimal("935.00")
    assert not any(warning.startswith("derived:") for warning in parsed.warnings)


def test_a_statement_whose_gross_went_unread_beside_its_deductions_is_not_said_to_give_only_its_net() -> None:
    """The check said "só indica o valor mensal líquido" of a statement whose deductions were read too."""
    fields = {"net_monthly_amount": "935.00", "deductions": "45.00", "gross_monthly_amount": None}
    words = pension_arithmetic_words(fields, consistent=True, read=True)
    assert not words.startswith("só indica")
    assert "descontos" in words and "ilíquido não foi lido" in words
    # Guard: a statement printing its net alone is said as before.
    alone = pension_arithmetic_words({"net_monthly_amount": "935.00"}, consistent=True, read=True)
    assert alone == "só indica o valor mensal líquido; não há descontos nem total anual para conferir"
