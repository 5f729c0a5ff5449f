"""Check data/ without building the site: `python -m careers [data-folder]` (run from hooks/)."""

from __future__ import annotations

import sys
from pathlib import Path

from .problems import DataError
from .site import build_site


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0] if argv else "data").resolve()
    try:
        site = build_site(data_dir)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(f"{data_dir.name}/ is valid: {len(site.pages)} pages would be generated.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
