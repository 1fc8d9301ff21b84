"""Blind probe r76c, F2: a table of codes whose legend at the foot captions them ("930 150,00" ... "930 – Desconto
judicial (penhora)"): the penhora went unsaid to staff, while the advance of the same legend was added back. Lines of
our own wording; numbers of our own."""

from __future__ import annotations

from documents.extraction.garnishment import garnished
from documents.extraction.reader import Line

# --- F2: a coded row takes its legend's caption for the penhora too ----------------------------------------------


CODED_SLIP = (
    "Código Remunerações Descontos",
    "110 1.180,00",
    "130 132,00",
    "910 142,78",
    "920 92,00",
    "930 {penhora}",
    "TOT 1.312,00 384,78",
    "Líquido 927,22",
    "Legenda dos códigos:",
    "110 - Vencimento base",
    "130 — Subsídio de alimentação",
    "910 - Segurança Social",
    "920 - IRS",
    "930 — Desconto judicial (penhora)",
)


def coded_lines(penhora: str) -> list[Line]:
    return [Line(text.format(penhora=penhora), 0.93) for text in CODED_SLIP]


def test_a_coded_row_the_legend_captions_a_penhora_is_a_garnishment() -> None:
    assert garnished(coded_lines("150,00"))


def test_a_coded_penhora_row_of_nothing_is_none() -> None:
    # Guard: "930 0,00" withholds nothing; nor is the legend's entry, with no amount, a penhora withheld.
    assert not garnished(coded_lines("0,00"))


def test_a_penhora_row_printing_its_caption_is_still_one() -> None:
    # Guard: the printed caption, as before.
    assert garnished([Line("Penhora de vencimento (proc. 123/2026) 150,00", 1.0)])
    assert not garnished([Line("Sem penhoras", 1.0), Line("Vencimento base 1.180,00", 1.0)])
