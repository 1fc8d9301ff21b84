"""Blind security probe c27: a "payslip" PDF carrying an .exe and an open action that launches it was read and
served to staff with no signal. PDF_ACTIVE_CONTENT: a program attached or a /Launch action (MEDIUM); other
attachments, an e-invoice's XML (LOW); a plain payslip has none."""

from __future__ import annotations

import io
import tracemalloc
import zlib
from typing import Any

import pikepdf

from documents.extraction.forensics import file_signals
from tests.unit.test_forensics_round26 import payslip

PDF = "application/pdf"


def active(data: bytes) -> list[dict[str, Any]]:
    return [signal for signal in file_signals(data, content_type=PDF) if signal["code"] == "PDF_ACTIVE_CONTENT"]


def edited(data: bytes, change: Any) -> bytes:
    pdf = pikepdf.open(io.BytesIO(data))
    change(pdf)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def attach(name: str, content: bytes) -> Any:
    def change(pdf: pikepdf.Pdf) -> None:
        pdf.attachments[name] = pikepdf.AttachedFileSpec(pdf, content, filename=name)

    return change


def test_a_plain_payslip_has_no_active_content() -> None:
    assert active(payslip()) == []


def test_an_attached_program_is_medium_by_its_content_whatever_its_name() -> None:
    for name in ("setup.exe", "recibo_detalhe.dat"):
        found = active(edited(payslip(), attach(name, b"MZ\x90\x00" + b"\x00" * 200)))
        assert [signal["severity"] for signal in found] == ["MEDIUM"], name
        assert found[0]["evidence"] == {"launch_actions": [], "attachments": 1, "programs": 1}
        assert name not in str(found[0]), "a file's name can be a person's: not in the evidence"


def test_a_launch_action_on_open_is_medium() -> None:
    def launch(pdf: pikepdf.Pdf) -> None:
        pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe")))

    found = active(edited(payslip(), launch))
    assert [signal["severity"] for signal in found] == ["MEDIUM"]
    assert found[0]["evidence"]["launch_actions"] == ["OpenAction"]


def test_an_e_invoices_xml_attachment_is_only_low() -> None:
    xml = b'<?xml version="1.0"?><rsm:CrossIndustryInvoice/>'
    found = active(edited(payslip(), attach("factur-x.xml", xml)))
    assert [signal["severity"] for signal in found] == ["LOW"]


def test_an_attachments_head_is_read_without_inflating_all_of_it() -> None:
    # 64 MB of zeros behind an executable's magic, compressed: the check reads its first bytes only.
    bomb = zlib.compress(b"MZ" + b"\x00" * (64 * 1024 * 1024), 9)

    def change(pdf: pikepdf.Pdf) -> None:
        stream = pikepdf.Stream(pdf, bomb)
        stream.Filter = pikepdf.Name.FlateDecode
        spec = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String("data"),
                                                    EF=pikepdf.Dictionary(F=stream)))  # fmt: skip
        pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(Names=pikepdf.Array(["data", spec])))

    data = edited(payslip(), change)
    tracemalloc.start()
    try:
        found = active(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [signal["severity"] for signal in found] == ["MEDIUM"]
    assert peak < 16 * 1024 * 1024
