"""The browser the HTML tests drive: Debian's chromium, found on the machine.

Browsers are not downloaded here (``playwright install`` fetches its own build, which
this project cannot); ``.ci/run`` installs the ``chromium`` package when it is missing.
Without it the browser tests fail with a message saying so: they are never skipped.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CANDIDATES = ("chromium", "chromium-browser")


def chromium_path() -> str | None:
    """``$ARGMAP_CHROMIUM``, else the first chromium on the PATH."""
    given = os.environ.get("ARGMAP_CHROMIUM")
    if given:
        return given if Path(given).is_file() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        pytest.fail(
            "the browser tests need Debian's chromium: run `apt-get install -y chromium` "
            "(.ci/run does) or set ARGMAP_CHROMIUM to a chromium binary"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page with no network beyond file:// and the loopback; JS errors fail."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("file:", "http://127.0.0.1", "data:"))
            else route.abort()
        ),
    )
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.errors = errors
    yield pg
    context.close()
