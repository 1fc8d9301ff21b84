"""Blind probe r73b findings F4, F5, F6 and its net left unread: payslip fields on layouts not drawn before. The
worker's name heading the block their NIF closes, their address between ("Destinatário" / name / street / "NIF ..."),
or their block beside the employer's with only "NIF" to tell them apart; the employer's body heading its block at the
foot ("Emitido por:"); a daily wage's row of days at a rate no base salary; no IRS row read where the deductions read
make the total, the IRS 0; the net under "Total a transferir" kept when it does not add up. Lines of our own wording;
names and numbers of our own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.validation import payslip_arithmetic_holds

WORKER_NIF = "249135787"
COMPANY_NIF = "507132645"
PUBLIC_BODY_NIF = "600873412"

ROWS = (
    "Vencimento base 1.100,00",
    "Subsídio de refeição (22 dias) 132,00",
    "Remuneração ilíquida 1.232,00",
    "Segurança Social (11%) -121,00",
    "IRS -77,00",
    "Soma dos descontos -198,00",
    "Montante líquido transferido 1.034,00",
)


def lines_of(*texts: str) -> list[Line]:
    return [Line(text, 1.0) for text in texts]


def laid_out(*columns: tuple[str, int], top: int = 100) -> Line:
    """A line OCR read across columns, each column's words from its left edge (10 px a letter, 30 px high)."""
    words: list[str] = []
    boxes: list[tuple[int, int, int, int]] = []
    for text, left in columns:
        for word in text.split():
            words.append(word)
            boxes.append((left, top, 10 * len(word), 30))
            left += 10 * len(word) + 10
    return Line(" ".join(words), 0.95, word_confidences=[(word, 0.95) for word in words], word_boxes=boxes)


# --- F4: the worker's name heading their block, their address between it and their NIF ---------------------------


def test_an_addressees_block_under_its_caption_gives_the_workers_name() -> None:
    parsed = parse_payslip(
        lines_of(
            "FOLHA DE SALÁRIO",
            "Referente a: Outubro 2026",
            "Destinatário",
            "Rui Pedro Nogueira Tavares",
            "Rua do Pinhal, 8, 2.º Dto.",
            "5000-100 Vila Real",
            f"NIF {WORKER_NIF}",
            *ROWS,
            "Emitido por:",
            "Talho Bom Corte, Lda.",
            f"Número de identificação fiscal {COMPANY_NIF}",
            "Rua Direita, 4, 5000-200 Vila Real",
        )
    )
    assert parsed.fields["employee_name"] == "Rui Pedro Nogueira Tavares"
    assert parsed.fields["employer_name"] == "Talho Bom Corte, Lda."


def test_a_public_body_heading_its_block_at_the_foot_is_the_employer() -> None:
    parsed = parse_payslip(
        lines_of(
            "FOLHA DE SALÁRIO",
            "Referente a: Outubro 2026",
            "Destinatário",
            "Rui Pedro Nogueira Tavares",
            "Rua do Pinhal, 8, 2.º Dto., 5000-100 Vila Real",
            f"NIF {WORKER_NIF}",
            *ROWS,
            "Emitido por:",
            "Junta de Freguesia de Santo Amaro",
            f"Número de identificação fiscal {PUBLIC_BODY_NIF}",
            "Largo da Igreja, 2, 5000-300 Vila Real",
        )
    )
    assert parsed.fields["employer_name"] == "Junta de Freguesia de Santo Amaro"
    assert parsed.fields["employee_name"] == "Rui Pedro Nogueira Tavares"


def test_a_scans_addressee_block_is_read_in_its_column() -> None:
    """OCR joins the title on the left to the block's caption, and the period to its address: the block is the
    column the worker's NIF is printed in."""
    parsed = parse_payslip(
        [
            laid_out(("FOLHA DE SALÁRIO", 100), ("Destinatário", 1000), top=80),
            laid_out(("j", 300), ("Rui Pedro Nogueira Tavares", 1000), top=120),
            laid_out(("Referente a: Outubro 2026", 100), ("Rua do Pinhal, 8, 5000-100 Vila Real", 1000), top=160),
            laid_out((f"NIF {WORKER_NIF}", 1000), top=200),
            *lines_of(*ROWS, "Emitido por:", "Talho Bom Corte, Lda.", f"NIF {COMPANY_NIF}"),
        ]
    )
    assert parsed.fields["employee_name"] == "Rui Pedro Nogueira Tavares"


