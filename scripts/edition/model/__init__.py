"""The model: the project, its pages, data, strings, releases and corrections, read once per build by one loader
(``edition.py``, ``load_edition``) into one frozen ``Edition`` that nothing changes afterwards.

Nothing here imports a check or an output.
"""
