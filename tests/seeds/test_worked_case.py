"""The shipped worked case: it loads, cites real files, and keeps the shape the rest of
the project (scenarios, notebooks, the main job) relies on."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.io.casefile import load
from argmap.model import Case, PrecedentStatus, RelationKind, Side, Stance

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
CASE_FILE = REPO / "seeds" / "musk_v_microsoft.yaml"
REGISTRY = REPO / "seeds" / "SOURCES.md"

# the dispute is April 2023; the earliest dated happening is OpenAI's founding in 2015
FIRST_EVENT = dt.date(2015, 1, 1)
LAST_EVENT = dt.date(2023, 4, 30)


@pytest.fixture(scope="module")
def case() -> Case:
    return load(CASE_FILE)


def _attackers(case: Case) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for rel in case.relations:
        if rel.is_attack:
            out[rel.target].add(rel.origin)
    for arg in case.arguments:
        if arg.stance is Stance.CON:
            out[arg.conclusion].add(arg.id)
    return out


def _supporters(case: Case) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for rel in case.relations:
        if rel.kind is RelationKind.SUPPORT:
            out[rel.target].add(rel.origin)
    for arg in case.arguments:
        if arg.stance is Stance.PRO:
            out[arg.conclusion].add(arg.id)
    return out


def test_the_case_validates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(CASE_FILE)]) == 0
    assert "ok —" in capsys.readouterr().out


def test_every_seed_source_file_exists_and_every_seed_is_used(case: Case) -> None:
    files = [s.file for s in case.sources if s.file is not None]
    assert files, "the worked case must cite the seed articles by file"
    for name in files:
        assert (SEEDS / name).is_file(), name
    assert sorted(files) == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_every_seed_source_is_in_the_registry(case: Case) -> None:
    registry = REGISTRY.read_text(encoding="utf-8")
    for source in case.sources:
        if source.file is not None:
            assert source.file in registry and source.id in registry, source.id


def test_every_dated_event_is_in_range(case: Case) -> None:
    for event in case.events:
        assert FIRST_EVENT <= event.date <= LAST_EVENT, event.id
        for other in event.disputed_dates:
            assert FIRST_EVENT <= other.date <= LAST_EVENT, event.id
            assert other.date != event.date, event.id
    for ev in case.evidence:
        if ev.date is not None:
            assert FIRST_EVENT <= ev.date <= LAST_EVENT, ev.id


def test_the_tweet_date_disagreement_is_recorded(case: Case) -> None:
    tweet = case.node("EV_tweet")
    assert tweet.date == dt.date(2023, 4, 19)
    assert [(d.date, d.source) for d in tweet.disputed_dates] == [(dt.date(2023, 4, 20), "S0")]
    assert case.node("EV_cutoff").date == dt.date(2023, 4, 25)


def test_pending_precedents_have_no_outcome_and_decided_ones_have_one(case: Case) -> None:
    statuses = {p.id: p.status for p in case.precedents}
    assert statuses["P_nyt"] is PrecedentStatus.PENDING
    assert statuses["P_getty_us"] is PrecedentStatus.PENDING
    for precedent in case.precedents:
        if precedent.status is PrecedentStatus.PENDING:
            assert precedent.outcome is None, precedent.id
            assert precedent.reason == [], precedent.id
        if precedent.status is PrecedentStatus.DECIDED:
            assert precedent.outcome is not None and precedent.reason, precedent.id
        assert precedent.factors, precedent.id
        assert isinstance(precedent.authority, float) and 0 < precedent.authority <= 1


def test_pending_precedents_can_be_decided_either_way(case: Case) -> None:
    for precedent in case.precedents:
        if precedent.status is not PrecedentStatus.PENDING:
            continue
        sides = {a.applies_if for a in case.arguments if a.precedent == precedent.id}
        assert sides == {Side.PLAINTIFF, Side.DEFENDANT}, precedent.id


def test_every_precedent_is_argued_from(case: Case) -> None:
    used = {a.precedent for a in case.arguments if a.precedent is not None}
    assert used == {p.id for p in case.precedents}
    for arg in case.arguments:
        if arg.precedent is not None:
            assert arg.scheme == "from precedent" and arg.applies_if is not None, arg.id


def test_both_disputes_main_claims_are_present_and_attacked(case: Case) -> None:
    attackers = _attackers(case)
    supporters = _supporters(case)
    for claim in ("C_illegal", "C_lawful", "C_retaliation", "C_principled", "C_threat_retal"):
        assert case.has(claim)
        assert supporters[claim], f"{claim} has no support"
    for claim in ("C_illegal", "C_retaliation", "C_threat_retal", "C_suit"):
        assert attackers[claim], f"{claim} is never attacked"
    # the counterclaims are attacked too, not only the accusations
    for claim in ("C_tos", "C_copyright", "C_cost", "C_fair_use", "C_threat_genuine"):
        assert attackers[claim], f"{claim} is never attacked"


def test_musks_accusation_is_undercut_for_want_of_evidence(case: Case) -> None:
    undercuts = {(r.origin, r.target) for r in case.relations if r.kind is RelationKind.UNDERCUT}
    assert ("E_no_evidence", "A_musk_word") in undercuts
    assert ("C_post_hoc", "A_sequence") in undercuts
    assert case.node("A_sequence").scheme == "from temporal sequence"


def test_source_contradictions_are_attacks(case: Case) -> None:
    undermines = {(r.origin, r.target) for r in case.relations if r.kind is RelationKind.UNDERMINE}
    assert ("E_free_write_only", "E_free_1pct") in undermines  # 1,500 writes vs 1% of tweets
    assert ("E_tweet", "E_tweet_date_s0") in undermines  # 19 vs 20 April
    evidence = {e.id: e for e in case.evidence}
    between_items = [(o, t) for o, t in undermines if o in evidence and t in evidence]
    assert len(between_items) >= 4
    for origin, target in between_items:  # a contradiction is between two sources
        assert evidence[origin].source != evidence[target].source, (origin, target)


def test_each_evidence_has_status_source_and_a_short_quote(case: Case) -> None:
    source_ids = {s.id for s in case.sources if s.file is not None}
    for ev in case.evidence:
        assert ev.status is not None
        assert ev.source in source_ids, ev.id
        assert ev.quote is not None, ev.id
        assert len(ev.quote.split()) <= 25, ev.id


def test_labels_stay_short(case: Case) -> None:
    for node in [*case.claims, *case.evidence, *case.events]:
        assert len(node.text.split()) <= 16, node.id
    for arg in case.arguments:
        assert arg.text is not None and len(arg.text.split()) <= 16, arg.id


def test_parties_and_their_sides(case: Case) -> None:
    sides = {p.id: p.side for p in case.parties}
    assert sides["musk"] is Side.PLAINTIFF and sides["twitter"] is Side.PLAINTIFF
    assert sides["microsoft"] is Side.DEFENDANT
    assert sides["openai"] is None


def test_the_argument_graph_is_acyclic(case: Case) -> None:
    # symbolic strengths and thresholds need an acyclic graph; keep the shipped case so
    edges: dict[str, set[str]] = defaultdict(set)
    for arg in case.arguments:
        for premise in arg.premises:
            edges[premise].add(arg.id)
        edges[arg.id].add(arg.conclusion)
    for rel in case.relations:
        edges[rel.origin].add(rel.target)
    state: dict[str, int] = {}

    def visit(node: str) -> None:
        state[node] = 1
        for nxt in edges[node]:
            assert state.get(nxt) != 1, f"cycle through {node} -> {nxt}"
            if nxt not in state:
                visit(nxt)
        state[node] = 2

    for node in list(edges):
        if node not in state:
            visit(node)


def test_uncertain_weights_are_parameters_with_distributions(case: Case) -> None:
    names = {p.id for p in case.parameters}
    assert {"w_musk_claim", "w_press_motive", "w_scraping_lawful"} <= names
    assert all(p.distribution is not None for p in case.parameters)
    assert case.node("A_musk_word").weight == "w_musk_claim"


def test_factors_cover_both_sides(case: Case) -> None:
    favours = {f.favours for f in case.factors}
    assert favours == {Side.PLAINTIFF, Side.DEFENDANT}
    present = {f.id for f in case.factors if f.present}
    assert {"F_public", "F_tos_breach", "F_transformative"} <= present
    assert "F_licensed" not in present  # no licence is on the record
