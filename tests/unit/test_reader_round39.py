"""Blind probe r39a: the full stop of "Lda." before a wide gap was painted out as a dotted leader, and every
accountant's slip gave its employer as "..., Lda" (the registry's name has the stop). A leader's dots run along the
stretch they fill; a full stop is a mark or two at its start. Pages of our own."""

from __future__ import annotations

from PIL import Image, ImageChops, ImageDraw, ImageFont

from documents.extraction.reader import erase_leaders

FONT = ImageFont.truetype("DejaVuSerif.ttf", 30)


def row(label: str, gap: str, value: str, *, gap_offset: int = 0) -> Image.Image:
    page = Image.new("L", (1600, 120), 255)
    draw = ImageDraw.Draw(page)
    draw.text((40, 40), label, font=FONT, fill=0)
    start = 40 + draw.textlength(label, font=FONT)
    draw.text((start + gap_offset, 40), gap, font=FONT, fill=0)
    draw.text((1200, 40), value, font=FONT, fill=0)
    return page


def ink_removed(page: Image.Image) -> int:
    difference = ImageChops.difference(page, erase_leaders(page))
    return sum(1 for level in difference.tobytes() if level > 64)


def test_a_full_stop_before_a_wide_gap_is_kept() -> None:
    # The stop set a little apart from the "a", as a wide typeface or an enlarged photo leaves it.
    for offset in (0, 12, 24):
        assert ink_removed(row("Padaria Flor do Minho, Lda", ".", "NIPC 503 219 874", gap_offset=offset)) == 0


def test_a_dotted_leader_is_still_painted_out() -> None:
    assert ink_removed(row("Vencimento base", " " + "." * 60, "1.520,32")) > 50
