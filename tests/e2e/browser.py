"""Playwright's Python package driving Debian's Chromium (never a downloaded browser)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS_DIR", Path(__file__).resolve().parents[2] / "test-artifacts"))


@contextmanager
def browser_page(*, width: int = 1280, height: int = 900, locale: str = "pt-PT", **options: Any) -> Iterator[Any]:
    """A page that fails the test, once it is done, if the Content-Security-Policy blocked anything
    (an inline script or style, a source it does not list): Chromium logs each to the console."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            # ``options`` are Playwright's context options (a phone's ``is_mobile``, ``has_touch``, ...).
            context = browser.new_context(
                **{"viewport": {"width": width, "height": height}, "locale": locale, **options}
            )
            context.set_default_timeout(20_000)
            page = context.new_page()
            violations: list[str] = []
            page.on("console", lambda message: csp_violation(message.text, violations))
            yield page
            assert not violations, f"Content-Security-Policy violations: {violations}"
        finally:
            browser.close()


def csp_violation(text: str, violations: list[str]) -> None:
    # "Refused to load ..." and "Executing inline script violates ..." both name the policy.
    if "Content Security Policy" in text or "Content-Security-Policy" in text:
        violations.append(text)


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
