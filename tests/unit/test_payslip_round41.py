"""A payslip photo of blind probe r41a whose only month is its title, "Recibo de Salário — Novembro/2026": OCR
set the title's wide capital apart ("N ovembro/2026 j") and the period went missing, where the text PDF of the same
layout read it. A month's name OCR broke with one space, or joined to its year by a dash other than a hyphen or by
the bar OCR reads for a slash, is still the month before its year. The lines are shaped as the reader gives them,
with names and figures of their own."""

from __future__ import annotations

import pytest

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line

PHOTO_CONFIDENCE = 0.8


def slip(title: str) -> list[Line]:
    text = f"""{title}
Colaborador NIF N.º Seg. Social ]
Rodrigo Miguel Teixeira Lopes 218473095 12093847561 É
Função: Rececionista - Início de contrato: 03/03/2025 - Processado em 26/11/2026 E
ABONOS ;
Vencimento base 1 180,00 €
Trabalho suplementar 4h 47,20 €
DESCONTOS
Segurança Social 11% 134,99 € q
IRS — retenção na fonte 61,00 € 3
Total ilíquido 1227,20 €
Total de descontos 195,99 €
Líquido a pagar 1 031,21 €
Entidade empregadora: Papelaria Rosa dos Ventos, Lda. - NIPC 507319427 3"""
    return [Line(line, PHOTO_CONFIDENCE) for line in text.splitlines()]


@pytest.mark.parametrize(
    ("title", "period"),
    [
        ("Recibo de Salário — N ovembro/2026 j", "2026-11"),
        ("Recibo de Salário — Outu bro 2026", "2026-10"),
        ("Recibo de Salário — Setembro – 2026", "2026-09"),
        ("Recibo de Salário — Dezembro—2026", "2026-12"),
        ("Recibo de Salário — Março|2026", "2026-03"),
    ],
)
def test_a_titles_month_split_or_dashed_from_its_year_is_the_period(title: str, period: str) -> None:
    parsed = parse_payslip(slip(title))
    assert parsed.fields["period"] == period
    assert "missing:period" not in parsed.warnings


def test_a_split_month_is_rejoined_only_before_a_year() -> None:
    """A word cut in two with no year after it is left as it was: no month is read from the title then."""
    parsed = parse_payslip(slip("Recibo de Salário — N ovembro"))
    assert parsed.fields.get("period") is None
