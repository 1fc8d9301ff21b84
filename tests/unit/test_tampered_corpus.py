"""The tampered corpus against file forensics (issue 17): every edit flagged at its intended severity, the
clean documents it was made from and every other clean generator's output (almost) never MEDIUM or HIGH."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

import pypdfium2 as pdfium
import pytest

from documents.extraction.forensics import file_signals
from samples.payslips import FAMILIES
from samples.synthetic import Synthetic
from samples.tampered import EXPECTED, TamperedSample, amount_forms, clean_corpus, tampered_corpus
from tests.helpers import built_once_per_run

TODAY = dt.date(2026, 11, 23)
RANK = {"LOW": 1, "MEDIUM": 2, "HIGH": 3}
AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:[. ]\d{3})*,\d{2}(?!\d)|(?<![\d.,])\d+,\d{2}(?!\d)")


@pytest.fixture(scope="module")
def tampered() -> list[TamperedSample]:
    # About 1 s of CPU per build, and the tests of this module are dealt to every xdist worker:
    # one builds it, the others load it (``tests.helpers.built_once_per_run``).
    return built_once_per_run("tampered-corpus", lambda: tampered_corpus(today=TODAY))


def signals(document: Synthetic) -> list[dict[str, Any]]:
    return file_signals(document.data, content_type=document.content_type)


def highest(found: list[dict[str, Any]]) -> str | None:
    return max((s["severity"] for s in found), key=RANK.__getitem__, default=None)


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return "\n".join(pdf[index].get_textpage().get_text_bounded() for index in range(len(pdf)))
    finally:
        pdf.close()


def test_every_variant_is_there_and_the_pdf_edits_cover_every_payslip_family(tampered: list[TamperedSample]) -> None:
    by_variant = Counter(sample.variant for sample in tampered)
    assert by_variant == dict.fromkeys(EXPECTED, 12)
    for variant in ("incremental_net_pay", "office_resave", "redrawn_amount"):
        families = {
            tag for s in tampered if s.variant == variant for tag in s.original.tags if tag.startswith("family:")
        }
        assert families == {f"family:{family}" for family in FAMILIES}, variant


@pytest.mark.parametrize("variant", list(EXPECTED))
def test_every_tampered_file_is_flagged_with_its_code_at_its_severity(
    tampered: list[TamperedSample], variant: str
) -> None:
    samples = [s for s in tampered if s.variant == variant]
    missed = []
    for sample in samples:
        found = signals(sample.sample)
        hit = any(s["code"] == sample.expected_code and s["severity"] == sample.expected_severity for s in found)
        # Flagged at its intended level: an office re-save is not raised to a forgery, an edit is not left LOW.
        if not hit or highest(found) != sample.expected_severity:
            missed.append((sample.sample.name, found))
    print(f"{variant}: {len(samples) - len(missed)}/{len(samples)} flagged as {EXPECTED[variant]}")
    assert missed == []


def test_the_originals_of_the_tampered_files_carry_no_signal(tampered: list[TamperedSample]) -> None:
    """The signals come from the edits, not from how the clean documents happen to be made."""
    assert [s.original.name for s in tampered if signals(s.original)] == []


def test_the_incremental_update_changes_the_net_amount_in_the_text_layer(tampered: list[TamperedSample]) -> None:
    for sample in (s for s in tampered if s.variant == "incremental_net_pay"):
        before, after = pdf_text(sample.original.data), pdf_text(sample.sample.data)
        shown = [form for form in amount_forms(sample.original.expected["net_pay"]) if form in before]
        assert shown, sample.original.name
        assert all(form not in after for form in shown), sample.original.name
        # Only the net changed: one amount out, one new amount in, every other amount as it was.
        gone = Counter(AMOUNT.findall(before)) - Counter(AMOUNT.findall(after))
        new = Counter(AMOUNT.findall(after)) - Counter(AMOUNT.findall(before))
        assert sum(gone.values()) == sum(new.values()) == 1, (sample.original.name, gone, new)
        assert sample.sample.data.startswith(sample.original.data)  # an update appended, not a rewrite


def test_the_redrawn_amount_is_in_the_text_layer_over_the_old_one(tampered: list[TamperedSample]) -> None:
    for sample in (s for s in tampered if s.variant == "redrawn_amount"):
        before, after = pdf_text(sample.original.data), pdf_text(sample.sample.data)
        new = Counter(AMOUNT.findall(after)) - Counter(AMOUNT.findall(before))
        assert sum(new.values()) == 1, sample.original.name


def test_clean_documents_rarely_carry_a_medium_or_high_signal() -> None:
    # The quick set (no scans of the payslip families); bench builds the full one.
    corpus = clean_corpus(today=TODAY, per_family=1, captures=False)
    flagged = [(d.name, d.tags, signals(d)) for d in corpus if highest(signals(d)) in {"MEDIUM", "HIGH"}]
    print(f"clean documents with a MEDIUM or HIGH signal: {len(flagged)}/{len(corpus)}")
    assert len(corpus) >= 80
    assert {d.content_type for d in corpus} >= {"application/pdf", "image/png", "image/jpeg"}
    # The shapes real issuers and phones produce are in the set: signatures, linearized files, capture EXIF.
    tags = {tag for d in corpus for tag in d.tags}
    assert {"clean:signed_incremental", "clean:linearized", "clean:payroll_producer", "clean:capture_exif"} <= tags
    assert len(flagged) <= 0.02 * len(corpus), flagged
