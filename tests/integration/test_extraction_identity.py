"""Both sides of the Cartao de Cidadao, passports and residence permits through the local extractor: the MRZ
read and verified, the NIF picked off the card's back, and the NISS and health number never let out."""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import re
from typing import Any

import pytest

from applicants.identifiers import nif_has_valid_checksum
from applicants.text import fold
from documents.extraction.local import LocalExtractor
from documents.extraction.schema import ExtractionResult
from documents.models import Document, DocumentStatus, ExtractedData
from documents.services import document_extract
from documents.storage import document_store
from samples.identity import (
    cc_back,
    cc_front_png,
    foreign_card_png,
    make_foreigner,
    passport_png,
    phone_photo,
    residence_permit_png,
)
from samples.synthetic import make_person, scan
from tests.factories import ApplicantFactory

pytestmark = pytest.mark.ocr

TODAY = dt.date.today()


def extract(document: Any) -> ExtractionResult:
    return LocalExtractor().extract(document.data, document_type=document.document_type)


def same(expected: Any, got: Any) -> bool:
    return re.sub(r"[^a-z0-9]", "", fold(str(expected))) == re.sub(r"[^a-z0-9]", "", fold(str(got)))


def assert_reads(document: Any, result: ExtractionResult) -> None:
    got = result.json_fields()
    wrong = {
        name: (value, got.get(name)) for name, value in document.expected.items() if not same(value, got.get(name))
    }
    assert not wrong


def test_back_of_the_citizen_card_is_recognised_with_its_nif_and_verified_mrz() -> None:
    person = make_person(random.Random(101), TODAY)
    back = cc_back(person, rng=random.Random(102))
    result = extract(back.document)
    assert result.kind.value == "CARTAO_CIDADAO"
    assert result.fields["side"] == "back"
    assert result.fields["mrz_valid"] is True
    assert result.fields["nif"] == person.nif
    assert "mrz_check_invalid" not in result.warnings
    assert_reads(back.document, result)


def test_nif_is_told_from_a_health_number_that_also_passes_the_nif_check() -> None:
    person = make_person(random.Random(103), TODAY)
    back = cc_back(person, rng=random.Random(104), variant=1, health_passes_nif_check=True)
    assert nif_has_valid_checksum(back.health_number)
    result = extract(back.document)
    assert result.fields["nif"] == person.nif


def test_the_niss_and_the_health_number_never_leave_the_extraction_step(caplog: pytest.LogCaptureFixture) -> None:
    person = make_person(random.Random(105), TODAY)
    back = cc_back(person, rng=random.Random(106), variant=2, health_passes_nif_check=True)
    with caplog.at_level(logging.DEBUG):
        result = extract(back.document)
    # The extractor's version carries a hash of its code, whose hex may open with nine digits: it is no number read.
    output = json.dumps(result.model_dump(mode="json", exclude={"extractor_version"}), ensure_ascii=False)
    assert back.niss not in output and back.health_number not in output
    assert not re.search(r"(?<!\d)\d{11}(?!\d)", output)
    nine_digit_numbers = set(re.findall(r"(?<!\d)\d{9}(?!\d)", output))
    assert nine_digit_numbers <= {person.nif, person.cc_number.replace(" ", "")[:9]}
    assert back.niss not in caplog.text and back.health_number not in caplog.text


def test_a_corrupted_mrz_is_never_reported_valid_and_its_field_is_left_out() -> None:
    person = make_person(random.Random(107), TODAY)
    back = cc_back(person, rng=random.Random(108), corrupted=True)
    result = extract(back.document)
    assert result.fields["mrz_valid"] is False
    assert "mrz_check_invalid" in result.warnings
    assert result.fields[back.corrupted_field or ""] is None
    assert result.fields["nif"] == person.nif  # the NIF is not in the MRZ


def test_front_of_the_citizen_card_reads_as_the_front() -> None:
    person = make_person(random.Random(109), TODAY)
    document = cc_front_png(person)
    result = extract(document)
    assert result.fields["side"] == "front" and result.fields["mrz_valid"] is None
    assert_reads(document, result)


def test_passport_is_read_through_its_mrz() -> None:
    foreigner = make_foreigner(random.Random(110), TODAY)
    passport = passport_png(foreigner, rng=random.Random(111))
    result = extract(passport.document)
    assert result.kind.value == "PASSAPORTE"
    assert result.fields["mrz_valid"] is True
    assert result.confidence["document_number"] >= 0.99
    assert_reads(passport.document, result)


def test_corrupted_passport_mrz_falls_back_on_the_visual_zone_and_says_so() -> None:
    foreigner = make_foreigner(random.Random(112), TODAY)
    passport = passport_png(foreigner, rng=random.Random(113), corrupted=True)
    result = extract(passport.document)
    assert result.fields["mrz_valid"] is False
    assert "mrz_check_invalid" in result.warnings
    field = passport.corrupted_field or ""
    # Read off the visual zone instead: right, but not vouched for by a check digit.
    assert same(passport.document.expected[field], result.json_fields()[field])
    assert result.confidence[field] < 0.99


