"""A permission refused is logged as one line; a server error keeps its traceback (e2e probe 18 found a routine 403 in
the admin logged with a 30-line traceback)."""

from __future__ import annotations

import logging
import sys

from django.core.exceptions import PermissionDenied

from config.logging import RoutineRefusalWithoutTracebackFilter


def record_with(exception: BaseException) -> logging.LogRecord:
    try:
        raise exception
    except BaseException:
        info = sys.exc_info()
    return logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Forbidden: %s", ("/admin/",), info)


def test_a_permission_refused_is_logged_without_its_traceback() -> None:
    record = record_with(PermissionDenied())
    assert RoutineRefusalWithoutTracebackFilter().filter(record) is True
    assert record.exc_info is None
    assert "Traceback" not in logging.Formatter().format(record)


def test_a_server_error_keeps_its_traceback() -> None:
    record = record_with(ValueError("boom"))
    assert RoutineRefusalWithoutTracebackFilter().filter(record) is True
    assert "Traceback" in logging.Formatter().format(record)
