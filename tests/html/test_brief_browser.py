"""The interactive brief in a real browser (headless Debian chromium via Playwright).

One page of the worked case (with its scenarios and the seed articles) is written once;
each test loads it from disk with every non-local request refused, acts as a reader
would, and checks the DOM and screenshots. Screenshots go to $ARGMAP_SCREENSHOTS when
set (to look at them), else to a temporary folder.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from argmap.cli import main
from argmap.html import write_html_brief
from argmap.io.casefile import load

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
MARK = (255, 224, 102)  # the highlight behind a quote (brief.css: mark)


@pytest.fixture(scope="module")
def brief(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("brief") / "brief.html"
    code = main(
        [
            "html",
            str(REPO / "seeds" / "musk_v_microsoft.yaml"),
            "--scenarios",
            str(REPO / "scenarios"),
            "--sources",
            str(SEEDS),
            "-o",
            str(out),
        ]
    )
    assert code == 0
    return out


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("ARGMAP_SCREENSHOTS")
    folder = Path(given) if given else tmp_path_factory.mktemp("shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _open(page: Any, path: Path, fragment: str = "") -> None:
    page.goto(path.as_uri() + fragment)
    page.wait_for_selector("html[data-ready]", state="attached")


def _highlighted_pixels(png: bytes) -> int:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return sum(
        count
        for count, rgb in (image.getcolors(image.width * image.height) or [])
        if all(abs(a - b) <= 8 for a, b in zip(rgb, MARK, strict=True))
    )


def test_loads_offline_with_every_node_focusable(page: Any, brief: Path) -> None:
    _open(page, brief)
    assert page.errors == []
    assert page.locator("section.map").count() >= 3  # overview, full map, issues
    assert page.locator("section.map.active").get_attribute("id") == "map-overview"
    node = page.locator('#map-overview g.node[data-node="C_lawful"]')
    assert node.get_attribute("tabindex") == "0"
    assert node.get_attribute("role") == "button"
    assert node.get_attribute("aria-label").startswith("C_lawful (claim): ")
    # no id appears twice in the page although every map draws C_lawful
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))


def test_click_a_claim_opens_its_panel(page: Any, brief: Path, shots: Path) -> None:
    _open(page, brief)
    page.locator('#map-overview g.node[data-node="C_lawful"]').click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    assert page.locator("#panel-title").text_content() == "C_lawful"
    text = panel.inner_text()
    assert "Any use of Twitter data to train AI was lawful" in text
    assert "verdict" in text and "preponderance" in text and "burden" in text
    assert "C_lawful is in" in text  # the explanation of its label
    assert "rests on" in text  # and what its strength rests on
    assert "Over time" in text  # its line of the timeline
    assert page.url.endswith("#node=C_lawful")
    page.screenshot(path=str(shots / "claim-panel.png"))


def test_evidence_panel_shows_the_quote_highlighted_in_its_passage(
    page: Any, brief: Path, shots: Path
) -> None:
    _open(page, brief, "#node=E_tweet")
    assert page.locator("#panel").is_visible()
    assert page.locator("section.map.active").get_attribute("id") == "map-full"
    passage = page.locator("#panel blockquote.passage")
    assert passage.locator("mark").text_content() == (
        "They trained illegally using Twitter data. Lawsuit time."
    )
    spans = passage.locator("span").all_text_contents()
    assert spans and "Recommended Videos" in spans[0]  # the text around it, from the source
    shot = page.screenshot(path=str(shots / "evidence-panel.png"))
    assert _highlighted_pixels(shot) > 2000  # the highlight is drawn, not only in the DOM
    assert _highlighted_pixels(passage.screenshot()) > 2000


def test_precedent_argument_shows_citation_and_weight(page: Any, brief: Path) -> None:
    _open(page, brief, "#node=AP_hiq")
    text = page.locator("#panel").inner_text()
    assert "Precedent" in text and "citation" in text and "standing" in text
    assert "authority" in text and "on point" in text  # describe_weight in words


def test_open_critical_questions_are_listed(page: Any, tmp_path: Path) -> None:
    case_file = tmp_path / "case.yaml"
    case_file.write_text(
        "schema_version: 1\ntitle: t\n"
        "claims:\n  - {id: C, text: the conclusion}\n  - {id: P, text: the sign}\n"
        "arguments:\n  - {id: A, conclusion: C, premises: [P], scheme: sign}\n",
        "utf-8",
    )
    out = write_html_brief(load(case_file), tmp_path / "b.html")
    _open(page, out, "#node=A")
    text = page.locator("#panel").inner_text()
    assert "Open critical questions" in text
    assert "(sign)" in text


def test_scenario_recolours_map_and_table_and_diff_mode(
    page: Any, brief: Path, shots: Path
) -> None:
    _open(page, brief)
    row = page.locator('#claim-table tr[data-node="C_suit"]')
    before = row.locator("td").nth(5).text_content()
    shape = page.locator('#map-overview g.node[data-node="C_suit"] path').first
    assert shape.evaluate("e => e.style.stroke") == ""
    page.select_option("#scenario", label="suit filed")
    after = row.locator("td").nth(5).text_content()
    assert after != before
    assert "→" in row.locator("td").nth(6).text_content()
    assert shape.evaluate("e => e.style.stroke") != ""  # recoloured from the results
    assert "scenario=suit%20filed" in page.url
    page.check("#diff")
    assert "changed" in row.get_attribute("class")
    assert (
        page.locator("#claim-table tbody tr:not([hidden])").count()
        < page.locator("#claim-table tbody tr").count()
    )
    changed = page.locator('#map-overview g.node[data-node="C_suit"]')
    assert "changed" in changed.get_attribute("class")
    same = page.locator('#map-overview g.node[data-node="C_lawful"]')
    assert "same" in same.get_attribute("class")
    page.screenshot(path=str(shots / "scenario-diff.png"))


def test_search_by_text_and_by_id(page: Any, brief: Path) -> None:
    _open(page, brief)
    page.fill("#search", "lawsuit")
    results = page.locator("#search-results button")
    assert results.count() >= 1
    assert page.locator("g.node.hit").count() >= 1
    page.fill("#search", "c_LAWFUL")
    page.locator('#search-results button[data-node="C_lawful"]').click()
    assert page.locator("#panel-title").text_content() == "C_lawful"


def test_a_link_addresses_node_scenario_and_diff(page: Any, brief: Path) -> None:
    _open(page, brief, "#node=C_licensed&scenario=licence%20surfaces&diff=1")
    assert page.locator("#panel-title").text_content() == "C_licensed"
    assert page.locator("#scenario option:checked").text_content() == "licence surfaces"
    assert page.locator("#diff").is_checked()
    assert "licence surfaces" in page.locator("#panel").inner_text()
    # following an in-page link changes the view
    page.evaluate("location.hash = '#node=C_cost&scenario=cost%20reason%20on%20record'")
    deadline = time.monotonic() + 10
    while page.locator("#panel-title").text_content() != "C_cost":
        assert time.monotonic() < deadline, "the link was not followed"
        time.sleep(0.05)
    assert page.locator("#scenario option:checked").text_content() == "cost reason on record"


def test_keyboard_enter_escape_arrows(page: Any, brief: Path) -> None:
    _open(page, brief)
    node = page.locator('#map-overview g.node[data-node="C_lawful"]')
    node.focus()
    page.keyboard.press("ArrowRight")
    moved = page.evaluate("document.activeElement.getAttribute('data-node')")
    assert moved and moved != "C_lawful"
    page.keyboard.press("Enter")
    assert page.locator("#panel-title").text_content() == moved
    assert page.evaluate("document.activeElement.id") == "panel-close"
    page.keyboard.press("Escape")
    assert not page.locator("#panel").is_visible()
    assert page.evaluate("document.activeElement.getAttribute('data-node')") == moved


def test_zoom_pan_and_fit(page: Any, brief: Path) -> None:
    _open(page, brief)
    svg = page.locator("#map-overview svg")
    home = svg.get_attribute("viewBox")
    page.click("#map-overview .zoom-in")
    zoomed = svg.get_attribute("viewBox")
    assert float(zoomed.split()[2]) < float(home.split()[2])
    page.locator("#map-overview .viewport").focus()
    page.keyboard.press("ArrowRight")
    assert svg.get_attribute("viewBox").split()[0] != zoomed.split()[0]
    page.keyboard.press("0")
    assert svg.get_attribute("viewBox") == " ".join(
        str(float(x)).removesuffix(".0") for x in home.split()
    )


def test_readable_without_javascript(browser: Any, brief: Path, shots: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(brief.as_uri())
    assert page.locator("section.map svg").first.is_visible()
    assert page.locator("#claim-table tbody tr").count() >= 20
    assert page.locator("#evidence mark").count() >= 20
    assert page.locator("#timeline table").is_visible()
    assert not page.locator(".controls").is_visible()  # controls need the script
    page.screenshot(path=str(shots / "no-javascript.png"))
    context.close()


def test_hostile_labels_stay_text(page: Any, tmp_path: Path) -> None:
    hostile = "</script><script>window.pwned=1</script><img src=x onerror=window.pwned=2>"
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "s.txt").write_text(f"Before. {hostile} said it. After.", "utf-8")
    case_file = tmp_path / "case.yaml"
    case_file.write_text(
        "schema_version: 1\n"
        f"title: {hostile!r}\n"
        "sources:\n  - {id: S1, outlet: 'o</script>', title: t, file: s.txt}\n"
        "issues:\n  - {id: I1, question: q, proof_standard: preponderance}\n"
        f"claims:\n  - {{id: C1, text: {hostile!r}, issue: I1}}\n"
        f"evidence:\n  - {{id: E1, text: {hostile!r}, source: S1, status: fact,\n"
        f"      quote: {hostile!r}}}\n"
        "relations:\n  - {kind: support, from: E1, to: C1}\n",
        "utf-8",
    )
    out = write_html_brief(load(case_file), tmp_path / "b.html", sources_dir=sources)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _open(page, out, "#node=E1")
    assert page.errors == []
    assert page.evaluate("window.pwned") is None
    assert page.locator("script").count() == 2  # the data and the page's own script
    assert page.locator("img").count() == 0
    assert page.locator("#panel blockquote mark").text_content() == hostile
    assert page.locator("#panel .node-text").text_content() == hostile
    assert page.title() == f"Brief: {hostile}"
    assert dialogs == []
