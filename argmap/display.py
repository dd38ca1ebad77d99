"""One way for argmap's results to show themselves in Jupyter.

A :class:`Case`, an :class:`Evaluation` and a :class:`Comparison` each mix in
:class:`Displayable` and say one thing: their summary table (:meth:`_display_table`,
a title, a header and rows). The mixin turns that table into every form a notebook asks
for, the same way for all of them: HTML (``_repr_html_``), Markdown
(``_repr_markdown_``) and the MIME bundle Jupyter prefers (``_repr_mimebundle_``),
every text escaped. A picture can join the bundle: the map drawing registers an SVG
maker per class (:func:`register_svg`), so the model and the engine import no drawing
code (the imports point down, see ``pyproject.toml``) and still show as maps once
:mod:`argmap.maps` is loaded.

>>> class Demo(Displayable):
...     def _display_table(self) -> DisplayTable:
...         return DisplayTable("a <b> & c", ("claim", "strength"), [("C|1", 0.5)])
>>> print(Demo()._repr_markdown_())
**a &lt;b&gt; &amp; c**
<BLANKLINE>
| claim | strength |
| --- | ---: |
| C\\|1 | 0.500 |
>>> "<caption>a &lt;b&gt; &amp; c</caption>" in Demo()._repr_html_()
True
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from argmap.safe_text import markdown_text

__all__ = ["Cell", "DisplayTable", "Displayable", "register_svg", "show"]

Cell = str | int | float | bool | None
"""A value in a displayed table."""

_SVG: dict[type, Callable[[Any], str | None]] = {}


@dataclass(frozen=True)
class DisplayTable:
    """What a result shows: a title, column names and rows of plain values."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def show(value: Cell) -> str:
    """How a value reads in a displayed table: floats at 3 decimals, None as a dash.

    >>> show(0.25), show(None), show(True)
    ('0.250', '–', 'yes')
    """
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _numeric(table: DisplayTable) -> list[bool]:
    # a column of numbers (blanks aside, at least one number) is right-aligned
    out = []
    for i in range(len(table.header)):
        values = [row[i] for row in table.rows if row[i] is not None]
        out.append(
            bool(values)
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
        )
    return out


def register_svg(cls: type, make_svg: Callable[[Any], str | None]) -> None:
    """Show instances of ``cls`` (and its subclasses) as the SVG ``make_svg`` draws.

    ``make_svg`` returns None when it cannot draw (a map too big to lay out inline, no
    renderer): the table is shown alone then.
    """
    _SVG[cls] = make_svg


class Displayable:
    """Mixin: Jupyter display of a result from its one summary table."""

    def _display_table(self) -> DisplayTable:  # pragma: no cover - each class says it
        raise NotImplementedError

    def _repr_markdown_(self) -> str:
        table = self._display_table()
        aligns = ["---:" if n else "---" for n in _numeric(table)]
        lines = [f"**{markdown_text(table.title)}**", ""]
        lines.append("| " + " | ".join(markdown_text(h) for h in table.header) + " |")
        lines.append("| " + " | ".join(aligns) + " |")
        for row in table.rows:
            lines.append("| " + " | ".join(markdown_text(show(v)) for v in row) + " |")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return self._html(self._svg())

    def _html(self, svg: str | None) -> str:
        """The table as HTML, under the picture when there is one (Jupyter prefers
        HTML to SVG, so the picture has to be inside the HTML to be seen)."""
        table = self._display_table()
        aligns = ["right" if n else "left" for n in _numeric(table)]
        head = "".join(
            f'<th style="text-align:{a}">{html.escape(h)}</th>'
            for h, a in zip(table.header, aligns, strict=True)
        )
        body = "".join(
            "<tr>"
            + "".join(
                f'<td style="text-align:{a}">{html.escape(show(v))}</td>'
                for v, a in zip(row, aligns, strict=True)
            )
            + "</tr>"
            for row in table.rows
        )
        picture = ""
        if svg is not None:
            # inline: the XML declaration and doctype before <svg> are not HTML
            start = svg.find("<svg")
            picture = f"<div>{svg[start:] if start >= 0 else svg}</div>"
        return (
            f'{picture}<table class="argmap"><caption>{html.escape(table.title)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def _svg(self) -> str | None:
        for cls in type(self).__mro__:
            maker = _SVG.get(cls)
            if maker is not None:
                return maker(self)
        return None

    def _repr_mimebundle_(
        self,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
        **_: Any,
    ) -> dict[str, Any]:
        """The picture (when one is registered and can be drawn), HTML and Markdown."""
        wanted = {"image/svg+xml", "text/html", "text/markdown"}
        if include is not None:
            wanted &= set(include)
        wanted -= set(exclude or ())
        out: dict[str, Any] = {}
        svg = self._svg() if wanted & {"image/svg+xml", "text/html"} else None
        if "image/svg+xml" in wanted and svg is not None:
            out["image/svg+xml"] = svg
        if "text/html" in wanted:
            out["text/html"] = self._html(svg)
        if "text/markdown" in wanted:
            out["text/markdown"] = self._repr_markdown_()
        return out
