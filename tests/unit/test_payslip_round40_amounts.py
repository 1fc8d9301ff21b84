"""Payslips of blind probe r40a's payroll and HR portals whose amounts, period or kind were read wrongly. English
amounts ("1950.00") after a quantity ("30.00 1950.00") read as a date and the base salary's row lost; a bilingual
"Acumulado / YTD" heading counted as two columns and a "Valor unit." heading as the month's, the year to date read
as the month's (or the printed gross dropped and a false ``arithmetic_mismatch`` raised); an English "Pay period"
unread and a back pay's "(Oct 2026)" taken for the period; English "Holiday allowance" and "Income tax on holiday
allowance" not read as the lump subsidy and its IRS; a company's payroll summary of many workers read as the first
worker's payslip. The lines are a text layer's, with names and figures of their own."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers import classify
from documents.extraction.parsers.payslip import line_segments, month_column, parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.unit.test_payslip_round39 import checked


def typed(*texts: str) -> list[Line]:
    return [Line(text) for text in texts]


# --- G: "30.00 1950.00" is a quantity and an amount, not a date ------------------------------------------------

# Earnings 1950.00 + 100.00 + 120.00 - 41.80 = 2128.20; deductions 220.90 + 371.52; net 1535.78.
SIGNED_LIST = typed(
    "PAYSLIP 01/10/2026 - 31/10/2026",
    "Employer Transportes da Ribeira, Lda.",
    "Tax ID (NIF) 511058233",
    "Name Marta Sofia Lopes Antunes",
    "Tax ID (NIF) 245066705",
    "Code Description Units Amount",
    "101 Base salary (part-time 24h/week) 30.00 1950.00",
    "102 Performance bonus 100.00",
    "103 Meal allowance 20.00 120.00",
    "104 Overtime correction 09/2026 (overpaid) -41.80",
    "505 Social Security (11%) -220.90",
    "506 Income tax (IRS) 18.5% -371.52",
    "Gross pay 2128.20",
    "Total deductions -592.42",
    "Net pay 1535.78",
)


def test_a_quantity_before_an_english_amount_of_four_figures_is_no_date() -> None:
    parsed = parse_payslip(SIGNED_LIST)
    assert parsed.fields["base_salary"] == Decimal("1950.00")
    assert parsed.fields["gross_pay"] == Decimal("2128.20")


def test_a_date_before_an_amount_is_still_no_amount() -> None:
    # Guard: a real date stays blanked, its figures no amount ("31.10" is no 31,10 €).
    [segment] = line_segments("Vencimento base pago em 31.10.2026 1.200,00", 0, 1.0)
    assert segment.amounts == [Decimal("1200.00")]
    [segment] = line_segments("Diuturnidades 12.05.2026 42,50", 0, 1.0)
    assert segment.amounts == [Decimal("42.50")]


# --- H and M: a landscape table with a unit rate and a year-to-date column --------------------------------------

BILINGUAL_LANDSCAPE = typed(
    "Call Center do Sado Unipessoal, Lda. Recibo de Vencimento / Payslip",
    "Parque Industrial do Seixal, Lote 14, 7000-508 Évora Período / Pay period: 2026-11",
    "NIF / Tax ID: 500227217 CAE 61452 Pagamento / Payment date: 30/11/2026",
    "Colaborador / Employee: Rui Correia Gaspar N.º / Employee No.: 799",
    "NIF / Tax ID: 274017660 NISS / Social Security No.: 22834288638",
    "Cód. Descrição / Description Qtd. / Units Valor unit. / Rate Abonos / Earnings Descontos / Deductions "
    "Acumulado / YTD",
    "A01 Vencimento base / Base salary 3900.41 42904.51",
    "A02 Diuturnidades (1) / Seniority bonus (1) 32.30 32.30",
    "03 Subsídio de alimentação / Meal allowance 20.00 6.00 120.00 1320.00",
    "D04 Contribuição Seg. Social 11% / Social Security (11%) 432.60 4758.60",
    "D05 Retenção IRS 27,6% / Income tax (IRS) 27.6% 1085.43 11939.73",
    "D06 Penhora de vencimento / Wage garnishment (court order) 650.07 650.07",
    "Totais / Totals 4052.71 2168.10 44579.81",
    "Líquido / Net pay 1884.61 20730.71",
)


def test_a_bilingual_year_to_date_heading_is_one_column() -> None:
    fields, warnings = checked(BILINGUAL_LANDSCAPE)
    assert fields["base_salary"] == Decimal("3900.41")
    assert fields["gross_pay"] == Decimal("4052.71")
    assert fields["social_security"] == Decimal("432.60")
    assert fields["irs_withholding"] == Decimal("1085.43")
    assert fields["net_pay"] == Decimal("1884.61")
    assert "arithmetic_mismatch" not in warnings
    assert "derived:gross_pay" not in warnings


# Earnings 1.350,82 + 96,90 + 116,90 + 35,07 + 120,00 + 62,40 = 1.782,09; deductions 182,83 + 236,02 + 250,00.
PORTUGUESE_LANDSCAPE = typed(
    "Distribuição Alimentar da Beira, S.A. Recibo de Vencimento",
    "Rua do Almada, 212, 4050-017 Porto Período: 01/11/2026 a 30/11/2026",
    "NIF: 514913002 CAE 38014 Data de pagamento: 30/11/2026",
    "Trabalhador: Vítor Manuel Fernandes N.º Mecanográfico: 480",
    "NIF: 257607838 N.º Seg. Social: 15094525331 Categoria: Enfermeiro",
    "Cód. Descrição Qtd. Valor unit. Abonos Descontos Acumulado ano",
    "01 Vencimento base 1.350,82 14.859,02",
    "02 Diuturnidades (3) 96,90 96,90",
    "R03 Trabalho suplementar 25% 12,00 9,74 116,90 116,90",
    "04 Trab. suplementar dia descanso 50% 35,07 35,07",
    "A05 Subsídio de alimentação 20,00 6,00 120,00 1.320,00",
    "06 Acerto retroativo venc. base (out/2026) 62,40 62,40",
    "D07 Segurança Social (11%) 182,83 2.011,13",
    "D08 Retenção IRS 14,2% 236,02 2.596,22",
    "D09 Adiantamento s/ vencimento (15/11/2026) 250,00 250,00",
    "Totais 1.782,09 668,85 18.978,99",
    "Líquido a Receber 1.113,24 11.778,84",
)


def test_a_unit_rate_column_is_not_the_months_and_the_totals_row_gives_the_gross() -> None:
    fields, warnings = checked(PORTUGUESE_LANDSCAPE)
    assert fields["gross_pay"] == Decimal("1782.09")
    assert fields["net_pay"] == Decimal("1113.24")
    assert "derived:gross_pay" not in warnings
    assert "arithmetic_mismatch" not in warnings
    assert fields["period"] == "2026-11"


def test_a_heading_and_its_translation_are_one_column() -> None:
    assert month_column("Descrição  Mês / Month  Acumulado / YTD") == (0, 2)
    assert month_column("Description  Valor / Amount  Acumulado / YTD  Mês anterior / Previous month") == (0, 3)


def test_headings_of_the_months_column_and_others_still_pick_the_month() -> None:
    # Guards: a heading naming the month's column among others keeps its place.
    assert month_column("Rubrica  Valor do mês  Acumulado no ano  Mês anterior") == (0, 3)
    assert month_column("Rubrica  Valor  Acumulado") is None


# --- I: the period printed, not a back pay's month ------------------------------------------------------------


def english_slip(period_line: str, back_pay_month: str = "(Oct 2026)") -> list[Line]:
    return typed(
        "Clínica Dentária do Norte, Lda. Payslip",
        f"Praça do Município, 1, 8000-123 Faro {period_line}",
        "Tax ID (NIF): 501391355 CAE 24350 Payment date: 25/11/2026",
        "Employee: Graça Silva Neves Employee No.: 00762",
        "Tax ID (NIF): 284702579 Social Security No.: 21561799760",
        "Code Description Units Earnings Deductions",
        "R01 Base salary 1.000,00",
        f"R04 Back pay adjustment {back_pay_month} 48,50",
        "D05 Social Security (11%) 115,34",
        "D06 Income tax (IRS) 9.8% 102,77",
        "Totals 1.048,50 218,11",
        "Net pay 830,39",
    )


def test_an_english_pay_period_beats_a_back_pay_rows_month() -> None:
    assert parse_payslip(english_slip("Pay period: 2026-11")).fields["period"] == "2026-11"
    # The English caption read as the Portuguese one is: the period whatever a row names, bracketed or not.
    assert parse_payslip(english_slip("Pay period: 2026-11", "Oct 2026")).fields["period"] == "2026-11"


def test_a_period_after_the_title_beats_a_back_pay_rows_month() -> None:
    lines = typed(
        "RECIBO DE VENCIMENTO 11/2026",
        "Entidade Empregadora Farmácias do Mar Unipessoal, Lda.",
        "NIF 515772313",
        "Nome Teresa Monteiro Sousa",
        "NIF 104238402",
        "Cód. Descrição Qtd. Valor",
        "101 Vencimento base 1.050,00",
        "104 Acerto retroativo venc. base (out/2026) 62,40",
        "505 Contribuição Seg. Social 11% -122,36",
        "506 Retenção IRS 9,8% -109,01",
        "Total Ilíquido 1.112,40",
        "Total Descontos -231,37",
        "Líquido a Receber 881,03",
    )
    assert parse_payslip(lines).fields["period"] == "2026-11"


def test_a_month_only_a_row_names_is_still_the_period() -> None:
    # Guard: no other month printed, the one in a row's brackets is read, last of all.
    lines = typed(
        "Recibo de vencimento",
        "Vencimento base (Outubro 2026) 1.050,00",
        "Segurança Social -115,50",
        "Líquido a receber 934,50",
    )
    assert parse_payslip(lines).fields["period"] == "2026-10"


# --- J and K: an English lump subsidy and its own IRS line ----------------------------------------------------


def holiday_slip(subsidy: str) -> list[Line]:
    # Earnings 950.00 + 950.00 + 126.00 = 2026.00; deductions 209.00 + 15.28 + 15.20; net 1786.52.
    return typed(
        "Payslip",
        "Employer Serviços Partilhados do Sul, S.A.",
        "Tax ID (NIF) 509380468",
        "Employee Teresa Lourenço Carvalho",
        "Tax ID (NIF) 167280422",
        "Pay period 08/2026",
        "Code Description Units Earnings Deductions",
        "R01 Base salary 950.00",
        f"R03 {subsidy} 950.00",
        "04 Meal allowance 21.00 126.00",
        "D06 Social Security (11%) 209.00",
        "D07 Income tax (IRS Jovem) 1.6% 15.28",
        "D08 Income tax on holiday allowance 15.20",
        "Totals 2026.00 239.48",
        "Net pay 1786.52",
    )


def test_an_english_holiday_allowance_is_the_lump_subsidy_and_its_tax_line_irs() -> None:
    parsed = parse_payslip(holiday_slip("Holiday allowance"))
    assert parsed.fields["subsidy_amount"] == Decimal("950.00")
    assert parsed.fields["irs_withholding"] == Decimal("30.48")
    # The month's net without the subsidy's: 1786.52 - (950.00 - 104.50 - 15.20).
    assert parsed.fields["regular_net_pay"] == Decimal("956.22")


def test_an_english_tax_base_is_no_withholding() -> None:
    # "Income tax base" and "Taxable pay" are the figures the tax is worked on, not the tax withheld.
    for caption in ("Income tax base", "Taxable pay"):
        lines = holiday_slip("Holiday allowance")
        lines.insert(-2, Line(f"{caption} 1900.00"))
        assert parse_payslip(lines).fields["irs_withholding"] == Decimal("30.48")


def test_an_english_allowance_in_twelfths_is_no_lump() -> None:
    # "(twelfths 1/12)", "(twelfths 50%)": the subsidy's twelfths, paid every month.
    for twelfths in ("Holiday allowance (twelfths 1/12)", "Holiday allowance (twelfths 50%)"):
        parsed = parse_payslip(holiday_slip(twelfths))
        assert parsed.fields.get("subsidy_amount") is None
        assert parsed.fields["subsidy_twelfths_amount"] == Decimal("950.00")


# --- File 48: a company's payroll summary is no one's payslip ---------------------------------------------------

SUMMARY = "\n".join(
    [
        "Logística do Tejo, Lda. Resumo do Processamento de Vencimentos — Outubro 2026",
        "NIF 515244775 — Rua Cidade de Goa, 7, 2890-025 Alcochete Mapa de remunerações por trabalhador — 10/2026",
        "N.º Nome NIF NISS Venc. base Ilíquido Seg. Social IRS Outros desc. Líquido",
        "001 Lúcia Reis Carvalho 240115201 23627337525 1.650,00 1.776,00 181,50 234,30 0,00 1.360,20",
        "002 Martim Gaspar Matos 168601192 19671052484 1.400,00 1.526,00 154,00 137,20 0,00 1.234,80",
        "003 Gonçalo Falcão Cunha 111152496 15150000687 920,00 1.046,00 101,20 0,00 0,00 944,80",
        "TOTAIS (3 trabalhadores) 3.970,00 4.348,00 436,70 371,50 0,00 3.539,80",
    ]
)


def test_a_payroll_summary_of_several_workers_is_refused() -> None:
    assert classify(SUMMARY) == DocumentKind.UNKNOWN


def test_two_payslips_of_a_couple_on_one_page_are_still_payslips() -> None:
    # Guard: two workers' slips side by side (each NIF once, on a row with pay) are payslips.
    two = "\n".join(
        [
            "RECIBO DE VENCIMENTO RECIBO DE VENCIMENTO",
            "Nome: Lúcia Reis Carvalho NIF 240115201 Nome: Martim Gaspar Matos NIF 168601192",
            "Vencimento base 1.650,00 Vencimento base 1.400,00",
            "Segurança Social 181,50 Segurança Social 154,00",
            "IRS 234,30 IRS 137,20",
            "Líquido 1.234,20 Líquido 1.108,80",
        ]
    )
    assert classify(two) == DocumentKind.RECIBO_VENCIMENTO


# --- A page's subtotal carried to the next page -----------------------------------------------------------------


def test_a_first_page_carrying_its_subtotal_forward_is_no_payslip_of_its_own() -> None:
    # Page 1 of 2: 2800.00 + 126.00 - 27.35 = 2898.65 carried forward. Read alone its subtotal was its net (the
    # negative acerto taken for its deductions), and the page chosen over the whole slip as a month of its own.
    first_page = typed(
        "Clínica Dentária do Sousa, Lda. Recibo de Vencimento",
        "Rua Dr. António José de Almeida, 95, 8000-123 Faro Período: 11/2026",
        "NIF: 506845621 CAE 75325 Data de pagamento: 30/11/2026",
        "Trabalhador: Luís Duarte Soares N.º Mecanográfico: 03870",
        "NIF: 261014005 N.º Seg. Social: 26616898516",
        "Cód. Descrição Qtd. Abonos Descontos",
        "01 Vencimento base 30.00 2800.00",
        "02 Subsídio de alimentação 21.00 126.00",
        "A03 Acerto trab. suplementar 10/2026 (pago a mais) -27.35",
        "A transportar 2898.65 0.00",
        "Página 1/2 — continua na página seguinte",
    )
    parsed = parse_payslip(first_page)
    assert parsed.fields.get("net_pay") is None
    assert parsed.fields["base_salary"] == Decimal("2800.00")


def test_a_transport_allowance_is_still_an_earning() -> None:
    # Guard: "Subsídio de transporte" is pay, not a page's subtotal.
    [segment] = line_segments("Subsídio de transporte 40,00", 0, 1.0)
    assert segment.role == "earning"


# --- Drawn again with new seeds: English pay withheld for absence, and an overtime correction -----------------

# Earnings 3250,00 - 27,35 - 325,00 = 2897,65; deductions 318,74 + 660,66 = 979,40; net 1918,25.
ABSENCE_LIST = typed(
    "PAYSLIP 01/10/2026 - 31/10/2026",
    "Employer Transportes Algarve Sul, S.A.",
    "Tax ID (NIF) 514839520",
    "Name Rui Leitão Cardoso",
    "Tax ID (NIF) 245252398",
    "Code Description Units Amount",
    "101 Base salary 3.250,00",
    "102 Overtime correction 09/2026 (overpaid) -27,35",
    "103 Sick leave absence (3 days) 3,00 -325,00",
    "504 Social Security (11%) -318,74",
    "505 Income tax (IRS) 22.8% -660,66",
    "Gross pay 2.897,65",
    "Total deductions -979,40",
    "Net pay 1.918,25",
)


def test_english_pay_withheld_for_absence_leaves_the_base_above_the_gross_plausible() -> None:
    fields, warnings = checked(ABSENCE_LIST)
    assert fields["base_salary"] == Decimal("3250.00")
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("2897.65"), Decimal("1918.25"))
    assert "base_salary_implausible" not in warnings
    assert "arithmetic_mismatch" not in warnings


def test_a_base_above_a_gross_with_nothing_withheld_is_still_implausible() -> None:
    lines = [line for line in ABSENCE_LIST if "absence" not in line.text and "correction" not in line.text]
    fields, warnings = checked(lines)
    assert fields.get("base_salary") is None
    assert "base_salary_implausible" in warnings