def test_residence_permit_back_alone_is_recognised_by_its_mrz() -> None:
    foreigner = make_foreigner(random.Random(114), TODAY)
    permit = residence_permit_png(foreigner, rng=random.Random(115), side="back")
    result = extract(permit.document)
    assert result.kind.value == "TITULO_RESIDENCIA"
    assert result.fields["mrz_valid"] is True
    assert_reads(permit.document, result)


def test_scanned_and_photographed_mrz_documents_are_read() -> None:
    rng = random.Random(116)
    person, foreigner = make_person(rng, TODAY), make_foreigner(rng, TODAY)
    documents = [
        scan(cc_back(person, rng=rng).document, rng=rng),
        phone_photo(passport_png(foreigner, rng=rng).document, rng=rng),
        scan(residence_permit_png(foreigner, rng=rng).document, rng=rng),
    ]
    for document in documents:
        result = extract(document)
        assert result.kind.value == document.kind
        assert_reads(document, result)


@pytest.mark.django_db
def test_card_back_ends_extracted_and_no_niss_or_health_number_is_stored(caplog: pytest.LogCaptureFixture) -> None:
    from django.db import connection

    person = make_person(random.Random(117), TODAY)
    back = cc_back(person, rng=random.Random(118))
    applicant = ApplicantFactory()
    key = f"uploads/{applicant.form_request_id}/00000000-0000-4000-8000-000000000001/verso.png"
    document_store().put(key, back.document.data, "image/png")
    document = Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="ID_DOCUMENT",
                                       storage_key=key, original_filename="verso.png", content_type="image/png",
                                       size=len(back.document.data))  # fmt: skip
    with caplog.at_level(logging.DEBUG):
        assert document_extract(document_id=document.id) == DocumentStatus.EXTRACTED
    stored = ExtractedData.objects.get(document=document)
    assert stored.kind == "CARTAO_CIDADAO" and stored.fields["nif"] == person.nif
    readable = json.dumps([stored.fields, stored.confidence, stored.warnings])
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        dump = []
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from the schema)
            dump += [repr(row) for row in cursor.fetchall()]
    everything = readable + "\n".join(dump) + caplog.text
    assert back.niss not in everything
    assert back.health_number not in everything


def test_extract_file_reads_a_card_back_as_a_new_user_would(tmp_path: Any) -> None:
    import io

    from django.core.management import call_command

    person = make_person(random.Random(119), TODAY)
    back = cc_back(person, rng=random.Random(120))
    path = tmp_path / "verso.png"
    path.write_bytes(back.document.data)
    out = io.StringIO()
    call_command("extract_file", str(path), stdout=out)
    printed = json.loads(out.getvalue())
    assert printed["kind"] == "CARTAO_CIDADAO"
    assert printed["fields"]["nif"] == person.nif and printed["fields"]["side"] == "back"
    assert "document_type_mismatch" not in printed["warnings"]
    assert back.niss not in out.getvalue() and back.health_number not in out.getvalue()


@pytest.mark.parametrize("state", ["ESP", "FRA", "ROU"])
def test_another_states_identity_card_is_read_on_both_sides(state: str) -> None:
    """An EU citizen's card: the back through its MRZ (TD1, or the older Romanian TD2), the front by its title."""
    rng = random.Random(f"foreign-{state}")
    person = make_foreigner(rng, TODAY)
    for side in ("back", "front"):
        document = foreign_card_png(person, rng=rng, state=state, side=side).document
        result = extract(document)
        assert result.kind.value == "CARTAO_IDENTIDADE_ESTRANGEIRO", (side, result.kind)
        assert "mrz_check_invalid" not in result.warnings
        assert_reads(document, result)


def test_another_states_card_back_is_read_or_flagged_however_it_was_captured() -> None:
    """OCR can cost a glyph of the MRZ (Tesseract read "GJV" as "GUV" on a clean Italian card): then the MRZ
    is flagged and the field left out, never taken as valid."""
    valid = []
    for state in ("ESP", "FRA", "ITA", "ROU"):
        for capture in ("file", "scan", "photo"):
            rng = random.Random(f"foreign-{capture}-{state}")
            document = foreign_card_png(make_foreigner(rng, TODAY), rng=rng, state=state, side="back").document
            if capture != "file":
                document = (scan if capture == "scan" else phone_photo)(document, rng=rng)
            result = extract(document)
            assert result.kind.value == "CARTAO_IDENTIDADE_ESTRANGEIRO", (state, capture)
            if result.fields["mrz_valid"] is True:
                assert_reads(document, result)
                valid.append((state, capture))
            else:
                assert "mrz_check_invalid" in result.warnings
                assert (
                    result.fields["document_number"] is None
                    or result.fields["document_number"] == document.expected["document_number"]
                )
    assert len(valid) >= 9, valid
