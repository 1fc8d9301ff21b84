"""How a ratio or a limit reads as a percentage: one helper for every app that prints one (blind probe r70a F22:
the explanation and the PDF wrote "40,0 %" for an agency's limit of 40 %).

Here, at the bottom of the layers, so the agency's settings (applicants) and the reports (screening, workspace)
print the same figure for the same fraction.
"""

from __future__ import annotations

from decimal import Decimal

HUNDREDTH = Decimal("0.01")


def percent_figure(fraction: Decimal) -> str:
    """A fraction as a percentage to the hundredth, without trailing zeros: 0.40 -> '40', 0.335 -> '33.5',
    0.3184 -> '31.84'.

    Two places, because a ratio is compared at four: one just above a limit never prints as the limit (cases
    probe 6: 0.3504 printed "35,0 %" beside a limit of "35,0 %")."""
    return format((fraction * 100).quantize(HUNDREDTH).normalize(), "f")


def percent_words(fraction: Decimal) -> str:
    """'40 %', '33,5 %', '31,84 %': the figure as pt-PT writes it, with a space before the sign."""
    return percent_figure(fraction).replace(".", ",") + " %"
