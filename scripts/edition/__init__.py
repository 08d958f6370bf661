"""The edition: its MkDocs plugin (``plugin.py``), page model (``pages.py``), checks and generators.

The plugin reads the model once per build and runs the checks of one ordered registry
(``checks.py``). Checks are plain functions from the model to a list of
:class:`~edition.model.problems.Problem`, so the tests can feed them broken pages without running MkDocs.
"""
