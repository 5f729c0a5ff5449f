"""Command line for editors and maintainers (run from hooks/):

    python -m careers [data-folder]     check data/ without building the site
    python -m careers --update          rewrite schema/ and CONTRIBUTING.md's field reference
                                        from the models (after changing models.py)
    python -m careers --stale           list the figures older than extra.stale_figure_years
                                        (mkdocs.yml), each with its file and line
"""

from __future__ import annotations

import sys
from pathlib import Path

from .data import schema
from .site import editing_guide
from .data.problems import DataError
from .build import build_site
from .data.stale import DEFAULT_MAX_AGE, stale_summary

import yaml


def check(data_dir: Path) -> int:
    try:
        site = build_site(data_dir)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for warning in site.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if site.stale:
        print(f"warning: {stale_summary(len(site.stale), DEFAULT_MAX_AGE)}", file=sys.stderr)
    print(f"{data_dir.name}/ is valid: {len(site.pages)} pages would be generated.")
    return 0


def stale(root: Path) -> int:
    """Print each stale figure, as the build counts them (the age comes from mkdocs.yml)."""
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    age = (config.get("extra") or {}).get("stale_figure_years", DEFAULT_MAX_AGE)
    site = build_site(root / "data", stale_after=age)
    for figure in site.stale:
        print(figure)
    print(f"{len(site.stale)} figures older than {age} years (mark one `old_on_purpose: <why>` to leave it out)")
    return 0


def update(root: Path) -> int:
    changed = schema.write(root / "schema")
    guide = root / "CONTRIBUTING.md"
    text = guide.read_text(encoding="utf-8")
    updated = editing_guide.with_reference(text)
    if updated != text:
        guide.write_text(updated, encoding="utf-8")
        changed.append(guide)
    for path in changed:
        print(f"updated {path.relative_to(root)}")
    print("generated files are up to date" if not changed else f"{len(changed)} file(s) updated")
    return 0


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[2]
    if argv[:1] == ["--update"]:
        return update(root)
    if argv[:1] == ["--stale"]:
        return stale(root)
    return check(Path(argv[0]).resolve() if argv else root / "data")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
