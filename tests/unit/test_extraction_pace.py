"""The slow-work signal a batch of documents hands its rest on with (ADR 016, amendment)."""

from __future__ import annotations

from documents.extraction.pace import before_slow_work, slow_work_starts


def test_the_callback_runs_once_a_block_and_only_inside_it() -> None:
    calls: list[str] = []
    slow_work_starts()  # outside any block: nobody listens
    with before_slow_work(lambda: calls.append("first")):
        slow_work_starts()
        slow_work_starts()  # a second Tesseract call of the same document
    slow_work_starts()
    with before_slow_work(lambda: calls.append("second")):
        slow_work_starts()
    assert calls == ["first", "second"]


def test_a_block_without_a_callback_hides_the_one_around_it() -> None:
    calls: list[str] = []
    with before_slow_work(lambda: calls.append("outer")):
        with before_slow_work(None):  # the batch's last document: nothing to hand on
            slow_work_starts()
        assert calls == []
        slow_work_starts()
    assert calls == ["outer"]
