"""``argmap schemes [NAME] [--case FILE]``: the catalogue of argumentation schemes."""

from __future__ import annotations

import argparse
from typing import Any

from argmap.cli._terminal import say
from argmap.errors import ArgmapError
from argmap.model.catalogue import catalogue, scheme_named, schemes_of
from argmap.model.schemes import Scheme

__all__ = ["describe", "listing", "register"]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "schemes",
        help="list the argumentation schemes, or show one with its roles and questions",
        description=(
            "Without NAME, list every scheme of the catalogue (id, name, how many premise "
            "roles and critical questions). With NAME (an id, name or alias), show that "
            "scheme's roles and its critical questions with their default weights. "
            "--case adds the schemes a case file defines."
        ),
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help="a scheme id, name or alias")
    parser.add_argument("--case", metavar="FILE", help="include the schemes this case defines")
    parser.set_defaults(handler=run)


def listing(schemes: dict[str, Scheme]) -> str:
    """One line per scheme: id, name, role and question counts.

    >>> print(listing({"sign": catalogue()["sign"]}))
    id    roles  questions  name
    sign  1      2          Argument from sign
    """
    width = max([2, *(len(s) for s in schemes)])
    lines = [f"{'id':<{width}}  roles  questions  name"]
    for scheme in schemes.values():
        lines.append(
            f"{scheme.id:<{width}}  {len(scheme.roles):<5}  {len(scheme.questions):<9}  "
            f"{scheme.name}"
        )
    return "\n".join(lines)


def describe(scheme: Scheme) -> str:
    """A scheme's name, source, conclusion, roles and critical questions.

    >>> print(describe(catalogue()["sign"]))
    sign: Argument from sign
      source: Walton, Reed, Macagno 2008, sec. 9.5
      conclusion: The event or property the sign indicates is present
      roles:
        sign  A finding that generally goes with the conclusion is observed
      critical questions (default weight):
        strength     0.2  How reliably does this finding indicate the conclusion?
        other_cause  0.3  Could something else explain the finding?
      also known as: Sign, Argument From Sign
    """
    lines = [f"{scheme.id}: {scheme.name}"]
    if scheme.reference:
        lines.append(f"  source: {scheme.reference}")
    if scheme.conclusion:
        lines.append(f"  conclusion: {scheme.conclusion}")
    if scheme.roles:
        lines.append("  roles:")
        width = max(len(r.id) for r in scheme.roles)
        for role in scheme.roles:
            optional = " (optional)" if not role.required else ""
            lines.append(f"    {role.id:<{width}}  {role.text}{optional}")
    if scheme.questions:
        lines.append("  critical questions (default weight):")
        width = max(len(q.id) for q in scheme.questions)
        for q in scheme.questions:
            lines.append(f"    {q.id:<{width}}  {q.weight:g}  {q.text}")
    if scheme.aliases:
        lines.append("  also known as: " + ", ".join(scheme.aliases))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.case:
        from argmap.io.casefile import load

        schemes = schemes_of(load(args.case))
    else:
        schemes = catalogue()
    if args.name is None:
        say(listing(schemes))
        return 0
    scheme = schemes.get(args.name) or scheme_named(args.name, schemes)
    if scheme is None:
        raise ArgmapError(
            f"no scheme named {args.name!r} (`argmap schemes` lists them: "
            + ", ".join(schemes)
            + ")"
        )
    say(describe(scheme))
    return 0
