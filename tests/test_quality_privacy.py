"""Privacy: nothing leaves the site, and the Content-Security-Policy says so too.

- Every built page, loaded in Debian's Chromium until the network is idle (search index and all),
  requests nothing from another origin, and breaks none of its own policy.
- Every page carries a Content-Security-Policy <meta> as the first thing in <head> after the
  charset, allowing only the site's own origin: no host, no scheme, no 'unsafe-inline' or
  'unsafe-eval'; `data:` for images only; inline scripts and <style> elements (a page's feature
  stylesheet) only by hash. Every inline script and <style> on the page has its hash listed, and
  every listed hash belongs to one on the page (never stale: hooks/content_security_policy.py
  computes them at build time from the very partials that write them).
- No markup the policy would block: no inline style attributes, no on* handlers, no javascript:
  links.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from quality_helpers import PHONE, html_files, serve, url_path

CSP_REQUIRED = {"default-src", "script-src", "style-src", "img-src", "object-src", "base-uri", "form-action"}
HASH = re.compile(r"^'sha256-[A-Za-z0-9+/]+={0,2}'$")


def parse_policy(policy: str) -> dict[str, list[str]]:
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            assert words[0] not in directives, f"directive {words[0]} given twice"
            directives[words[0]] = words[1:]
    return directives


def inline_script_hashes(soup: BeautifulSoup) -> set[str]:
    """The CSP hash of every classic inline script (no src, no data-block type)."""
    hashes = set()
    for script in soup.find_all("script"):
        if script.get("src") or script.get("type", "text/javascript") not in ("text/javascript", "module", ""):
            continue
        hashes.add(_hash(script.string))
    return hashes


def inline_style_hashes(soup: BeautifulSoup) -> set[str]:
    """The CSP hash of every <style> element (a page's feature stylesheet, written into it)."""
    return {_hash(style.string) for style in soup.find_all("style")}


def _hash(text: str | None) -> str:
    digest = hashlib.sha256(text.encode("utf-8") if text else b"").digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def test_every_page_has_a_strict_content_security_policy(html_pages):
    problems = []
    for path, soup in html_pages.items():
        metas = soup.find_all("meta", attrs={"http-equiv": re.compile("^content-security-policy$", re.I)})
        if len(metas) != 1:
            problems.append(f"{path}: {len(metas)} Content-Security-Policy <meta> tags, not 1")
            continue
        meta = metas[0]
        if meta.parent.name != "head":
            problems.append(f"{path}: the policy is not in <head>")
        earlier = [tag.name for tag in meta.find_all_previous(["script", "link", "style"])
                   if tag.name != "link" or {"stylesheet", "preload", "modulepreload"} & set(tag.get("rel", []))]
        if earlier:
            problems.append(f"{path}: {earlier} come before the policy, which governs only what follows it")
        policy = parse_policy(meta["content"])
        missing = CSP_REQUIRED - set(policy)
        if missing:
            problems.append(f"{path}: the policy lacks {sorted(missing)}")
        for directive, sources in policy.items():
            for source in sources:
                allowed = source == "'self'" or (source == "'none'" and len(sources) == 1) \
                    or (directive == "img-src" and source == "data:") \
                    or (directive in ("script-src", "style-src") and HASH.match(source))
                if not allowed:
                    problems.append(f"{path}: {directive} allows {source}")
        for directive, kind, present in (("script-src", "script", inline_script_hashes(soup)),
                                         ("style-src", "<style>", inline_style_hashes(soup))):
            listed = {s for s in policy.get(directive, []) if HASH.match(s)}
            if present - listed:
                problems.append(f"{path}: inline {kind}(s) not allowed by the policy: {sorted(present - listed)}")
            if listed - present:
                problems.append(f"{path}: stale {directive} hash(es), matching no {kind}: {sorted(listed - present)}")
        if policy.get("object-src") != ["'none'"]:
            problems.append(f"{path}: object-src should be 'none'")
    assert not problems, "\n".join(problems)


def test_no_markup_the_policy_would_block(html_pages):
    problems = []
    for path, soup in html_pages.items():
        body_and_head = soup.find_all(True)
        for tag in body_and_head:
            for attribute, value in tag.attrs.items():
                if attribute == "style":
                    problems.append(f"{path}: style=\"{value}\" on <{tag.name}> (blocked): use a class")
                elif attribute.startswith("on"):
                    problems.append(f"{path}: {attribute}= on <{tag.name}> (blocked): use a script file")
                elif attribute in ("href", "src", "action") and str(value).strip().lower().startswith("javascript:"):
                    problems.append(f"{path}: a javascript: URL on <{tag.name}> (blocked)")
    assert not problems, "\n".join(problems[:60])


# Collect Content-Security-Policy violations from the first moment of every document.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') +
                              (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : ''));
});
"""


@pytest.mark.browser
def test_no_page_requests_another_origin_or_breaks_its_policy(built_site, browser):
    """At phone size: the same files load at every size. (At desktop size the axe and keyboard
    runs need Material's scripts, palette toggle and search, which a violated policy would stop.)
    Each page is opened with a search in its address (`?q=`), which loads everything a page can
    load at once: Material's bundle, the search index and worker, and the page's own script."""
    pages = html_files(built_site)
    problems, counts = [], {}
    with serve(built_site) as root:
        origin = urlparse(root).netloc
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        context.add_init_script(script=RECORD_VIOLATIONS)
        requests: dict[str, list[str]] = {}
        # Several tabs load at once; each page's requests (its worker's too) are filed under it.
        batch = 4  # each tab also runs a search (its worker fetches index files): more would crowd 2 busy cores
        for start in range(0, len(pages), batch):
            tabs = []
            for path in pages[start:start + batch]:
                tab = context.new_page()
                requests[path] = []
                tab.on("request", lambda request, path=path: requests[path].append(request.url))
                tab.on("worker", lambda worker, path=path: requests[path].append(worker.url))
                tab.goto(root + url_path(path) + "?q=peer", wait_until="commit")
                tabs.append((path, tab))
            for path, tab in tabs:
                tab.wait_for_load_state("networkidle", timeout=120_000)  # a patient wait, not a timing test
                for violation in tab.evaluate("window.__cspViolations"):
                    problems.append(f"{path}: Content-Security-Policy: {violation}")
                tab.close()
        context.close()
    for path, urls in requests.items():
        counts[path] = len(urls)
        foreign = [url for url in urls if urlparse(url).scheme in ("http", "https", "ws", "wss")
                   and urlparse(url).netloc != origin]
        problems += [f"{path}: request to another origin: {url}" for url in foreign]
    # At least the page, its stylesheet and Material's bundle (then the search index and worker).
    assert all(count >= 3 for count in counts.values()), f"pages that requested almost nothing: {counts}"
    assert not problems, "\n".join(problems)


def test_csp_hash_filter_hashes_only_classic_inline_scripts():
    from content_security_policy import csp_script_hashes

    html = ('<script>alert(1)</script><script src="x.js"></script>'
            '<script type="application/ld+json">{}</script><script>alert(1)</script>')
    # sha256("alert(1)"), base64: the value browsers compute for <script>alert(1)</script>
    assert csp_script_hashes(html) == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    # data- attributes are not part of what is hashed; the text is.
    assert csp_script_hashes('<script data-bundle="b.js">alert(1)</script>') == csp_script_hashes(html)
    assert csp_script_hashes('<script type="module">alert(1)</script>') == ""


def test_csp_style_hash_filter_hashes_style_elements():
    from content_security_policy import csp_style_hashes

    expected = _hash("p{color:red}")
    assert csp_style_hashes('<style data-stylesheet="x">p{color:red}</style>') == expected
    assert csp_style_hashes('<link rel="stylesheet" href="x.css">') == ""
