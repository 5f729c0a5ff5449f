"""WCAG 2.2 AA in Debian's Chromium, proved by axe-core and by walking the pages with a keyboard.

- axe-core (node_modules/axe-core) on every built page, light and dark palettes, phone (360x640)
  and desktop (1280x800) sizes, both as the page first loads (light, desktop: Material's script
  waits for the reader's first action) and once Material runs (dark, phone): no violation of the WCAG 2.0/2.1/2.2 A and AA rules, nor of
  `aria-dialog-name` (a best-practice rule plain Material fails on its search dialog). Also with
  search open and showing results, and with the phone's navigation drawer open.
- A keyboard-only walk (Tab, from the top of the page to its end) through one page of each kind,
  on a phone and a desktop: every control on the page is reached, focus is always on screen and
  visibly marked, crisis help comes within the first few stops, and the walk ends (no trap).
  Search works from the keyboard alone.
- Touch targets of crisis help, the header and the navigation are at least 24 x 24 px.
- Text at 200% (desktop) and a 320 px wide screen lose nothing sideways (WCAG 1.4.4, 1.4.10);
  `prefers-reduced-motion: reduce` stops transitions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import wait_for_material
from quality_helpers import (AXE_JS, DESKTOP, PHONE, ROOT, html_files, page_kinds,
                             require_tool, serve, url_path)

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Best-practice rules enforced as well: the search dialog's name (a known Material failure).
EXTRA_RULES = ["aria-dialog-name"]
# The only rules whose outcome depends on the palette: they run in both palettes at both sizes;
# every other rule runs once per size.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
SCHEMES = {"light": "default", "dark": "slate"}

# Run axe and return its violations in a compact, readable form.
AXE_RUN = """async ([tags, extra, only]) => {
  const options = only
    ? {runOnly: {type: 'rule', values: only}}
    : {runOnly: {type: 'tag', values: tags},
       rules: Object.fromEntries(extra.map(id => [id, {enabled: true}]))};
  const result = await axe.run(document, options);
  return {
    passes: result.passes.length,
    violations: result.violations.map(v => ({
      id: v.id,
      nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' +
        (n.failureSummary || '').split('\\n').slice(1, 2).join(' ').trim()),
    })),
  };
}"""

# Resolve after two animation frames, so layout, Material's scripts and (reduced) transitions settle.
SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done())))"


@pytest.fixture(scope="module")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(browser):
    # The session's one Chromium (tests/conftest.py): Playwright's sync API allows one driver at a time.
    return browser


@pytest.fixture(scope="module")
def axe_source() -> str:
    return require_tool(AXE_JS).read_text(encoding="utf-8")


def _settle(page) -> None:
    page.evaluate(SETTLE)


def start_material(page) -> None:
    """Material's bundle loads on the reader's first action (overrides/partials/on-demand.html):
    make one, a mouse move, and wait until the bundle has run."""
    if not page.evaluate("document.documentElement.classList.contains('js')"):
        page.mouse.move(1, 1)
        wait_for_material(page)


def first_key(page) -> None:
    """A keyboard reader's first key loads Material's script (partials/on-demand.html), which adds controls
    (search, the colour toggle): press one that moves nothing, and wait until the script has run."""
    page.keyboard.press("Shift")
    wait_for_material(page)


def set_scheme(page, scheme: str) -> None:
    """Switch the palette the way a reader does: click Material's toggle in the header."""
    if page.evaluate("document.body.dataset.mdColorScheme") != scheme:
        start_material(page)
        page.locator("form[data-md-component=palette] label:not([hidden])").click()
        page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=scheme)
    _settle(page)


def set_size(page, size: dict) -> None:
    page.set_viewport_size(size)
    _settle(page)


def _report(where: str, result: dict) -> list[str]:
    return [f"{where}: {v['id']}: {node}" for v in result["violations"] for node in v["nodes"][:5]]


# ---------------------------------------------------------------------------------------------
# axe-core on every page
# ---------------------------------------------------------------------------------------------

