"""MkDocs hook: connects the careers generator (hooks/careers/) to the build.

Thin on purpose: each event is a call or two. All logic lives in the careers package,
which knows nothing about MkDocs.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from careers import DataError, build_site  # noqa: E402
from careers.markers import UnknownMarker, expand_markers, unknown_markers  # noqa: E402
from careers.pages import TEMPLATES, merge_nav  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

_site = None


def _data_dir(config) -> Path:
    return Path(config.config_file_path).parent / "data"


# Validate and render everything before MkDocs cleans or writes the output folder.
def on_config(config):
    global _site
    try:
        _site = build_site(_data_dir(config))
    except DataError as error:
        raise PluginError(error.report()) from None
    if messages := unknown_markers(Path(config.docs_dir), _site.snippets):
        raise PluginError("\n".join(messages))
    config.extra["crisis"] = _site.crisis
    config.nav = merge_nav(config.nav or [], _site.nav)
    return config


# Add the generated pages as if they were files in docs/.
def on_files(files, config):
    for path, content in _site.pages.items():
        files.append(File.generated(config, path, content=content))
    return files


# Expand `<!-- careers:... -->` markers in hand-written pages.
def on_page_markdown(markdown, page, config, files):
    try:
        return expand_markers(markdown, _site.snippets, page.file.src_uri)
    except UnknownMarker as error:
        raise PluginError(str(error)) from None


# Rebuild when an editor saves a data file or a page template.
def on_serve(server, config, builder):
    server.watch(str(_data_dir(config)))
    server.watch(str(TEMPLATES))
    return server
