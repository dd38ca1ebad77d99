"""The interactive brief: one self-contained, offline HTML file per case.

:func:`write_html_brief` writes it (:mod:`argmap.html.page`); :mod:`argmap.html.data`
computes what it shows; :mod:`argmap.html.passages` finds each quote in its source;
:mod:`argmap.html.serve` serves it with automatic reload for ``argmap watch``.
"""

from __future__ import annotations

from argmap.html.page import build_html, write_html_brief

__all__ = ["build_html", "write_html_brief"]
