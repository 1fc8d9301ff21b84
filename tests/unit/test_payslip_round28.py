"""Payslips the blind probe of round 28 misread: an insurance policy's dotted number ("0061.22.108734") taken for a
deduction, so an honest slip was flagged as not adding up; "I.R.S." read "LR.S." by OCR and left unread; a caption
alone at the top of its box ("Nome") joined by OCR to the letterhead on the right, the name below it joined to the
letterhead's address; a university's title ("Nota de abonos e descontos") kept in its name; and a name taken from
a line OCR barely made out. The texts are shaped as the reader hands them over, with names and numbers of their
own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.parsers import payslip
from documents.extraction.parsers.payslip import amounts_in, role_of
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 4)


def read(text: str) -> tuple[dict, list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    return fields, warnings


def read_scan(lines: list[tuple[str, float]]) -> tuple[dict, list[str]]:
    """Lines as OCR hands them over, each with its confidence."""
    from documents.extraction.parsers import classify, parse_document
    from documents.extraction.reader import Line
    from documents.extraction.schema import fields_validate
    from documents.extraction.validation import parsed_revalidate

    text = "\n".join(line for line, _ in lines)
    kind = classify(text)
    parsed = parse_document(kind, [Line(line, confidence) for line, confidence in lines])
    fields = fields_validate(kind, parsed.fields)
    checked = parsed_revalidate(kind, fields, parsed, document_type="PROOF_OF_INCOME", today=TODAY)
    return fields, [*parsed.warnings, *checked]


def small_employer(net: str = "924,48", irs_caption: str = "I.R.S.") -> str:
    # 980,00 + 55,20 + 35,00 = 1.070,20; 117,72 + 28,00 = 145,72; 1.070,20 - 145,72 = 924,48.
    return f"""Churrasqueira Ponte Velha, Lda.
Rua do Comércio, 12
4700-321 Braga
Contribuinte: 594904102
RECIBO DE ORDENADO
Outubro 2026
Empregado: Ionela Maria Popescu NIF: 257746374
Profissão: Empregada de mesa N.º SS: 11987654321
Admissão: 14-03-2023 Seguro AT: Tranquilidade 0047.31.205518
Vencimentos Valor
Vencimento base 980,00
Trabalho noturno 55,20
Subsídio de transporte 35,00
Soma 1.070,20
Descontos
Seg. Social 11% 117,72
{irs_caption} 28,00
Soma 145,72
Liquido a pagar {net}"""


def test_a_policys_dotted_number_is_no_deduction_and_the_slip_adds_up() -> None:
    fields, warnings = read(small_employer())
    assert "arithmetic_mismatch" not in warnings
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("117.72"), Decimal("28.00"))
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1070.20"), Decimal("924.48"))


def test_figures_after_an_amounts_cents_make_a_reference_not_an_amount() -> None:
    assert amounts_in("Seguro AT: Tranquilidade 0047.31.205518") == []
    assert amounts_in("Apólice 12,50,778") == []


def test_guard_an_amount_ending_its_row_or_its_sentence_is_still_read() -> None:
    """Guard (passes before and after the fix): a full stop after the cents, or a rate after the amount."""
    assert [value for _, _, value in amounts_in("Seguro 12,50.")] == [Decimal("12.50")]
    assert [value for _, _, value in amounts_in("Seg. Social 11% 117,72 1.070,20")] == [
        Decimal("117.72"),
        Decimal("1070.20"),
    ]


def test_guard_a_slip_that_does_not_add_up_is_still_flagged() -> None:
    """Guard (passes before and after the fix): the net raised by hand, the rows as printed."""
    _, warnings = read(small_employer(net="954,48"))
    assert "arithmetic_mismatch" in warnings


def test_ocr_reading_the_dotted_irs_caption_as_lrs_still_names_the_withholding() -> None:
    assert role_of("LR.S.") == "irs_withholding"
    lines = [(line, 0.95) for line in small_employer(irs_caption="LR.S.").splitlines()]
    fields, warnings = read_scan(lines)
    assert fields["irs_withholding"] == Decimal("28.00")
    assert "arithmetic_mismatch" not in warnings


def test_guard_words_starting_with_lr_are_no_irs_caption() -> None:
    """Guard (passes before and after the fix): only the dotted caption's shape is taken."""
    assert role_of("Lrs fixos") != "irs_withholding"
    assert role_of("Seguro") == "other_deduction"


BOX_AND_LETTERHEAD = """Nome Limpa-Tudo Serviços de Higiene, Lda.
Joana Patrícia Ventura Lobo Rua do Bonfim, 88, 4300-069 Porto
NIPC 514682086 · Alvará 2231
NIF NISS
257746374 12345678901 Recibo n.º 11/0142
RECIBO DE REMUNERAÇÕES - Mês de referência: 11.2026
Horas normais 160,00 5,20 832,00
Desconto TSU (11%) 91,52
Ret. IRS 0,00
Totais 832,00 91,52
Líquido 740,48"""


def scan(text: str) -> list[tuple[str, float]]:
    return [(line, 0.95) for line in text.splitlines()]


