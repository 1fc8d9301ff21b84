"""Payslips the blind probe of round 18 misread: two employees' slips side by side on one sheet read as one (one
person's name with the other's amounts), a payroll heading taken for the employer and a period beside the pay
date left unread, whole-euro amounts ("1.250") with no cents, a slip known only by its abbreviated captions, a
"Remuneração" / "Base" caption over two lines, a public body's NIPC kept in its name, and "Lda." read "Ida" by
OCR. The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from reportlab.pdfgen import canvas

from documents.extraction.local import LocalExtractor
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[str, dict, list[str]]:
    kind, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    return str(kind), fields, warnings


def money(*amounts: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(amount) for amount in amounts)


# --- Two payslips side by side ---------------------------------------------------------------------------

SIDE_BY_SIDE = """Confeitaria Ribeira Nova, Lda. Confeitaria Ribeira Nova, Lda.
NIPC 516382748 NIPC 516382748
RECIBO DE VENCIMENTO RECIBO DE VENCIMENTO
Março/2026 Março/2026
{names}
NIF 237419564 NIF 198264372
Vencimento base 870,00 Vencimento base 1.210,00
Seg. Social 95,70 Seg. Social 133,10
IRS 0,00 IRS 64,00
Total ilíquido 870,00 Total ilíquido 1.210,00
Total descontos 95,70 Total descontos 197,10
Líquido 774,30 Líquido 1.012,90"""


def test_two_slips_side_by_side_read_as_the_left_ones_never_a_mix() -> None:
    """Read as one, the left employee's name and NIF went with the right employee's amounts, and no warning."""
    _, fields, warnings = read(SIDE_BY_SIDE.format(names="Nome: Helena Cristina Anjos Nome: Rui Tavares Lopes"))
    assert fields["employee_name"] == "Helena Cristina Anjos"
    assert fields["employee_nif"] == "237419564"
    assert fields["employer_name"] == "Confeitaria Ribeira Nova, Lda."
    amounts = (fields["gross_pay"], fields["social_security"], fields["irs_withholding"], fields["net_pay"])
    assert amounts == money("870.00", "95.70", "0.00", "774.30")
    assert "multiple_payslips" in warnings


def test_side_by_side_a_name_wrapped_onto_a_shared_line_is_not_read_cut() -> None:
    """The wrapped ends of both names share a line ("Pereira-Anjos Lopes"): the left name is not known whole, so it
    is left unread and said so, never read cut ("Helena Cristina dos")."""
    text = SIDE_BY_SIDE.format(names="Nome: Helena Cristina dos Nome: Rui Tavares\nPereira-Anjos Lopes")
    _, fields, warnings = read(text)
    assert fields["employee_name"] is None
    assert "missing:employee_name" in warnings
    assert fields["net_pay"] == Decimal("774.30")
    assert "multiple_payslips" in warnings


def test_a_name_ending_in_a_particle_goes_on_on_the_next_line() -> None:
    """One payslip whose name box wraps after a particle: the name's end is on the next line."""
    text = """Confeitaria Ribeira Nova, Lda.
NIPC 516382748
RECIBO DE VENCIMENTO Março/2026
Nome: Helena Cristina dos
Santos-Anjos
NIF 237419564
Vencimento base 870,00
Seg. Social 95,70
IRS 0,00
Líquido 774,30"""
    _, fields, _ = read(text)
    assert fields["employee_name"] == "Helena Cristina dos Santos-Anjos"


def test_guard_one_slip_with_two_total_rows_on_a_line_is_not_two_slips() -> None:
    """The guard (passes before the fix too): an earnings and a deductions column on one slip print different
    captions on a line, which is no second payslip."""
    text = """Confeitaria Ribeira Nova, Lda.
NIPC 516382748
RECIBO DE VENCIMENTO Março/2026
Nome: Helena Cristina Anjos NIF 237419564
Vencimento base 870,00 Seg. Social 95,70
Subsídio de refeição 110,00 IRS 12,00
Total ilíquido 980,00 Total descontos 107,70
Líquido 872,30"""
    _, fields, warnings = read(text)
    assert fields["net_pay"] == Decimal("872.30")
    assert fields["employee_name"] == "Helena Cristina Anjos"
    assert "multiple_payslips" not in warnings


