"""Payslips of doc probe round 30 (other payroll programs' layouts) still read wrong."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, fields_validate
from documents.extraction.validation import parsed_revalidate

ABSENCE_AFTER_ITS_RATE = """Mármores Lusitana S.A.
NIPC: 539778923
Recibo de Remunerações
Mês/Ano: 2026/09
Nome do Trabalhador
Gonçalo Luís Brás Nóbrega
N.I.F.
162056516
Cód. Descrição Qtd. Valor Unit. Abonos Descontos
001 Vencimento 30 1.525,00
002 Faltas injustificadas 3,00 50,83 -152,49
003 Subsídio de Alimentação 21,00 6,00 126,00
504 TSU Trabalhador 1372,51 11% 150,98
505 Ret. Fonte IRS 175,68
Total Ilíquido
1.498,51 EUR
Descontos
326,66 EUR
Líquido a Pagar
1.171,85 EUR"""


def checked(text: str) -> tuple[dict[str, object], list[str]]:
    parsed = parse_payslip([Line(line) for line in text.splitlines()])
    fields = fields_validate(DocumentKind.RECIBO_VENCIMENTO, parsed.fields)
    warnings = [
        *parsed.warnings,
        *parsed_revalidate(DocumentKind.RECIBO_VENCIMENTO, fields, parsed, document_type="PROOF_OF_INCOME"),
    ]
    return fields, warnings


def test_pay_withheld_for_an_absence_printed_with_a_minus_after_its_rate_adds_up() -> None:
    """The minus stood before the row's third figure, after its quantity and rate, and was lost: the absence
    was read as a deduction, the earnings no longer made the gross (a false arithmetic_mismatch) and the base
    above the gross was dropped as implausible (4 of 4 layouts of the probe's pairs)."""
    fields, warnings = checked(ABSENCE_AFTER_ITS_RATE)
    assert "arithmetic_mismatch" not in warnings
    assert "base_salary_implausible" not in warnings
    assert fields["base_salary"] == Decimal("1525.00")
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1498.51"), Decimal("1171.85"))


def test_a_deduction_printed_with_a_minus_after_its_base_and_rate_stays_a_deduction() -> None:
    fields, warnings = checked(ABSENCE_AFTER_ITS_RATE.replace("1372,51 11% 150,98", "1372,51 11% -150,98"))
    assert fields["social_security"] == Decimal("150.98")
    assert "arithmetic_mismatch" not in warnings


def test_the_worker_s_number_after_the_name_is_no_part_of_it() -> None:
    for caption in ("Número: 532", "Nº 532", "N.º 532", "Matrícula: 17"):
        text = ABSENCE_AFTER_ITS_RATE.replace(
            "Nome do Trabalhador\nGonçalo Luís Brás Nóbrega", f"Trabalhador: Fábio Paixão {caption}"
        )
        fields, _ = checked(text)
        assert fields["employee_name"] == "Fábio Paixão", caption


TWELFTHS_BY_FRACTION = """Construções Estêvão, Lda.
Pessoa Coletiva n.º 567397734
Recibo de Vencimento
Referente a 2026/09
Funcionário: Hugo Amândio Teixeira Leitão Falcão
N.º Contribuinte: 397827652
Rendimentos
Ordenado Base 30,00 1 265,00
Subs. Férias 1/12 105,42
Subs. Natal 1/12 105,42
Descontos
Ausências (dias) 2,00 84,34
Segurança Social 1391,84 153,10
I.R.S. 171,15
Remuneração Ilíquida 1 475,84
Total Descontos 408,59
Líquido a Pagar 1 067,25"""


def test_a_subsidy_captioned_one_twelfth_is_its_duodecimo_and_a_section_heading_heads_no_row() -> None:
    """ "Subs. Férias 1/12" read as a lump subsidy (the fraction was blanked before the label was read), and the
    heading "Descontos" over "Ausências (dias)" made that row the deductions' total: a false mismatch."""
    fields, warnings = checked(TWELFTHS_BY_FRACTION)
    assert fields["subsidy_twelfths_amount"] == Decimal("210.84")
    assert fields.get("subsidy_amount") is None
    assert fields["regular_net_pay"] == fields["net_pay"] == Decimal("1067.25")
    assert "arithmetic_mismatch" not in warnings


def test_an_invalid_nif_alone_under_its_caption_is_said_not_silently_dropped() -> None:
    text = ABSENCE_AFTER_ITS_RATE.replace("N.I.F.\n162056516", "Nº Fiscal\n366655568")
    fields, warnings = checked(text)
    assert fields.get("employee_nif") is None
    assert "nif_checksum_invalid" in warnings
    # A valid one under the same caption is the employee's, no warning.
    fields, warnings = checked(ABSENCE_AFTER_ITS_RATE.replace("N.I.F.", "Nº Fiscal"))
    assert fields["employee_nif"] == "162056516" and "nif_checksum_invalid" not in warnings


COPY = """RECIBO DE VENCIMENTO
NÓBREGA & BARÃO LDA. NIPC: 539628727
PROCESSAMENTO: 09/2026
TRABALHADOR: GONÇALO MAGALHÃES
Nº FISCAL: 129665584
001 SALÁRIO BASE 30,00 1.815,00
002 SUBS. FÉRIAS 1/12 151,25
003 SUBS. NATAL 1/12 151,25
004 SUBS. ALIMENTAÇÃO 22,00 6,00 132,00
TOTAL ILÍQUIDO 2.249,50
505 TSU TRABALHADOR 2117,50 232,93
506 IRS - RETENÇÃO NA FONTE 412,91
507 EMPRÉSTIMO (PREST. 4/10) 150,00
TOTAL DE DESCONTOS 795,84
VALOR LÍQUIDO 1.453,66 EUR"""


def two_copies_pdf() -> bytes:
    import io

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=landscape(A4))
    page.setFont("Helvetica", 8)
    for left, mark in ((30, "ORIGINAL"), (440, "DUPLICADO")):
        for row, text in enumerate([mark, *COPY.splitlines()]):
            page.drawString(left, 560 - 14 * row, text)
    page.save()
    return buffer.getvalue()


def test_one_payslip_printed_twice_on_a_sheet_is_read_once() -> None:
    """Doc probe 30A: an ORIGINAL and its DUPLICADO on one landscape page were read as one slip, both copies'
    twelfths added up (605,00 for 302,50) and "ORIGINAL - " put before the employer's name."""
    from documents.extraction.local import LocalExtractor

    result = LocalExtractor().extract(two_copies_pdf(), document_type="PROOF_OF_INCOME")
    fields = result.json_fields()
    assert fields["subsidy_twelfths_amount"] == 302.5
    assert fields["net_pay"] == 1453.66 and fields["gross_pay"] == 2249.5
    assert fields["employer_name"] == "NÓBREGA & BARÃO LDA."
    assert "multiple_payslips" not in result.warnings


def test_an_amount_after_the_last_of_several_captions_on_a_line_is_that_caption_s() -> None:
    """ "IRS: Casado único titular, 2 dep. Venc. base: 1.065,00" (a listing's employee block): the amount is the
    base salary's; read as the IRS row it became the IRS, or was added to it (doc probe 30A)."""
    text = ABSENCE_AFTER_ITS_RATE.replace(
        "Cód. Descrição", "IRS: Casado único titular, 2 dep. Venc. base: 1.525,00\nCód. Descrição"
    )
    fields, warnings = checked(text)
    assert fields["irs_withholding"] == Decimal("175.68")
    assert fields["base_salary"] == Decimal("1525.00")
    assert "arithmetic_mismatch" not in warnings
