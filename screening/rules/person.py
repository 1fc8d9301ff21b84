"""One person's income node: their income with its authenticity, and what their other papers state.

Certificates of a clean tax and social-security situation, the employer's
declaration and a penhora on pay or a pension are stated for a person to weigh, never counted and never a risk
level. The single-person graph and each member of a household go through here,
so a guarantor's employer declaration is stated as the lead tenant's is.
"""

from __future__ import annotations

from typing import Any

from screening.rules.authenticity import income_with_authenticity
from screening.rules.certificates import verify_certificates
from screening.rules.employment import verify_employment_declarations
from screening.rules.garnishment import verify_garnishment
from screening.rules.names import names_the_applicant


def person_income(state: dict[str, Any]) -> dict[str, Any]:
    """``income_with_authenticity`` with the certificates' and declarations' checks, and their reasons as ``stated``."""
    income = income_with_authenticity(state)
    certificates = verify_certificates(state)
    employment = verify_employment_declarations(state)
    garnishment = verify_garnishment(state)
    income_checks = owners_spelled_otherwise(income["checks"], state)
    return {
        **income,
        "checks": [*income_checks, *certificates["checks"], *employment["checks"], *garnishment["checks"]],
        "stated": list(dict.fromkeys([*certificates["reasons"], *employment["reasons"], *garnishment["reasons"]])),
    }


# The owner checks, with the party whose name each proof of income prints and how the note names the proof.
OWNER_PARTIES = {
    "income.payslip_owner": ("employee", "recibo"),
    "income.invoice_owner": ("issuer", "documento"),
    "income.pension_owner": ("pensioner", "documento"),
}


def owners_spelled_otherwise(checks: list[dict[str, Any]], state: dict[str, Any]) -> list[dict[str, Any]]:
    """The income checks, an owner check that passed on a proof printing the applicant's name written otherwise
    (matched by the NIF, or by a name only similar) saying so.

    Blind probe C32: "Alexandr Gritsenko" counted by NIF for "Oleksandr Hrytsenko", and "Ana Lúcia Sousa" by name
    for "Ana Lúcia de Sousa Ferreira", with no word to staff. Probably the same person each time (a transliteration,
    a surname left out), so still counted; staff see it. A name the same but for order, accents, ICAO's
    transliterations or middle names left out (``names_the_applicant``) is not written otherwise."""
    documents = {d.get("document_id"): d for d in state["documents"]}
    applicant_name = state["applicant"]["name"]
    noted = []
    for check_ in checks:
        party = OWNER_PARTIES.get(check_["name"])
        document = documents.get(check_.get("document_id"))
        printed = (document or {}).get("fields", {}).get(f"{party[0]}_name") if party else None
        if party is None or not check_["passed"] or not printed or names_the_applicant(applicant_name, printed):
            noted.append(check_)
            continue
        evidence = str(check_["evidence"]).rstrip(".")
        noted.append({**check_, "evidence": f"{evidence}; nome no {party[1]} escrito de outra forma."})
    return noted
