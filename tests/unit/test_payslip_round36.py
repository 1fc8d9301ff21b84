"""Payslips of blind probe r34b's layouts that OCR read wrongly: a year-to-date block ("Acumulados do ano:" over
"Ilíquido ... IRS ... Seg. Social ...") printed left of the month's totals box, whose figures OCR read onto the
box's lines (the year's gross, IRS and social security taken for the month's); a note of the meal card's
allowance "não incluído no líquido" beside the box's net (the net unread); and an advance's word cut by a narrow
column ("Reembolso de adiantamen", its amount taken for IRS). Then a text layer's earnings and deductions side by
side, each with a year-to-date column under one heading repeated (the year's IRS read as the month's). The pages are built as Tesseract boxes words, from
the probe's geometry, with figures of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.parsers.payslip import column_pieces, header_labels, line_segments, parse_payslip
from documents.extraction.reader import Line
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 4)

# A word's height and a character's width in pixels, as on a 300 dpi scan.
HEIGHT = 28
CHARACTER = 15


def scanned(*pieces: tuple[int, str]) -> Line:
    """One OCR line: each piece's words from its left edge, a space's width apart."""
    words: list[tuple[str, float]] = []
    boxes: list[tuple[int, int, int, int]] = []
    for left, text in pieces:
        x = left
        for word in text.split():
            words.append((word, 0.93))
            boxes.append((x, 500, CHARACTER * len(word), HEIGHT))
            x += CHARACTER * (len(word) + 1)
    return Line(" ".join(word for word, _ in words), 0.93, words, boxes)


HEADER = [
    scanned((170, "Guarda Sul Segurança, S.A."), (1400, "Recibo de Vencimentos")),
    scanned((170, "Rua do Carmo, 12 - 1200-094 Lisboa"), (1400, "Mês de referência: 10/2026")),
    scanned((170, "Contribuinte n.º: 503504564"), (1400, "Data de emissão: 30-10-2026")),
    scanned((170, "Cód. Func.: 4471"), (1400, "Trabalhador: Rui Manuel Antunes")),
    scanned((170, "NIF: 245718931")),
    scanned((170, "Rendimentos"), (1300, "Descontos")),
    scanned((170, "Cód. Descrição Qtd. V.Unit. Valor"), (1300, "Cód. Descrição Taxa Valor")),
    scanned((170, "101 Vencimento 1.200,00"), (1300, "501 TSU Trabalhador 11,00% 165,00")),
    scanned((170, "102 Subsídio de função 150,00"), (1300, "502 IRS 12,0% 162,00")),
    scanned((170, "103 Sub. alimentação 20 6,50 130,00"), (1300, "503 Reembolso de adiantamen 100,00")),
]


def test_a_year_to_date_block_beside_the_totals_box_is_not_the_month() -> None:
    # Gross 1.480,00 = 1.200 + 150 + 130; deductions 427,00 = 165 + 162 + 100; net 1.053,00.
    parsed = parse_payslip(
        [
            *HEADER,
            scanned((170, "Acumulados do ano:"), (1400, "Total de Abonos 1.480,00 EUR")),
            scanned(
                (170, "Ilíquido 14.650,00 IRS 1.603,80 Seg. Social 1.611,50"), (1400, "Total Descontos 427,00 EUR")
            ),
            scanned((1400, "A receber 1.053,00 EUR")),
        ]
    )
    fields = parsed.fields
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1480.00"), Decimal("1053.00"))
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("165.00"), Decimal("162.00"))
    assert "arithmetic_mismatch" not in parsed.warnings


def test_the_block_on_the_captions_own_line_then_the_box_under_it() -> None:
    # The caption and the year's figures on one line, the box's first row beside them: the year's are never read.
    parsed = parse_payslip(
        [
            *HEADER,
            scanned((170, "Acumulados do ano:"), (1400, "Vencimento Ilíquido 1.480,00")),
            scanned((170, "líquido 14.650,00 IRS 1.603,80 Seg. Social 1.611,50"), (1400, "Total de Descontos 427,00")),
            scanned((1400, "Total Líquido 1.053,00")),
        ]
    )
    assert (parsed.fields["gross_pay"], parsed.fields["net_pay"]) == (Decimal("1480.00"), Decimal("1053.00"))
    assert parsed.fields["social_security"] == Decimal("165.00")


def test_a_year_to_date_line_with_its_figures_and_no_column_beside_it_stays_the_captions_rule() -> None:
    # A text layer's line: the caption's figures right after it, the box's lines apart. Nothing is split off.
    line = Line("Acumulados do ano: Ilíquido 14.650,00 IRS 1.603,80")
    assert [piece.text for piece in column_pieces(line)] == [line.text]
    parsed = parse_payslip(
        [
            *HEADER,
            line,
            scanned((1400, "Total Ilíquido 1.480,00")),
            scanned((1400, "Total Descontos 427,00")),
            scanned((1400, "Líquido a receber 1.053,00")),
        ]
    )
    assert (parsed.fields["gross_pay"], parsed.fields["irs_withholding"]) == (Decimal("1480.00"), Decimal("162.00"))


def test_the_net_beside_a_note_of_what_the_net_leaves_out() -> None:
    lines = [
        *HEADER,
        scanned((1400, "Total Ilíquido 1.480,00 EUR")),
        scanned((1400, "Total Descontos 427,00 EUR")),
        scanned(
            (170, "Subsídio de alimentação em cartão (não incluído no líquido):"),
            (1400, "Valor Líquido"),
            (2000, "1.053,00 EUR"),
        ),
        scanned((170, "21 x 10,20 = 214,20 €")),
    ]
    parsed = parse_payslip(lines)
    assert parsed.fields["net_pay"] == Decimal("1053.00")
    assert "arithmetic_mismatch" not in parsed.warnings


def test_a_notes_own_amount_further_right_is_still_outside_the_pay() -> None:
    # The card's amount a column away from its note: no totals caption leads it, so it is not read.
    lines = [
        *HEADER,
        scanned((170, "Subsídio de alimentação em cartão (não incluído no líquido):"), (1400, "214,20 €")),
        scanned((1400, "Total Ilíquido 1.480,00 EUR")),
        scanned((1400, "Total Descontos 427,00 EUR")),
        scanned((1400, "Valor Líquido 1.053,00 EUR")),
    ]
    parsed = parse_payslip(lines)
    assert (parsed.fields["gross_pay"], parsed.fields["net_pay"]) == (Decimal("1480.00"), Decimal("1053.00"))
    assert "arithmetic_mismatch" not in parsed.warnings


def test_an_advance_whose_word_a_narrow_column_cut_is_a_deduction_not_irs() -> None:
    parsed = parse_payslip(
        [
            *HEADER,
            scanned((1400, "Total Ilíquido 1.480,00 EUR")),
            scanned((1400, "Total Descontos 427,00 EUR")),
            scanned((1400, "Valor Líquido 1.053,00 EUR")),
        ]
    )
    assert parsed.fields["irs_withholding"] == Decimal("162.00")
    assert "derived:irs_withholding" not in parsed.warnings


# Earnings and deductions side by side on a text layer, each table with a month's and a year-to-date column under
# one heading repeated, the tables' rows one after the other; the base row's unit price and value joined (tight
# columns), captions cut by the column's width.
SIDE_BY_SIDE_YTD = """Lusitânia Partilhados, S.A. PAYSLIP / RECIBO DE VENCIMENTO
NIF: 503504564
Period / Período: Setembro 2026 / September 2026
No. / N.º: 30689 Name / Nome: Rui Manuel Antunes
Tax ID / NIF: 245718931
Earnings / Remunerações Deductions / Descontos
Cód. Descrição Qtd. V.Unit. Valor Acum. Cód. Descrição Valor Acum.
1010 Vencimento Base 30 60,001800,00 16200,00
1020 Isenção de horário de 450,00 4050,00
1050 Duodécimos Sub. Natal 150,00 1350,00
8010 Contribuição Segurança 264,00 2376,00
8020 IRS - Retenção na fonte 301,00 2709,00
8030 Plano de saúde 40,00 360,00
Gross Pay / Total Ilíquido
2400,00
Total Deductions / Total Descontos
605,00
Net Pay / Valor Líquido
1795,00"""


def test_side_by_side_tables_each_with_a_year_to_date_column_read_the_months() -> None:
    _, fields, warnings = read_text(SIDE_BY_SIDE_YTD, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("2400.00"), Decimal("1795.00"))
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("264.00"), Decimal("301.00"))
    assert fields["subsidy_twelfths_amount"] == Decimal("150.00")
    assert fields["base_salary"] == Decimal("1800.00")
    assert "arithmetic_mismatch" not in warnings
    assert not [warning for warning in warnings if warning.startswith("derived:")]


def test_two_amounts_joined_are_read_apart_and_one_amount_stays_whole() -> None:
    assert [segment.amounts for segment in line_segments("1010 Vencimento Base 30 60,001800,00 16200,00", 0, 1.0)] == [
        [Decimal("60.00"), Decimal("1800.00"), Decimal("16200.00")]
    ]
    assert [segment.amounts for segment in line_segments("Vencimento base 1.800,00 16.200,00", 0, 1.0)] == [
        [Decimal("1800.00"), Decimal("16200.00")]
    ]


# The same tables as OCR reads a scan of them: each line holds an earning and a deduction, every figure followed by
# its year to date; the totals in three boxes captioned in two languages, their figures on the line under them.
SIDE_BY_SIDE_SCANNED = """Lusitânia Partilhados, S.A. PAYSLIP / RECIBO DE VENCIMENTO
NIF: 503504564 Period / Período: Setembro 2026 / September 2026
No. / N.º: 30689 Name / Nome: Rui Manuel Antunes
Tax ID / NIF: 245718931
Earnings / Remunerações Deductions / Descontos
Cód. Descrição Qtd. V.Unit. Valor Acum. Cód. Descrição Valor Acum.
101 Ordenado base 30 60,00 1.800,00 16.200,00 501 Segurança Social (11%) 264,00 2.376,00
102 Language Bonus / Prémio d 450,00 4.050,00 502 Retenção na fonte de IRS 301,00 2.709,00
103 Trabalho noturno 24 6,25 150,00 1.350,00 503 Reembolso de adiantamen 40,00 360,00
Gross Pay / Total Ilíquido Total Deductions / Total Descontos Net Pay / Valor Líquido
2.400,00 € 605,00 € 1.795,00 €"""


def test_scanned_side_by_side_rows_and_bilingual_totals_boxes() -> None:
    _, fields, warnings = read_text(SIDE_BY_SIDE_SCANNED, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("2400.00"), Decimal("1795.00"))
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("264.00"), Decimal("301.00"))
    assert fields["base_salary"] == Decimal("1800.00")
    assert "arithmetic_mismatch" not in warnings


def test_a_caption_and_its_translation_are_one_column() -> None:
    assert header_labels("Gross Pay / Total Ilíquido Total Deductions / Total Descontos Net Pay / Valor Líquido") == [
        "gross_pay",
        "total_deductions",
        "net_pay",
    ]
    # Columns of their own, each in one language, stay apart.
    assert header_labels("Ilíquido / Seg. Social / IRS / Líquido") == [
        "gross_pay",
        "social_security",
        "irs_withholding",
        "net_pay",
    ]


def test_the_totals_boxes_under_tables_with_a_year_to_date_column_keep_their_three_figures() -> None:
    # The boxes' captions end the tables: their figures are no row with a year to date. As OCR read it: a thousands
    # group spaced ("2 400,00"), the CGA's caption cut.
    text = (
        SIDE_BY_SIDE_SCANNED.replace("Segurança Social (11%)", "Caixa Geral de Aposen")
        .replace(
            "Gross Pay / Total Ilíquido Total Deductions / Total Descontos Net Pay / Valor Líquido",
            "Total de Abonos Total Descontos A receber",
        )
        .replace("2.400,00 €", "2 400,00 €")
    )
    parsed = parse_payslip([Line(line, 0.9) for line in text.splitlines()])
    assert (parsed.fields["gross_pay"], parsed.fields["net_pay"]) == (Decimal("2400.00"), Decimal("1795.00"))
    assert parsed.fields["social_security"] == Decimal("264.00")
    assert not [warning for warning in parsed.warnings if warning.startswith("derived:")]


def test_a_table_rule_against_a_figure_is_no_digit() -> None:
    # "1000,00| |8010": the rules OCR read beside the base's figure and the next table's code.
    assert [
        (s.role, s.amounts) for s in line_segments("1010 Vencimento Base 30 1000,00| |8010 Seg. Social 179,03", 0, 0.9)
    ] == [
        ("base_salary", [Decimal("1000.00")]),
        ("social_security", [Decimal("179.03")]),
    ]


def test_the_public_administrations_remuneracao_principal_is_the_base() -> None:
    assert [(s.role, s.amounts) for s in line_segments("1010 Remuneração principal 1.025,00", 0, 1.0)] == [
        ("base_salary", [Decimal("1025.00")])
    ]


# A sole trader's slip: the employer is a person, their NIF personal, in the letterhead above the employee's caption.
SOLE_TRADER = """Padaria Quintela
Rosa Maria Quintela (empresário em nome individual)
Rua da Fonte, 12
4700-321 Braga
NIF: 213456788
Recibo de Vencimento
Mês: outubro/2026
Colaborador: Sérgio Manuel Pires
Contribuinte: 245718931 N.º Benef.: 12345678901
Salário base: 920,00
R01 Vencimento base 30 d 920,00
D01 Seg. Social (11%) 101,20
D02 IRS 0,00
Total de Remunerações 920,00
Total Descontos 101,20
Valor a Pagar 818,80
Recebi o líquido de 818,80"""

# A household's slip for its domestic worker, made by an accountant: the bureau prints its own name and legal form.
HOUSEHOLD = """Joaquim Alberto Teixeira RECIBO DE REMUNERAÇÃO (SERVIÇO DOMÉSTICO)
Rua das Flores, 7, 1.º Dto. 2870-320 Montijo Processado por: Contas em Dia, Lda.
N.º Contribuinte
213456788
Processamento
Outubro de 2026
Trabalhador
Ana Paula Moreira
NIF 245718931
Remuneração base 600,00
Segurança Social (9,4%) 56,40
Total ilíquido 600,00
Total descontos 56,40
Líquido a receber 543,60"""


def test_a_private_employers_nif_in_the_letterhead_is_the_employers() -> None:
    _, fields, warnings = read_text(SOLE_TRADER, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["employee_nif"], fields["employer_nif"]) == ("245718931", "213456788")
    assert fields["employee_name"] == "Sérgio Manuel Pires"
    assert fields["employer_name"] == "Padaria Quintela"
    assert "nif_ambiguous" not in warnings
    _, fields, warnings = read_text(HOUSEHOLD, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["employee_nif"], fields["employer_nif"]) == ("245718931", "213456788")
    # Not the bureau that processed the slip, nor the NIF's caption.
    assert fields.get("employer_name") in (None, "Joaquim Alberto Teixeira")
    assert "nif_ambiguous" not in warnings


def test_two_personal_nifs_both_under_the_employees_caption_stay_ambiguous() -> None:
    # No letterhead holds either: one person's slip cannot print two NIFs of theirs.
    text = SOLE_TRADER.replace("NIF: 213456788\n", "").replace(
        "Contribuinte: 245718931", "Contribuinte: 245718931 NIF (antigo): 213456788"
    )
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert "nif_ambiguous" in warnings
    assert fields.get("employee_nif") is None


# An accountant's dense grid: captions in a row over their values, "NISS Empresa" among them.
DENSE_GRID = """Relojoaria Central, Sociedade Unipessoal, Lda. RECIBO DE VENCIMENTO
Rua Direita, 10 8000-375 Faro
Contribuinte n.º NISS Empresa Período Data de pagamento
503504564 12839639476 01/10/2026 a 31/10/2026 02/11/2026
N.º Nome NIF N.º Seg. Social Data admissão
0010 Carla Sofia Rebelo 245718931 29358748427 19/04/2010
Cód. Descrição Qtd. Abonos Descontos
R01 Salário base 30d 1.000,00
D01 Seg. Social (11%) 110,00
D02 IRS 60,00
Remuneração Ilíquida Descontos Vencimento Líquido
1.000,00 170,00 830,00"""


def test_a_numbers_caption_naming_the_company_is_no_employer_label() -> None:
    _, fields, _ = read_text(DENSE_GRID, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_name"] == "Relojoaria Central, Sociedade Unipessoal, Lda."


def test_a_meal_cards_credit_among_the_deductions_is_not_the_irs() -> None:
    text = """Clínica Dentária Boa Vista, Lda. FOLHA DE REMUNERAÇÕES - RECIBO