def test_a_caption_alone_in_its_box_joined_to_the_letterhead_is_no_part_of_either_name() -> None:
    fields, _ = read_scan(scan(BOX_AND_LETTERHEAD))
    assert fields["employee_name"] == "Joana Patrícia Ventura Lobo"
    assert fields["employer_name"] == "Limpa-Tudo Serviços de Higiene, Lda."
    assert fields["employer_nif"] == "514682086"


def test_guard_a_name_under_its_caption_with_no_address_is_kept_whole() -> None:
    """Guard (passes before and after the fix): a name under its caption, the letterhead on lines of its own."""
    text = BOX_AND_LETTERHEAD.replace(
        "Nome Limpa-Tudo Serviços de Higiene, Lda.\nJoana Patrícia Ventura Lobo Rua do Bonfim, 88, 4300-069 Porto",
        "Limpa-Tudo Serviços de Higiene, Lda.\nRua do Bonfim, 88, 4300-069 Porto\nNome\nJoana Patrícia Ventura Lobo",
    )
    fields, _ = read_scan(scan(text))
    assert fields["employee_name"] == "Joana Patrícia Ventura Lobo"
    assert fields["employer_name"] == "Limpa-Tudo Serviços de Higiene, Lda."


def university(letterhead: str) -> str:
    return f"""{letterhead}
Serviços de Recursos Humanos - Divisão de Vencimentos Mês: Outubro de 2026
Pessoa coletiva de direito público n.º 600074870
Nome NIF
Teresa Margarida Lopes Brito 257746374
Remuneração base 2.400,00
Total de abonos 2.400,00
CGA - Quota 11% 264,00
IRS 480,00
Total de descontos 744,00
Líquido a receber 1.656,00"""


@pytest.mark.parametrize(
    "letterhead",
    [
        "Universidade do Alto Minho Nota de Abonos e Descontos",
        "UNIVERSIDADE DO ALTO MINHO NOTA DE ABONOS E DESCONTOS",
        "UNIVERSIDADE DO ALTO MINHO NoTA DE ABONOS E DESCONTOS",
    ],
)
def test_a_public_payslips_title_joined_to_the_letterhead_is_no_part_of_the_bodys_name(letterhead: str) -> None:
    fields, _ = read_scan(scan(university(letterhead)))
    assert fields["employer_name"] == "Universidade do Alto Minho"


def test_guard_a_public_body_alone_on_its_line_keeps_its_name() -> None:
    """Guard (passes before and after the fix)."""
    fields, _ = read_scan(scan(university("Universidade do Alto Minho")))
    assert fields["employer_name"] == "Universidade do Alto Minho"


def nif_under_its_caption(name_line: tuple[str, float]) -> list[tuple[str, float]]:
    return [
        ("Limpa-Tudo Serviços de Higiene, Lda.", 0.9),
        ("NIPC 514682086", 0.9),
        name_line,
        ("NIF", 0.9),
        ("257746374", 0.9),
        ("Recibo de vencimento - novembro 2026", 0.9),
        ("Vencimento base 832,00", 0.9),
        ("Segurança Social 91,52", 0.9),
        ("IRS 0,00", 0.9),
        ("Líquido 740,48", 0.9),
    ]


def test_a_line_ocr_barely_made_out_gives_no_name() -> None:
    fields, _ = read_scan(nif_under_its_caption(("NPC SO9NNS64O Anaeé APS", 0.39)))
    assert fields.get("employee_name") is None


def test_guard_a_legible_name_over_its_nif_is_read() -> None:
    """Guard (passes before and after the fix)."""
    fields, _ = read_scan(nif_under_its_caption(("Joana Patrícia Ventura Lobo", 0.9)))
    assert fields["employee_name"] == "Joana Patrícia Ventura Lobo"


def test_a_net_raised_by_hand_under_a_night_work_row_is_an_arithmetic_mismatch() -> None:
    """Night work is an earning: the earnings' "Soma" is then the gross, and a net it does not leave does not add
    up (not a gross worked back from the net)."""
    text = small_employer(net="954,48").replace(" Seguro AT: Tranquilidade 0047.31.205518", "")
    fields, warnings = read(text)
    assert "arithmetic_mismatch" in warnings
    assert fields["gross_pay"] == Decimal("1070.20")


@pytest.mark.parametrize("label", ["Trabalho noturno", "Complemento nocturno", "Acréscimo de noturno"])
def test_night_works_pay_is_an_earning(label: str) -> None:
    assert role_of(label) == "earning"


def test_guard_night_hours_counted_are_no_earning() -> None:
    """Guard (passes before and after the fix): a count of night hours names no earning."""
    assert role_of("Horas noturnas") is None


def test_guard_a_surname_that_is_a_streets_word_is_no_address() -> None:
    """Guard of the new helper: "Estrada" before a NIF on the name's line is a surname; only a
    street's word with a door's number after a comma, or a postcode, starts an address."""
    assert payslip.before_street("Paulo Estrada Lima 215763920") == "Paulo Estrada Lima 215763920"
    assert payslip.before_street("Rui Alameda Pinto 12345678901 Recibo n.º 11/0142") == (
        "Rui Alameda Pinto 12345678901 Recibo n.º 11/0142"
    )
