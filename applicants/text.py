"""Text folding and name particles: how Portuguese names and labels are compared; and an amount in euros as the
report writes it.

Extraction (reading labels and names off documents) and screening (matching the
name a person typed against the one printed on their documents) must fold text
the same way, so both use these.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

# Connecting words inside Portuguese names ("Maria da Silva e Santos"): written
# lowercase and left out when two names are compared.
NAME_PARTICLES = frozenset({"de", "da", "do", "das", "dos", "e"})


def fold_accents(text: str) -> str:
    """Drop accents and keep case: 'Conceição' -> 'Conceicao' (NFKD, combining marks removed).

    Composed again (NFC) after, which only Hangul has left to compose: its syllables stay one character each,
    as every other letter does, so a label's offsets in the folded text are its offsets in the printed one."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


def fold(text: str) -> str:
    """Lowercase without accents, the form labels and names are matched on: 'Ilíquido' -> 'iliquido'."""
    return fold_accents(text).lower()


# A person's name, as ``person_name_shaped`` reads it: each letter (any script, with its marks) stands for "a".
# A word may end with a comma ("Almeida, Ana": probe C29 found it refused); a comma links no domain or address.
_NAME_WORD = re.compile(r"(?:(?:a\.)+|a+(?:['’ʼ\-‐‑]a+)*\.?),?")
_NAME_PUNCTUATION = frozenset("'’ʼ-‐‑.,")


def person_name_shaped(text: str) -> bool:
    """Whether ``text`` reads as a person's name: words of letters of any language, joined inside by
    apostrophes or hyphens ("d'Almeida", "Jean-Luc"), a word ending with a dot ("Sr.") or initials ("J.P."),
    any of them ending with a comma ("Almeida, Ana").

    An invitee's name is printed in the greeting of an e-mail sent as the agency, and an applicant's link
    chose "Urgente: confirme os seus dados em http://phish.example/login" (probe C27): a URL, a domain
    ("phish.example", "x.co": a dot inside a word), an e-mail address and any digit are not a name.
    """
    words = unicodedata.normalize("NFC", text).split()
    if not words:
        return False
    for word in words:
        if any(unicodedata.category(char)[0] not in "LM" and char not in _NAME_PUNCTUATION for char in word):
            return False
        shape = "".join("a" if unicodedata.category(char)[0] in "LM" else char for char in word)
        if not _NAME_WORD.fullmatch(shape):
            return False
    return True


def format_eur(amount: Decimal | None) -> str:
    """An amount as the report writes it ("1 200,00 €"; screening's format_eur sits above this app)."""
    if amount is None:
        return "—"
    whole, _sep, cents = f"{amount:,.2f}".partition(".")
    return f"{whole.replace(',', ' ')},{cents} €"


def format_eur_for(amount: Decimal | None, *, language: str | None) -> str:
    """An amount in the language it is read in: "1 200,00 €" in Portuguese, "€1,200.00" in English (as the
    explanation's English writes it: "0,01 €" in an English sentence read as Portuguese money, blind probe r72c)."""
    if amount is None or not (language or "").lower().startswith("en"):
        return format_eur(amount)
    return f"€{amount:,.2f}"


# A day in an English sentence in words: "2026-12-19" read as a code to the applicants of probe C32, and "12/19" or
# "19/12" means a different day on each side of the Atlantic. The mails and the applicant's explanation share it.
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December")  # fmt: skip


def english_day(day: dt.date) -> str:
    """``19 December 2026``."""
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"
