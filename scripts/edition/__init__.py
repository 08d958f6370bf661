"""The edition's model and checks, shared by the MkDocs hooks in ``scripts/`` and by the tests.

Hooks are thin: each one loads the edition once per build (``load_for_build``) and runs one check.
Checks are plain functions from the model to a list of :class:`~edition.problems.Problem`, so the
tests can feed them broken pages without running MkDocs.
"""