def _axe_steps(page, address: str):
    """The axe runs for one page. A generator: it yields after starting each run (so another page
    can work meanwhile) and receives the finished result."""
    page.goto(address, wait_until="load")
    if page.evaluate("document.body.dataset.mdColorScheme") != SCHEMES["light"]:
        set_scheme(page, SCHEMES["light"])
    results = {}
    plan = [("light", DESKTOP, None), ("dark", DESKTOP, COLOUR_RULES),
            ("dark", PHONE, None), ("light", PHONE, COLOUR_RULES)]
    for scheme, size, only in plan:
        if page.viewport_size != size:
            set_size(page, size)
        set_scheme(page, SCHEMES[scheme])
        page.evaluate("args => { window.__axeRun = (%s)(args); }" % AXE_RUN, [WCAG_TAGS, EXTRA_RULES, only])
        yield
        label = f"{scheme} {'phone' if size == PHONE else 'desktop'}{' (colour rules)' if only else ''}"
        results[label] = page.evaluate("() => window.__axeRun")
    set_size(page, DESKTOP)
    set_scheme(page, SCHEMES["light"])  # Material remembers the palette: leave it as found
    return results


@pytest.fixture(scope="module")
def axe_results(built_site, site_url, chromium, axe_source):
    """axe's findings for every page; two pages at a time, each in its own browser context."""
    pages = html_files(built_site)
    queue = list(pages)
    results: dict[str, dict] = {}
    workers = []
    for _ in range(2):
        context = chromium.new_context(viewport=DESKTOP, color_scheme="light", reduced_motion="reduce")
        context.add_init_script(script=axe_source)
        workers.append({"page": context.new_page(), "context": context, "steps": None, "path": None})

    def advance(worker) -> None:
        """Start the next axe run of this worker (taking a new page when its page is done)."""
        while True:
            if worker["steps"] is None:
                if not queue:
                    return
                worker["path"] = queue.pop(0)
                worker["steps"] = _axe_steps(worker["page"], site_url + url_path(worker["path"]))
            try:
                next(worker["steps"])
                return
            except StopIteration as done:
                results[worker["path"]] = done.value
                worker["steps"] = None

    for worker in workers:
        advance(worker)
    while any(worker["steps"] is not None for worker in workers):
        for worker in workers:
            if worker["steps"] is not None:
                advance(worker)
    for worker in workers:
        worker["context"].close()
    return results


def test_axe_ran_on_every_page_in_both_palettes_at_both_sizes(built_site, axe_results):
    assert set(axe_results) == set(html_files(built_site))
    for path, runs in axe_results.items():
        assert len(runs) == 4, path
        assert all(run["passes"] > 0 for run in runs.values()), f"axe checked nothing on {path}"


def test_axe_finds_no_violation_on_any_page(axe_results):
    problems = [line for path, runs in axe_results.items() for where, result in runs.items()
                for line in _report(f"{url_path(path) or '/'} [{where}]", result)]
    assert not problems, f"{len(problems)} axe violation(s):\n" + "\n".join(problems)


def test_axe_setup_catches_a_nameless_search_dialog(site_url, chromium, axe_source):
    """The gate is not vacuous: remove the fix for aria-dialog-name and axe reports it."""
    context = chromium.new_context(viewport=DESKTOP)
    context.add_init_script(script=axe_source)
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    start_material(page)  # the search dialog is shown (and checked) once Material runs
    page.evaluate("document.querySelector('.md-search').removeAttribute('aria-label')")
    result = page.evaluate(AXE_RUN, [WCAG_TAGS, EXTRA_RULES, None])
    context.close()
    assert "aria-dialog-name" in {v["id"] for v in result["violations"]}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("state", ["search open with results", "navigation drawer open"])
def test_axe_finds_no_violation_with_search_or_drawer_open(site_url, chromium, axe_source, scheme, size, state):
    if state == "navigation drawer open" and size == "desktop":
        pytest.skip("the navigation is a drawer only on small screens")
    viewport = PHONE if size == "phone" else DESKTOP
    context = chromium.new_context(viewport=viewport, color_scheme=scheme, reduced_motion="reduce")
    context.add_init_script(script=axe_source)
    page = context.new_page()
    page.goto(site_url + "roles/", wait_until="load")
    set_scheme(page, SCHEMES[scheme])
    if state == "search open with results":
        page.keyboard.press("/")  # Material's shortcut: open search
        page.wait_for_function("() => document.getElementById('__search').checked")
        page.keyboard.type("peer support")
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    else:
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_function("() => document.getElementById('__drawer').checked")
    _settle(page)
    result = page.evaluate(AXE_RUN, [WCAG_TAGS, EXTRA_RULES, None])
    context.close()
    problems = _report(f"{state} [{scheme} {size}]", result)
    assert not problems, "\n".join(problems)


