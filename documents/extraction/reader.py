"""Turn a PDF or image into text lines: the PDF text layer first, else Tesseract OCR.

Bounded on purpose: page count, pixel count and OCR time all have limits so a
hostile file ends as a readable failure instead of eating the worker.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from documents.extraction.errors import ExtractionFailed, ExtractionUnavailable
from documents.sniff import sniff_content_type

# Tesseract's OpenMP threads fight each other on 2 cores: 1 thread is ~3x faster.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

MIN_TEXT_CHARS = 40
OCR_CONFIG = "--psm 6"
OCR_TARGET_WIDTH = 1600
# Only low-resolution images are upscaled (a 150 dpi A4 scan is ~1240 px wide): above
# this width Tesseract reads as well without, and a larger image only costs time (bench/).
OCR_UPSCALE_BELOW = 1400


@dataclass
class Line:
    text: str
    # Mean word confidence 0..1 (1.0 for a PDF text layer).
    confidence: float = 1.0
    word_confidences: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class ReadDocument:
    lines: list[Line]
    pages: int
    method: str  # "text" or "ocr"

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def read_document(data: bytes) -> ReadDocument:
    if not data:
        raise ExtractionFailed("Ficheiro vazio.")
    content_type = sniff_content_type(data[:1024])
    if content_type == "application/pdf":
        return read_pdf(data)
    if content_type in {"image/jpeg", "image/png"}:
        return ReadDocument(lines=ocr_image(open_image(data)), pages=1, method="ocr")
    raise ExtractionFailed("Tipo de ficheiro não suportado (não é PDF, JPEG nem PNG).")


def read_pdf(data: bytes) -> ReadDocument:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise ExtractionFailed("PDF protegido por palavra-passe: envie uma versão sem proteção.") from exc
        raise ExtractionFailed("PDF corrompido ou ilegível.") from exc
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise ExtractionFailed("PDF sem páginas.")
        if page_count > settings.EXTRACTION_MAX_PAGES:
            raise ExtractionFailed(
                f"PDF com demasiadas páginas ({page_count}; máximo {settings.EXTRACTION_MAX_PAGES})."
            )
        lines: list[Line] = []
        used_ocr = False
        for index in range(page_count):
            page = pdf[index]
            text = page.get_textpage().get_text_bounded()
            if len(re.sub(r"\W", "", text)) >= MIN_TEXT_CHARS:
                lines.extend(Line(text=row.strip()) for row in text.splitlines() if row.strip())
                continue
            used_ocr = True
            lines.extend(ocr_image(render_page(page)))
        return ReadDocument(lines=lines, pages=page_count, method="ocr" if used_ocr else "text")
    finally:
        pdf.close()


def render_page(page: Any) -> Any:
    width, height = page.get_size()  # points (1/72 inch)
    scale = settings.EXTRACTION_OCR_DPI / 72
    if width * scale * height * scale > settings.EXTRACTION_MAX_IMAGE_PIXELS:
        scale = (settings.EXTRACTION_MAX_IMAGE_PIXELS / (width * height)) ** 0.5
        if scale < 1:
            raise ExtractionFailed("Página de PDF demasiado grande para ler.")
    return page.render(scale=scale, grayscale=True).to_pil()


def open_image(data: bytes) -> Any:
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise ExtractionFailed("Imagem com demasiados píxeis.") from exc
    except (UnidentifiedImageError, OSError) as exc:
        raise ExtractionFailed("Imagem corrompida ou ilegível.") from exc
    width, height = image.size
    # Checked before decoding: a decompression bomb is small on disk, huge in memory.
    if width * height > settings.EXTRACTION_MAX_IMAGE_PIXELS:
        raise ExtractionFailed("Imagem com demasiados píxeis.")
    try:
        image.load()
    except (OSError, Image.DecompressionBombError, SyntaxError, ValueError) as exc:
        raise ExtractionFailed("Imagem corrompida ou ilegível.") from exc
    return image


def prepare_for_ocr(image: Any) -> Any:
    from PIL import Image, ImageOps

    image = ImageOps.exif_transpose(image) or image
    image = image.convert("L")
    # Small phone crops read far better upscaled to ~1600 px wide.
    if image.width < OCR_UPSCALE_BELOW:
        factor = OCR_TARGET_WIDTH / image.width
        image = image.resize((OCR_TARGET_WIDTH, int(image.height * factor)), Image.Resampling.LANCZOS)
    return image


def ocr_image(image: Any) -> list[Line]:
    prepared = prepare_for_ocr(image)
    # An uncompressed BMP hands the pixels over in ~1 ms; pytesseract's default
    # PNG costs ~20 ms per page to encode.
    with tempfile.NamedTemporaryFile(suffix=".bmp") as handle:
        prepared.save(handle, format="BMP")
        handle.flush()
        data = tesseract_data(handle.name)
    return lines_from_tesseract(data)


def tesseract_data(path: str) -> dict[str, list[Any]]:
    import subprocess

    import pytesseract

    try:
        return pytesseract.image_to_data(  # type: ignore[no-any-return]
            path,
            lang="por",
            config=OCR_CONFIG,
            output_type=pytesseract.Output.DICT,
            timeout=settings.EXTRACTION_OCR_TIMEOUT_SECONDS,
        )
    except RuntimeError as exc:  # pytesseract's timeout
        raise ExtractionFailed("A leitura (OCR) excedeu o tempo máximo.") from exc
    except pytesseract.TesseractNotFoundError as exc:
        raise ExtractionUnavailable("tesseract is not installed") from exc
    except (pytesseract.TesseractError, subprocess.SubprocessError) as exc:
        raise ExtractionFailed("A leitura (OCR) falhou para esta imagem.") from exc


def lines_from_tesseract(data: dict[str, list[Any]]) -> list[Line]:
    grouped: dict[tuple[int, int, int, int], list[tuple[str, float]]] = {}
    for index, word in enumerate(data["text"]):
        word = str(word).strip()
        if not word:
            continue
        key = (data["page_num"][index], data["block_num"][index], data["par_num"][index], data["line_num"][index])
        confidence = max(float(data["conf"][index]), 0.0) / 100
        grouped.setdefault(key, []).append((word, confidence))
    lines = []
    for key in sorted(grouped):
        words = grouped[key]
        lines.append(
            Line(
                text=" ".join(word for word, _ in words),
                confidence=sum(conf for _, conf in words) / len(words),
                word_confidences=words,
            )
        )
    return lines
