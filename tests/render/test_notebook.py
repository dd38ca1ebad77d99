"""Notebook display of Cases and Evaluations."""

from __future__ import annotations

from argmap.io.casefile import load
from argmap.maps.notebook import evaluation_table, register_ipython_formatters
from tests.render.helpers import EXAMPLE, hand_evaluation, svg_texts


def test_outside_ipython_registration_is_a_no_op() -> None:
    assert register_ipython_formatters() is False


def test_evaluation_table_lists_claims() -> None:
    case = load(EXAMPLE)
    ev = hand_evaluation(case, {"C_principled": "in", "C_retaliation": "out"}, 0.75)
    texts = " ".join(svg_texts(evaluation_table(ev).svg()))
    assert "C_principled" in texts and "C_retaliation" in texts
    assert "0.75" in texts and "grounded semantics" in texts
    assert "E_drop" not in texts  # claims only


def test_registration_inside_ipython() -> None:
    # IPython comes with ipykernel, a dev dependency: no skip when it is missing
    from IPython.core import interactiveshell as shell_mod

    shell = shell_mod.InteractiveShell.instance()
    try:
        assert register_ipython_formatters() is True
        case = load(EXAMPLE)
        display = shell.display_formatter
        assert display is not None
        data, _ = display.format(case)
        assert "<svg" in data["image/svg+xml"] and "<svg" in data["text/html"]
        ev = hand_evaluation(case, {"C_principled": "in"})
        data, _ = display.format(ev)
        assert "<svg" in data["image/svg+xml"] and "C_principled" in data["text/markdown"]
    finally:
        shell_mod.InteractiveShell.clear_instance()
