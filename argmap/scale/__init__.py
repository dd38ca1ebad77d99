"""Scale-out: where work runs (``--local`` / ``--cluster``), keyed tasks streamed to
Parquet and resumed, corpora (``argmap batch``) and scenario grids with designs.

- :mod:`argmap.scale.executor`: the one executor switch, as an argparse group and a
  factory every sample- or variant-based command shares.
- :mod:`argmap.scale.tasks`: run numbered tasks on any executor, as they finish.
- :mod:`argmap.scale.store`: finished rows stream to Parquet parts; ``--resume``.
- :mod:`argmap.scale.batch`: one tidy row per (file, claim, semantics).
- :mod:`argmap.scale.designs`: full factorial, resolution-IV fractional factorial,
  Latin hypercube.
- :mod:`argmap.scale.grid`: scenario factors and parameter grids, one task per variant.
- :mod:`argmap.scale.effects`: main effects, two-way interactions, verdict flips.

dask.distributed and pyarrow are optional (the ``scale`` extra); each module that
needs one imports it where it is used and says which extra to install when missing.
"""
