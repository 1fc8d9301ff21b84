"""The version stored with each extraction names the code that read it, without anyone bumping a number."""

from __future__ import annotations

import re
from pathlib import Path

from documents.extraction.local import RELEASE, LocalExtractor, source_version
from documents.models import ExtractedData


def write_source(root: Path, parser_text: str) -> Path:
    (root / "parsers").mkdir(parents=True)
    (root / "reader.py").write_text("READ = 1\n")
    (root / "parsers" / "payslip.py").write_text(parser_text)
    return root


def test_a_change_to_any_parser_gives_another_version(tmp_path: Path) -> None:
    before = source_version("1.1.0", write_source(tmp_path / "a", "GROSS = 'ilíquido'\n"))
    after = source_version("1.1.0", write_source(tmp_path / "b", "GROSS = 'bruto'\n"))
    same = source_version("1.1.0", write_source(tmp_path / "c", "GROSS = 'ilíquido'\n"))
    assert before != after
    assert before == same


def test_a_file_moved_to_another_module_is_another_version(tmp_path: Path) -> None:
    moved = tmp_path / "moved"
    (moved / "parsers").mkdir(parents=True)
    (moved / "parsers" / "reader.py").write_text("READ = 1\n")
    (moved / "payslip.py").write_text("GROSS = 'ilíquido'\n")
    assert source_version("1.1.0", moved) != source_version(
        "1.1.0", write_source(tmp_path / "a", "GROSS = 'ilíquido'\n")
    )


def test_the_local_extractor_s_version_is_its_release_and_the_digest_and_fits_its_column() -> None:
    version = LocalExtractor().version
    assert re.fullmatch(re.escape(RELEASE) + r"\+[0-9a-f]{12}", version)
    assert len(version) <= ExtractedData._meta.get_field("extractor_version").max_length
