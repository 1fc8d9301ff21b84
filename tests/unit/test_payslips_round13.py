"""Payslips the blind probe of round 13 misread: boxes with a caption over each figure at the top of the page,
the forces' caption row "NIM · Posto · Nome" over its values, a crew member's and a trainee's own labels, and a
trainee's grant as the month's base. The texts are shaped as the reader hands them over, with names and numbers
of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> dict:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)[1]


@pytest.mark.parametrize("currency", [" €", "", " EUR"])
def test_boxes_with_a_caption_over_each_figure(currency: str) -> None:
    """Round 13: "Vencimento líquido" / "1.527,80 €" was read as the base salary (the caption's two words taken
    for two columns, the euro sign for a cell)."""
    fields = read(f"""Recibo de vencimento · Março 2026
Lumen Arquitetos, Lda. · NIF 509312446
Rodrigo Alexandre Paiva Lemos · NIF 215839404 · Arquiteto
Vencimento ilíquido
2.310,00{currency}
Total de descontos
520,10{currency}
Vencimento líquido
1.789,90{currency}
Detalhe
Salário base 2.100,00{currency}
Subsídio de refeição (22 dias) 210,00{currency}
Segurança Social -254,10{currency}
Retenção na fonte IRS -266,00{currency}""")
    assert (fields["base_salary"], fields["gross_pay"], fields["net_pay"]) == (
        Decimal("2100.00"),
        Decimal("2310.00"),
        Decimal("1789.90"),
    )


def test_the_name_under_its_caption_in_a_row_of_captions() -> None:
    """Round 13: "NIM · Posto · Nome" over "14829301 · Cabo · Tiago ..." kept the rank in the name."""
    fields = read("""Marinha Portuguesa · NIPC 600019624
ABONOS E DESCONTOS · Processamento: 2026-05
NIM · Posto · Nome
29384756 · Primeiro-Sargento · Rui Alexandre Fontes Mesquita    NIF 215839404
Remuneração base 1.402,11
Suplemento da condição militar 140,21
Total de abonos 1.542,32
Segurança Social 169,66
IRS 141,00
Líquido a abonar 1.231,66""")
    assert fields["employee_name"] == "Rui Alexandre Fontes Mesquita"


@pytest.mark.parametrize("label", ["Tripulante:", "Estagiária:", "Formando:"])
def test_a_crew_members_or_a_trainees_own_label(label: str) -> None:
    fields = read(f"""Navegação do Sado, S.A.
Cais do Sodré, Lisboa · NIPC 509312446
NOTA DE ABONOS Mês: 09/2026
{label} Rui Alexandre Fontes Mesquita Cont.: 215839404
Vencimento base 1.210,00
Total ilíquido 1.210,00
Segurança Social 133,10
IRS 86,00
Líquido 990,90""")
    assert fields["employee_name"] == "Rui Alexandre Fontes Mesquita"


def test_a_trainees_grant_is_the_base() -> None:
    fields = read("""Oficina de Design Tejo, Lda.
NIF 509312446 · Lisboa
Comprovativo de pagamento de bolsa de estágio
Mês de referência: maio de 2026
Estagiário: Rui Alexandre Fontes Mesquita
N.º de contribuinte: 215839404
Bolsa de estágio (1,2 × IAS) 627,00
Subsídio de refeição (20 dias × 6,00) 120,00
Total ilíquido 747,00
Contribuição Seg. Social (11%) -68,97
Retenção IRS 0,00
Montante pago ao estagiário 678,03""")
    assert fields["base_salary"] == Decimal("627.00")


def test_boxes_with_a_caption_under_each_figure_are_not_read_one_box_off() -> None:
    """The guard: the same boxes with the captions under the figures ("2.310,00" / "Total ilíquido" / "520,10" /
    "Total de descontos"); pairing each caption with the figure under it would shift every total one box."""
    fields = read("""Lumen Arquitetos, Lda.
NIF 509312446 · Rua do Norte 4, Porto
Recibo de vencimento de março de 2026
Rodrigo Alexandre Paiva Lemos
NIF 215839404 · Arquiteto
Salário base 2.100,00 EUR
Subsídio de refeição 22 dias 210,00 EUR
Segurança Social 11% -254,10 EUR
IRS retido na fonte -266,00 EUR
2.310,00 EUR
Total ilíquido
520,10 EUR
Total de descontos
1.789,90 EUR
Valor líquido""")
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("2310.00"), Decimal("1789.90"))
