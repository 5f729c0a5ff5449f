"""MkDocs hook: hashes for the Content-Security-Policy of every page.

The policy itself is in overrides/partials/head-security.html: only the site's own origin, and
no 'unsafe-inline' for scripts. Material writes a few small inline scripts into every page
(partials/javascripts/*.html: the storage scope, the saved palette, the tab under the address).
The site adds its own (partials/palette-from-system.html, partials/on-demand.html) and writes a
page's feature stylesheet into a <style> (partials/page-styles.html). This hook gives the
templates two filters, `csp_script_hashes` and `csp_style_hashes`, that turn the very text the
theme renders into CSP source expressions ('sha256-...'), so the hashes are computed at build time
and cannot go stale when Material, base_url or the site address changes. tests/test_quality_privacy.py
checks in Chromium that no page breaks its own policy.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Only classic inline scripts: a <script> with no attributes but data- ones (which a hash does not
# cover). Data blocks such as <script type="application/ld+json"> or
# <script id="__config" type="application/json"> never run.
_INLINE_SCRIPT = re.compile(r'<script(?:\s+data-[\w-]+="[^"]*")*\s*>(.*?)</script>', re.DOTALL)
_INLINE_STYLE = re.compile(r'<style(?:\s+data-[\w-]+="[^"]*")*\s*>(.*?)</style>', re.DOTALL)


def _hashes(pattern: re.Pattern, html: str) -> str:
    hashes = []
    for body in pattern.findall(str(html)):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        expression = f"'sha256-{digest}'"
        if expression not in hashes:
            hashes.append(expression)
    return " ".join(hashes)


def csp_script_hashes(html: str) -> str:
    """The 'sha256-...' source expression of every inline script in a rendered HTML fragment."""
    return _hashes(_INLINE_SCRIPT, html)


def csp_style_hashes(html: str) -> str:
    """The 'sha256-...' source expression of every <style> element in a rendered HTML fragment."""
    return _hashes(_INLINE_STYLE, html)


def on_env(env, config, files):
    env.filters["csp_script_hashes"] = csp_script_hashes
    env.filters["csp_style_hashes"] = csp_style_hashes
    return env