def test_the_workers_block_left_of_the_employers_with_only_nif_captions() -> None:
    """A text layer gives each block's lines apart: the worker's block first, the employer's after."""
    parsed = parse_payslip(
        lines_of(
            "Rui Pedro Nogueira Tavares",
            "Rua do Pinhal, 8, 2.º Dto., 5000-100 Vila Real",
            f"NIF {WORKER_NIF}",
            "Talho Bom Corte, Lda.",
            "Rua Direita, 4, 5000-200 Vila Real",
            f"NIF {COMPANY_NIF}",
            "Recibo de vencimento de 01.10.2026 a 31.10.2026",
            *ROWS,
        )
    )
    assert parsed.fields["employee_name"] == "Rui Pedro Nogueira Tavares"
    assert parsed.fields["employer_name"] == "Talho Bom Corte, Lda."


def test_a_photos_two_blocks_on_one_line_keep_their_names_apart() -> None:
    """OCR reads the two blocks' lines across: the worker's name is the left column's, and no part of the employer's
    name on the right."""
    parsed = parse_payslip(
        [
            laid_out(("Rui Pedro Nogueira Tavares", 100), ("Talho Bom Corte, Lda.", 1000), top=80),
            laid_out(
                ("Rua do Pinhal, 8, 5000-100 Vila Real", 100), ("Rua Direita, 4, 5000-200 Vila Real", 1000), top=120
            ),
            laid_out((f"NIF {WORKER_NIF}", 100), (f"NIF {COMPANY_NIF}", 1000), top=160),
            *lines_of("Recibo de vencimento de 01.10.2026 a 31.10.2026", *ROWS),
        ]
    )
    assert parsed.fields["employee_name"] == "Rui Pedro Nogueira Tavares"
    assert parsed.fields["employer_name"] == "Talho Bom Corte, Lda."


def test_an_addresss_town_over_the_nif_is_no_name() -> None:
    """The block's name unread: its caption heads it, and the town of its postcode ("Vila Real") is no one's name."""
    parsed = parse_payslip(
        lines_of(
            "FOLHA DE SALÁRIO",
            "Destinatário",
            "Rua do Pinhal, 8, 2.º Dto.",
            "5000-100 Vila Real",
            f"NIF {WORKER_NIF}",
            *ROWS,
            "Talho Bom Corte, Lda.",
            f"NIF {COMPANY_NIF}",
        )
    )
    assert "employee_name" not in parsed.fields


def test_a_block_headed_by_a_job_gives_no_name() -> None:
    parsed = parse_payslip(
        lines_of(
            "Talho Bom Corte, Lda.",
            f"NIF {COMPANY_NIF}",
            "Recibo de vencimento - Outubro 2026",
            "Categoria: Motorista",
            "Rua do Pinhal, 8, 5000-100 Vila Real",
            f"NIF {WORKER_NIF}",
            *ROWS,
        )
    )
    assert "employee_name" not in parsed.fields


def test_a_name_beside_its_nif_is_read_as_before() -> None:
    parsed = parse_payslip(
        lines_of(
            "Talho Bom Corte, Lda.",
            f"NIF {COMPANY_NIF}",
            "Recibo de vencimento - Outubro 2026",
            "Morada: Rua do Pinhal, 8, 5000-100 Vila Real",
            f"Rui Pedro Nogueira Tavares · NIF {WORKER_NIF}",
            *ROWS,
        )
    )
    assert parsed.fields["employee_name"] == "Rui Pedro Nogueira Tavares"


# --- F5: a daily wage's row of days at a rate is no base salary -----------------------------------------------------


def daily_wage(row: str) -> list[Line]:
    return lines_of(
        f"Talho Bom Corte, Lda. | NIF {COMPANY_NIF}",
        "Recibo n.º 4471/2026 Período: 2026-10",
        f"Funcionário: 12 - Rui Pedro Nogueira Tavares NIF: {WORKER_NIF}",
        "Abonos Valor Descontos Valor",
        f"{row} Segurança Social (11%) 116,16",
        "Subsídio de refeição (22 dias) 132,00 IRS 0,00",
        "Bruto 1.188,00 Descontos 116,16 Líquido 1.071,84",
    )


