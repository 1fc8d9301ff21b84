"""Payslip amounts of blind probe r47b. On a scan of an hours grid, a speck line OCR read as "CO Mem TD." was taken
for a year-to-date heading over the deductions' own heading ("Cód. Descontos Incidência Taxa Valor (€)"), so each
deduction lost its value and kept its incidence base: social security and IRS both read as 1.378,68, at full
confidence and with no warning, though together they took more than the gross. The lines are shaped as the reader
gives them, with names and figures of their own."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from documents.extraction.parsers import classify, parse_document
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, fields_validate
from documents.extraction.validation import deductions_beyond_the_pay, parsed_revalidate, payslip_arithmetic_holds
from tests.helpers import read_text

SCAN_CONFIDENCE = 0.85


def read_scan(text: str) -> tuple[dict[str, Any], list[str]]:
    """A scan's lines (OCR's confidence) as the local extractor handles them: fields checked, and warnings."""
    kind = classify(text)
    lines = [Line(line, SCAN_CONFIDENCE) for line in text.splitlines() if line.strip()]
    parsed = parse_document(kind, lines)
    fields = fields_validate(kind, parsed.fields)
    checked = parsed_revalidate(kind, fields, parsed, document_type="PROOF_OF_INCOME", today=None)
    return fields, [*parsed.warnings, *checked]


# An hours grid, then the deductions' table with an incidence and a rate column before the value; a speck between
# the two tables read as words ending "TD".
INCIDENCE_COLUMN = """Serralharia Vale Fundo, Lda. RECIBO DE VENCIMENTO
Rua das Oficinas 9 — 2400-137 Leiria - NIPC 507736397
Período de processamento: 01/10/2026 a 31/10/2026 Data de pagamento: 31/10/2026
Trabalhador n.º 0212: Rui Filipe Moura Cardoso
NIF: 286297132 NISS: 16642516743 Categoria: Serralheiro de 1.ª
Cód. Remunerações Horas/Dias Preço unit. Valor (€)
001 Remuneração horária 168,00 7,00 1 176,00
050 Subsídio de alimentação 21,00 6,00 126,00
CO Mem TD.
Cód. Descontos Incidência Taxa Valor (€)
ss Segurança Social 1 176,00 11,0% 129,36
IRS IRS 1 176,00 7,0% 82,32
Total ilíquido Total de descontos Líquido a receber
1 302,00 € 211,68 € 1 090,32 €"""


def test_a_deductions_value_is_read_from_its_own_tables_value_column_not_a_heading_above() -> None:
    fields, warnings = read_scan(INCIDENCE_COLUMN)
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("129.36"), Decimal("82.32"))
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1302.00"), Decimal("1090.32"))
    assert "arithmetic_mismatch" not in warnings


def pay(**amounts: str) -> dict[str, Any]:
    return {name: Decimal(value) for name, value in amounts.items()}


def test_deductions_read_far_above_their_printed_total_or_above_the_gross_do_not_add_up() -> None:
    # Both read as the incidence base: the printed total holds with gross and net, the rows do not.
    wrong = pay(gross_pay="2270.68", net_pay="2023.42", social_security="1378.68", irs_withholding="1378.68")
    assert payslip_arithmetic_holds(wrong, total_deductions=Decimal("247.26")) is False
    assert deductions_beyond_the_pay(Decimal("1000.00"), Decimal("110.00"), Decimal("950.00"), total_deductions=None)


def test_other_deductions_in_the_total_and_an_irs_refund_netted_off_it_still_add_up() -> None:
    # A meal card's credit, an advance and a penhora only widen the total.
    card = pay(gross_pay="1310.00", net_pay="585.50", social_security="121.00", irs_withholding="93.50")
    assert payslip_arithmetic_holds(card, total_deductions=Decimal("724.50")) is True
    # A regularização of IRS given back, netted off the total: the rows read are above it, within reason.
    refund = pay(gross_pay="1500.00", net_pay="1280.00", social_security="165.00", irs_withholding="120.00")
    assert payslip_arithmetic_holds(refund, total_deductions=Decimal("220.00")) is True
    assert not deductions_beyond_the_pay(
        Decimal("1500.00"), Decimal("165.00"), Decimal("120.00"), total_deductions=Decimal("220.00")
    )


# One signed list, no gross printed, the net in a box at the side: a photo's tilt puts the box's figure on the social
# security's row, and OCR reads each minus as a dash.
SIGNED_LIST_PHOTO = """Carpintaria Monte Alto, Lda.
Rua das Tábuas, 5 — 3500-120 Viseu - Contribuinte 574297928
Recibo de vencimento n.º 081233 — Agosto 2026
Marta Isabel Couto Vieira - NIF 235616133 - NISS 17465672865
Movimentos do mês +/—
Vencimento base +1 050,00
Faltas por doença — baixa médica (10 dias, não remuneradas) —350,00 A PAGAR
Subsídio de alimentação +96,00
Segurança Social 11% —77,00 634,20 €
IRS —84,80
em 28/08/2026"""


def test_a_box_figure_beside_a_signed_row_is_not_the_rows_and_a_dash_stuck_to_a_figure_is_its_minus() -> None:
    fields, warnings = read_scan(SIGNED_LIST_PHOTO)
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("77.00"), Decimal("84.80"))
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("796.00"), Decimal("634.20"))
    assert "arithmetic_mismatch" not in warnings


# A phone app's export, each amount on the line under its caption; the net under "Recebes", and the social security's
# "−115,71 €" read "15,71 €" (the minus and the 1 run together).
APP_EXPORT_SCAN = """Recibo
Setembro 2026
Entidade
Forno Velho — Panificação, Lda.
NIF da entidade
533390834
Colaborador
Tiago André Lopes Fontes
NIF
295757337
Vencimento base
935,00 €
Trabalho noturno (25%)
116,88 €
Subsídio de alimentação
132,00 €
Bruto
1.183,88 €
Segurança Social
15,71 €
IRS
—12,62 €
Recebes
1.055,55 €
Pago a 30/09/2026"""


def test_an_apps_net_under_recebes_and_a_social_security_that_lost_its_first_digit() -> None:
    fields, warnings = read_scan(APP_EXPORT_SCAN)
    assert fields["net_pay"] == Decimal("1055.55")
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("115.71"), Decimal("12.62"))
    assert "derived:social_security" in warnings


# An e-mail's summary photographed: the net's figures with a separator read as a letter.
EMAIL_PHOTO = """Recibo de vencimento — Novembro 2026
Segue o resumo do teu recibo de vencimento de Novembro de 2026 (processado por Transportes Serra Alta, Lda
NIF 502354194). O recibo completo está disponível no portal.
Nome: Carla Sofia Nunes Teixeira
NIF: 141089644 NISS 17297920486
Retribuição base: 1.200,00 €
Trabalho noturno: 46,70 €
Total ilíquido: 1.246,70 €
Segurança Social: 137,14 €
IRS: 92,10 €
Total de descontos: 229,24 €
Valor líquido transferido: 1Z01746€ — -
Cumprimentos,"""


def test_a_nets_figures_with_a_separator_read_as_a_letter_after_a_captions_words_are_the_net() -> None:
    fields, warnings = read_scan(EMAIL_PHOTO)
    assert fields["net_pay"] == Decimal("1017.46")
    assert "derived:net_pay" in warnings


# A part-time student's slip from a phone app: the base's caption says part time, in brackets with figures of its own.
PART_TIME_CAPTION = """Recibo
Outubro 2026
Entidade
Cinemas do Oeste — Exibição, Lda.
NIF da entidade
528489771
Colaborador
Joana Beatriz Lemos Arruda
NIF
104505419
Vencimento base (tempo parcial 20 h — 50%)
470,00 €
Subsídio de alimentação
90,00 €
Bruto
560,00 €
Segurança Social
−51,70 €
IRS
−0,00 €
Recebes
508,30 €"""


def test_a_base_salarys_caption_with_a_bracketed_note_of_figures_captions_the_figure_under_it() -> None:
    _, fields, _ = read_text(PART_TIME_CAPTION, document_type="PROOF_OF_INCOME", today=None)
    assert fields["base_salary"] == Decimal("470.00")
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("560.00"), Decimal("508.30"))


# Pre-printed stationery, captions only in a legend: the first month's pro-rata base after its days' quantity, and an
# allowance the vocabulary named only as "Subsídio de ...".
PRO_RATA_FIRST_MONTH = """(A) Entidade (B) NIF entidade (C) Trabalhador (D) NIF (E) N.º Seg. Social (F) Mês/Ano
(G) Código (H) Descrição do abono/desconto (I) Quantidade (J) Abonos (K) Descontos
(L) Total de abonos (M) Total de descontos (N) Líquido a receber
Recibo de vencimento
FRIGORÍFICOS DO TEJO, LDA. 593921585
NUNO ANDRÉ PAIVA BRITO 218096640 24714028231
09/2026
001 VENCIMENTO BASE (20/30 DIAS — ADMISSÃO EM 11/09) 20 640,00
007 SUBSÍDIO DE RISCO (CÂMARAS) 40,00
015 SUBSÍDIO DE ALIMENTAÇÃO 14 84,00
SS SEGURANÇA SOCIAL 74,80-
IRS IRS 22,10-
764,00 96,90 667,10"""


def test_a_pro_rata_base_after_its_days_is_split_from_them_when_an_allowances_subsidy_makes_the_total() -> None:
    _, fields, warnings = read_text(PRO_RATA_FIRST_MONTH, document_type="PROOF_OF_INCOME", today=None)
    assert fields["base_salary"] == Decimal("640.00")
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("764.00"), Decimal("667.10"))
    assert "base_salary_implausible" not in warnings


# An hours grid photographed: the hourly rate "7,10" read "740", no amount; the hours and the month's amount remain.
HOURLY_RATE_LOST = """Cód. Remunerações Horas/Dias Preço unit. Valor (€)
001 Remuneração horária 160,00 740 1.136,00
040 Ajudas de custo — deslocação (isentas) 19,00 24,60 467,40
050 Subsídio de alimentação 19,00 6,00 114,00
Cód. Descontos Incidência Taxa Valor (€)
ss Segurança Social 1.136,00 11,0% 124,96
IRS IRS 1.136,00 6,5% 73,84
Total ilíquido Total de descontos Líquido a receber
1.717,40 € 198,80 € 1.518,60 €"""


def test_an_hourly_rows_amount_that_completes_the_printed_gross_is_read_though_its_rate_was_lost() -> None:
    lines = [Line(line, SCAN_CONFIDENCE) for line in HOURLY_RATE_LOST.splitlines()]
    parsed = parse_document(DocumentKind.RECIBO_VENCIMENTO, lines)
    # An hourly wage prints no base salary as such (docs/api.md; blind probe r61a).
    assert "base_salary" not in parsed.fields
    assert parsed.fields["gross_pay"] == Decimal("1717.40")
