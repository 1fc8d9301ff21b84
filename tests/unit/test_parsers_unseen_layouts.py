"""Layouts none of our generators make, written in blind probes (2026-12-02): each was misread before.

The texts are what the reader hands the parsers (a PDF's text layer or
Tesseract's lines), cut down to what shows the defect.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.parsers import parse_document
from documents.extraction.parsers.classify import classify
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, fields_validate
from documents.extraction.validation import fields_revalidate

TODAY = dt.date(2026, 12, 2)

PAYSLIP_BODY = """N.I.F. 508192030
RECIBO DE VENCIMENTO
Dezembro 2025
Nome: Teresa Cristina Lemos Barbosa
Contribuinte: 213509628
Remuneração Base 1.850,00
Total Ilíquido 1.850,00
Segurança Social 11% 203,50
IRS (retenção na fonte) 290,45
Total Descontos 493,95
Líquido a Receber 1.356,05"""

CLEANING_PAYSLIP = """Brilho Total Limpezas, Lda.
Contribuinte n.º 510128378
Recibo de Remunerações
Período de 01/03/2026 a 31/03/2026
Nome: Maria de Fátima Gonçalves Sá
Contribuinte 182736458
Cód. Descrição Qtd. Abonos Descontos
10 Remuneração Base {base}
40 Subsídio de Alimentação 22 114,40
D01 Contribuição Segurança Social 95,70
D02 Retenção IRS 0,00
Total 984,40 95,70
Total a Pagar 888,70"""

GREEN_RECEIPT = """FATURA-RECIBO Original
N.º FR ATSIRE01FR/14
Data de Emissão: 2026-03-05
{issuer_label}
Diogo Alexandre Moura Pires
NIF: 221098348
Adquirente
Quinta Digital - Soluções Web, Lda.
NIF: 514887168
Atividade: 1519 - Outros prestadores de serviços
Valor Base 2.000,00 €
IVA à taxa normal (23%) 460,00 €
Retenção na fonte de IRS 23% 460,00 €
Importância recebida 2.000,00 €"""


def read(text: str, document_type: str = "PROOF_OF_INCOME") -> tuple[DocumentKind, dict[str, Any], list[str]]:
    lines = [Line(line) for line in text.splitlines() if line.strip()]
    kind = classify(text)
    parsed = parse_document(kind, lines)
    fields = fields_validate(kind, parsed.fields)
    # As the local extractor calls it (documents/extraction/local.py).
    warnings = fields_revalidate(
        kind, fields, document_type=document_type, total_deductions=parsed.total_deductions, today=TODAY
    )
    return kind, fields, list(dict.fromkeys([*parsed.warnings, *warnings]))


def test_the_signature_footer_is_not_read_as_the_employer() -> None:
    """A signature footer ("A Entidade Patronal   O Trabalhador") is no employer: the company at the top is."""
    _, fields, _ = read("Padaria Flor do Minho, Lda.\n" + PAYSLIP_BODY + "\nA Entidade Patronal O Trabalhador")
    assert fields["employer_name"] == "Padaria Flor do Minho, Lda."


def test_a_company_name_with_a_dash_before_its_legal_form_is_kept_whole() -> None:
    company = "ALBUQUERQUE, REIS & ASSOCIADOS - SOCIEDADE DE ADVOGADOS, SP, RL"
    _, fields, _ = read(company + "\n" + PAYSLIP_BODY + "\nA Entidade Patronal O Trabalhador")
    assert fields["employer_name"] == company
    _, fields, _ = read(GREEN_RECEIPT.format(issuer_label="Prestador de Serviços"))
    assert fields["acquirer_name"].startswith("Quinta Digital - Soluções Web, Lda")


def test_a_quantity_column_glued_to_the_base_salary_is_read_by_the_total_or_dropped() -> None:
    """A quantity column glued to the amount ("30 870,00": 30 days, 870,00 €) could be 30.870,00 €: the
    earnings adding up to the printed total tell the quantity from the amount; with no total to tell, a
    base above the gross cannot be the base salary."""
    _, fields, warnings = read(CLEANING_PAYSLIP.format(base="30 870,00"))
    assert fields["base_salary"] == Decimal("870.00")
    assert "base_salary_implausible" not in warnings
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("984.40"), Decimal("888.70"))
    _, fields, warnings = read(CLEANING_PAYSLIP.format(base="30 870,00").replace("Total 984,40 95,70\n", ""))
    assert fields["base_salary"] is None
    assert "base_salary_implausible" in warnings
    _, fields, warnings = read(CLEANING_PAYSLIP.format(base="30,00 870,00"))
    assert fields["base_salary"] == Decimal("870.00")
    assert "base_salary_implausible" not in warnings


def test_a_printed_zero_withholding_is_zero_not_missing() -> None:
    _, fields, _ = read(CLEANING_PAYSLIP.format(base="30,00 870,00"))
    assert fields["irs_withholding"] == Decimal("0.00")


def test_an_employee_number_before_the_name_is_skipped() -> None:
    text = """TecnoLusa Software, S.A.
