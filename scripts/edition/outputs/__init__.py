"""The outputs: generated page content, paragraph tools, citations, metadata, search, downloads, feeds, PDFs.

An output reads the model and writes HTML or files.
"""
