"""Shared fixtures: two agencies (alice's and bob's) and an outsider, like healthchecks' tests."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from rest_framework.test import APIClient

from applicants.services import AgencyCredentials, agency_create
from documents.storage import store_make
from tests import SHARED_DIR_VARIABLE


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The e2e tests first, those with stacks of their own (the longest) ahead; then the other OCR tests; the rest last.

    They are the longest tests (real processes, OCR, a browser), and mostly wait. The scheduler
    below hands the tests out a few at a time in this order, so they start first, spread over
    the workers, and the short tests fill in behind. (xdist's default ``load`` scheduling sends
    each worker a contiguous quarter of the list first: one worker got every e2e test and ran
    them one after the other, 200 s, while the other ran the rest and then idled.)
    The OCR tests next for the same reason: a 15 s test dealt last would run alone at the end.
    ``trylast``: after pytest-randomly and pytest-django have ordered the list; the sort is
    stable, so their order holds within each part.
    """
    items.sort(
        key=lambda item: (
            item.get_closest_marker("e2e") is None,
            "stacks" not in _fixtures(item),
            item.get_closest_marker("ocr") is None,
        )
    )


def _fixtures(item: pytest.Item) -> tuple[str, ...]:
    return tuple(getattr(item, "fixturenames", ()))