def test_search_partial_is_materials_own_plus_a_dialog_name():
    """overrides/partials/search.html copies Material's partial to name the dialog; fail if they drift."""
    import material

    ours = (ROOT / "overrides/partials/search.html").read_text(encoding="utf-8")
    theirs = (Path(material.__file__).parent / "templates/partials/search.html").read_text(encoding="utf-8")
    theirs = theirs.split("-#}\n", 1)[1]  # Material's "generated, do not edit" banner
    ours = ours.split("-#}\n", 1)[1]  # our banner saying why the copy exists
    named = ('<div class="md-search" data-md-component="search" role="dialog" '
             'aria-label="{{ lang.t(\'search\') }}">')
    assert ours == theirs.replace('<div class="md-search" data-md-component="search" role="dialog">', named)


# ---------------------------------------------------------------------------------------------
# Keyboard
# ---------------------------------------------------------------------------------------------

# Mark every control a keyboard user must be able to reach, and describe it.
FOCUS_JS = """
const focusStyle = (el) => { const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineStyle === 'none' ? '' : s.outlineWidth + s.outlineColor + s.outlineOffset,
          s.boxShadow, s.backgroundColor, s.color, s.borderTopColor, s.borderBottomColor,
          s.textDecorationLine, s.textDecorationThickness].join('|'); };
const shown = (el) => { const r = el.getBoundingClientRect();
  return r.width >= 1 && r.height >= 1 && el.checkVisibility({checkVisibilityCSS: true, checkOpacity: true}); };
// A visually hidden input shows its focus on its label (Material's palette toggle).
const focusTarget = (el) => {
  if (shown(el)) return el;
  const labels = [...(el.labels || [])];
  if (el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL') labels.unshift(el.nextElementSibling);
  return labels.find(shown) || el; };
"""

TABBABLE = """() => {""" + FOCUS_JS + """
  const selector = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, ' +
                   '[tabindex], [contenteditable=""], [contenteditable=true]';
  const found = [];
  document.querySelectorAll(selector).forEach((el) => {
    if (el.tabIndex < 0 || el.disabled || el.closest('[inert]')) return;
    if (!el.checkVisibility({checkVisibilityCSS: true})) return;
    const closed = el.closest('details:not([open])');
    if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed)) return;
    el.dataset.qaTab = String(found.length);
    const t = focusTarget(el);
    t.dataset.qaRestStyle = focusStyle(t);
    const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.name || '').trim().replace(/\\s+/g, ' ');
    found.push({index: found.length, group: el.type === 'radio' ? 'radio:' + el.name : null,
                what: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
                      ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + text.slice(0, 40) + '"'});
  });
  return found;
}"""

# The focused element, once it has settled (up to 400 ms: Material opens search on focus, the
# drawer slides in): where it is, whether a reader can see it, and its focus styling.
FOCUSED = """async () => {""" + FOCUS_JS + """
  const state = () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return {end: true};
    const t = focusTarget(el); const r = t.getBoundingClientRect();
    const inView = r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
    // WCAG 2.4.11 (AA): focus must not be entirely hidden. Probe a grid of points over the
    // focused element; it is covered when none of them finds it (clipped or under something).
    let covered = false;
    if (inView) {
      covered = true;
      const left = Math.max(r.left, 0), top = Math.max(r.top, 0);
      const width = Math.min(r.right, innerWidth) - left, height = Math.min(r.bottom, innerHeight) - top;
      for (const fx of [0.05, 0.25, 0.5, 0.75, 0.95]) for (const fy of [0.2, 0.5, 0.8]) {
        const x = left + width * fx, y = top + height * fy;
        const hit = document.elementFromPoint(x, y);
        if (hit && (t.contains(hit) || hit.contains(t) || el.contains(hit))) covered = false;
      }
    }
    return {end: false, index: el.dataset.qaTab === undefined ? null : Number(el.dataset.qaTab),
            what: el.tagName.toLowerCase() + '.' + String(el.className).trim().split(/\\s+/).join('.') +
                  ' "' + (el.getAttribute('aria-label') || el.innerText || '').trim().slice(0, 40) + '"',
            shown: shown(t), inView, covered, box: [r.left, r.top, r.width, r.height].map(Math.round),
            marked: t.dataset.qaRestStyle === undefined || t.dataset.qaRestStyle !== focusStyle(t),
            crisis: !!el.closest('aside.crisis'),
            search: el.classList.contains('md-search__input')};
  };
  let s = state();
  for (let i = 0; i < 24 && !s.end && !(s.shown && s.inView && !s.covered); i++) {
    await new Promise(done => setTimeout(done, 16)); s = state();
  }
  return s;
}"""

