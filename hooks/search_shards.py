"""MkDocs hook: search stays light as the site grows (careers/site/search_shards.py).

After Material's search plugin has written `search/search_index.json`, cut it into a small
`search/head.json` and the term and page files under `search/<version>/` that
docs/assets/javascripts/workers/search.js fetches a few of for each query. Older versions' folders
(from a `--dirty` build or `mkdocs serve`) are removed. Runs after every plugin and before
keep_good_build.py swaps the staging folder in.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))

from careers.site.search_shards import build  # noqa: E402


@event_priority(-50)
def on_post_build(config):
    folder = Path(config.site_dir) / "search"
    written = build(json.loads((folder / "search_index.json").read_text(encoding="utf-8")))
    versions = {name.split("/", 1)[0] for name in written if "/" in name}
    for old in folder.iterdir():
        if old.is_dir() and old.name not in versions:
            shutil.rmtree(old)
    for name, content in written.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
