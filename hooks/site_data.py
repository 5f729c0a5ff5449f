"""MkDocs hook: connects the careers generator (hooks/careers/) to the build.

Thin on purpose: each event is a call or two. All logic lives in the careers package,
which knows nothing about MkDocs.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import asdict
from html import unescape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from careers import DataError, build_site  # noqa: E402
from careers.data.stale import DEFAULT_MAX_AGE, stale_summary  # noqa: E402
from careers.site.markers import UnknownMarker, expand_markers, unknown_markers  # noqa: E402
from careers.site.editing_guide import page as editing_guide_page  # noqa: E402
from careers.site.menu import escape_titles, fit_menu, merge_nav, place_outside_menu  # noqa: E402
from careers.pages.render import EDITING_GUIDE, TEMPLATES, RenderedSite  # noqa: E402
from careers.site.reviewed import last_commit_date  # noqa: E402
from careers.site.structured_data import breadcrumb_trail, page_publishing, reviewed_date  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402

_site = None
_serving = False  # `mkdocs serve`: live reload, and data problems shown in the preview instead of a stop
_menu = None  # careers.site.menu.Menu: the nav, and the pages long sections leave out of it
# Messages for editors go to their own logger: warnings, so that `strict: true` does not turn them
# into failures; errors, because MkDocs' build logger drops a message it has already shown in the
# same process, so under `mkdocs serve` a mistake saved a second time would stop the rebuild
# without saying why.
_log = logging.getLogger("careers")
if not _log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    _log.addHandler(_handler)
    _log.propagate = False


def _stop(problems: list[str], summary: str):
    """Stop the build: every problem on its own line, then the summary MkDocs prints."""
    for problem in problems:
        _log.error(problem)
    raise PluginError(summary)


def _data_dir(config) -> Path:
    return Path(config.config_file_path).parent / "data"


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


# Validate and render everything before MkDocs cleans or writes the output folder.
def on_config(config):
    global _site, _menu
    config.extra["live_reload"] = _serving  # overrides/main.html names assets/javascripts/live-reload.js
    config.extra["data_problems"] = []
    try:
        docs = Path(config.docs_dir)
        _site = build_site(_data_dir(config), stale_after=config.extra.get("stale_figure_years", DEFAULT_MAX_AGE),
                           docs_pages=frozenset(page.relative_to(docs).as_posix() for page in docs.rglob("*.md")))
    except DataError as error:
        *problems, summary = error.report().splitlines()
        if not _serving:
            _stop(problems, summary)
        # Previewing: every page shows the problems (overrides/partials/data-problems.html) and
        # reloads once they are fixed; the last good pages keep their addresses meanwhile.
        for problem in problems:
            _log.error(problem)
        count = len(error.problems)
        _log.error(f"Preview: every page lists the {count} {'problem' if count == 1 else 'problems'} above until the data is fixed and saved.")
        config.extra["data_problems"] = [asdict(problem) for problem in error.problems]
        _site = _site or RenderedSite()
    for warning in _site.warnings:
        _log.warning(str(warning))
    if _site.stale:
        _log.warning(stale_summary(len(_site.stale), config.extra.get("stale_figure_years", DEFAULT_MAX_AGE)))
    if messages := unknown_markers(Path(config.docs_dir), _site.snippets):
        _stop(messages, f"Build stopped: {len(messages)} unknown marker(s) in docs/. Nothing was written.")
    config.extra["crisis"] = _site.crisis
    _menu = fit_menu(merge_nav(config.nav or [], _site.nav))
    config.nav = escape_titles(_menu.nav)  # data text is text in the menu too (Material prints titles raw)
    return config


# Add the generated pages as if they were files in docs/.
def on_files(files, config):
    outside = _menu.outside_pages()  # linked from their section's index page instead of the menu
    for path, content in _site.pages.items():
        inclusion = InclusionLevel.NOT_IN_NAV if path in outside else InclusionLevel.UNDEFINED
        files.append(File.generated(config, path, content=content, inclusion=inclusion))
    for path, content in _site.files.items():  # non-Markdown outputs, e.g. finder/rules.json
        files.append(File.generated(config, path, content=content))
    guide = Path(config.config_file_path).parent / "CONTRIBUTING.md"
    files.append(File.generated(config, EDITING_GUIDE, content=editing_guide_page(guide)))
    return files


# Pages left out of a long menu section keep their section (breadcrumbs) and previous/next links.
def on_nav(nav, config, files):
    for index, paths in _menu.outside.items():
        place_outside_menu(files.get_file_from_path(index).page, [files.get_file_from_path(path).page for path in paths])
    return nav


# Expand `<!-- careers:... -->` markers in hand-written pages.
def on_page_markdown(markdown, page, config, files):
    if config.extra["data_problems"]:
        return ""  # the page shows the data problems instead (overrides/main.html)
    try:
        return expand_markers(markdown, _site.snippets, page.file.src_uri)
    except UnknownMarker as error:
        _stop([str(error)], "Build stopped: an unknown marker in docs/.")


# Date each page while MkDocs reads it: sitemap.xml is written before any page, so its <lastmod>
# (`page.update_date`) must be set here, not in on_page_context. The date its citation shows.
def on_page_content(html, page, config, files):
    reviewed = page.meta.get("reviewed") or last_commit_date(page.file.abs_src_path)
    page.update_date = reviewed_date(_site.structured_data.get(page.file.src_uri), reviewed).isoformat()
    return html


# Hand each page its name (its h1), JSON-LD and the date its citation shows (careers.site.structured_data).
def on_page_context(context, page, config, nav):
    heading = next((unescape(item.title) for item in page.toc if item.level == 1), page.title)
    home = (unescape(str(nav.homepage.title)), nav.homepage.canonical_url) if nav.homepage else None
    trail = breadcrumb_trail((heading, page.canonical_url), [_index_of(s) for s in reversed(page.ancestors)], home)
    context["publishing"] = page_publishing(
        _site.structured_data.get(page.file.src_uri), title=heading, url=page.canonical_url, trail=trail,
        site_name=config.site_name, site_url=config.site_url, reviewed=page.update_date)
    return context


def _index_of(section):
    """A navigation section as (its title, its index page's URL), or None when it has no index page.
    Menu titles are HTML-escaped for Material (careers.site.menu.escape_titles): the trail wants text."""
    first = section.children[0] if section.children else None
    return (unescape(str(section.title)), first.canonical_url) if getattr(first, "is_index", False) else None


# Rebuild when an editor saves a data file or a page template.
def on_serve(server, config, builder):
    server.watch(str(_data_dir(config)))
    server.watch(config.theme.custom_dir)  # overrides/: MkDocs watches theme folders only with --watch-theme
    # MkDocs writes an inline live-reload script into every page it serves, which the site's
    # Content-Security-Policy blocks (and reports in the console); the pages load
    # assets/javascripts/live-reload.js instead. mkdocs is pinned to 1.6.1, the last 1.x.
    if hasattr(server, "_inject_js_into_html"):
        server._inject_js_into_html = lambda content, epoch: content
    server.watch(str(TEMPLATES))
    server.watch(str(Path(config.config_file_path).parent / "CONTRIBUTING.md"))
    return server