# The tests on the session's shared e2e stack (``embedded_stack``). Each xdist worker that runs one
# starts a shared stack of its own (a web server and a worker, about 6 s of CPU), so the scheduler
# below hands them all to one worker. Only a hint: a test missing here still passes, on a stack
# its worker starts for it.
SHARED_STACK_TESTS = (
    "tests/e2e/test_admin_browser.py::",
    "tests/e2e/test_household_browser.py::",
    "tests/e2e/test_households_pipeline.py::",
    "tests/e2e/test_intake_page.py::",
    "tests/e2e/test_second_round_browser.py::",
    "tests/e2e/test_second_round_pipeline.py::",
    "tests/e2e/test_worker_pipeline.py::test_embedded_broker_runs_the_chain_with_a_real_worker",
)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """xdist's scopes scheduler with every test its own unit of work except the shared-stack tests, one unit.

    Units go out one at a time, in collection order after the largest unit (the shared-stack
    tests), as a worker runs low; so the long tests start first on every worker. (pytest-xdist's
    own ``--dist loadgroup`` would do it with ``xdist_group`` marks, but its worker-side hook
    renames test ids through an attribute pytest 9 no longer has, and groups nothing.)
    """
    if config.getvalue("dist") != "load":  # an explicit --dist other than the default
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedStackScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "embedded_stack" if nodeid.startswith(SHARED_STACK_TESTS) else nodeid

    return SharedStackScheduling(config, log)


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    """Under xdist, the workers' common basetemp is where ``tests.helpers.built_once_per_run`` shares sample files.

    Passed on in the environment: importing ``tests.helpers`` here would import the sample modules
    before pytest-cov starts measuring in the worker (``pytest_sessionstart``), and lose their lines.
    """
    if os.environ.get("PYTEST_XDIST_WORKER"):
        os.environ[SHARED_DIR_VARIABLE] = str(config._tmp_path_factory.getbasetemp().parent)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under xdist, the controller builds the e2e tests' migrated template while the workers collect.

    Building it takes a Django start for ``migrate`` and one for the agency pool (about 8 s here); done
    by the first worker to reach an e2e test, the other waited for it on the lock with a core idle.
    The workers find it built, or wait on the same lock (``tests.e2e.stack.ensure_template``).
    """
    config = session.config
    if os.environ.get("PYTEST_XDIST_WORKER") or not getattr(config.option, "numprocesses", None):
        return
    if "not e2e" in (config.option.markexpr or "") or not _runs_e2e(config):
        return
    from tests.e2e.stack import ensure_template

    root = config._tmp_path_factory.getbasetemp()  # the folder xdist hands its workers (their basetemp's parent)
    threading.Thread(target=ensure_template, args=(root,), name="e2e-template", daemon=True).start()


def _runs_e2e(config: pytest.Config) -> bool:
    e2e = Path(__file__).parent / "e2e"
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::")[0]).resolve()
        if path == e2e or e2e in path.parents or path in e2e.parents:
            return True
    return False


def _sqlite_test_database() -> bool:
    """The test database is Django's in-memory SQLite one (the embedded default, not ``DATABASE_URL``'s PostgreSQL)."""
    from django.conf import settings

    databases = settings.DATABASES
    default = databases.get("default", {})
    return (
        set(databases) == {"default"}
        and default.get("ENGINE") == "django.db.backends.sqlite3"
        and not default.get("TEST", {}).get("NAME")
    )


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings: None) -> Iterator[None]:
    """Under xdist on SQLite, one worker migrates its in-memory test database and the others copy it.

    pytest-django's ``django_db_setup`` (which asks for this fixture just before it creates the test
    database) ran every migration in every worker, 3-4 s of CPU each under coverage. Now the first
    worker to get there runs Django's ``migrate`` as before and leaves a copy of the result in the
    run's shared folder (SQLite's backup API); a worker that finds the copy loads it into its own
    in-memory database instead of migrating (the same tables, rows and indexes). A worker that
    arrives while the first one migrates waits for it on a lock file. Everything else of the setup
    (``createcachetable``, the connection, the teardown) runs as before, and any other ``migrate``
    (a test's own) is untouched: the stand-in takes the one call ``create_test_db`` makes, then puts
    the real ``call_command`` back.
    """
    shared = os.environ.get(SHARED_DIR_VARIABLE)
    if not shared or not os.environ.get("PYTEST_XDIST_WORKER") or not _sqlite_test_database():
        yield
        return
    import fcntl
    import sqlite3

    from django.core import management
    from django.db import connections

    migrated = Path(shared) / "test-database-migrated.sqlite3"
    real_call_command = management.call_command

    def call_command(name: Any, *args: Any, **options: Any) -> Any:
        if name != "migrate" or args or options.get("database") != "default" or not options.get("run_syncdb"):
            return real_call_command(name, *args, **options)
        management.call_command = real_call_command
        connection = connections["default"]
        with migrated.with_name(f"{migrated.name}.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if migrated.exists():
                connection.ensure_connection()
                source = sqlite3.connect(f"file:{migrated}?mode=ro", uri=True)
                try:
                    source.backup(connection.connection)
                finally:
                    source.close()
                return None
            result = real_call_command(name, *args, **options)
            connection.ensure_connection()
            partial = migrated.with_name(f"{migrated.name}.partial")
            target = sqlite3.connect(partial)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
            partial.replace(migrated)
            return result

    management.call_command = call_command
    try:
        yield
    finally:
        management.call_command = real_call_command


@pytest.fixture(scope="session", autouse=True)
def _tesseract_once_per_image() -> Iterator[None]:
    """Under xdist, Tesseract reads a given image with given options and limits once per run.

    Several tests OCR the same rendered pages (a prepared case's ID card, a corpus scan), each
    reading 0.5-2 s of CPU. ``documents.extraction.reader.tesseract_data`` (and ``mrz_ocr``'s
    reference to it) is wrapped: the first worker to read an image runs the real function and, when
    it succeeds, leaves its columns in the run's shared folder (``tests.helpers.built_once_per_run``,
    imported here, after coverage has started); a later read of the same bytes with
    the same options, time limit, memory limit and binary gets those columns. A failure (a refused
    image, a timeout, no binary) is never kept, so every test that expects one still runs Tesseract.
    """
    shared = os.environ.get(SHARED_DIR_VARIABLE)
    if not shared or not os.environ.get("PYTEST_XDIST_WORKER"):
        yield
        return
    import hashlib
    import shutil

    from django.conf import settings

    from documents.extraction import mrz_ocr, reader
    from tests.helpers import built_once_per_run

    real = reader.tesseract_data

    def tesseract_data(path: str, **kwargs: Any) -> dict[str, list[Any]]:
        key = hashlib.sha256(Path(path).read_bytes())
        limits = (settings.EXTRACTION_OCR_TIMEOUT_SECONDS, settings.EXTRACTION_OCR_MAX_MEMORY_MB)
        key.update(repr((kwargs, *limits, shutil.which("tesseract"))).encode())
        # A read that raises leaves nothing behind: the next test to ask runs Tesseract again.
        return built_once_per_run(f"tesseract-{key.hexdigest()}", lambda: real(path, **kwargs))

    reader.tesseract_data = tesseract_data  # type: ignore[assignment]
    mrz_ocr.tesseract_data = tesseract_data  # type: ignore[assignment]
    try:
        yield
    finally:
        reader.tesseract_data = real
        mrz_ocr.tesseract_data = real


@pytest.fixture(autouse=True)
def _isolated_data_dir(settings: Any, tmp_path: Path) -> None:
    """Every test writes objects and events under its own temporary folder."""
    settings.DATA_DIR = tmp_path
    settings.LOCAL_STORAGE_DIR = tmp_path / "objects"
    # As `migrate` makes it (a deployed store has its top folder): one missing is an outage, an unmounted volume,
    # not missing files, and readiness checks it and makes nothing (blind probe r58a, F2 and F8).
    store_make(settings.LOCAL_STORAGE_DIR)
    settings.EVENTS_FILE = tmp_path / "events.jsonl"
    settings.STORAGE_BACKEND = "local"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.PUBLIC_BASE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def _fresh_cache(settings: Any) -> Iterator[None]:
    """Throttle counters live in the cache; no test inherits another's.

    The suite counts in process memory: the configured database cache needs the
    database, which most unit tests never open. Tests of the shared cache itself
    switch back to ``config.settings.CACHES``.
    """
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tests",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Every test starts in the project's language. The intake's views activate the language a request asks for
    (``?lang=en``) on the thread, as LocaleMiddleware does, and a request in a test leaves it active: a later test on
    the same xdist worker read the admin's labels in English (CI, 2026-12-07, under one random order)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def alice(db: Any) -> AgencyCredentials:
    return agency_create(name="Imobiliária Alice", staff_email="alice@alice.test", password="alice-Pa55word!")


@pytest.fixture
def bob(db: Any) -> AgencyCredentials:
    return agency_create(name="Imobiliária Bob", staff_email="bob@bob.test", password="bob-Pa55word!")


@pytest.fixture
def outsider(db: Any) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username="eve@nowhere.test", password="eve-Pa55word!")


def api_client_for(credentials: AgencyCredentials | None) -> APIClient:
    client = APIClient()
    if credentials is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {credentials.token}")
    return client


@pytest.fixture
def alice_api(alice: AgencyCredentials) -> APIClient:
    return api_client_for(alice)


@pytest.fixture
def bob_api(bob: AgencyCredentials) -> APIClient:
    return api_client_for(bob)


@pytest.fixture
def anonymous_api() -> APIClient:
    return APIClient()


@pytest.fixture
def celery_eager() -> Iterator[None]:
    """Run tasks in-process; set and restore conf (monkeypatching it breaks teardown)."""
    from config.celery import app

    saved = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved


@pytest.fixture
def queued() -> Iterator[Any]:
    """The queue boundary: what would be sent to the broker (``pipeline_start`` replaced, the run recorded only)."""
    with mock.patch("screening.pipeline.pipeline_start") as pipeline_start:
        yield pipeline_start
