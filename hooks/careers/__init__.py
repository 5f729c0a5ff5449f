"""Peer Support Careers site generator: YAML in data/ -> validated models -> page Markdown.

Knows nothing about MkDocs; hooks/site_data.py connects it to the build.
"""

from .data.problems import DataError, Problem
from .build import build_site

__all__ = ["DataError", "Problem", "build_site"]