Recibo de Remunerações
Período: 2026-03-01 a 2026-03-31
Funcionário
T-1184 João Pedro Carvalho Nunes
Contribuinte
231908768
Vencimento Base 3.000,00
Seg. Social 11% 330,00
Retenção na Fonte IRS 600,00
TOTAIS 3.000,00 930,00
Líquido a Receber 2.070,00"""
    _, fields, _ = read(text)
    assert fields["employee_name"] == "João Pedro Carvalho Nunes"


def test_the_issuer_block_heading_is_not_the_issuer_and_the_activity_name_starts_no_block() -> None:
    for label in ("Transmitente / Prestador de Serviços", "Prestador de Serviços"):
        _, fields, _ = read(GREEN_RECEIPT.format(issuer_label=label))
        assert fields["issuer_name"] == "Diogo Alexandre Moura Pires", label
        assert (fields["issuer_nif"], fields["acquirer_nif"]) == ("221098348", "514887168")


def test_a_receipt_whose_title_ocr_broke_is_still_a_receipt_and_side_by_side_boxes_keep_their_nifs() -> None:
    """A scan of the portal's receipt: the title split ("FATU RA-RECIBO"), the two parties' boxes read
    across. The NIFs go to their own party; the joined names line is nobody's name."""
    text = """Portal das Finanças Autoridade Tributária e Aduaneira
FATU RA-RECIBO Original
N.º FR ATSIRE01FR/3 ATCUD: K8QW3TZ1-3
Data de Emissão: 18-03-2026
Transmitente / Prestador de Serviços Adquirente
Sílvia Regina Batista Couto Luís Filipe Arruda Moniz
NIF: 268120340 NIF: 174532989
Travessa do Açougue, 5, 8000-152 Faro Rua Dr. Manuel de Arriaga, 10, 9500-060 Ponta Delgada
Atividade: 1519 - Outros prestadores de serviços (tradução) País: PORTUGAL
Valor Base 850,00 €
IVA - Isento (art.º 53.º do CIVA) 0,00 €
Importância recebida 850,00 €"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.FATURA_RECIBO
    assert (fields["issuer_nif"], fields["acquirer_nif"]) == ("268120340", "174532989")
    assert fields.get("issuer_name") is None
    assert fields.get("acquirer_name") is None
    assert fields["amount_received"] == Decimal("850.00")


def test_a_payslip_is_not_taken_for_a_receipt_by_its_words() -> None:
    kind, _, _ = read("Padaria Flor do Minho, Lda.\n" + PAYSLIP_BODY)
    assert kind == DocumentKind.RECIBO_VENCIMENTO


def test_the_taxpayer_nif_printed_before_the_name_is_skipped() -> None:
    text = """DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS Ano dos rendimentos: 2025
Sujeito passivo A: 204817366 Sérgio Miguel Fonseca Brandão
Rendimento global 21.376,00
Rendimento coletável 21.376,00
Coleta líquida 2.717,24
Pagamentos por conta 0,00
Retenções na fonte 3.640,00
Valor a reembolsar 922,76"""
    _, fields, _ = read(text)
    assert fields["taxpayer_name"] == "Sérgio Miguel Fonseca Brandão"
    assert fields["taxpayer_nif"] == "204817366"


def test_a_declaration_in_the_active_voice_names_its_holder() -> None:
    text = """DECLARAÇÃO DE SITUAÇÃO CONTRIBUTIVA
