#!/usr/bin/env python3
"""Lighthouse (mobile) on this site and on a plain Material 9.8.1 site, built and served side by side.

    .venv/bin/python bench/lighthouse.py [--runs 3] [--server nginx|python] [--json results.json]

What it does, in one run:
1. builds this site, and a plain Material 9.8.1 site (Material's defaults plus navigation.instant,
   as GUIDE.md §3 measured it) whose pages carry the same article HTML at the same addresses;
2. serves both on 127.0.0.1 with gzip, the way GitHub Pages serves: Debian's nginx (installed
   with apt-get when missing), or, with --server python or when nginx cannot be had, a small
   Python server that gzips the same types;
3. runs Lighthouse 13 (bench/package.json; mobile form factor, simulated throttling) in Debian's
   Chromium on one page of each kind (PAGES below) that exists in this build;
4. prints the four category scores, largest contentful paint, the compressed bytes of a first
   visit and the requests to other origins, per page and site, with what kept a score below 100.

Scores move a few points between runs: --runs N keeps the median run per page (by performance).
Budgets (GUIDE.md §3): 100 in all four categories, LCP <= 1.0 s, first visit <= 60 KB, no foreign request.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# (label, path) in the order printed; pages that do not exist in this build are left out.
PAGES = [("home", ""), ("roles", "roles/"), ("role page", "roles/recovery-coach/"),
         ("path", "paths/peer-specialist/"), ("comparison", "compare/"), ("pay", "pay/"),
         ("states", "states/"), ("state page", "states/ny/"), ("finder", "finder/"),
         ("finder tables", "finder/rules/"), ("finder state tables", "finder/rules/k-m/"),
         ("guide", "moving-to-another-state/"), ("FAQ", "faq/"),
         ("job description", "jobs/recovery-coach/"), ("sources", "sources/"),
         ("sources of a letter", "sources/c/")]
GZIP_TYPES = ["text/html", "text/css", "text/plain", "text/xml", "application/javascript",
              "application/json", "application/xml", "image/svg+xml"]
BUDGET = {"score": 100, "lcp_s": 1.0, "kb": 60, "foreign": 0}


# ---------------------------------------------------------------------------------------------
# Building the two sites
# ---------------------------------------------------------------------------------------------

def mkdocs_build(project: Path, out: Path, env: dict, *flags: str) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *flags, "--site-dir", str(out)],
                            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed in {project}:\n{result.stderr[-3000:]}")


def build_ours(out: Path, site_url: str) -> None:
    mkdocs_build(ROOT, out, {"SITE_URL": site_url}, "--strict")


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)


def build_plain(out: Path, site_url: str, ours: Path, pages: list[tuple[str, str]]) -> None:
    """A plain Material 9.8.1 site: Material's defaults (Roboto from Google Fonts, default palette)
    with navigation.instant, and our pages' article HTML at the same addresses."""
    project = Path(tempfile.mkdtemp(prefix="plain-material-"))
    docs = project / "docs"
    docs.mkdir()
    nav = []
    for label, path in pages:
        html = (ours / path / "index.html").read_text(encoding="utf-8")
        article = ARTICLE.search(html).group(1)
        source = docs / path / "index.md"
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(f"---\ntitle: {label.capitalize()}\n---\n\n<div markdown=\"0\">\n{article}\n</div>\n",
                          encoding="utf-8")
        nav.append({label.capitalize(): f"{path}index.md"})
    (project / "mkdocs.yml").write_text(
        f"site_name: Plain Material\nsite_url: {site_url}\n"
        "theme:\n  name: material\n  features:\n    - navigation.instant\n"
        "plugins:\n  - search\n"
        "markdown_extensions:\n  - md_in_html\n  - attr_list\n  - tables\n  - admonition\n  - toc\n"
        f"nav: {json.dumps(nav)}\n", encoding="utf-8")
    mkdocs_build(project, out, {})
    shutil.rmtree(project)


# ---------------------------------------------------------------------------------------------
# Serving with gzip
# ---------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_nginx() -> str | None:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx:
        return nginx
    print("nginx is missing: installing Debian's nginx-light with apt-get ...", file=sys.stderr)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    ok = subprocess.run(sudo + ["apt-get", "update", "-qq"], env=env).returncode == 0 and \
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "nginx-light"], env=env).returncode == 0
    return shutil.which("nginx") or ("/usr/sbin/nginx" if ok and Path("/usr/sbin/nginx").exists() else None)


