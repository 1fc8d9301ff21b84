"""Cases probe 16: a ratio between the recommended limit and the maximum made the report MEDIUM through a check
that passed and said nothing of it."""

from __future__ import annotations

from tests.unit.test_rules import check_named, good_documents, screen


def test_a_ratio_above_the_recommended_limit_says_so_on_its_passed_check() -> None:
    result = screen(good_documents(), price="740")  # 740 / 2 000,00 = 37 %
    dti = check_named(result, "affordability.dti")
    assert dti["passed"] is True
    assert dti["evidence"] == (
        "Taxa de esforço 37 % (renda mensal 740,00 € / rendimento 2 000,00 €). Acima da recomendada (35 %)."
    )
    assert result["affordability"]["risk_level"] == "MEDIUM"


def test_a_ratio_within_the_recommended_limit_or_above_the_maximum_says_nothing_of_it() -> None:
    within = check_named(screen(good_documents(), price="700"), "affordability.dti")
    above = check_named(screen(good_documents(), price="1200"), "affordability.dti")
    assert "recomendada" not in within["evidence"] and within["passed"] is True
    assert "recomendada" not in above["evidence"] and above["passed"] is False
