"""What blind probe r57b found in the report's PDF: the declared income profile printed as its code ("EMPLOYEE"), a
signal's code broken inside a word ("PAYSLIP_SAME_AMOUNTS_OTHE" / "R_PERIOD") and an amount broken after its
thousands ("rendimento 1" / "368,50 €")."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation

from screening.labels import readable_value
from workspace.report_pdf import NO_BREAK_SPACE, TEMPLATE, unbroken_figures


def test_the_declared_profile_is_printed_in_words() -> None:
    with translation.override("pt-pt"):
        assert readable_value("EMPLOYEE", check="income.profile_documents") == "Trabalhador por conta de outrem"
        assert readable_value("PENSIONER", check="income.profile_documents") == "Pensionista"
    # Guard: the same word as another check's value is left as it is.
    assert readable_value("EMPLOYEE", check="household.roles") == "EMPLOYEE"


def test_a_figure_keeps_its_groups_and_its_sign_on_one_line() -> None:
    view = {
        "justification": "rendimento 1 368,50 € e taxa de esforço 35,0 %",
        "facts": [("Renda", "12 500,00 €")],
        "count": 3,
    }
    printed = unbroken_figures(view)
    assert (
        printed["justification"]
        == f"rendimento 1{NO_BREAK_SPACE}368,50{NO_BREAK_SPACE}€ e taxa de esforço 35,0{NO_BREAK_SPACE}%"
    )
    assert printed["facts"] == [["Renda", f"12{NO_BREAK_SPACE}500,00{NO_BREAK_SPACE}€"]]
    assert printed["count"] == 3
    # Guard: words after a number still break as words do.
    assert unbroken_figures("3 recibos de 2026 enviados") == "3 recibos de 2026 enviados"


def test_a_code_breaks_only_after_its_underscores() -> None:
    signal = {"document": "Recibo", "verdict": "pass", "severity": "Baixo", "explanation": "...",
              "code": "PAYSLIP_SAME_AMOUNTS_OTHER_PERIOD",
              "code_parts": ["PAYSLIP", "SAME", "AMOUNTS", "OTHER", "PERIOD"]}  # fmt: skip
    html = render_to_string(TEMPLATE, {"authenticity": [signal], "people": [], "sections": [], "decisions": []})
    assert "PAYSLIP_<wbr>SAME_<wbr>AMOUNTS_<wbr>OTHER_<wbr>PERIOD" in html
