"""A garnishment (penhora) withheld from pay or a pension: a warning the report states, never a change to the income.

The net a payslip or a pension statement prints is what the person receives, and that is what the income counts.
A penhora on it says a court, the tax authority or the Segurança Social is collecting a debt from that income,
which an agency weighs before renting (blind probe r48a: a pension seized in part read as any other deduction).
"""

from __future__ import annotations

import re

from applicants.text import fold
from documents.extraction.parsers.common import parse_money
from documents.extraction.parsers.payslip import coded_rows_captioned
from documents.extraction.reader import Line

# The deduction's caption, folded: "Penhora de vencimento", "Penhora AT proc. 3456/2025", "Desconto judicial",
# "Execução fiscal"; in English, French, Spanish and German for a foreign payer's statement. Not
# "impenhorável" or "penhorabilidade" (the part the law protects, printed beside a seizure or alone).
GARNISHMENT_CAPTION = re.compile(
    r"(?<![a-z])penhoras?(?![a-z])|desconto\s+judicial|execucao\s+(?:fiscal|judicial)"
    r"|(?<![a-z])garnish(?:ment|ee)|attachment\s+of\s+earnings|saisie\s+sur\s+(?:salaire|pension|remuneration)"
    r"|embargo\s+(?:de\s+)?(?:salario|nomina|pension|judicial)|(?<![a-z])pfandung(?![a-z])"
)
# A line saying there is none: "Sem penhoras", "Não existem penhoras".
NO_GARNISHMENT = re.compile(r"(?:sem|nao\s+(?:ha|existem?|tem)|nenhuma)\s+(?:\w+\s+)?penhoras?|no\s+garnishment")


def garnished(lines: list[Line]) -> bool:
    """Whether a line captioned as a garnishment carries an amount above zero (a "Penhora 0,00" row is none).

    A table of codes captions its rows in a legend at the foot ("930 150,00" ... "930 – Desconto judicial
    (penhora)"): each row is read with its legend's caption, as the payslip's amounts are (``coded_rows_captioned``).
    Blind probe r76c, F2: the penhora under its code went unsaid while the advance of the same legend was added
    back."""
    for line in coded_rows_captioned(lines):
        folded = fold(line.text)
        if not GARNISHMENT_CAPTION.search(folded) or NO_GARNISHMENT.search(folded):
            continue
        if any(amount > 0 for amount in parse_money(line.text)):
            return True
    return False
