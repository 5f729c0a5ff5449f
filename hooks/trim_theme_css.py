"""MkDocs hook: Material's stylesheets keep only what the built site uses.

Material's main stylesheet is 23 KB compressed and every page waits for it before its first
paint; most of it styles features this site does not use. Once every page is written, the rules
no page or script needs are dropped from Material's stylesheets (`*.min.css`) in the output
folder (with their source maps, which no longer fit); the site's own stylesheets are left alone.
Then Material's two and the site's own (`extra.site_stylesheets`) are joined into the one
stylesheet every page links (`extra.site_wide_stylesheet`): one request, not three, before the
first paint. The rules: hooks/careers/site/unused_css.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from careers.site.unused_css import properties_read, prune_stylesheets, site_usage, without_comments  # noqa: E402


def on_post_build(config):
    site = Path(config.site_dir)
    stylesheets = site / "assets" / "stylesheets"
    joined = site / config.extra["site_wide_stylesheet"]
    # main.*.min.css, then palette.*.min.css: the palette's rules win where both set a colour.
    theirs = {path: path.read_text(encoding="utf-8")
              for prefix in ("main.", "palette.") for path in stylesheets.glob(prefix + "*.min.css")}
    # The site's own stylesheets: those published, and the feature stylesheets written into pages.
    ours = [path.read_text(encoding="utf-8") for path in
            [*stylesheets.glob("*.css"), *(Path(config.docs_dir) / config.extra["feature_stylesheets"]).glob("*.css")]
            if path not in theirs and path != joined]
    # Every script: Material's bundle and search worker (its search results), ours.
    scripts = [path.read_text(encoding="utf-8") for path in (site / "assets" / "javascripts").rglob("*.js")]
    pages = [path.read_text(encoding="utf-8") for path in site.rglob("*.html")]
    trimmed = prune_stylesheets(theirs, site_usage(pages, scripts), properties_read(ours + scripts))
    for path, css in trimmed.items():
        path.write_text(css, encoding="utf-8")
        path.with_name(path.name + ".map").unlink(missing_ok=True)  # it maps the whole stylesheet
    # Material's two in that order, then the site's own, in the order mkdocs.yml lists them,
    # without their comments.
    parts = [*trimmed.values(), *(without_comments((site / name).read_text(encoding="utf-8"))
                                  for name in config.extra["site_stylesheets"])]
    joined.write_text("\n".join(parts), encoding="utf-8")
