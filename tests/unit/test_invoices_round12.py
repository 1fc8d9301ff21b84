"""Faturas-recibo the blind probe of round 12 misread: a form whose boxes print the caption under each value
("1.536,00" over "Valor base"), read one box off; the acquirer after a salutation with plural marks
("Exmo(s). Sr(s). <name>"); a phone number on the issuer's NIF line taken for a NIF with a bad check digit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def boxes_captions_below(base: str, vat: str, vat_caption: str, withholding: str, received: str) -> str:
    """A form of boxes one under another, each value over its caption, as the reader hands it over."""
    return f"""FATURA-RECIBO
Rodrigo Manuel Faria Quintas
Nome do prestador de serviços
274852608
NIF do prestador
FR ATSIRE01FR/41
Número do documento
Associação Cultural Vale do Sorraia
Nome / denominação do adquirente
567162850
NIF do adquirente
15/09/2026
Data de emissão
Aulas de guitarra — agosto 2026 (20 h x 40,00 €)
Descrição dos serviços
{base}
Valor base
{vat}
{vat_caption}
{withholding}
Retenção IRS 25%
{received}
Valor recebido"""


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (("800,00", "0,00", "IVA (isento art. 53.º)", "200,00", "600,00"), (800.0, 0.0, 200.0, 600.0)),
        (("800,00", "184,00", "IVA 23%", "200,00", "784,00"), (800.0, 184.0, 200.0, 784.0)),
    ],
)
def test_boxes_with_the_caption_under_each_value_keep_their_amounts(
    printed: tuple[str, str, str, str, str], expected: tuple[float, float, float, float]
) -> None:
    """Round 12: each amount took the caption under it as the next box's (base 0, VAT = the withholding,
    withholding = the amount received), silently."""
    kind, fields, warnings = read(boxes_captions_below(*printed))
    assert kind == DocumentKind.FATURA_RECIBO
    got = tuple(float(fields[name]) for name in ("base_amount", "vat_amount", "irs_withholding", "amount_received"))
    assert got == expected
    assert not [warning for warning in warnings if warning.startswith("missing:")]


def test_the_parties_and_the_date_over_their_captions_are_read() -> None:
    """Round 12: in the same form the names and the issue date sat over their captions and were lost."""
    _, fields, _ = read(boxes_captions_below("800,00", "0,00", "IVA (isento art. 53.º)", "200,00", "600,00"))
    assert fields["issuer_name"] == "Rodrigo Manuel Faria Quintas"
    assert fields["issuer_nif"] == "274852608"
    assert fields["acquirer_name"] == "Associação Cultural Vale do Sorraia"
    assert fields["acquirer_nif"] == "567162850"
    assert fields["issue_date"] == dt.date(2026, 9, 15)


def test_a_row_of_figures_over_its_row_of_captions() -> None:
    """Round 12: a row of four figures over the row of their four captions gave no base and no receipt."""
    text = """FATURA-RECIBO
Prestador: Rodrigo Manuel Faria Quintas   NIF 274852608
Adquirente: Associação Cultural Vale do Sorraia   NIF 567162850
FR ATSIRE01FR/41   Data de emissão: 15/09/2026
800,00          0,00          200,00          600,00
Valor base        IVA (isento art. 53.º)        Retenção IRS 25%        Valor recebido"""
    _, fields, _ = read(text)
    assert (fields["base_amount"], fields["vat_amount"]) == (800.0, 0.0)
    assert (fields["irs_withholding"], fields["amount_received"]) == (200.0, 600.0)


def test_boxes_with_the_caption_over_each_value_still_read_down() -> None:
    """The guard: captions over their values, one box under another, keep reading each caption's value below it
    (passes before the fix too)."""
    text = """FATURA-RECIBO FR ATSIRE01FR/42
Prestador: Rodrigo Manuel Faria Quintas   NIF 274852608
Data de emissão: 15/09/2026
Valor base
800,00
IVA 23%
184,00
Retenção IRS 25%
200,00
Valor recebido
784,00
Obrigado pela preferência."""
    _, fields, _ = read(text)
    got = tuple(float(fields[name]) for name in ("base_amount", "vat_amount", "irs_withholding", "amount_received"))
    assert got == (800.0, 184.0, 200.0, 784.0)


def test_boxes_whose_arithmetic_holds_neither_way_give_no_shifted_amounts() -> None:
    """Captions that pair with the figures over them and under them alike, and amounts that add up neither
    way, leave the amounts unread rather than one box off (the first caption's reading shifted them)."""
    text = """FATURA-RECIBO FR ATSIRE01FR/43
Prestador: Rodrigo Manuel Faria Quintas   NIF 274852608
Data de emissão: 15/09/2026
800,00
Valor base
0,00
Retenção IRS 25%
150,00
Valor recebido
610,00"""
    _, fields, _ = read(text)
    assert fields["base_amount"] != 0.0
    assert fields["irs_withholding"] != 150.0
    assert fields["amount_received"] not in (150.0, 610.0)


def sinal(acquirer_line: str, issuer_line: str = "Bruno Miguel Seixas Cardoso · NIF 257479384 · Setúbal") -> str:
    return f"""Bruno Cardoso — Eletricidade e Domótica
{issuer_line}
FATURA-RECIBO N.º FR ATSIRE01FR/88 Data: 21/09/2026
{acquirer_line}
Instalação de quadro elétrico 500,00
IVA 23% 115,00
Retenção IRS 23% 115,00
Total recebido 500,00"""


@pytest.mark.parametrize(
    "salutation", ["Exmo(s). Sr(s).", "Ex.mo(s) Senhor(es)", "Exmos.(as) Sr.as", "Exmo.(s) Sr.(s)"]
)
def test_the_addressee_after_a_salutation_with_plural_marks_is_the_acquirer(salutation: str) -> None:
    """Round 12: 'Exmo(s). Sr(s). <name>, NIF ...' gave no acquirer name (the NIF was read)."""
    _, fields, _ = read(sinal(f"{salutation} Condomínio do Edifício Rosa dos Ventos, NIF 916969770"))
    assert fields["acquirer_name"] == "Condomínio do Edifício Rosa dos Ventos"
    assert fields["acquirer_nif"] == "916969770"


@pytest.mark.parametrize("phone", ["Tel. 912 345 678", "Telefone: 213 456 789", "Tlm 936 000 111", "Telm. 965432187"])
def test_a_phone_number_on_the_nif_line_is_no_nif(phone: str) -> None:
    """Round 12: the nine digits after 'Tel.' were read as a NIF whose check digit fails: a false warning."""
    _, fields, warnings = read(sinal("Exmos. Senhores Condomínio do Edifício Rosa dos Ventos, NIF 916969770",
                                     f"Bruno Miguel Seixas Cardoso · NIF 257479384 · {phone} · Setúbal"))  # fmt: skip
    assert fields["issuer_nif"] == "257479384"
    assert fields["issuer_name"] == "Bruno Miguel Seixas Cardoso"
    assert "nif_checksum_invalid" not in warnings


def test_a_bad_nif_beside_a_phone_number_is_still_flagged() -> None:
    """The guard: blanking the phone out leaves a NIF whose check digit fails flagged (passes before too)."""
    _, _, warnings = read(sinal("Exmos. Senhores Condomínio do Edifício Rosa dos Ventos, NIF 916969770",
                                "Bruno Miguel Seixas Cardoso · NIF 257479385 · Tel. 912 345 678"))  # fmt: skip
    assert "nif_checksum_invalid" in warnings
