"""The edition: its MkDocs plugin (``plugin.py``), model (``model/``, loaded by ``model/edition.py``), checks and outputs.

The plugin loads the model once per build and runs the checks of one ordered registry
(``checks/registry.py``). Checks are plain functions from the model to a list of
:class:`~edition.model.problems.Problem`, so the tests can feed them broken pages without running MkDocs.
"""
