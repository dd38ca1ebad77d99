"""Notebook display: Cases and Evaluations show themselves as maps in Jupyter.

Models and evaluation results stay free of rendering code (the imports point down);
they display through :class:`argmap.display.Displayable`, and this module registers
the pictures it draws for them (:func:`argmap.display.register_svg`) when it is
imported. A Case is drawn as its whole map; an Evaluation, which has no graph of its
own, as a compact chart of each claim's status and strength.
"""

from __future__ import annotations

from argmap.display import register_svg
from argmap.maps.dot import DotWriter, Html
from argmap.maps.drawing import render
from argmap.maps.escape import html_text
from argmap.maps.labels import label_of
from argmap.maps.map import Map
from argmap.maps.theme import get_theme
from argmap.model import Case
from argmap.semantics.evaluation import Evaluation

__all__ = ["evaluation_table", "register_ipython_formatters"]


def evaluation_table(evaluation: Evaluation, theme: str = "briefing") -> Map:
    """A table of the claims of ``evaluation``: status glyph, id, strength bar, standard."""
    th = get_theme(theme)
    rows = []
    small = f'POINT-SIZE="{th.small + 1:g}"'
    # the title is the graph's label, not a spanning row: a wide spanning row would
    # stretch the bar column and break the fixed-size bars
    heading = (
        f'<FONT POINT-SIZE="{th.fontsize + 2:g}"><B>{html_text(evaluation.title)}</B></FONT>'
        f'<BR ALIGN="LEFT"/><FONT {small} COLOR="{th.muted}">'
        f"{html_text(f'{evaluation.semantics} semantics · {evaluation.gradual} strengths')}"
        '</FONT><BR ALIGN="LEFT"/>'
    )
    results = evaluation.claims() or list(evaluation)
    for r in results:
        st = th.status[label_of(r)]
        bar = min(79, max(1, round(r.strength * 80)))  # points of an 80-point bar
        standard = ""
        if r.standard_met is not None:
            mark = "√ " if r.standard_met else "× "
            standard = html_text(mark + (r.standard or "").replace("_", " "))
        bar_cell = (
            '<TD ALIGN="LEFT"><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f'<TD WIDTH="{bar}" HEIGHT="10" FIXEDSIZE="TRUE" BGCOLOR="{th.kinds["claim"].hue}">'
            f'</TD><TD WIDTH="{80 - bar}" HEIGHT="10" FIXEDSIZE="TRUE" BGCOLOR="#eeeeee"></TD>'
            "</TR></TABLE></TD>"
        )
        rows.append(
            "<TR>"
            f'<TD ALIGN="CENTER"><FONT COLOR="{st.color}"><B>{html_text(st.glyph)}</B></FONT></TD>'
            f'<TD ALIGN="LEFT">{html_text(r.id)}</TD>'
            f'<TD ALIGN="LEFT"><FONT {small} COLOR="{st.color}">{html_text(st.word)}</FONT></TD>'
            + bar_cell
            + f'<TD ALIGN="RIGHT"><FONT {small}>{r.strength:.2f}</FONT></TD>'
            f'<TD ALIGN="LEFT"><FONT {small} COLOR="{th.muted}">{standard}</FONT></TD>'
            "</TR>"
        )
    w = DotWriter("evaluation")
    w.defaults(
        "graph",
        {
            "pad": 0.2,
            "fontname": th.font,
            "label": Html(heading),
            "labelloc": "t",
            "labeljust": "l",
        },
    )
    w.defaults("node", {"fontname": th.font, "fontsize": th.fontsize})
    table = (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
        + "".join(rows)
        + "</TABLE>"
    )
    w.node("evaluation", {"shape": "plaintext", "label": Html(table)})
    return Map(w.source(), nodes=1)


def _case_svg(case: Case) -> str | None:
    return render(case)._repr_svg_()


def _evaluation_svg(evaluation: Evaluation) -> str | None:
    return evaluation_table(evaluation)._repr_svg_()


def register_ipython_formatters() -> bool:
    """Make Cases and Evaluations display as maps (their SVG joins the Jupyter bundle
    of :class:`argmap.display.Displayable`); done once on import of this module.

    Returns ``True`` if IPython is running (where the pictures show), else ``False``.
    """
    register_svg(Case, _case_svg)
    register_svg(Evaluation, _evaluation_svg)
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    return get_ipython() is not None


register_ipython_formatters()
