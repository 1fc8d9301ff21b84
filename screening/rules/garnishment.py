"""A penhora on a payslip or a pension statement: stated for a person to weigh, never a risk level by itself.

The income counts the net the document prints, which the penhora was already taken from; what it adds is that
someone is collecting a debt from this person's income (a court, the tax authority, the Segurança Social).
The extractor warns ``GARNISHMENT`` (documents.extraction.garnishment); this node words it.
"""

from __future__ import annotations

from typing import Any

from documents.extraction.schema import GARNISHED_KINDS, GARNISHMENT
from screening.rules.authenticity import described
from screening.rules.common import check, extracted

REASON = "income_garnished"
CHECK_NAME = "income.garnishment"


def verify_garnishment(state: dict[str, Any]) -> dict[str, Any]:
    """One failed check for each payslip or pension statement with a penhora, and the reason to state."""
    documents = extracted(state.get("documents") or [], GARNISHED_KINDS)
    checks = [
        check(
            CHECK_NAME,
            False,
            f"{described(document).capitalize()} indica uma penhora descontada ao rendimento (uma dívida em "
            "cobrança judicial ou fiscal): o líquido contado já a desconta; a ponderar, não altera o risco.",
            document_id=document.get("document_id"),
        )
        for document in documents
        if GARNISHMENT in (document.get("warnings") or [])
    ]
    return {"checks": checks, "reasons": [REASON] if checks else []}
