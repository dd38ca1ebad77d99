"""Dung's abstract argumentation frameworks and their extension semantics."""

from argmap.semantics.dung.af import AF

__all__ = ["AF"]
