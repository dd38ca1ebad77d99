"""Open critical questions as implicit undercutters.

An argument that names a scheme of the catalogue (:mod:`argmap.model.catalogue`)
inherits the scheme's critical questions. A question the argument's ``questions:``
marks ``answered`` (by an item of evidence or a claim) or ``conceded`` is closed; any
other is **open**, and an open question stands for a doubt nobody has met: it is read
as an undercutter of the argument (Pollock's undercutting defeater; Gordon, Prakken and
Walton 2007 model critical questions as premises, assumptions and exceptions of the
argument, and Verheij 2003 as attacks on the argument's warrant).

The case is read here, in the compile package: :func:`open_questions` lists the open
questions, :func:`add_open_questions` adds their undercutters and the framework keeps
the list (``Framework.questions``), so evaluation and explanations read them from the
framework (:func:`questions_by_argument`).

Projection (applied by :func:`add_open_questions` at the end of compilation)
    each open question ``q`` of argument ``A`` with a weight that is not the constant
    0 becomes a node ``A?q`` of kind ``question`` (the ``?`` keeps it apart from
    every case id), whose base score is the question's weight, and an ``undercut``
    attack edge ``A?q -> A`` of weight 1. The weight is, first found: the argument's
    ``questions: {q: {weight: ...}}``, the case's ``critical_questions: {weight: ...}``,
    the scheme question's default. Weights may be expressions over parameters, so
    Monte Carlo and sweeps vary them like any other score.

Every semantics then treats the node as it treats any undercutter: the Dung projection
labels an unattacked ``A?q`` in, so ``A`` is out (an undercut succeeds whatever the
preferences) and counts for nothing in the proof standards; the gradual semantics
lower ``A``'s strength by the question's weight. Answering or conceding the question
removes the node, so the argument is reinstated.

References
----------
D. Walton, C. Reed, F. Macagno. Argumentation Schemes. Cambridge University Press, 2008.

T. F. Gordon, H. Prakken, D. Walton. The Carneades model of argument and burden of
proof. Artificial Intelligence 171(10-15), 875-896, 2007.

B. Verheij. Dialectical argumentation with argumentation schemes: an approach to legal
logic. Artificial Intelligence and Law 11, 167-195, 2003.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from argmap.errors import CaseError
from argmap.model import Case
from argmap.model.catalogue import schemes_of
from argmap.model.origins import locate
from argmap.semantics.scoring import ATTACK_KINDS, score

if TYPE_CHECKING:  # pragma: no cover
    from argmap.semantics.compile.framework import Framework

__all__ = [
    "QUESTION_KIND",
    "OpenQuestion",
    "add_open_questions",
    "open_questions",
    "questions_by_argument",
]

QUESTION_KIND = "question"
"""The compiled kind of an implicit undercutter node."""


@dataclass(frozen=True)
class OpenQuestion:
    """One open critical question of one argument.

    ``node`` is the id of its implicit undercutter in the compiled framework,
    ``weight`` what its weight is written as (a number or an expression) and ``path``
    where that weight was set (for error messages)."""

    argument: str
    scheme: str
    question: str
    text: str
    weight: float | str
    path: str

    @property
    def node(self) -> str:
        """The compiled node id, ``<argument>?<question>``."""
        return f"{self.argument}?{self.question}"

    @property
    def disabled(self) -> bool:
        """Whether the weight is the constant 0 (the question undercuts nothing)."""
        return not isinstance(self.weight, str) and float(self.weight) == 0.0


def open_questions(case: Case) -> list[OpenQuestion]:
    """Every open critical question of ``case``'s arguments, in file order (those of
    weight 0 included: :attr:`OpenQuestion.disabled` tells them).

    Examples
    --------
    >>> from argmap.model import Argument, Case, Claim
    >>> case = Case(title="t", claims=[Claim(id="C", text="c"), Claim(id="P", text="p")],
    ...             arguments=[Argument(id="A", conclusion="C", premises=["P"],
    ...                                 scheme="sign", questions={"strength": "conceded"})])
    >>> [(q.node, q.weight) for q in open_questions(case)]
    [('A?other_cause', 0.3)]
    """
    schemes = schemes_of(case)
    default = case.critical_questions.weight
    found: list[OpenQuestion] = []
    for i, arg in enumerate(case.arguments):
        scheme = schemes.get(arg.scheme)
        if scheme is None:
            continue
        for question in scheme.questions:
            state = arg.questions.get(question.id)
            if state is not None and state.closed:
                continue
            if state is not None and state.weight is not None:
                weight, path = state.weight, f"arguments[{i}].questions.{question.id}.weight"
            elif default is not None:
                weight, path = default, "critical_questions.weight"
            else:
                weight, path = question.weight, f"arguments[{i}].scheme"
            found.append(OpenQuestion(arg.id, scheme.id, question.id, question.text, weight, path))
    return found


def add_open_questions(case: Case, fw: Framework, values: Mapping[str, float]) -> Framework:
    """``fw`` with an implicit undercutter for each open critical question of
    ``case`` (module docstring), appended after the compiled nodes and attacks so
    every existing index stays valid, and with the case's open questions listed in
    ``questions``; ``values`` are the parameter values ``fw`` was compiled at.
    Arguments the compilation left out take their questions with them.

    Examples
    --------
    >>> from argmap.model import Argument, Case, Claim
    >>> from argmap.semantics.compile import compile_case
    >>> case = Case(title="t", claims=[Claim(id="C", text="c"), Claim(id="P", text="p")],
    ...             arguments=[Argument(id="A", conclusion="C", premises=["P"],
    ...                                 scheme="sign", questions={"strength": "conceded"})])
    >>> fw = compile_case(case)  # compile_case calls add_open_questions
    >>> fw.ids[-1], fw.kinds[-1], fw.attacks_of("A")
    ('A?other_cause', 'question', [('A?other_cause', 1.0, 'undercut')])
    """

    found = tuple(open_questions(case))
    questions = [q for q in found if not q.disabled and q.argument in fw.index]
    if not questions:
        return replace(fw, questions=found) if found else fw
    try:
        scores = [score(q.weight, values, q.path) for q in questions]
    except CaseError as exc:
        raise CaseError(locate(case, exc.problems)) from None
    n = fw.n
    ids = fw.ids + tuple(q.node for q in questions)
    index = dict(fw.index)
    index.update((q.node, n + k) for k, q in enumerate(questions))
    base = np.concatenate([fw.base, scores])
    new_src = np.arange(n, n + len(questions), dtype=np.int32)
    new_dst = np.array([fw.index[q.argument] for q in questions], dtype=np.int32)
    att_src = np.concatenate([fw.att_src, new_src]).astype(np.int32)
    att_dst = np.concatenate([fw.att_dst, new_dst]).astype(np.int32)
    att_w = np.concatenate([fw.att_w, np.ones(len(questions))])
    att_kind = np.concatenate(
        [fw.att_kind, np.full(len(questions), ATTACK_KINDS.index("undercut"), np.int8)]
    )
    for arr in (base, att_src, att_dst, att_w, att_kind):
        arr.setflags(write=False)
    n_att = fw.att_src.size
    # edge expressions are the attacks, then the supports: the new attacks go between
    edges = fw.edge_expressions[:n_att] + (1.0,) * len(questions) + fw.edge_expressions[n_att:]
    return replace(
        fw,
        ids=ids,
        kinds=fw.kinds + (QUESTION_KIND,) * len(questions),
        index=index,
        base=base,
        att_src=att_src,
        att_dst=att_dst,
        att_w=att_w,
        att_kind=att_kind,
        base_expressions=fw.base_expressions + tuple(q.weight for q in questions),
        edge_expressions=edges,
        questions=found,
    )


def questions_by_argument(fw: Framework) -> dict[str, tuple[str, ...]]:
    """The open questions that undercut each argument of ``fw``: argument id ->
    question ids, in scheme order, arguments in file order (read from
    ``fw.questions``, which compilation filled).

    Examples
    --------
    >>> from argmap.model import Argument, Case, Claim
    >>> from argmap.semantics.compile import compile_case
    >>> case = Case(title="t", claims=[Claim(id="C", text="c"), Claim(id="P", text="p")],
    ...             arguments=[Argument(id="A", conclusion="C", premises=["P"], scheme="sign")])
    >>> questions_by_argument(compile_case(case))
    {'A': ('strength', 'other_cause')}
    """
    out: dict[str, tuple[str, ...]] = {}
    for q in fw.questions:
        if q.node in fw.index:
            out[q.argument] = (*out.get(q.argument, ()), q.question)
    return out
