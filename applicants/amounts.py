"""Amounts of money as people in Portugal type them, and the prices that look like a slip of the keyboard.

A browser's number field read "850,00" as 85000 (Chromium drops the comma it does not understand): a rent a
hundred times too high, saved without a word and screened as a taxa de esforço of 3423 % (blind probe r73c, F1).
The admin reads the text itself, here: a comma or a point before one or two final digits is the decimal mark;
points or spaces between groups of three are thousands ("1.250,00", "1 250,00"); "€" and "EUR" are ignored.
What could be read two ways ("1,250": 1,25 € in Portugal, 1250 € in an English text) is refused, never guessed.
"""

from __future__ import annotations

import re
from decimal import Decimal

# The currency as people add it ("850 €", "850€", "EUR 850", "850 euros"), and the spaces a keyboard or a copied
# figure puts between thousands (no-break and narrow no-break spaces included).
CURRENCY = re.compile(r"€|eur(?:os?)?\b", re.IGNORECASE)
SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
CENTS = re.compile(r"(?P<whole>.*?)(?P<mark>[.,])(?P<cents>[0-9]{1,2})")
PLAIN_WHOLE = re.compile(r"[0-9]+")


class AmountUnread(ValueError):
    """The text is not an amount, or could be read as two different ones. ``code``: ``unreadable``, ``ambiguous``."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def amount_read(text: str) -> Decimal:
    """The amount in ``text``, to the cent, as typed in Portugal (or with a decimal point, as a number field sends it).

    Raises ``AmountUnread("ambiguous")`` for "1,250" (a comma before three digits and nothing else) and
    ``AmountUnread("unreadable")`` for what is no amount (letters, "1.2.3", three decimals, mixed groupings).
    """
    bare = SPACES.sub(" ", CURRENCY.sub("", text)).strip()
    if not bare or not re.fullmatch(r"[0-9][0-9., ]*", bare):
        raise AmountUnread("unreadable")
    split = CENTS.fullmatch(bare)
    if split is not None and not split["whole"].endswith(" "):
        whole, mark, cents = split["whole"], split["mark"], split["cents"]
        if mark in whole:  # "1.250.50": the same mark cannot both group thousands and start the cents
            raise AmountUnread("unreadable")
    else:
        whole, mark, cents = bare, "", ""
    return Decimal(f"{whole_read(whole, decimal_mark=mark)}.{cents or '0'}")


def whole_read(whole: str, *, decimal_mark: str) -> int:
    """The euros before the decimal mark: plain digits, or groups of three after one separator, the same throughout."""
    if PLAIN_WHOLE.fullmatch(whole):
        return int(whole)
    separators = set(re.sub(r"[0-9]", "", whole))
    if len(separators) != 1:
        raise AmountUnread("unreadable")
    separator = separators.pop()
    if not re.fullmatch(rf"[0-9]{{1,3}}(?:{re.escape(separator)}[0-9]{{3}})+", whole):
        raise AmountUnread("unreadable")
    # A comma grouping thousands is English ("1,250.00"); alone ("1,250") a Portuguese reader reads 1,25.
    if separator == "," and decimal_mark != ".":
        raise AmountUnread("ambiguous")
    return int(whole.replace(separator, ""))


# The amounts an agency's listing rarely has: a monthly rent outside these bounds, a sale price outside those. Not a
# refusal: the admin asks staff to confirm (ADR 004, "Ranges"). A rent of 85 000 € (850,00 read without its comma)
# or a sale price of 850 € (a rent typed as a price) is questioned; a flat's rent in Lisbon or a plot of land is not.
PLAUSIBLE_PRICES = {
    "ARRENDAMENTO": (Decimal("50"), Decimal("15000")),
    "VENDA": (Decimal("5000"), Decimal("20000000")),
}


def price_questioned(listing_type: str, price: Decimal) -> tuple[Decimal, Decimal] | None:
    """The usual bounds for this listing type when ``price`` is outside them, else ``None``."""
    bounds = PLAUSIBLE_PRICES.get(listing_type)
    if bounds is None or bounds[0] <= price <= bounds[1]:
        return None
    return bounds
