"""Reading a case "as of" a date: only what was known then, each precedent as it stood.

:func:`at_date` is a pure transform, ``Case -> Case``, applied before compiling, so the
engine never sees a date. On the date ``D`` it keeps

- the sources published on or before ``D`` (a source without a date always counts);
- the evidence dated on or before ``D`` whose source is kept;
- the events dated on or before ``D``;
- the precedents decided (or filed, if pending) by ``D`` (:func:`standing`); one with
  only a ``year`` counts from the last day of that year, so nothing decided later in
  the year is read too early;
- the arguments whose premises and precedent are all kept, and the relations between
  kept items (a relation that undercuts a relation goes with its target).

Each kept precedent takes its status as of ``D``: from a reversal or vacatur on, its
``authority`` is 0 (the ruling binds no one); once settled, its status is ``settled``.
Claims, issues, parties, factors and parameters have no date and stay.

Without a date (and no ``as_of`` in the case) nothing is left out, and each
precedent's whole subsequent history applies: the law as it stands now.

>>> import datetime as dt
>>> from argmap.model import Case, Claim, Evidence, Relation, Source
>>> case = Case(title="t", claims=[Claim(id="C", text="c")],
...     sources=[Source(id="S", outlet="o", title="t", date=dt.date(2024, 5, 1))],
...     evidence=[Evidence(id="E", text="e", source="S", status="fact")],
...     relations=[Relation(kind="support", origin="E", target="C")])
>>> [e.id for e in at_date(case, dt.date(2024, 6, 1)).evidence]
['E']
>>> old = at_date(case, dt.date(2024, 4, 30))
>>> old.evidence, old.relations, old.as_of
([], [], datetime.date(2024, 4, 30))
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from argmap.model.case import Case
from argmap.model.nodes import HistoryAction, HistoryEvent, Precedent, PrecedentStatus
from argmap.vocabulary import NODE_SECTIONS

__all__ = ["Standing", "at_date", "case_dates", "standing"]


@dataclass(frozen=True)
class Standing:
    """Where a precedent stands on a date (:func:`standing`).

    Attributes
    ----------
    known : bool
        Whether it was decided (or filed, if pending) by then.
    in_force : bool
        False from a reversal or vacatur on: the decision then has no authority.
    events : tuple of HistoryEvent
        Its subsequent history up to the date.
    """

    known: bool
    in_force: bool
    events: tuple[HistoryEvent, ...]

    def describe(self, precedent: Precedent) -> str:
        """``decided 2022-04-18 for the defendant; pending appeal since 2022-05-02``."""
        when = precedent.date.isoformat() if precedent.date else str(precedent.year)
        if not self.known:
            return f"not yet {precedent.status.value} ({when})"
        side = f" for the {precedent.outcome.value}" if precedent.outcome else ""
        parts = [f"{precedent.status.value} {when}{side}"]
        parts += [f"{e.action.value} {e.date.isoformat()}" for e in self.events]
        if not self.in_force:
            parts.append("no authority")
        return "; ".join(parts)


_LOSES_AUTHORITY = (HistoryAction.REVERSED, HistoryAction.VACATED)


def standing(precedent: Precedent, on: dt.date | None = None) -> Standing:
    """``precedent``'s status as of ``on`` (``None``: with all its history).

    A precedent with only a ``year`` counts as known from the last day of that year.
    A reversal or vacatur takes its authority away from that date on; a later
    affirmance of the same ruling (say, by a higher court) restores it.

    >>> p = Precedent(id="P", name="n", court="c", year=2022, jurisdiction="j",
    ...               status="decided", outcome="defendant",
    ...               history=[HistoryEvent(date=dt.date(2024, 3, 1), action="reversed")])
    >>> standing(p, dt.date(2023, 1, 1)).in_force, standing(p).in_force
    (True, False)
    >>> standing(p).describe(p)
    'decided 2022 for the defendant; reversed 2024-03-01; no authority'
    """
    if on is not None and _known_from(precedent) > on:
        return Standing(known=False, in_force=False, events=())
    events = tuple(e for e in precedent.history if on is None or e.date <= on)
    in_force = True
    for event in events:
        if event.action in _LOSES_AUTHORITY:
            in_force = False
        elif event.action is HistoryAction.AFFIRMED:
            in_force = True
    return Standing(known=True, in_force=in_force, events=events)


def at_date(case: Case, on: dt.date | None = None) -> Case:
    """``case`` as known on ``on`` (default: the case's own ``as_of``), see the module
    docstring. Returns ``case`` itself when nothing changes."""
    when = on if on is not None else case.as_of
    removed: set[str] = set()
    if when is not None:
        removed |= {s.id for s in case.sources if s.date is not None and s.date > when}
        removed |= {
            e.id
            for e in case.evidence
            if e.source in removed or (e.date is not None and e.date > when)
        }
        removed |= {e.id for e in case.events if e.date > when}
        removed |= {p.id for p in case.precedents if not standing(p, when).known}
    standings = {p.id: standing(p, when) for p in case.precedents if p.id not in removed}
    changed = {pid for pid, st in standings.items() if _moved(case.node(pid), st)}
    if not removed and not changed and case.as_of == when:
        return case
    data: dict[str, Any] = case.model_dump(mode="python", by_alias=True, exclude_unset=True)
    data["as_of"] = when
    _drop(data, case, removed)
    for item in data.get("precedents", []):
        if item["id"] in changed:
            _apply_standing(item, standings[item["id"]])
    return Case.model_validate(data)


def case_dates(case: Case) -> list[dt.date]:
    """Every date at which something enters the case or a precedent's standing moves,
    in order: where a verdict can change over time.

    >>> from argmap.model import Case, Event
    >>> case_dates(Case(title="t", events=[Event(id="V", text="v", date=dt.date(2023, 4, 20))]))
    [datetime.date(2023, 4, 20)]
    """
    found: set[dt.date] = set()
    found |= {s.date for s in case.sources if s.date is not None}
    found |= {e.date for e in case.evidence if e.date is not None}
    found |= {e.date for e in case.events}
    for p in case.precedents:
        found.add(_known_from(p))
        found |= {h.date for h in p.history}
    return sorted(found)


def _known_from(precedent: Precedent) -> dt.date:
    return precedent.date or dt.date(precedent.year, 12, 31)


def _moved(precedent: Any, st: Standing) -> bool:
    """Whether ``st`` changes anything in ``precedent`` as written."""
    settled = any(e.action is HistoryAction.SETTLED for e in st.events)
    lost = not st.in_force and precedent.authority != 0.0
    return lost or (settled and precedent.status is not PrecedentStatus.SETTLED)


def _apply_standing(item: dict[str, Any], st: Standing) -> None:
    if not st.in_force:
        item["authority"] = 0.0
    if any(e.action is HistoryAction.SETTLED for e in st.events):
        item["status"] = PrecedentStatus.SETTLED


def _drop(data: dict[str, Any], case: Case, removed: set[str]) -> None:
    """Remove ``removed`` ids from ``data`` (a dump of ``case``), with every argument
    and relation that needs one of them, and the references to dropped sources."""
    if not removed:
        return
    gone = set(removed)
    while True:  # an argument may rest on an argument that goes
        more = {
            a.id
            for a in case.arguments
            if a.id not in gone and (a.precedent in gone or any(p in gone for p in a.premises))
        }
        if not more:
            break
        gone |= more
    relation_gone = set()
    while True:  # a relation that undercuts a relation goes with it
        more = {
            r.id or f"#{i}"
            for i, r in enumerate(case.relations)
            if (r.id or f"#{i}") not in relation_gone
            and (r.origin in gone or r.target in gone or r.target in relation_gone)
        }
        if not more:
            break
        relation_gone |= more
    for section in NODE_SECTIONS:  # ids are unique across sections
        if section in data:
            data[section] = [x for x in data[section] if x["id"] not in gone]
    if "relations" in data:
        data["relations"] = [
            x
            for i, x in enumerate(data["relations"])
            if (x.get("id") or f"#{i}") not in relation_gone
        ]
    for section in ("precedents", "events"):
        for item in data.get(section, []):
            if "sources" in item:
                item["sources"] = [s for s in item["sources"] if s not in gone]
    for event in data.get("events", []):
        if "disputed_dates" in event:
            event["disputed_dates"] = [
                d for d in event["disputed_dates"] if d["source"] not in gone
            ]