def two_columns_pdf(left: list[str], right: list[str]) -> bytes:
    """Two slips on a landscape sheet, drawn row by row across both, as a program printing them together does."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(842, 595))
    for row, (left_line, right_line) in enumerate(zip(left, right, strict=True)):
        pdf.drawString(40, 550 - 16 * row, left_line)
        pdf.drawString(440, 550 - 16 * row, right_line)
    pdf.save()
    return buffer.getvalue()


def slip(name: str, nif: str, amounts: tuple[str, str, str, str]) -> list[str]:
    base, social, irs, net = amounts
    return [
        "Confeitaria Ribeira Nova, Lda.",
        "NIPC 516382748",
        "RECIBO DE VENCIMENTO",
        "Março/2026",
        f"Nome: {name}",
        f"NIF {nif}",
        f"Vencimento base {base}",
        f"Seg. Social {social}",
        f"IRS {irs}",
        f"Líquido {net}",
    ]


def test_a_text_pdf_of_two_slips_side_by_side_gives_the_left_ones() -> None:
    data = two_columns_pdf(
        slip("Helena Cristina Anjos", "237419564", ("870,00", "95,70", "0,00", "774,30")),
        slip("Rui Tavares Lopes", "198264372", ("1.210,00", "133,10", "64,00", "1.012,90")),
    )
    result = LocalExtractor().extract(data, document_type="PROOF_OF_INCOME")
    fields = result.json_fields()
    assert (fields["employee_name"], fields["employee_nif"], fields["net_pay"]) == (
        "Helena Cristina Anjos",
        "237419564",
        774.3,
    )
    assert "multiple_payslips" in result.warnings


# --- Heading before the employer, period beside the pay date ---------------------------------------------


def test_a_payroll_heading_before_the_employer_is_no_part_of_its_name_and_the_period_is_its_own() -> None:
    text = """PROCESSAMENTO DE SALÁRIOS · Serralharia Vale Fundo, Lda.
Contribuinte 509143520
Período: 03/2026 Data pagamento: 02/04/2026
Funcionário: Tomás Ribeiro Gaspar NIF 205836194
Remuneração base 1.000,00
Total ilíquido 1.000,00
Segurança Social 11% 110,00
IRS 0,00
Líquido a receber 890,00"""
    _, fields, _ = read(text)
    assert fields["employer_name"] == "Serralharia Vale Fundo, Lda."
    assert fields["period"] == "2026-03"


# --- Whole euros ------------------------------------------------------------------------------------------

WHOLE_EUROS = """Pescas do Mar Alto, S.A. — NIF 504728164
{title} NOVEMBRO 2025 (valores em euros)
Trabalhador ..... Tomás Ribeiro Gaspar
Contribuinte .... 205836194
Vencimento base 1.320
Subsidio refeicao 140
Total iliquido 1.460
Seg. Social 145
Ret. IRS 98
Liquido {net}"""


def test_whole_euro_amounts_are_read_when_the_slip_adds_up() -> None:
    for title in ("RECIBO", "RECIBO DE VENCIMENTO"):
        kind, fields, _ = read(WHOLE_EUROS.format(title=title, net="1.217"))
        assert kind == "RECIBO_VENCIMENTO"
        assert (fields["base_salary"], fields["gross_pay"], fields["social_security"]) == money("1320", "1460", "145")
        assert (fields["irs_withholding"], fields["net_pay"]) == money("98", "1217")


def test_guard_whole_euro_amounts_that_do_not_add_up_are_not_read() -> None:
    """The guard (passes before the fix too, which read no whole euros at all): never "1.460" as 1,46 or a
    guess, a slip whose whole-euro figures do not add up is left unread."""
    _, fields, _ = read(WHOLE_EUROS.format(title="RECIBO DE VENCIMENTO", net="1.251"))
    assert fields["gross_pay"] is None and fields["net_pay"] is None


# --- Abbreviated captions, a caption over two lines ----------------------------------------------------


def test_a_slip_known_by_its_abbreviated_captions_whatever_its_title() -> None:
    text = """Transportes Vale Fundo & Filhos, Lda.
