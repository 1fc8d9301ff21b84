"""A ratio is printed as compared (four places): one just above a limit never prints as the limit.

Cases probe 6: with one decimal, a ratio of 0.3504 printed "35,0 %" in the report, the PDF and the applicant's
explanation, beside "O limite ... é de 35,0 %" that it is above.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from screening.rules.common import format_percent, percent_figure


@pytest.mark.parametrize(
    ("ratio", "shown"),
    [
        ("0.3504", "35,04 %"),
        ("0.3500", "35 %"),
        ("0.3350", "33,5 %"),
        ("0.4001", "40,01 %"),
        ("0.3", "30 %"),
        ("0.3184", "31,84 %"),
        ("0", "0 %"),
        ("1.5", "150 %"),
    ],
)
def test_a_ratio_shows_its_second_decimal_only_when_it_has_one(ratio: str, shown: str) -> None:
    assert format_percent(Decimal(ratio)) == shown


def test_a_round_percentage_has_no_trailing_zero() -> None:
    """Blind probe r70a F22: "O limite da agência é de 40,0 %" -> "40 %"; the agency's settings page and the PDF
    read the same figure from the one helper."""
    from applicants.admin import percent_shown
    from applicants.models import percent_words

    assert format_percent(Decimal("0.400")) == percent_shown(Decimal("0.400")) == "40 %"
    assert percent_words(Decimal("0.0425")) == "4,25"


def test_the_english_figure_is_the_same_number() -> None:
    assert (percent_figure(Decimal("0.3504")), percent_figure(Decimal("0.3350"))) == ("35.04", "33.5")
    assert percent_figure(Decimal("0.40")) == "40"
    assert format_percent(None) == "—"