NIPC: 503504564 Mês de referência: Outubro 2026
Funcionário: Rita Almeida Fontes Contribuinte: 245718931
Descrição Abonos Descontos
R01 Ordenado 30 d 1000,00
R11 Subsídio de refeição - cartão 20 d 150,00
D01 Seg. Social 110,00
D02 Retenção IRS Jovem 0,00
D20 Valor creditado cartão refeição 150,00
Total Ilíquido: 1150,00 € Total Descontos: 260,00 € Líquido a receber: 890,00 €"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("110.00"), Decimal("0.00"))
    assert fields["net_pay"] == Decimal("890.00")
    assert "arithmetic_mismatch" not in warnings


# A payslip written as a letter by a small employer's accountant: the title an accountant's program gives it, the
# parties in a sentence wrapping inside the company's name.
LETTER = """Drogaria Vale do Sousa, Unipessoal, Lda.
Rua do Mercado, 4
4580-123 Paredes
NIPC: 503504564
Paredes, 31 de outubro de 2026
TALÃO DE VENCIMENTO
Joana Pires Maia, contribuinte n.º 245718931, empregada de balcão, ao serviço de Drogaria Vale do
Sousa, Unipessoal, Lda., NIPC 503504564, declara ter recebido a importância líquida de 890,00 referente
à remuneração do mês de outubro de 2026, conforme se discrimina:
Vencimento base 1.000,00
Segurança Social 110,00
Total Ilíquido 1.000,00
Total Descontos 110,00
Líquido 890,00"""


