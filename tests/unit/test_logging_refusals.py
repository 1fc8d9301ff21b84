"""A permission refused is logged as one line; a server error keeps its traceback (e2e probe 18 found a routine 403 in
the admin logged with a 30-line traceback). Request lines keep no link token (blind security probe c27)."""

from __future__ import annotations

import logging
import sys

from django.contrib.admin.exceptions import DisallowedModelAdminLookup
from django.core.exceptions import PermissionDenied

from config.logging import RoutineRefusalWithoutTracebackFilter, redact


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


def test_a_request_refused_as_suspicious_is_logged_without_its_traceback() -> None:
    # An admin filter the model does not allow, a Host not allowed: ``django.security`` logs them at ERROR with the
    # traceback, for what is a client's 400 (blind security probe c27).
    record = record_with(DisallowedModelAdminLookup("Filtering by organization__name not allowed"))
    assert RoutineRefusalWithoutTracebackFilter().filter(record) is True
    assert "Traceback" not in logging.Formatter().format(record)


TOKEN = "Xq3v_9kP-2mZr8TtY4bN6cW1hJ0sD5fGa7LuEoQiRwS"  # secrets.token_urlsafe(32)'s shape: 43 characters
APPLICANT_ID = "0f8e2c4a-1b3d-4e5f-9a7b-6c5d4e3f2a1b"


def test_a_token_in_a_mistyped_route_is_redacted() -> None:
    for path in (f"/api/v1/intakes/{TOKEN}", f"/api/v1/{TOKEN}", f"/api/v1/intake/{TOKEN}/statuss"):
        line = redact(f'"GET {path} HTTP/1.1" 404 58')
        assert TOKEN not in line, path
        assert "[token]" in line


def test_ids_and_ordinary_paths_stay_in_the_log() -> None:
    for path in (f"/api/v1/applicants/{APPLICANT_ID}/status", f"/storage/documents/{APPLICANT_ID}.pdf", "/admin/"):
        assert redact(path) == path
