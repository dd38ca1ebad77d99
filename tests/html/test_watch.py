"""``argmap watch``: serves the brief on the loopback, re-renders on every save, the
open page reloads by itself, and a case that does not validate shows file:line."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from argmap.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "ad_tool_dispute.yaml"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_until_served(url: str, proc: subprocess.Popen[str], limit: float = 90.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"argmap watch exited: {proc.communicate()}")
        try:
            _get(url)
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing served at {url} within {limit:.0f} s")


def _wait_for(condition: Any, limit: float = 60.0) -> None:
    """Poll ``condition`` (the page's policy forbids the evaluated strings that
    Playwright's own wait_for_function would use)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the page did not change in time")
        time.sleep(0.05)


def test_watch_rerenders_on_save_and_the_page_reloads(page: Any, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    text = EXAMPLE.read_text("utf-8")
    case.write_text(text, "utf-8")
    out = tmp_path / "brief.html"
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", "watch", str(case), "-o", str(out), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_until_served(url, proc)
        assert "Why Microsoft dropped Twitter" in _get(url)
        page.goto(url + "#node=C_principled")
        page.wait_for_selector("html[data-ready]", state="attached")
        assert page.locator("#panel-title").text_content() == "C_principled"

        # a save: the open page reloads with the new text, the link kept
        saved = time.monotonic()
        case.write_text(
            text.replace("title: Why Microsoft", "title: EDITED Why Microsoft"), "utf-8"
        )
        _wait_for(lambda: "EDITED" in page.title())
        print(f"save to reloaded page: {time.monotonic() - saved:.2f} s")
        page.wait_for_selector("html[data-ready]", state="attached")
        assert page.locator("#panel-title").text_content() == "C_principled"
        assert "EDITED" in out.read_text("utf-8")

        # a save that breaks the case: the page says where, the file keeps the last map
        broken = text.replace("schema_version: 1\n", "schema_version: 1\nbogus_field: 3\n")
        case.write_text(broken, "utf-8")
        error = page.wait_for_selector("#argmap-error", timeout=60_000)
        line = 1 + broken.splitlines().index("bogus_field: 3")
        assert error is not None
        assert re.search(rf"case\.yaml:{line}: bogus_field", error.text_content() or "")
        assert "EDITED" in out.read_text("utf-8")

        # fixed again: the map is back
        case.write_text(text, "utf-8")
        page.wait_for_selector("section.map svg", timeout=60_000)
        assert "EDITED" not in page.title()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert page.errors == []


def test_watch_refuses_a_port_in_use(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["watch", str(case), "-o", str(tmp_path / "b.html"), "--port", str(port)])
    assert code == 2
    err = capsys.readouterr().err
    assert f"--port {port}: cannot serve on 127.0.0.1" in err
    assert len(err.strip().splitlines()) == 1