def test_an_accountants_title_and_the_company_named_whole_in_a_letter() -> None:
    kind, fields, _ = read_text(LETTER, document_type="PROOF_OF_INCOME", today=TODAY)
    assert kind == "RECIBO_VENCIMENTO"
    assert fields["employer_name"] == "Drogaria Vale do Sousa, Unipessoal, Lda."
    assert fields["net_pay"] == Decimal("890.00")
    # The sentence's own words before the company are no part of its name, the letterhead or not.
    without_letterhead = LETTER.replace("Drogaria Vale do Sousa, Unipessoal, Lda.\n", "", 1).replace(
        "do\nSousa", "do Sousa"
    )
    _, fields, _ = read_text(without_letterhead, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_name"] == "Drogaria Vale do Sousa, Unipessoal, Lda."


def test_an_accountants_folha_de_remuneracoes_title_is_no_employers_name() -> None:
    text = DENSE_GRID.replace(
        "Relojoaria Central, Sociedade Unipessoal, Lda. RECIBO DE VENCIMENTO",
        "Empregador Folha de Remunerações - Recibo\nRelojoaria Central, Sociedade Unipessoal, Lda.",
    )
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_name"] == "Relojoaria Central, Sociedade Unipessoal, Lda."


def test_a_households_letter_names_the_employee_who_declares_and_the_employer_who_paid() -> None:
    text = """Rui Manuel Teixeira Lobo
Rua do Castelo, 20, 1.º
4750-374 Barcelos
Contribuinte n.º: 213456788
Barcelos, 30 de novembro de 2026
FOLHA DE REMUNERAÇÕES - RECIBO
Ana Paula Moreira Dias, contribuinte n.º 245718931, beneficiário da
Segurança Social n.º 21300007064, com a categoria de trabalhadora de serviço
doméstico, declara ter recebido de Rui Manuel Teixeira Lobo,
Contribuinte n.º 213456788, a importância líquida de 543,60 €, referente à
remuneração do mês de novembro de 2026, conforme se discrimina:
Remuneração base (serviço doméstico) 600,00
Segurança Social - Serv. Doméstico 9,4% 56,40
Total Ilíquido / Total Descontos 600,00 € 56,40 €
Líquido a receber 543,60 €"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["employee_name"], fields["employee_nif"]) == ("Ana Paula Moreira Dias", "245718931")
    assert (fields["employer_name"], fields["employer_nif"]) == ("Rui Manuel Teixeira Lobo", "213456788")
    assert "nif_ambiguous" not in warnings


def test_the_second_copy_on_the_page_loses_its_year_to_date_figures_too() -> None:
    # The employee's and the company's copies one under the other, each with its heading and its totals' boxes.
    copy = SIDE_BY_SIDE_SCANNED.replace(
        "Gross Pay / Total Ilíquido Total Deductions / Total Descontos Net Pay / Valor Líquido",
        "Total de Abonos Total Descontos A receber",
    )
    # OCR read marks and stray strokes between them: the copies' lines no longer pair up one for one.
    strokes = "\n".join(["»", "| |", "Duplicado — Empresa", "—", "| ' |", "=", "' ,"])
    _, fields, _ = read_text(f"{copy}\n{strokes}\n{copy}", document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("264.00"), Decimal("301.00"))
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("2400.00"), Decimal("1795.00"))


def test_a_card_allowance_given_back_with_a_minus_is_a_deduction() -> None:
    text = """Café Central, Lda.
N.I.F.: 503504564
Recibo de Vencimento
Empregado(a): Rita Almeida Fontes
N.I.F.: 245718931
Período: 2026-11
Ordenado 1.000,00
Subsídio de refeição - cartão (20 d x 7,50) + 150,00
Remuneração Ilíquida 1.150,00
Segurança Social 11% -110,00
IRS -60,00
Sub. alimentação pago em cartão -150,00
Valor a Pagar 830,00"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1150.00"), Decimal("830.00"))
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("110.00"), Decimal("60.00"))
    assert not warnings
    # An absence withheld with a minus among the earnings stays what it is: pay not earned.
    absent = text.replace("Subsídio de refeição - cartão (20 d x 7,50) + 150,00", "Faltas injustificadas (1 d) -50,00")
    absent = absent.replace("1.150,00", "950,00").replace("Sub. alimentação pago em cartão -150,00\n", "")
    _, fields, _ = read_text(absent.replace("830,00", "780,00"), document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("950.00"), Decimal("780.00"))


