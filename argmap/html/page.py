"""The interactive brief as one self-contained HTML file.

The page holds the static maps (inline SVG), the claim, scenario and timeline tables
and every evidence quote in its passage, so it reads without JavaScript and prints;
its small script (``brief.js``, inlined) adds pan and zoom, the side panel, the
scenario selector with a diff mode, search and addressable links (``#node=ID&
scenario=NAME``). Nothing is fetched at view time.

Every text from the case goes through :func:`html.escape` into the markup, and into
the embedded JSON with ``<``, ``>`` and ``&`` written as ``\\u`` escapes, so a label
holding ``</script>`` cannot end the data block.

>>> embed_json({"label": "</script><b>"})
'{"label": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import MapTooLargeError
from argmap.html.data import brief_data
from argmap.io.atomic import write_atomic
from argmap.maps import render
from argmap.model.as_of import at_date
from argmap.semantics.evaluate import evaluate

if TYPE_CHECKING:  # pragma: no cover
    from argmap.model import Case
    from argmap.scenario.model import Scenario
    from argmap.scenario.runner import ScenarioRun
    from argmap.scenario.timeline import Timeline
    from argmap.semantics.compile import Framework
    from argmap.semantics.evaluation import Evaluation

__all__ = ["build_html", "embed_json", "write_html_brief"]

_XML_PROLOGUE = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.S)
_ID = re.compile(r'\bid="')


def embed_json(data: Any) -> str:
    """``data`` as JSON safe inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    return resources.files("argmap.html").joinpath(name).read_text("utf-8")


def inline_svg(svg: str, prefix: str) -> str:
    """A renderer's SVG made fit to sit in HTML: no XML prologue or comments, ids
    prefixed (each map has its own ``node-X``), and a name for screen readers."""
    body = _XML_PROLOGUE.sub("", svg).strip()
    return _ID.sub(f'id="{prefix}-', body)


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _maps(
    case: Case, evaluation: Any, theme: str, drawn: Mapping[str, bytes] | None = None
) -> list[tuple[str, str, str]]:
    """(section id, heading, inline SVG) for the overview, the full map and each issue.

    ``drawn`` holds SVGs already made by :func:`argmap.report.build_report` (``map.svg``,
    ``map-full.svg``, ``issue-ID.svg``): those are reused, not laid out again, and a
    map it lacks (too large to lay out) is left out.
    """
    wanted: list[tuple[str, str, dict[str, Any], str]] = []
    if case.claims:
        wanted.append(("map-overview", "Overview: claims by issue", {"view": "overview"}, "map"))
    wanted.append(("map-full", "Full map", {"view": "map"}, "map-full" if case.claims else "map"))
    with_claims = {c.issue for c in case.claims}
    for issue in case.issues:
        if issue.id in with_claims:
            wanted.append(
                (
                    f"map-issue-{issue.id}",
                    f"Issue {issue.id}: {issue.question}",
                    {"view": "issue", "focus": issue.id},
                    f"issue-{issue.id}",
                )
            )
    if drawn is not None:
        return [
            (section, heading, inline_svg(drawn[f"{stem}.svg"].decode("utf-8"), section))
            for section, heading, _, stem in wanted
            if f"{stem}.svg" in drawn
        ]

    def draw(job: tuple[str, str, dict[str, Any], str]) -> tuple[str, str, str] | None:
        section, heading, kwargs, _ = job
        try:
            m = render(case, evaluation, theme=theme, **kwargs)
            m.check_layout()
        except MapTooLargeError:  # left out; the tables still say everything
            return None
        return section, heading, inline_svg(m.pipe("svg").decode("utf-8"), section)

    # each layout runs in a renderer of its own: side by side on every core
    with ThreadPoolExecutor(max_workers=max(1, min(len(wanted), os.cpu_count() or 1))) as pool:
        made = list(pool.map(draw, wanted))
    return [m for m in made if m is not None]


