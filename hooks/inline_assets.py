"""MkDocs hook: small files written into the page instead of fetched.

Before the first paint a page fetches nothing but its HTML and the site-wide stylesheet: each
request more is a round trip more on a phone's connection (bench/lighthouse.py).

The favicon (`theme.favicon`, a 0.3 KB SVG) becomes a data: address in the page's icon link
(`favicon_data_url`, used by overrides/main.html): otherwise the browser fetches it while the
page is still being drawn.

A feature's stylesheet (docs/assets/stylesheets/features/NAME.css, `extra.feature_stylesheets`:
the comparison, the plans, the job-description generator) styles only the pages that name it in their front matter
(`stylesheets: [NAME]`). Linked, it would be a second request before the first paint; written into
the page (overrides/partials/page-styles.html) it costs a few compressed kilobytes on those pages
only. The filter `feature_stylesheet` gives the stylesheet's text without its comments (they
document the file, the reader does not need them). The folder is left out of
the published site (mkdocs.yml, exclude_docs); hooks/trim_theme_css.py reads it for the custom
properties it uses.

A content stylesheet (`extra.content_stylesheets`: tables, inset and warning text) is a feature
stylesheet no page has to name: it is written into every page whose content holds an element or
a class it is for (`table`; `.inset-text`, `.warning-text`), whoever wrote the page. The filter
`content_stylesheets` gives their names for a page's HTML, in the order mkdocs.yml lists them
(careers.site.content_stylesheets).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))

from careers.site.content_stylesheets import needed as content_stylesheets_for  # noqa: E402
from careers.site.unused_css import without_comments  # noqa: E402

_folder: Path | None = None  # docs/ + extra.feature_stylesheets
_content: Mapping[str, list[str]] = {}  # extra.content_stylesheets: name -> elements and .classes


@lru_cache(maxsize=None)
def _without_comments(path: Path, modified: int) -> str:
    return without_comments(path.read_text(encoding="utf-8"))


def feature_stylesheet(name: str) -> str:
    path = _folder / f"{name}.css"
    if not path.is_file():
        raise PluginError(f"a page's front matter names the stylesheet '{name}', but {path} does not exist")
    return _without_comments(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=256)
def content_stylesheets(content: str | None) -> list[str]:
    """The content stylesheets a page's HTML needs: those naming one of its elements or classes."""
    return content_stylesheets_for(content, _content)


@lru_cache(maxsize=None)
def _data_url(path: Path, modified: int) -> str:
    # Percent-encoded, not base64: smaller once compressed; only what a URL may not hold is encoded.
    return "data:image/svg+xml," + quote(path.read_text(encoding="utf-8").strip(), safe="=:/;',()")


def favicon_data_url(config) -> str:
    """The site's SVG favicon as a data: address."""
    path = Path(config.docs_dir) / config.theme["favicon"]
    if path.suffix != ".svg" or not path.is_file():
        raise PluginError(f"theme.favicon should be an SVG file in {config.docs_dir}: {path} is not")
    return _data_url(path, path.stat().st_mtime_ns)


def on_config(config):
    global _folder, _content
    _folder = Path(config.docs_dir) / config.extra["feature_stylesheets"]
    _content = dict(config.extra.get("content_stylesheets") or {})
    for name, wanted in _content.items():
        if not (_folder / f"{name}.css").is_file():
            raise PluginError(f"extra.content_stylesheets in mkdocs.yml names '{name}', but {_folder / name}.css does not exist")
        if not isinstance(wanted, list) or not all(isinstance(item, str) and item for item in wanted):
            raise PluginError(f"extra.content_stylesheets.{name} in mkdocs.yml should be a list of element names and .classes")
    content_stylesheets.cache_clear()
    return config


def on_env(env, config, files):
    env.filters["feature_stylesheet"] = feature_stylesheet
    env.filters["favicon_data_url"] = favicon_data_url
    env.filters["content_stylesheets"] = content_stylesheets
    return env
