"""MkDocs hook: a page's feature stylesheet, written into the page.

A feature's stylesheet (docs/assets/stylesheets/features/NAME.css: the comparison, the plans, the
job-description generator) styles only the pages that name it in their front matter
(`stylesheets: [NAME]`). Linked, it would be a second request before the first paint; written into
the page (overrides/partials/page-styles.html) it costs a few compressed kilobytes on those pages
only. This hook gives the templates the filter `feature_stylesheet`: the stylesheet's text without
its comments (they document the file, the reader does not need them). The folder is left out of
the published site (mkdocs.yml, exclude_docs); hooks/trim_theme_css.py reads it for the custom
properties it uses.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).parent))

from careers.unused_css import without_comments  # noqa: E402

FOLDER = Path("assets") / "stylesheets" / "features"
_folder: Path | None = None


@lru_cache(maxsize=None)
def _without_comments(path: Path, modified: int) -> str:
    return without_comments(path.read_text(encoding="utf-8"))


def feature_stylesheet(name: str) -> str:
    path = _folder / f"{name}.css"
    if not path.is_file():
        raise PluginError(f"a page's front matter names the stylesheet '{name}', but {path} does not exist")
    return _without_comments(path, path.stat().st_mtime_ns)


def on_config(config):
    global _folder
    _folder = Path(config.docs_dir) / FOLDER
    return config


def on_env(env, config, files):
    env.filters["feature_stylesheet"] = feature_stylesheet
    return env
