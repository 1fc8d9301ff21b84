"""Payslips of blind probe r33a: a meal card's allowance printed under the totals and said to be outside the net (a
minimum wage's base then read as implausible and its arithmetic as broken), and a contract's last payslip, whose
compensation for the end of the contract and unused holidays were counted as the month's pay (twice the salary)
with nothing saying the job had ended. The texts are the probe's layouts with figures of their own."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from documents.extraction.local import without_pages_of_prose
from documents.extraction.parsers.payslip import first_of_two_copies, role_of, without_logo_letters
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text
from tests.unit.test_rules import THREE_MONTHS, id_document, payslip, screen

HEADER = """Mercearia Fonseca & Filhos, Lda.
NIF 503504564
RECIBO DE VENCIMENTO
Período: 09/2026
Nome: Rui Manuel Antunes
NIF: 245718931
Cód. Descrição Qtd. Abonos Descontos"""

MEAL_CARD = (
    HEADER
    + """
R001 Vencimento base 30 925,00
D001 Segurança Social (11%) 11% 101,75
Totais 925,00 101,75
Líquido a receber 823,25 €
Remuneração ilíquida: 925,00 € Base de incidência SS: 925,00 €
Subsídio de alimentação (cartão) 22 x 7,63 = 167,86 € — creditado no cartão, não incluído no líquido"""
)

TERMINATION = (
    HEADER
    + """
R001 Remuneração base 30 2 150,00
R060 Compensação por cessação do contrato 3 010,00
R061 Férias não gozadas 781,82
D001 Segurança Social (11%) 11% 322,50
D002 Retenção na fonte IRS 19,00% 557,05
Totais 5 941,82 879,55
Líquido a receber 5 062,27 €
Remuneração ilíquida: 5 941,82 € Base de incidência SS: 2 931,82 €"""
)


def read(text: str) -> tuple[dict[str, Any], list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=None)
    return fields, warnings


def test_an_allowance_the_slip_says_is_outside_its_net_is_no_earning() -> None:
    fields, warnings = read(MEAL_CARD)
    assert (fields["base_salary"], fields["gross_pay"], fields["net_pay"]) == (
        Decimal("925.00"),
        Decimal("925.00"),
        Decimal("823.25"),
    )
    assert "arithmetic_mismatch" not in warnings and "base_salary_implausible" not in warnings


def test_the_same_allowance_inside_the_net_is_still_an_earning() -> None:
    inside = MEAL_CARD.replace(" — creditado no cartão, não incluído no líquido", "")
    _, warnings = read(inside)
    # Printed under the totals as an earning of the month, it is one the totals leave out: the slip no longer adds up.
    assert "arithmetic_mismatch" in warnings or "base_salary_implausible" in warnings


def test_a_contract_s_last_payslip_counts_its_regular_net_and_says_the_contract_ended() -> None:
    fields, warnings = read(TERMINATION)
    assert fields["gross_pay"] == Decimal("5941.82") and fields["net_pay"] == Decimal("5062.27")
    # The unused holidays less their 11% and the month's IRS rate (557,05 / 2 931,82 = 19%), and the compensation,
    # exempt, whole: 5 062,27 - (781,82 - 86,00 - 148,55) - 3 010,00.
    assert fields["regular_net_pay"] == Decimal("1505.00")
    assert fields.get("subsidy_amount") is None
    assert "termination_pay" in warnings
    assert "arithmetic_mismatch" not in warnings


def test_the_end_of_a_contract_s_rows_are_named_as_such() -> None:
    assert role_of("Compensação por cessação do contrato") == "severance"
    assert role_of("Indemnização por despedimento") == "severance"
    assert role_of("Férias não gozadas") == "unused_holidays"
    assert role_of("Férias vencidas e não gozadas") == "unused_holidays"
    assert role_of("Subsídio de férias") == "subsidy"


def test_an_ordinary_payslip_says_nothing_of_a_contract_s_end() -> None:
    _, warnings = read(MEAL_CARD)
    assert "termination_pay" not in warnings


def test_the_report_states_a_contract_s_last_payslip_and_is_at_least_medium() -> None:
    months = [payslip(period) for period in THREE_MONTHS]
    # The newest month the contract's last: a payslip of a later month would show work after it (test_contract_end_r80c).
    months[0]["warnings"] = ["termination_pay", "derived:regular_net_pay"]
    result = screen([id_document(), *months])
    [ended] = [c for c in result["income"]["checks"] if c["name"] == "income.payslip_contract_ongoing"]
    assert not ended["passed"] and ended["document_id"] == months[0]["document_id"]
    assert "último recibo de um contrato que terminou" in ended["evidence"]
    assert result["affordability"]["risk_level"] in ("MEDIUM", "HIGH")
    assert "payslip_contract_ended" in result["affordability"]["reasons"]
    assert "o último de um contrato que terminou" in result["report"]["justification"]
    plain = screen([id_document(), *(payslip(period) for period in THREE_MONTHS)])
    assert plain["affordability"]["risk_level"] == "LOW"
    assert not [c for c in plain["income"]["checks"] if c["name"] == "income.payslip_contract_ongoing"]


SPECKED_NAMES = (
    HEADER.replace("Nome: Rui Manuel Antunes", "EMPREGADO: RÚBEN FILIPA ABREU ANTUNES [mi]")
    + """
