"""A person's age, as Portuguese law counts it: of age at 18 (Código Civil, art. 122.º and 130.º)."""

from __future__ import annotations

import datetime as dt

ADULT_AGE = 18


def age_on(birth: dt.date, day: dt.date) -> int:
    """Whole years lived on ``day``; one born on 29 February turns a year older on 1 March in common years."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