@pytest.mark.parametrize(
    "row",
    [
        "Vencimento (22 dias x 48,00) 1.056,00",
        "Vencimento 22d × 48,00 € 1.056,00",
        "Vencimento - Dias: 22 | Valor/dia 48,00 1.056,00",
        "Remuneração (176 h x 6,00) 1.056,00",
    ],
)
def test_days_or_hours_at_a_rate_are_no_base_salary(row: str) -> None:
    parsed = parse_payslip(daily_wage(row))
    assert "base_salary" not in parsed.fields
    assert parsed.fields["gross_pay"] == Decimal("1188.00")
    assert parsed.fields["net_pay"] == Decimal("1071.84")


@pytest.mark.parametrize(
    "row",
    [
        "Vencimento base 30 dias x 35,20 1.056,00",
        "Vencimento (30 dias) 1.056,00",
        "Vencimento 1.056,00",
        "Vencimento (1 x 1.056,00) 1.056,00",
    ],
)
def test_a_monthly_base_stays_the_base_salary(row: str) -> None:
    parsed = parse_payslip(daily_wage(row))
    assert parsed.fields["base_salary"] == Decimal("1056.00")


# --- F6: no IRS row read, the deductions read making the total: none withheld ----------------------------------------

SS_ONLY = (
    "Trabalhador: Rui Pedro Nogueira Tavares",
    f"NIF do trabalhador: {WORKER_NIF}",
    "Mês de referência: 2026-11",
    "Vencimento base EUR 980.00",
    "Subsídio de refeição (22 dias) EUR 105.60",
    "Total ilíquido EUR 1085.60",
    "Segurança Social (11%) EUR 107.80",
)
EMPLOYER = ("Entidade empregadora: Talho Bom Corte, Lda.", f"NIF: {COMPANY_NIF}")


def test_no_irs_row_and_the_social_security_the_whole_deductions_is_no_irs_withheld() -> None:
    parsed = parse_payslip(lines_of(*SS_ONLY, "Total de descontos EUR 107.80", "LÍQUIDO EUR 977.80", *EMPLOYER))
    assert parsed.fields["irs_withholding"] == Decimal("0.00")
    assert "derived:irs_withholding" in parsed.warnings


def test_an_irs_row_lost_from_deductions_that_need_one_is_what_they_leave() -> None:
    parsed = parse_payslip(lines_of(*SS_ONLY, "Total de descontos EUR 152.80", "LÍQUIDO EUR 932.80", *EMPLOYER))
    assert parsed.fields["irs_withholding"] == Decimal("45.00")


def test_no_deduction_read_says_nothing_of_the_irs() -> None:
    parsed = parse_payslip(lines_of(*SS_ONLY[:-1], "Total de descontos EUR 107.80", "LÍQUIDO EUR 977.80", *EMPLOYER))
    assert parsed.fields.get("irs_withholding") is None


def test_a_printed_irs_of_nothing_is_read_as_printed() -> None:
    parsed = parse_payslip(
        lines_of(*SS_ONLY, "IRS EUR 0.00", "Total de descontos EUR 107.80", "LÍQUIDO EUR 977.80", *EMPLOYER)
    )
    assert parsed.fields["irs_withholding"] == Decimal("0.00")
    assert "derived:irs_withholding" not in parsed.warnings


# --- The net under "Total a transferir", kept when the slip does not add up -----------------------------------------

YTD = (
    "TALHO BOM CORTE, LDA. RECIBO DE SALÁRIO",
    f"Contribuinte n.º {COMPANY_NIF}",
    "Beneficiário: Rui Pedro Nogueira Tavares",
    f"N.I.F.: {WORKER_NIF}",
    "Período 10/2026",
    "Descrição Mês Acumulado ano",
    "Vencimento base 1.275,00 12.750,00",
    "Subsídio de refeição (22 dias) 126,50 1.265,00",
    "Total de abonos 1.401,50 14.015,00",
    "Segurança Social (11%) 140,25 1.402,50",
    "IRS 108,38 1.083,80",
    "Total de descontos 248,63 2.486,30",
)


def test_a_net_to_transfer_that_does_not_add_up_is_kept_as_printed() -> None:
    parsed = parse_payslip(lines_of(*YTD, "Total a transferir 1.452,87 14.528,70"))
    assert parsed.fields["net_pay"] == Decimal("1452.87")
    assert payslip_arithmetic_holds(parsed.fields, total_deductions=parsed.total_deductions) is False


def test_a_net_to_transfer_that_adds_up_is_read_as_before() -> None:
    parsed = parse_payslip(lines_of(*YTD, "Total a transferir 1.152,87 11.528,70"))
    assert parsed.fields["net_pay"] == Decimal("1152.87")