def build_html(
    case: Case,
    scenarios: Sequence[Scenario] = (),
    *,
    sources_dir: str | os.PathLike[str] | None = None,
    semantics: str = "grounded",
    gradual: str = "dfquad",
    theme: str = "briefing",
    with_strength: bool = True,
    with_timeline: bool = True,
    as_of: dt.date | None = None,
    drawn: Mapping[str, bytes] | None = None,
    evaluation: Evaluation | None = None,
    runs: Sequence[ScenarioRun] | None = None,
    framework: Framework | None = None,
    timeline: Timeline | None = None,
) -> str:
    """The page as text (see the module docstring); the options are those of
    :func:`argmap.html.data.brief_data`, and ``drawn`` the maps a report already
    made (file name -> SVG), reused rather than laid out again; ``evaluation`` and
    ``runs``, the case's evaluation and its scenarios' runs when the caller has them
    (a report), are used rather than computed again, and so are ``framework``, the
    case compiled, and ``timeline``, its strength timeline."""
    seen = at_date(case, as_of)
    if evaluation is None:
        evaluation = evaluate(seen, semantics, gradual)
    # the maps wait on their layout subprocesses meanwhile: draw them beside the data
    with ThreadPoolExecutor(max_workers=1) as pool:
        drawing = pool.submit(_maps, seen, evaluation, theme, drawn)
        data = brief_data(
            case,
            scenarios,
            sources_dir=sources_dir,
            semantics=semantics,
            gradual=gradual,
            with_strength=with_strength,
            with_timeline=with_timeline,
            as_of=as_of,
            evaluation=evaluation,
            runs=runs,
            framework=framework,
            timeline=timeline,
        )
        maps = drawing.result()
    nodes = data["nodes"]
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # nothing is loaded from anywhere; only `argmap watch` asks its own server
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
        "connect-src 'self'\">",
        f"<title>Brief: {_esc(case.title)}</title>",
        f"<style>{_asset('brief.css')}</style></head><body>",
        '<a class="skip" href="#maps">Skip to the maps</a>',
        "<header>",
        f"<h1>Brief: {_esc(case.title)}</h1>",
        f'<p class="meta">Dung semantics: {_esc(data["semantics"])}; gradual semantics: '
        f"{_esc(data['gradual'])}"
        + (f"; as of {as_of.isoformat()}" if as_of else "")
        + ". Click a node (or focus it and press Enter) for its details.</p>",
        '<div class="controls" role="group" aria-label="Brief controls">',
        '<label for="scenario">Scenario</label> <select id="scenario"></select>',
        '<label><input type="checkbox" id="diff"> Diff against the baseline</label>',
        '<label for="search">Search</label> <input type="search" id="search" '
        'placeholder="id or text" aria-describedby="search-count">',
        '<span id="search-count" class="hint" aria-live="polite"></span>',
        '<p id="scenario-note" class="hint" aria-live="polite"></p>',
        '<ul id="search-results" aria-label="Search results"></ul>',
        "</div></header>",
        '<main id="maps">',
        '<div class="tabs" role="tablist" aria-label="Maps">',
    ]
    out += [
        f'<button type="button" role="tab" data-map="{sid}">{_esc(head.split(":")[0])}</button>'
        for sid, head, _ in maps
    ]
    out.append("</div>")
    for sid, heading, svg in maps:
        out += [
            f'<section class="map" id="{sid}" aria-labelledby="{sid}-h">',
            f'<h2 id="{sid}-h">{_esc(heading)}</h2>',
            '<div class="zoom" role="group" aria-label="Zoom">'
            '<button type="button" class="zoom-in" aria-label="Zoom in">+</button>'
            '<button type="button" class="zoom-out" aria-label="Zoom out">−</button>'
            '<button type="button" class="zoom-fit" aria-label="Fit to screen">Fit</button></div>',
            f'<div class="viewport" tabindex="0" aria-label="{_esc(heading)}: drag or arrow '
            'keys to pan, + and - to zoom, 0 to fit; Tab to the nodes">',
            svg,
            "</div></section>",
        ]
    out += [
        '<aside id="panel" hidden aria-labelledby="panel-title" role="region">',
        '<button type="button" id="panel-close" aria-label="Close the details">Close ×</button>',
        '<h2 id="panel-title"></h2><div id="panel-body"></div></aside>',
    ]
    out += _claim_table(case, data)
    out += _scenario_table(data)
    out += _timeline_table(data)
    out += _evidence_list(nodes)
    out += [
        "</main>",
        f'<script type="application/json" id="argmap-data">{embed_json(data)}</script>',
        f"<script>{_asset('brief.js')}</script>",
    ]
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _claim_table(case: Case, data: dict[str, Any]) -> list[str]:
    rows = []
    for cid in data["claims"]:
        n = data["nodes"][cid]
        met = "" if n["met"] is None else ("yes" if n["met"] else "no")
        rows.append(
            f'<tr data-node="{_esc(cid)}"><th scope="row"><a href="#node={_esc(cid)}" '
            f'data-open="{_esc(cid)}">{_esc(cid)}</a></th><td>{_esc(n["text"])}</td>'
            f"<td>{_esc(n['issue'] or '')}</td><td>{_esc(n['label'])}</td>"
            f'<td class="num">{n["strength"]:.3f}</td><td>{met}</td>'
            f'<td class="v-{_esc(n["verdict"])}">{_esc(n["verdict"])}</td><td></td></tr>'
        )
    return [
        '<section id="claims" aria-labelledby="claims-h"><h2 id="claims-h">Claims</h2>',
        '<table id="claim-table"><thead><tr><th scope="col">claim</th><th scope="col">text</th>'
        '<th scope="col">issue</th><th scope="col">label</th><th scope="col">strength</th>'
        '<th scope="col">standard met</th><th scope="col">verdict</th>'
        '<th scope="col">change</th></tr></thead><tbody>',
        *rows,
        "</tbody></table></section>",
    ]


