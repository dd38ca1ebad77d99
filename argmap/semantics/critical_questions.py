"""Open critical questions as implicit undercutters.

An argument that names a scheme of the catalogue inherits the scheme's critical
questions; each one still open is read as an undercutter of the argument. The case is
read in :mod:`argmap.semantics.compile.questions` (its docstring sets out the
projection): compilation adds the implicit undercutters and keeps the open questions
in ``Framework.questions``, from which evaluation and explanations read them. This
module is their public name.

>>> from argmap.model import Argument, Case, Claim
>>> case = Case(title="t", claims=[Claim(id="C", text="c"), Claim(id="P", text="p")],
...             arguments=[Argument(id="A", conclusion="C", premises=["P"], scheme="sign")])
>>> [q.node for q in open_questions(case)]
['A?strength', 'A?other_cause']
"""

from __future__ import annotations

from argmap.semantics.compile.questions import (
    QUESTION_KIND,
    OpenQuestion,
    add_open_questions,
    open_questions,
    questions_by_argument,
)

__all__ = [
    "QUESTION_KIND",
    "OpenQuestion",
    "add_open_questions",
    "open_questions",
    "questions_by_argument",
]
