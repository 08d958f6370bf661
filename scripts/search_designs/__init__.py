"""The search designs of issue 8, each built, served and searched in Chromium the same way.

Run by scripts/search_designs.py (``make bench-search``): the figures that choose the engine.
"""
