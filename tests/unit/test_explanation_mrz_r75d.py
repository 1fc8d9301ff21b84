"""What to send when an MRZ's check digits fail (blind probe r75d, F2).

A genuine permit's back, photographed with a phone, its MRZ's "8" read "B", failed ``identity.mrz_valid``
("documento alterado ou mal lido"), and the applicant was asked for "um documento de identificação válido": a
sharper photo, or a scan of the original, is what answers a misreading (and an altered document too).
"""

from __future__ import annotations

from screening.explanation import EN, PT, Person, identity_lever
from screening.rules.common import check


def person_failing(*names: str) -> Person:
    checks = [check("identity.document_read", True, "Documento de identificação lido.", value="TITULO_RESIDENCIA")]
    checks += [check(name, False, "falhou") for name in names]
    return Person(
        applicant_id="a", role="TENANT", checks=checks, identity={"verified": False, "warnings": []}, income={}
    )


def test_a_failed_mrz_asks_for_a_sharper_photo_or_a_scan_not_a_valid_document() -> None:
    lever = identity_lever(person_failing("identity.mrz_valid"), PT)
    assert lever == PT.identity_lever_mrz_legible
    assert "fotografia mais nítida" in lever and "digitalização do original" in lever
    assert identity_lever(person_failing("identity.mrz_valid"), EN) == EN.identity_lever_mrz_legible


def test_a_failed_mrz_beside_other_failures_names_each_lever() -> None:
    lever = identity_lever(person_failing("identity.sides_agree", "identity.mrz_valid"), PT)
    assert PT.identity_lever_same_card in lever and PT.identity_lever_mrz_legible in lever
