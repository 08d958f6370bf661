"""The model: the project, its pages, data, strings, releases and corrections, read once per build.

Nothing here imports a check or an output.
"""