NIPC 519203747
Recibo Mar/2026
Trab.: Tomás Ribeiro Gaspar
NIF: 205836194
Venc. Base 1.040,00
Diuturn. 30,00
Sub. Alim. 112,20
Remun. Ilíq. 1.182,20
Desc. S.S. 130,04
Desc. IRS 75,00
Vlr. Líquido 977,16"""
    for cut in (text, text.replace("Ilíq.", "Ilíq").replace("Vlr. Líquido", "Vlr. Líq.")):
        kind, fields, _ = read(cut)
        assert kind == "RECIBO_VENCIMENTO"
        amounts = (fields["gross_pay"], fields["net_pay"], fields["social_security"])
        assert amounts == money("1182.20", "977.16", "130.04")


def test_a_base_pay_caption_over_two_lines_is_read() -> None:
    text = """Clínica Vale Fundo, Lda. NIF 519203747
RECIBO DE VENCIMENTO Abril de 2026
Empregada: Rita Gaspar Nogueira NIF: 261748300
Remuneração
Base 1.150,00
Subsídio de alimentação (21 x 7,63) 160,23
Total Remunerações 1.310,23
Segurança Social 126,50
I.R.S. 88,00
Total Descontos 214,50
Valor Líquido 1.095,73"""
    _, fields, _ = read(text)
    assert fields["base_salary"] == Decimal("1150.00")


# --- Employer names -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "letterhead",
    [
        "Agrupamento de Escolas Vale Fundo — NIPC 600192830",
        # A scan's stray marks around it: the name is then read over its NIF's line.
        ". Agrupamento de Escolas Vale Fundo — NIPC 600192830 À o .",
    ],
)
def test_a_public_bodys_nipc_after_a_dash_is_no_part_of_its_name(letterhead: str) -> None:
    text = f"""MINISTÉRIO DA EDUCAÇÃO
{letterhead}
ABONOS E DESCONTOS — MARÇO DE 2026
Nome: Rita Gaspar Nogueira
NIF: 261748300
Remuneração base 1.650,00
Total de abonos 1.650,00
CGA — Quota 11% 181,50
IRS 210,00
Total de descontos 391,50
Líquido a abonar 1.258,50"""
    _, fields, _ = read(text)
    assert fields["employer_name"] == "Agrupamento de Escolas Vale Fundo"
    assert fields["employer_nif"] == "600192830"


def test_lda_read_ida_after_the_company_name_and_its_comma_is_the_legal_form() -> None:
    for header in ("Clínica Vale Fundo, Ida.", "Clínica Vale Fundo, Ida", "Clínica Vale Fundo, Ida. e"):
        text = f"""{header}
NIF 519203747 — Av. da Liberdade 12, 1250-147 Lisboa
RECIBO DE VENCIMENTO Abril de 2026
Empregada: Rita Gaspar Nogueira
NIF: 261748300
Vencimento base 1.150,00
Segurança Social 126,50
IRS 88,00
Valor Líquido 935,50"""
        _, fields, _ = read(text)
        assert fields["employer_name"] == "Clínica Vale Fundo, Lda.", header


def test_a_lone_e_ending_a_name_is_a_speck_not_the_particle() -> None:
    """Round 18's p05 scan: "Maria da Conceição Furtado Antunes e"; "e" joins two names, never ends one."""
    from documents.extraction.parsers.common import clean_name

    assert clean_name("Maria da Conceição Furtado Antunes e") == "Maria da Conceição Furtado Antunes"
    assert clean_name("Ana Sousa e Silva") == "Ana Sousa e Silva"


def test_a_dot_for_the_space_between_two_names_is_a_space() -> None:
    """Round 18's s05 scan: "Graça Maria.Nunes Vieira"; an initial keeps its dot."""
    from documents.extraction.parsers.common import clean_name

    assert clean_name("Graça Maria.Nunes Vieira") == "Graça Maria Nunes Vieira"
    assert clean_name("Agrupamento de Escolas D. Dinis") == "Agrupamento de Escolas D. Dinis"
