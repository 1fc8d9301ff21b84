"""One person's income node: their income with its authenticity, and what their other papers state.

Certificates of a clean tax and social-security situation, the employer's
declaration and a penhora on pay or a pension are stated for a person to weigh, never counted and never a risk
level, but for a declared contract that has ended (``employment.contract_ongoing``, at least MEDIUM). The
single-person graph and each member of a household go through here, so a guarantor's employer declaration is
stated as the lead tenant's is.
"""

from __future__ import annotations

from typing import Any

from screening.rules.authenticity import income_with_authenticity
from screening.rules.certificates import verify_certificates
from screening.rules.employment import verify_employment_declarations
from screening.rules.garnishment import verify_garnishment


def person_income(state: dict[str, Any]) -> dict[str, Any]:
    """``income_with_authenticity`` with the certificates' and declarations' checks, and their reasons as ``stated``."""
    income = income_with_authenticity(state)
    certificates = verify_certificates(state)
    employment = verify_employment_declarations(state)
    garnishment = verify_garnishment(state)
    return {
        **income,
        # A declared contract that has ended, no later payslip sent, raises the risk as a contract's last payslip does.
        "warnings": list(dict.fromkeys([*income["warnings"], *employment["warnings"]])),
        "checks": [*income["checks"], *certificates["checks"], *employment["checks"], *garnishment["checks"]],
        "stated": list(dict.fromkeys([*certificates["reasons"], *employment["reasons"], *garnishment["reasons"]])),
    }