O Instituto da Segurança Social, I.P. declara, para os devidos efeitos, que Catarina Isabel Leal Moreira,
com o número de identificação de segurança social 12093847561 e NIF 238741508,
tem a sua situação contributiva regularizada.
Data de emissão: 10-03-2026"""
    _, fields, _ = read(text)
    assert fields["holder_name"] == "Catarina Isabel Leal Moreira"


# --- Second round ---------------------------------------------------------------------------------

CONSTRUCTION_PAYSLIP = """Construções Alto Minho, S.A.
Lugar da Cruz, 118, 4990-620 Ponte de Lima · NIPC 503981273
RECIBO DE VENCIMENTO
Mês de processamento: 2026/04
Empregado: 0217 - Fernando José Barbosa Lima NIF: 192837460
Cód. Descrição Quant. Remunerações Descontos
100 Vencimento 30 d 1.150,00 EUR
210 Faltas injustificadas 2 d -106,15 EUR
300 Subsídio de alimentação 23 d 138,00 EUR
410 Subsídio de férias - duodécimo 1/12 95,83 EUR
420 Subsídio de Natal - duodécimo 1/12 95,83 EUR
901 Segurança Social 11,00% 135,91 EUR
902 {irs} 11,20% 138,38 EUR
Totais 1.373,51 EUR 274,29 EUR
Valor líquido a receber 1.099,22 EUR"""


def test_an_absence_printed_negative_lowers_the_gross_and_is_no_deduction() -> None:
    for irs in ("IRS", "I.R.S."):
        _, fields, warnings = read(CONSTRUCTION_PAYSLIP.format(irs=irs))
        assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1373.51"), Decimal("1099.22")), irs
        assert fields["irs_withholding"] == Decimal("138.38"), irs
        assert fields["social_security"] == Decimal("135.91"), irs
        assert not [code for code in warnings if code.startswith("derived:")], (irs, warnings)


def test_an_hourly_rate_is_not_the_base_salary() -> None:
    text = """Construções Alto Minho, S.A.
RECIBO DE VENCIMENTO Abril 2026
Empregado: Fernando José Barbosa Lima NIF: 192837460
Vencimento hora: 6,63 EUR Horário: 40 h/semana
Vencimento 1.150,00
Segurança Social 126,50
IRS 100,00
Total ilíquido 1.150,00
Líquido 923,50"""
    _, fields, _ = read(text)
    assert fields["base_salary"] == Decimal("1150.00")


def test_a_rate_column_under_a_header_row_leaves_the_other_columns_their_meaning() -> None:
    """A header row "Vencimento/Hora  Total Remunerações  Total Descontos  Líquido" over its values."""
    text = """Padaria Estrela Unipessoal Lda Recibo de Vencimento
N.º Contribuinte 509442013 Mês: Setembro 2025
Nome: Ana Sofia Santos NIF 159231566
Vencimento 2229,00 Seg. Social 295,30
Subs. Refeição 204,00 I.R.S. 359,72
Duodécimos Sub. Férias 185,75
Duodécimos Sub. Natal 185,75
Vencimento/Hora Total Remunerações Total Descontos Líquido a Receber
12,86 2804,50 655,02 2149,48"""
    _, fields, _ = read(text)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("2804.50"), Decimal("2149.48"))
    assert fields["base_salary"] == Decimal("2229.00")


def test_abbreviated_twelfths_are_twelfths_not_a_lump_subsidy() -> None:
    text = """Auto Reparadora do Lis, Lda.
Estrada de Leiria, 210 — Marinha Grande Contrib. 502837462
RECIBO — ABRIL/2026
Nome: Hélder Manuel Vieira Santos
Vencimento base 1.120,00 EUR
Trab. suplementar 88,20 EUR
Sub. refeição 132,00 EUR
Sub. Natal duod. 93,33 EUR
Total ilíquido 1.433,53 EUR
Segurança Social 143,17 EUR
IRS 117,14 EUR
Líquido a receber 1.173,22 EUR"""
    _, fields, _ = read(text)
    assert fields["subsidy_twelfths_amount"] == Decimal("93.33")
    assert fields.get("subsidy_amount") is None
    # "Trab. suplementar" is overtime cut to fit its column, one-off as "Trabalho suplementar" is: 88,20 less its
    # social security (9,70) and the month's IRS rate (117,14 / 1 301,53 taxable = 9,0%: 7,94) leaves the regular net.
    assert fields["regular_net_pay"] == Decimal("1102.66")


def test_a_public_body_is_the_employer_and_its_health_scheme_a_deduction() -> None:
    text = """MINISTÉRIO DO AMBIENTE E ENERGIA