def keyboard_walk(page, address: str) -> tuple[list[dict], list[dict], list[str]]:
    """Tab from the top of the page to its end. Returns the controls, the stops and problems."""
    page.goto(address, wait_until="load")
    first_key(page)
    _settle(page)
    controls = page.evaluate(TABBABLE)
    stops, problems = [], []
    limit = len(controls) + 30
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop["end"] or (stops and stop["index"] is not None and stop["index"] == stops[0]["index"]):
            break  # past the last control: focus leaves the page, or wraps to the first stop
        stops.append(stop)
        if not (stop["shown"] and stop["inView"]):
            problems.append(f"focus is off screen or hidden at {stop['what']} (box {stop['box']})")
        elif stop["covered"]:
            problems.append(f"focus is covered by something else at {stop['what']} (box {stop['box']})")
        elif not stop["marked"]:
            problems.append(f"no visible focus indicator: {stop['what']} looks the same focused and at rest")
    else:
        problems.append(f"no end after {limit} Tab presses: a keyboard trap? last stops: "
                        + ", ".join(s["what"] for s in stops[-5:]))
    reached = {s["index"] for s in stops if s["index"] is not None}
    groups_reached = {controls[i]["group"] for i in reached if controls[i]["group"]}
    for control in controls:
        if control["index"] not in reached and not (control["group"] and control["group"] in groups_reached):
            problems.append(f"never reached by Tab: {control['what']}")
    return controls, stops, problems