def test_an_english_footers_issued_by_is_no_part_of_the_employers_name() -> None:
    from documents.extraction.parsers.payslip import company_name

    assert company_name("Issued by Remotely Payroll UK Ltd") == "Remotely Payroll UK Ltd"
    assert company_name("Este recibo foi processado e pago pela Contas Certas, Lda.") == "Contas Certas, Lda."


def test_a_receipt_naming_a_company_as_the_payer_keeps_its_whole_name() -> None:
    text = """Drogaria Vale & Filhos, Lda.
Rua do Mercado, 4
NIPC: 503504564
RECIBO DE ORDENADO
Joana Pires Maia, contribuinte n.º 245718931, com a categoria de caixeira, declara ter recebido de
Drogaria Vale & Filhos, Lda., NIPC 503504564, a importância líquida de 890,00 €, referente à
remuneração do mês de outubro de 2026, conforme se discrimina:
Vencimento base 1.000,00
Segurança Social 110,00
Total Ilíquido 1.000,00
Total Descontos 110,00
Líquido 890,00"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["employee_name"], fields["employee_nif"]) == ("Joana Pires Maia", "245718931")
    assert (fields["employer_name"], fields["employer_nif"]) == ("Drogaria Vale & Filhos, Lda.", "503504564")


def test_a_mark_ocr_read_after_the_employers_name_is_no_part_of_it() -> None:
    from documents.extraction.parsers.payslip import without_trailing_marks

    assert without_trailing_marks("Junta de Freguesia de Azeitão !") == "Junta de Freguesia de Azeitão"
    assert without_trailing_marks("Casa Vale, Lda. |") == "Casa Vale, Lda."
    # A legal form's dot, a bracket and a sign inside the name stay.
    assert without_trailing_marks("Silva & Costa, Lda.") == "Silva & Costa, Lda."
    assert without_trailing_marks("Obras Gerais (Norte)") == "Obras Gerais (Norte)"
    text = """Junta de Freguesia de São Pedro !
NIPC: 503504564
Talão de Vencimento
Colaborador: Rita Almeida Fontes
Nº Contrib.: 245718931
Período: 01/10/2026 a 31/10/2026
Ordenado 1.000,00
Total Ilíquido 1.000,00
TSU Trabalhador (11%) -110,00
Vencimento Líquido 890,00"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_name"] == "Junta de Freguesia de São Pedro"