def _scenario_table(data: dict[str, Any]) -> list[str]:
    runs = data["scenarios"]
    if len(runs) < 2:
        return []
    head = "".join(f'<th scope="col">{_esc(r["name"])}</th>' for r in runs)
    rows = []
    for cid in data["claims"]:
        cells = []
        for r in runs:
            res = r["nodes"].get(cid)
            cells.append(
                "<td>absent</td>"
                if res is None
                else f'<td class="v-{_esc(res["verdict"])}">{_esc(res["verdict"])} '
                f"{res['strength']:.2f}</td>"
            )
        rows.append(f'<tr><th scope="row">{_esc(cid)}</th>{"".join(cells)}</tr>')
    questions = "".join(
        f"<li><strong>{_esc(r['name'])}</strong>: {_esc(r['question'])}</li>" for r in runs[1:]
    )
    return [
        '<section id="scenarios" aria-labelledby="scenarios-h"><h2 id="scenarios-h">Scenarios</h2>',
        f"<ul>{questions}</ul>",
        '<div class="tl"><table><thead><tr><th scope="col">claim</th>'
        + head
        + "</tr></thead><tbody>",
        *rows,
        "</tbody></table></div></section>",
    ]


def _timeline_table(data: dict[str, Any]) -> list[str]:
    timeline = data["timeline"]
    if not timeline["dates"]:
        return []
    dates = timeline["dates"]
    keep = [0] + [
        i
        for i in range(1, len(dates))
        if any(v[i] != v[i - 1] for v in timeline["claims"].values())
    ]
    head = "".join(f'<th scope="col">{_esc(dates[i])}</th>' for i in keep)
    rows = []
    for cid, values in timeline["claims"].items():
        cells = "".join(
            f'<td class="v-{_esc(values[i][1])}">{_esc(values[i][1])} {values[i][0]:.2f}</td>'
            for i in keep
        )
        rows.append(f'<tr><th scope="row">{_esc(cid)}</th>{cells}</tr>')
    return [
        '<section id="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>',
        '<p class="hint">Each claim read as of each date on which some verdict or strength '
        "changes (only what was known then counts).</p>",
        '<div class="tl"><table><thead><tr><th scope="col">claim</th>'
        + head
        + "</tr></thead><tbody>",
        *rows,
        "</tbody></table></div></section>",
    ]


def _evidence_list(nodes: dict[str, Any]) -> list[str]:
    items = []
    for nid, n in nodes.items():
        e = n.get("evidence")
        if not e:
            continue
        if e["found"]:
            text = f"{_esc(e['before'])}<mark>{_esc(e['quote'])}</mark>{_esc(e['after'])}"
        else:
            text = f"<mark>{_esc(e['quote'])}</mark>"
        items.append(
            f'<li id="evidence-{_esc(nid)}"><a href="#node={_esc(nid)}" data-open="{_esc(nid)}">'
            f"{_esc(nid)}</a> [{_esc(e['source'])}] {_esc(e['outlet'])}: "
            f"{_esc(e['title'])}<blockquote>{text}</blockquote></li>"
        )
    if not items:
        return []
    return [
        '<section id="evidence" aria-labelledby="evidence-h"><h2 id="evidence-h">Evidence '
        "quotes in their sources</h2><ul>",
        *items,
        "</ul></section>",
    ]


def write_html_brief(
    case: Case,
    path: str | os.PathLike[str],
    scenarios: Sequence[Scenario] = (),
    **options: Any,
) -> Path:
    """Build the page (:func:`build_html`, same options) and write it to ``path``
    atomically: a failure leaves any previous file as it was."""
    text = build_html(case, scenarios, **options)
    target = Path(path)
    write_atomic(target, text.encode("utf-8"))
    return target
