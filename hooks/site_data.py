"""MkDocs hook: connects the careers generator (hooks/careers/) to the build.

Thin on purpose: each event is a call or two. All logic lives in the careers package,
which knows nothing about MkDocs.
"""

from __future__ import annotations

import logging
import sys
from html import unescape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from careers import DataError, build_site  # noqa: E402
from careers.markers import UnknownMarker, expand_markers, unknown_markers  # noqa: E402
from careers.editing_guide import page as editing_guide_page  # noqa: E402
from careers.pages import EDITING_GUIDE, TEMPLATES, merge_nav  # noqa: E402
from careers.reviewed import last_commit_date  # noqa: E402
from careers.structured_data import page_publishing  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

_site = None
# Warnings for editors go to their own logger, so that `strict: true` does not turn them into failures.
_log = logging.getLogger("careers")
if not _log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    _log.addHandler(_handler)
    _log.propagate = False


def _data_dir(config) -> Path:
    return Path(config.config_file_path).parent / "data"


# Validate and render everything before MkDocs cleans or writes the output folder.
def on_config(config):
    global _site
    try:
        _site = build_site(_data_dir(config), stale_after=config.extra.get("stale_figure_years", 8))
    except DataError as error:
        raise PluginError(error.report()) from None
    for warning in _site.warnings:
        _log.warning(str(warning))
    if messages := unknown_markers(Path(config.docs_dir), _site.snippets):
        raise PluginError("\n".join(messages))
    config.extra["crisis"] = _site.crisis
    config.nav = merge_nav(config.nav or [], _site.nav)
    return config


# Add the generated pages as if they were files in docs/.
def on_files(files, config):
    for path, content in _site.pages.items():
        files.append(File.generated(config, path, content=content))
    for path, content in _site.files.items():  # non-Markdown outputs, e.g. finder/rules.json
        files.append(File.generated(config, path, content=content))
    guide = Path(config.config_file_path).parent / "CONTRIBUTING.md"
    files.append(File.generated(config, EDITING_GUIDE, content=editing_guide_page(guide)))
    return files


# Expand `<!-- careers:... -->` markers in hand-written pages.
def on_page_markdown(markdown, page, config, files):
    try:
        return expand_markers(markdown, _site.snippets, page.file.src_uri)
    except UnknownMarker as error:
        raise PluginError(str(error)) from None


# Hand each page its name (its h1), JSON-LD and the date its citation shows (careers.structured_data).
# The breadcrumb trail is home, each enclosing section that has its own index page, the page.
def on_page_context(context, page, config, nav):
    heading = next((unescape(item.title) for item in page.toc if item.level == 1), page.title)
    sections = [s for s in reversed(page.ancestors) if s.children and getattr(s.children[0], "is_index", False)]
    trail = [(s.title, s.children[0].canonical_url) for s in sections if s.children[0] is not page]
    if nav.homepage and not page.is_homepage:
        trail = [(nav.homepage.title, nav.homepage.canonical_url), *trail, (heading, page.canonical_url)]
    context["publishing"] = page_publishing(
        _site.structured_data.get(page.file.src_uri), title=heading, url=page.canonical_url, trail=trail,
        site_name=config.site_name, site_url=config.site_url,
        reviewed=page.meta.get("reviewed") or last_commit_date(page.file.abs_src_path))
    return context


# Rebuild when an editor saves a data file or a page template.
def on_serve(server, config, builder):
    server.watch(str(_data_dir(config)))
    server.watch(str(TEMPLATES))
    server.watch(str(Path(config.config_file_path).parent / "CONTRIBUTING.md"))
    return server
