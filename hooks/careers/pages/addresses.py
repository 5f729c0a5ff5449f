"""Addresses of generated pages: a page's path under docs/ as the directory URL MkDocs gives it."""

from __future__ import annotations


def url_of(path: str) -> str:
    """A page's directory URL from the site root (`roles/x.md` -> `roles/x/`, `states/index.md` -> `states/`)."""
    return path.removesuffix(".md").removesuffix("index") + ("/" if not path.endswith("index.md") else "")
