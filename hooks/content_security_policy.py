"""MkDocs hook: hashes for the Content-Security-Policy of every page.

The policy itself is in overrides/partials/head-security.html: only the site's own origin, and
no 'unsafe-inline' for scripts. Material writes a few small inline scripts into every page
(partials/javascripts/*.html: the storage scope, the saved palette, the tab under the address).
This hook gives the templates a filter, `csp_script_hashes`, that turns the very text the theme
renders into CSP source expressions ('sha256-...'), so the hashes are computed at build time and
cannot go stale when Material, base_url or the site address changes. tests/test_quality_privacy.py
checks in Chromium that no page breaks its own policy.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Only classic inline scripts: a <script> with no attributes. Data blocks such as
# <script type="application/ld+json"> or <script id="__config" type="application/json"> never run.
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def csp_script_hashes(html: str) -> str:
    """The 'sha256-...' source expression of every inline script in a rendered HTML fragment."""
    hashes = []
    for body in _INLINE_SCRIPT.findall(str(html)):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        expression = f"'sha256-{digest}'"
        if expression not in hashes:
            hashes.append(expression)
    return " ".join(hashes)


def on_env(env, config, files):
    env.filters["csp_script_hashes"] = csp_script_hashes
    return env
