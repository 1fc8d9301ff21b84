"""The words a person is found by in the staff's search (ADR 046): what is one word, what is none."""

from __future__ import annotations

from typing import Any

import pytest

from applicants.crypto import name_word_digests, name_words


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("Conceição Sousa-Lopes", {"conceicao", "sousa", "lopes"}),
        ("CONCEICAO SOUSA LOPES", {"conceicao", "sousa", "lopes"}),
        ("Ana Rita da Silva e Costa", {"ana", "rita", "silva", "costa"}),
        ("João D'Almeida", {"joao", "almeida"}),
        ("Maria J. Ferreira", {"maria", "ferreira"}),
        ("Ferreira, Ana", {"ferreira", "ana"}),
        ("José  Júnior\tdos Santos", {"jose", "junior", "santos"}),
        ("Nguyễn Văn An", {"nguyen", "an"}),  # "van" read as the Dutch particle: dropped from a search alike
    ],
)
def test_a_name_s_words_are_its_whole_words_without_accents_case_or_particles(written: str, words: set[str]) -> None:
    assert name_words(written) == words


@pytest.mark.parametrize("term", ["", "de", "J.", "da e do", "12345", "  - ' "])
def test_a_term_with_no_word_a_name_is_found_by_has_no_digest(term: str) -> None:
    assert name_word_digests(term) == set()


def test_digests_are_keyed_and_apart_from_the_nif_index(settings: Any) -> None:
    from applicants.crypto import blind_index

    first = name_word_digests("Ana Ferreira")
    assert name_word_digests("ana FERREIRA") == first
    assert blind_index("ferreira") not in first  # the same word as another index's value hashes differently
    settings.BLIND_INDEX_KEY = "another-blind-index-key-of-32-characters-x"
    assert name_word_digests("Ana Ferreira").isdisjoint(first)
