"""Shared fixtures: two agencies (alice's and bob's) and an outsider, like healthchecks' tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rest_framework.test import APIClient

from applicants.services import AgencyCredentials, agency_create


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The e2e tests first, in the (random) order they came in; everything else after them as before.

    They are the longest tests (real processes, OCR, a browser): started first,
    xdist's round-robin first batch spreads them over both workers and the short
    tests fill in behind, instead of one worker finishing alone on an e2e test
    while the other idles. ``trylast``: after pytest-randomly and pytest-django
    have ordered the list; the sort is stable, so their order holds within each part.
    """
    items.sort(key=lambda item: item.get_closest_marker("e2e") is None)


@pytest.fixture(autouse=True)
def _isolated_data_dir(settings: Any, tmp_path: Path) -> None:
    """Every test writes objects and events under its own temporary folder."""
    settings.DATA_DIR = tmp_path
    settings.LOCAL_STORAGE_DIR = tmp_path / "objects"
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