Instituto da Conservação da Natureza e das Florestas, I.P.
Avenida da República, 16, 1050-191 Lisboa NIPC: 600012344
ABONOS E DESCONTOS — Março de 2026
Nome: Rogério Manuel Antunes Serrão
101 Remuneração base 2.134,73
102 Subsídio de refeição 132,66
103 Subsídio de férias (duodécimos) 177,89
104 Subsídio de Natal (duodécimos) 177,89
501 CGA - Quota (11%) 273,96
502 ADSE - Desconto (3,5%) 87,17
503 IRS - Retenção 468,22
Totais 2.623,17 829,35
Líquido 1.793,82"""
    _, fields, warnings = read(text)
    assert fields["employer_name"] == "Instituto da Conservação da Natureza e das Florestas, I.P."
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("273.96"), Decimal("468.22"))
    assert "arithmetic_mismatch" not in warnings


def test_the_second_taxpayer_is_never_taken_for_the_first() -> None:
    spouse_first = """NOTA DE LIQUIDAÇÃO IRS
Ano: 2025
Sujeito passivo B: 239485769 Sílvia Patrícia Gomes Faria
Sujeito passivo A: 218374658 Ricardo Jorge Monteiro Faria
Rendimentos brutos 48.540,00
Coleta líquida 5.307,66
Retenções na fonte 6.592,03"""
    _, fields, _ = read(spouse_first)
    assert (fields["taxpayer_name"], fields["taxpayer_nif"]) == ("Ricardo Jorge Monteiro Faria", "218374658")
    one_line = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS — Ano 2025
NIF B: 203948564 NIF A: 192837451
Sujeito passivo A: Paulo Sérgio Antunes Lobo Sujeito passivo B: Cláudia Maria Reis Lobo
Rendimento bruto 33.870,00
Rendimento coletável 28.120,00
Coleta líquida 3.915,42
Retenções na fonte 3.120,00
Pagamentos por conta 0,00
Valor a pagar 795,42"""
    _, fields, _ = read(one_line)
    assert (fields["taxpayer_name"], fields["taxpayer_nif"]) == ("Paulo Sérgio Antunes Lobo", "192837451")
    assert fields["year"] == 2025  # "— Ano 2025", with no colon


def test_the_global_income_is_no_gross_income_when_the_gross_is_printed() -> None:
    text = """NOTA DE LIQUIDAÇÃO IRS
Ano: 2025
Sujeito passivo A: 218374658 Ricardo Jorge Monteiro Faria
Rendimento global 40.332,00
Rendimentos brutos categoria A 48.540,00
Deduções específicas 8.208,00
Rendimento coletável 40.332,00
Coleta líquida 5.307,66
Retenções na fonte 6.592,03"""
    _, fields, _ = read(text)
    assert fields["gross_income"] == Decimal("48540.00")


def test_annex_a_titled_work_and_pensions_is_not_pension_income() -> None:
    text = """DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3
Ano dos rendimentos: 2025
Sujeito passivo A 201 938 472 Luís Filipe Teixeira Nogueira
Anexo A - Rendimentos do trabalho dependente e pensões - total 48.540,00"""
    _, fields, _ = read(text)
    assert fields.get("pension_income") is None
    assert fields["gross_income"] == Decimal("48540.00")


def test_the_date_of_issue_on_a_residence_permit_is_no_date_of_birth() -> None:
    text = """Local de emissão / Place of issue
AIMA - LISBOA
Data de emissão / Date of issue
17 06 2026
N.º de Identificação Fiscal
298712342
IRPRTB174209532<<<<<<<<<<<<<<<
8803056M2806169IND<<<<<<<<<<<8
SINGH<<HARPREET<<<<<<<<<<<<<<<"""
    kind, fields, warnings = read(text, document_type="ID_DOCUMENT")
    assert kind == DocumentKind.TITULO_RESIDENCIA
    assert fields["date_of_birth"] == dt.date(1988, 3, 5)
    assert not [code for code in warnings if code.startswith("mrz_viz_mismatch")], warnings


def test_a_pension_type_after_its_label_is_read() -> None:
    text = """Segurança Social
Centro Nacional de Pensões
Declaração de valores de pensão
Pensionista: Maria da Conceição Brito Lopes NIF 117392847
Tipo de pensão Sobrevivência
Valor mensal da pensão 568,11 €
Valor líquido mensal 568,11 €"""
    _, fields, _ = read(text)
    assert fields["pension_type"] == "sobrevivencia"


# --- Fourth round: payroll software families ------------------------------------------------------