@pytest.fixture(scope="module")
def kinds(built_site) -> dict[str, str]:
    return page_kinds(html_files(built_site))


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_keyboard_walk_through_one_page_of_each_kind(site_url, chromium, kinds, size):
    viewport = PHONE if size == "phone" else DESKTOP
    # Reduced motion, so the drawer and search are where they end up when focus reaches them.
    context = chromium.new_context(viewport=viewport, reduced_motion="reduce")
    page = context.new_page()
    problems = []
    for kind, path in kinds.items():
        controls, stops, found = keyboard_walk(page, site_url + url_path(path))
        problems += [f"{kind} ({url_path(path) or '/'}, {size}): {problem}" for problem in found]
        assert len(stops) >= 5, f"{kind}: only {len(stops)} Tab stops: the walk proves nothing"
        crisis = [i for i, stop in enumerate(stops) if stop["crisis"]]
        if not crisis or crisis[0] > 7:
            problems.append(f"{kind} ({size}): crisis help is not within the first 8 Tab stops")
        if not any(stop["search"] for stop in stops):
            problems.append(f"{kind} ({size}): Tab never reaches the search box")
    context.close()
    assert not problems, f"{len(problems)} keyboard problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_search_works_from_the_keyboard(site_url, chromium, size):
    context = chromium.new_context(viewport=PHONE if size == "phone" else DESKTOP, reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    first_key(page)
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.keyboard.type("recovery coach")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__link').length > 0")
    # Results are redrawn as each typed letter arrives; on a busy machine the first ArrowDown can
    # land while the list is being replaced, so try again until a result holds the focus.
    for _ in range(20):
        page.keyboard.press("ArrowDown")
        if "md-search-result__link" in page.evaluate("document.activeElement.className"):
            break
        page.wait_for_timeout(250)
    else:
        pytest.fail("ArrowDown never moved the focus onto a search result")
    href = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("?")[0] == href.split("?")[0]
    # Escape closes search again and leaves the page as it was.
    page.keyboard.press("/")
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !document.getElementById('__search').checked")
    context.close()


# ---------------------------------------------------------------------------------------------
# Touch targets, text size, motion
# ---------------------------------------------------------------------------------------------

TARGETS = """(selector) => [...document.querySelectorAll(selector)]
  .filter(el => el.checkVisibility({checkVisibilityCSS: true}))
  .map(el => { const r = el.getBoundingClientRect();
    return {what: el.tagName.toLowerCase() + ' "' + (el.innerText || el.getAttribute('aria-label') || el.title || '').trim().slice(0, 40) + '"',
            width: r.width, height: r.height, onScreen: r.right > 0 && r.left < innerWidth && r.width > 0 && r.height > 0}; })
  .filter(t => t.onScreen)"""
TARGET_SELECTOR = ("aside.crisis a, .md-header a, .md-header label.md-header__button, "
                   ".md-nav a.md-nav__link, .md-nav label.md-nav__link[tabindex='0'], .md-footer a")


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_touch_targets_of_crisis_help_header_and_navigation_are_at_least_24px(site_url, chromium, kinds, size):
    context = chromium.new_context(viewport=PHONE if size == "phone" else DESKTOP, reduced_motion="reduce")
    page = context.new_page()
    small = []
    for kind in ("home", "roles/*/"):
        page.goto(site_url + url_path(kinds[kind]), wait_until="load")
        if size == "phone":
            page.locator("label.md-header__button[for=__drawer]").click()
            page.wait_for_function("() => document.getElementById('__drawer').checked")
        _settle(page)
        targets = page.evaluate(TARGETS, TARGET_SELECTOR)
        assert len(targets) >= 8, targets
        assert any('"Call 988"' in t["what"] for t in targets)
        small += [f"{kind} {size}: {t['what']} is {t['width']:.0f} x {t['height']:.0f} px"
                  for t in targets if t["width"] < 24 - 0.5 or t["height"] < 24 - 0.5]
    context.close()
    assert not small, "\n".join(small)


# Scale the root font size (Material sizes all text in rem), then look for anything lost sideways.
LOST_SIDEWAYS = """(scale) => {
  const root = document.documentElement;
  root.style.fontSize = (parseFloat(getComputedStyle(root).fontSize) * scale) + 'px';
  return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
    const lost = [];
    const width = root.clientWidth;
    if (root.scrollWidth > width + 1) lost.push('the page scrolls sideways: ' + root.scrollWidth + ' px wide in ' + width);
    const scrolls = (el) => { for (let a = el.parentElement; a; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
    document.querySelectorAll('aside.crisis *, article.md-content__inner *').forEach((el) => {
      if (!el.checkVisibility({checkVisibilityCSS: true}) || scrolls(el)) return;
      const r = el.getBoundingClientRect();
      if (r.width && r.right > width + 1) lost.push(el.tagName.toLowerCase() + ' "' + el.textContent.trim().slice(0, 40) + '" ends at ' + Math.round(r.right) + ' px');
      const s = getComputedStyle(el);
      if ((s.overflowX === 'hidden' || s.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim())
        lost.push(el.tagName.toLowerCase() + ' "' + el.textContent.trim().slice(0, 40) + '" is cut off');
    });
    done(lost.slice(0, 10));
  })));
}"""


@pytest.mark.parametrize("how", ["text at 200% on a desktop", "320 px wide"])
def test_text_resized_or_reflowed_loses_nothing_sideways(site_url, chromium, kinds, how):
    """WCAG 1.4.4: text resized to 200% (on a 1280 x 800 screen); WCAG 1.4.10: reflow at 320 CSS px."""
    text_200 = how.startswith("text")
    context = chromium.new_context(viewport=DESKTOP if text_200 else {"width": 320, "height": 640})
    page = context.new_page()
    lost = []
    for kind, path in kinds.items():
        page.goto(site_url + url_path(path), wait_until="load")
        lost += [f"{kind} ({how}): {what}" for what in page.evaluate(LOST_SIDEWAYS, 2 if text_200 else 1)]
    context.close()
    assert not lost, "\n".join(lost)


# The longest transition or animation on any element (and its ::before/::after), in seconds.
LONGEST_MOTION = """() => {
  const seconds = (list) => Math.max(0, ...list.split(',').map(v => parseFloat(v) * (v.trim().endsWith('ms') ? 0.001 : 1)));
  let longest = 0, what = '';
  for (const el of document.querySelectorAll('*')) for (const pseudo of [null, '::before', '::after']) {
    const s = getComputedStyle(el, pseudo);
    const t = Math.max(seconds(s.transitionDuration), seconds(s.animationDuration));
    if (t > longest) { longest = t; what = el.tagName.toLowerCase() + '.' + String(el.className).trim().split(/\\s+/).join('.') + (pseudo || ''); }
  }
  return {longest, what, smooth: getComputedStyle(document.documentElement).scrollBehavior};
}"""


def test_reduced_motion_is_respected(site_url, chromium, kinds):
    found = {}
    for motion in ("no-preference", "reduce"):
        context = chromium.new_context(viewport=PHONE, reduced_motion=motion)
        page = context.new_page()
        for kind in ("home", "roles/*/"):
            page.goto(site_url + url_path(kinds[kind]), wait_until="load")
            found[(motion, kind)] = page.evaluate(LONGEST_MOTION)
        context.close()
    for kind in ("home", "roles/*/"):
        moving = found[("no-preference", kind)]
        assert moving["longest"] >= 0.1, f"nothing moves even without reduced motion: the check proves nothing ({moving})"
        still = found[("reduce", kind)]
        assert still["longest"] <= 0.001, f"{kind}: {still['what']} still moves for {still['longest']} s with reduced motion"
        assert still["smooth"] == "auto"
