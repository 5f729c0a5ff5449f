"""Command line for editors and maintainers (run from hooks/):

    python -m careers [data-folder]     check data/ without building the site
    python -m careers --update          rewrite schema/ and CONTRIBUTING.md's field reference
                                        from the models (after changing models.py)
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import editing_guide, schema
from .problems import DataError
from .site import build_site


def check(data_dir: Path) -> int:
    try:
        site = build_site(data_dir)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for warning in site.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{data_dir.name}/ is valid: {len(site.pages)} pages would be generated.")
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
    return check(Path(argv[0]).resolve() if argv else root / "data")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
