"""The checks: each reads the model and returns problems (file, line, what, fix). The order is registry.py.

A check imports the model, never an output.
"""