def test_a_year_to_date_column_beside_the_month_is_not_the_month() -> None:
    """ "Earnings  Current  YTD" over rows of two amounts: the month is the first, the year to date the last."""
    text = """Recibo de Vencimento
Período: 01.05.2026 - 31.05.2026
Empresa Exemplo, S.A. NIPC: 515382744
Colaborador: Tiago Alexandre Moreira Nunes
NIF: 254093183
Earnings / Abonos Current / Atual YTD / Acumulado
1000 Base Salary / Vencimento Base 2.850,00 14.250,00
2040 Meal Card / Cartão Refeição 150,00 750,00
Gross Pay / Total Ilíquido 3.000,00 15.000,00
Deductions / Descontos
/311 Social Security / Segurança Social 11% 313,50 1.567,50
/401 Income Tax / Retenção IRS 18,7% 532,95 2.664,75
Total Deductions / Total Descontos 846,45 4.232,25
Net Pay / Líquido EUR 2.153,55"""
    _, fields, warnings = read(text)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("3000.00"), Decimal("2153.55"))
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("313.50"), Decimal("532.95"))
    assert fields["base_salary"] == Decimal("2850.00")
    assert "arithmetic_mismatch" not in warnings


def test_the_employee_is_the_value_of_any_label_on_the_line_never_the_next_label_or_the_address() -> None:
    _, fields, _ = read("""Recibo de Vencimento Maio 2026
Empresa Exemplo, S.A. NIPC: 515382744
Personnel No. / N.º Colaborador: 00081234 Employee / Colaborador: Tiago Alexandre Moreira Nunes
Tax ID / NIF: 254093183
Vencimento Base 1.000,00
Segurança Social 110,00
IRS 90,00
Total Ilíquido 1.000,00
Total Descontos 200,00
Líquido 800,00""")
    assert fields["employee_name"] == "Tiago Alexandre Moreira Nunes"
    _, fields, _ = read("""Recibo de Vencimento - Original
Nome / Empresa Quintas & Filhos - Construção Civil, Lda.
NIPC 509174655 NISS 20009876543
Sede Rua de Santa Catarina, 501 - 4000-451 Porto
Nº Func. Nome Nº Contribuinte Nº Seg. Social
0058 Fernando Jorge Amaral Quintela 187543267 11345678902
Período: Dezembro/2026
Vencimento 1.000,00 Segurança Social 110,00
Total Abonos 1.000,00 IRS 90,00
Total Descontos 200,00
Líquido 800,00""")
    assert fields["employee_name"] == "Fernando Jorge Amaral Quintela"  # from the row under the headings


CALL_CENTRE_PAYSLIP = """Recibo de Vencimento
Empresa: Call Center Ibérico, S.A. NIF 512746389
{dates}
Colaborador: Mariana Isabel Correia Fontes NIF 246581034
Vencimento base 870,00
Segurança Social 95,70
IRS 0,00
Total ilíquido 870,00
Líquido 774,30"""


def test_the_period_is_the_month_paid_not_the_run_date_nor_an_earlier_date_on_the_line() -> None:
    _, fields, _ = read(
        CALL_CENTRE_PAYSLIP.format(dates="Data de processamento: 05/11/2026\nMês de referência: Outubro 2026")
    )
    assert fields["period"] == "2026-10"
    _, fields, _ = read(
        CALL_CENTRE_PAYSLIP.format(dates="Admissão: 15/09/2025 Horas/mês: 173,33\nPeríodo: 01/10/2026 a 31/10/2026")
    )
    assert fields["period"] == "2026-10"


def test_a_private_employers_personal_nif_is_the_employers() -> None:
    """A household employing a domestic worker: the employer's NIF is a person's, labelled as the employer's."""
    _, fields, _ = read("""RECIBO DE REMUNERAÇÕES - Serviço Doméstico
Entidade empregadora: Maria Helena Cardoso Matos
NIF da entidade empregadora: 208561374
Trabalhadora: Rosa Maria Tavares Pinheiro
NIF da trabalhadora: 176345299
Mês a que respeita: Fevereiro de 2026
Horas de trabalho prestadas 86 h x 5,80 € 498,80 €
Total ilíquido 498,80 €
Contribuição para a Segurança Social (9,4%) 46,89 €
Retenção na fonte de IRS 0,00 €
Valor líquido recebido 451,91 €""")
    assert (fields["employer_nif"], fields["employee_nif"]) == ("208561374", "176345299")
