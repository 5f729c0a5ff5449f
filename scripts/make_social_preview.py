"""Draw the static social preview image (Open Graph / Twitter card) offline.

    .venv/bin/python scripts/make_social_preview.py

Renders a small HTML card in Debian's Chromium (/usr/bin/chromium, through Playwright, no
network, no web fonts: the system's Liberation Sans or DejaVu Sans) and writes
docs/assets/images/social-preview.png, 1200 x 630 pixels, the size Open Graph and Twitter's
large card expect. Run it again after changing the words or colours below, and commit both
this script and the image. (Material's social-cards plugin is not used: it downloads fonts
at build time and fails offline.)
"""

from __future__ import annotations

import html
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs/assets/images/social-preview.png"
WIDTH, HEIGHT = 1200, 630
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--font-render-hinting=none"]

SITE_NAME = "Peer Support Careers"
HEADLINE = "Careers in peer support, in plain language"
LINES = [
    "What the work is, what it pays, how to train and get certified.",
    "Every figure shows its source and year.",
]
CRISIS = "In crisis? Call or text 988, any time (United States)."

# Material's indigo (the site's primary colour) and the crisis box's colours from site.css.
CARD = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
  html, body {{ margin: 0; width: {WIDTH}px; height: {HEIGHT}px; }}
  body {{ font-family: "Liberation Sans", "DejaVu Sans", sans-serif; background: #3f51b5; color: #fff;
         display: flex; flex-direction: column; -webkit-font-smoothing: antialiased; }}
  main {{ flex: 1; padding: 64px 80px 0; }}
  .site {{ font-size: 34px; font-weight: 700; letter-spacing: 0.5px; opacity: 0.92; margin: 0 0 36px; }}
  .site::before {{ content: ""; display: inline-block; width: 22px; height: 22px; margin-right: 16px;
                   background: #ffb74d; border-radius: 50%; vertical-align: -1px; }}
  h1 {{ font-size: 68px; line-height: 1.1; margin: 0 0 32px; font-weight: 700; }}
  p.line {{ font-size: 31px; line-height: 1.35; margin: 0 0 6px; }}
  footer {{ background: #fff4e5; color: #3d2600; border-top: 6px solid #b35c00; padding: 24px 80px;
            font-size: 30px; font-weight: 700; }}
</style></head><body>
  <main>
    <p class="site">{html.escape(SITE_NAME)}</p>
    <h1>{html.escape(HEADLINE)}</h1>
    {"".join(f'<p class="line">{html.escape(line)}</p>' for line in LINES)}
  </main>
  <footer>{html.escape(CRISIS)}</footer>
</body></html>"""


def main() -> None:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1)
        page.route("**/*", lambda route: route.abort())  # nothing may load from anywhere
        page.set_content(CARD)
        page.screenshot(path=str(OUTPUT), full_page=False, omit_background=False)
        browser.close()
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size} bytes, {WIDTH}x{HEIGHT})")


if __name__ == "__main__":
    main()