R001 Vencimento base 30 925,00
D001 Segurança Social (11%) 11% 101,75
Líquido a receber 823,25 €"""
)


def test_a_name_ends_at_a_mark_no_name_holds() -> None:
    fields, _ = read(SPECKED_NAMES)
    assert fields["employee_name"] == "Rúben Filipa Abreu Antunes"
    semicolon = SPECKED_NAMES.replace("ANTUNES [mi]", "ANTUNES E; o “im")
    assert read(semicolon)[0]["employee_name"] == "Rúben Filipa Abreu Antunes"


SIMULATION = """Escola de Condução Lusitânia, Lda.
NIF 503504564
SIMULAÇÃO DE VENCIMENTO
Proposta de admissão — valores meramente indicativos, sem valor de recibo
Candidato(a): Rui Manuel Antunes
Remuneração base 1.250,00
Remuneração ilíquida estimada 1.250,00
Segurança Social (11%) 137,50
Líquido estimado 1.112,50 €"""


def test_a_salary_simulation_is_no_payslip() -> None:
    kind, _, _ = read_text(SIMULATION, document_type="PROOF_OF_INCOME", today=None)
    assert kind == DocumentKind.UNKNOWN
    # The same figures under a payslip's title are one.
    paid = SIMULATION.replace("SIMULAÇÃO DE VENCIMENTO", "RECIBO DE VENCIMENTO").replace(" estimad", "")
    paid = paid.replace(
        "Proposta de admissão — valores meramente indicativos, sem valor de recibo\n", "Período: 10/2026\n"
    )
    assert read_text(paid, document_type="PROOF_OF_INCOME", today=None)[0] == DocumentKind.RECIBO_VENCIMENTO


def test_a_subsidy_caption_whose_words_ocr_joined_is_still_a_subsidy() -> None:
    """A scan's "Subsídiodeférias": the lump was counted as pay, the regular net the whole double month's."""
    assert role_of("RO30 Subsídiodeférias") == "subsidy"
    assert role_of("Subs.deNatal") == "subsidy"


def test_a_last_payslip_with_no_rate_to_read_counts_at_the_least_its_month_could_be() -> None:
    """No social security nor IRS row read (a scan's lower rows lost): the month's whole net would count the end of
    the contract as pay; the net less the one-off rows whole is what is left."""
    no_rates = "\n".join(line for line in TERMINATION.splitlines() if not line.startswith(("D00", "Totais")))
    fields, warnings = read(no_rates)
    assert "termination_pay" in warnings
    assert fields["regular_net_pay"] == Decimal("5062.27") - Decimal("3010.00") - Decimal("781.82")


COPY = """{mark}
Casa Nórdica Mobiliário Portugal, Lda. Recibo de Vencimentos
Parque Empresarial da Quinta da Fonte, 259 - 3022-129 Évora
Nº Contribuinte: 503504564
Referente a: {month} de 2026
Data de pagamento: 25-{number}-2026
N.º: 19584 Colaborador: Márcia Rafael Quintas Magalhães
Contribuinte: 245718931
101 Remuneração base 1.250,00
105 Subsídio de Natal 1.250,00
501 TSU Trabalhador 11,00% 275,00
502 Retenção IRS 11,5% 287,50
Total Remunerações
2.500,00
Total Descontos
562,50
Vencimento Líquido
1.937,50"""


def test_two_copies_of_one_payslip_on_a_page_are_read_as_one() -> None:
    """Blind probe r34b: "Original — Trabalhador" over "Duplicado — Empresa" on one A4, read whole, doubled the lump
    subsidy, and the copy mark's "Trabalhador" took the letterhead's street for the employee's name."""
    page = "\n".join(
        COPY.format(mark=mark, month="Novembro", number="11")
        for mark in ("Original — Trabalhador", "Duplicado — Empresa")
    )
    fields, _ = read(page)
    assert fields["employee_name"] == "Márcia Rafael Quintas Magalhães"
    assert (fields["gross_pay"], fields["net_pay"], fields["subsidy_amount"]) == (
        Decimal("2500.00"),
        Decimal("1937.50"),
        Decimal("1250.00"),
    )


def test_two_months_stacked_on_a_page_are_not_taken_for_two_copies() -> None:
    lines = [
        Line(text)
        for month, number in (("Outubro", "10"), ("Novembro", "11"))
        for text in COPY.format(mark="Original", month=month, number=number).splitlines()
    ]
    assert first_of_two_copies(lines) == lines
    assert first_of_two_copies(lines[: len(lines) // 2] * 2) == lines[: len(lines) // 2]


def line_read(words: list[tuple[str, float]]) -> Line:
    return Line(" ".join(word for word, _ in words), min(c for _, c in words), word_confidences=words)


def test_capitals_ocr_read_unsure_in_a_logo_before_the_employer_are_no_part_of_its_name() -> None:
    """Blind probe r34b: a logo's square read "E" or "NE" before "Hotel Falésia Dourada - Turismo, S.A."."""
    logo = line_read([("NE", 0.15), ("Casa", 0.93), ("Nórdica,", 0.93), ("Lda.", 0.95)])
    assert without_logo_letters("NE Casa Nórdica, Lda.", [logo]) == "Casa Nórdica, Lda."
    # Capitals read as surely as the name are the name's own ("EB 2,3 ...", "A Padaria ...").
    sure = line_read([("A", 0.95), ("Padaria", 0.96), ("Lusa,", 0.96), ("Lda.", 0.96)])
    assert without_logo_letters("A Padaria Lusa, Lda.", [sure]) == "A Padaria Lusa, Lda."


def test_a_bank_s_covering_letter_and_a_terms_page_are_left_out_of_a_proof_of_income() -> None:
    """Blind probe r34a: read whole, a bank's letter before the payslip gave the bank as the employer."""
    letter = ["Caixa Geral de Depósitos, S.A.", "Assunto: envio de documentação",
              "Conforme solicitado, remetemos em anexo cópia do recibo de vencimento do nosso cliente."]  # fmt: skip
    payslip = MEAL_CARD.splitlines()
    terms = ["Termos e condições de utilização", "1. Os dados pessoais são tratados nos termos do RGPD."]
    pages = [letter, payslip, terms]
    read = ReadDocument(
        lines=[Line(text) for page in pages for text in page],
        pages=3,
        method="text",
        page_starts=(0, len(letter), len(letter) + len(payslip)),
    )
    kept = without_pages_of_prose(read)
    assert [line.text for line in kept.lines] == payslip and kept.page_starts == (0,)
    # A file of prose alone is read whole, as before (and refused by what it is).
    prose = ReadDocument(lines=[Line(t) for t in letter + terms], pages=2, method="text", page_starts=(0, 3))
    assert without_pages_of_prose(prose) is prose


YEAR_READ_AS_MONTH = (
    HEADER
    + """
A01 Vencimento base 30 1.245,11
A02 Trabalho suplementar 25% 44,90
D01 Seg. Social 11,00% 1.337,76
D02 IRS 11,5% 1.398,51
líquido 13.249,08"""
)


def test_a_gross_many_times_the_base_is_a_year_s_figures_read_as_the_month_s() -> None:
    """Blind probe r34b: a photo's "Acumulados do ano: Ilíquido 16.149,38 IRS ... Seg. Social ..." read "líquido ...",
    and a month counted at ten times the salary, with nothing said."""
    fields, warnings = read(YEAR_READ_AS_MONTH)
    assert fields["net_pay"] == Decimal("13249.08")
    assert "arithmetic_mismatch" in warnings


def test_a_month_mostly_of_commission_is_no_year_s_figures() -> None:
    commission = (
        HEADER
        + """
A01 Vencimento base 870,00
A05 Comissões de vendas 3.130,00
Total ilíquido 4.000,00
D01 Segurança Social 11% 440,00
D02 IRS 520,00
Líquido a receber 3.040,00"""
    )
    fields, warnings = read(commission)
    assert fields["gross_pay"] == Decimal("4000.00") and "arithmetic_mismatch" not in warnings