@contextlib.contextmanager
def nginx_servers(nginx: str, sites: dict[int, Path]):
    """One nginx, a server block per site: gzip on for text types, 404.html for unknown
    addresses, a 10-minute cache lifetime, as GitHub Pages serves."""
    work = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    servers = "".join(f"""
  server {{
    listen 127.0.0.1:{port};
    root {root};
    index index.html;
    error_page 404 /404.html;
    add_header Cache-Control "max-age=600";
    location / {{ try_files $uri $uri/ =404; }}
  }}""" for port, root in sites.items())
    temp = "".join(f"  {name}_temp_path {work}/{name};\n"
                   for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(f"""daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
{"user root;" if os.geteuid() == 0 else ""}
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  gzip on;
  gzip_comp_level 6;
  gzip_min_length 256;
  gzip_vary on;
  gzip_types {" ".join(t for t in GZIP_TYPES if t != "text/html")};
{temp}{servers}
}}
""", encoding="utf-8")
    process = subprocess.Popen([nginx, "-p", str(work), "-c", str(work / "nginx.conf")])
    try:
        _wait_for_ports(list(sites), process)
        yield "nginx " + subprocess.run([nginx, "-v"], capture_output=True, text=True).stderr.strip().split("/")[-1]
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """The fallback: a static server that gzips text types when the browser accepts it."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        ctype = self.guess_type(str(path))
        body = path.read_bytes()
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.split(";")[0] in GZIP_TYPES \
            and len(body) >= 256
        if gzipped:
            body = gzip.compress(body, compresslevel=6)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def python_servers(sites: dict[int, Path]):
    servers = []
    for port, root in sites.items():
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_GzipHandler, directory=str(root)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    try:
        yield "Python gzip server"
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def _wait_for_ports(ports: list[int], process=None, timeout: float = 10) -> None:
    deadline = time.time() + timeout
    for port in ports:
        while True:
            if process is not None and process.poll() is not None:
                raise RuntimeError("nginx stopped at once; see the error above")
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if time.time() > deadline:
                raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")
            time.sleep(0.05)


# ---------------------------------------------------------------------------------------------
# Lighthouse
# ---------------------------------------------------------------------------------------------

def ensure_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: npm ci in bench/ ...", file=sys.stderr)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=BENCH, check=True)


def lighthouse(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--chrome-flags={CHROME_FLAGS}", "--form-factor=mobile",
                    f"--only-categories={','.join(CATEGORIES)}", "--max-wait-for-load=45000"],
                   env=env, check=True, timeout=300)
    return json.loads(out.read_text(encoding="utf-8"))


def figures(report: dict) -> dict:
    """The figures we print, from one Lighthouse report."""
    audits = report["audits"]
    origin = urlparse(report["finalDisplayedUrl"]).netloc
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    foreign = sorted({item["url"] for item in requests
                      if urlparse(item["url"]).scheme in ("http", "https") and urlparse(item["url"]).netloc != origin})
    below = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                below.append(f"{category}: {audit['title']} ({audit.get('displayValue') or audit['score']})")
    return {
        "scores": {c: round(report["categories"][c]["score"] * 100) if report["categories"][c]["score"] is not None
                   else None for c in CATEGORIES},
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "kb": audits["total-byte-weight"]["numericValue"] / 1024,
        "requests": len(requests),
        "foreign": foreign,
        "below": below,
    }


TCP_WINDOW = 10 * 1460  # the initial congestion window Lighthouse's simulation (and Linux) uses


def first_paint_sizes(site: Path, pages: list[tuple[str, str]]) -> dict[str, int]:
    """Gzipped bytes of what a page needs before its first paint: its HTML and the one stylesheet."""
    sizes = {label + " (HTML)": len(gzip.compress((site / path / "index.html").read_bytes(), 6)) for label, path in pages}
    for stylesheet in sorted((site / "assets" / "stylesheets").glob("site-wide*.css")):
        sizes[stylesheet.name] = len(gzip.compress(stylesheet.read_bytes(), 6))
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median kept)")
    parser.add_argument("--server", choices=["nginx", "python"], default="nginx")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--pages", help="only these page kinds, comma-separated (e.g. 'finder,sources')")
    args = parser.parse_args()
    wanted = [name.strip() for name in args.pages.split(",")] if args.pages else [label for label, _ in PAGES]
    unknown = set(wanted) - {label for label, _ in PAGES}
    if unknown:
        parser.error(f"no page kind {sorted(unknown)}; the kinds: {', '.join(label for label, _ in PAGES)}")

    ensure_lighthouse()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install chromium")
    nginx = ensure_nginx() if args.server == "nginx" else None
    if args.server == "nginx" and not nginx:
        print("nginx could not be had: serving with the Python gzip server instead", file=sys.stderr)

    work = Path(tempfile.mkdtemp(prefix="bench-lighthouse-"))
    work.chmod(0o755)
    ports = {"ours": free_port(), "plain": free_port()}
    urls = {site: f"http://127.0.0.1:{port}/" for site, port in ports.items()}
    ours, plain = work / "ours", work / "plain"
    started = time.time()
    build_ours(ours, urls["ours"])
    pages = [(label, path) for label, path in PAGES if label in wanted and (ours / path / "index.html").exists()]
    build_plain(plain, urls["plain"], ours, pages)
    for path in (ours, plain):
        for folder in [path, *[p for p in path.rglob("*") if p.is_dir()]]:
            folder.chmod(0o755)
    print(f"built both sites in {time.time() - started:.1f} s", file=sys.stderr)

    sites = {ports["ours"]: ours, ports["plain"]: plain}
    server = nginx_servers(nginx, sites) if nginx else python_servers(sites)
    results: dict[str, dict[str, dict]] = {}
    with server as served_by:
        for label, path in pages:
            for site in ("ours", "plain"):
                runs = []
                for run in range(args.runs):
                    print(f"lighthouse {site} {label} (run {run + 1}/{args.runs}) ...", file=sys.stderr)
                    runs.append(figures(lighthouse(urls[site] + path, work / f"{site}-{run}.json")))
                runs.sort(key=lambda r: (r["scores"]["performance"] or 0, -r["lcp_s"]))
                results.setdefault(label, {})[site] = runs[len(runs) // 2]
    before_paint = first_paint_sizes(ours, pages)
    shutil.rmtree(work, ignore_errors=True)

    version = json.loads((BENCH / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
    print(f"\nLighthouse {version}, mobile (simulated throttling), Chromium "
          f"{subprocess.run([CHROMIUM, '--version'], capture_output=True, text=True).stdout.split()[1]}, "
          f"served by {served_by} with gzip; median of {args.runs} run(s) per page\n")
    header = f"| {'page':<16} | {'site':<15} | perf | a11y | best pr. | SEO | LCP     | KB (gzip) | requests | other origins |"
    print(header)
    print("|" + "|".join("-" * (len(cell)) for cell in header.split("|")[1:-1]) + "|")
    for label, sites_figures in results.items():
        for site, f in sites_figures.items():
            s = f["scores"]
            name = "this site" if site == "ours" else "plain Material"
            print(f"| {label:<16} | {name:<15} | {s['performance']:>4} | {s['accessibility']:>4} | "
                  f"{s['best-practices']:>8} | {s['seo']:>3} | {f['lcp_s']:>4.2f} s | {f['kb']:>9.1f} | "
                  f"{f['requests']:>8} | {len(f['foreign']):>13} |")
    print(f"\nBudgets: {BUDGET['score']} in every category, LCP <= {BUDGET['lcp_s']} s, "
          f"first visit <= {BUDGET['kb']} KB compressed, {BUDGET['foreign']} requests to other origins.")
    missed = []
    for label, sites_figures in results.items():
        f = sites_figures["ours"]
        for category, score in f["scores"].items():
            if score is not None and score < BUDGET["score"]:
                missed.append(f"{label}: {category} {score}")
        if f["lcp_s"] > BUDGET["lcp_s"]:
            missed.append(f"{label}: LCP {f['lcp_s']:.1f} s")
        if f["kb"] > BUDGET["kb"]:
            missed.append(f"{label}: {f['kb']:.1f} KB")
        if f["foreign"]:
            missed.append(f"{label}: other origins {f['foreign']}")
    print("This site meets every budget." if not missed else "This site misses: " + "; ".join(missed))
    for label, sites_figures in results.items():
        if sites_figures["ours"]["below"]:
            print(f"\nBelow 100 on this site's {label}:\n  " + "\n  ".join(sites_figures["ours"]["below"]))
    print(f"\nWhat this site's pages fetch before their first paint, compressed (a response of about "
          f"{TCP_WINDOW:,} bytes arrives in the first round trip of a connection):")
    for name, size in before_paint.items():
        print(f"  {name:<32} {size:>7,} bytes {'' if size <= TCP_WINDOW else '(more than one round trip)'}")
    plain_foreign = sorted({url for s in results.values() for url in s["plain"]["foreign"]})
    if plain_foreign:
        print("\nPlain Material's requests to other origins: " + ", ".join(plain_foreign))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
