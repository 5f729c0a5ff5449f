"""MkDocs hook: a failed build never replaces a good one (careers/site/staged_output.py).

`mkdocs build` writes into a staging folder beside the output folder; after every other hook's
`on_post_build`, and only when strict mode found no warning, the staging folder takes the output
folder's place. On any failure (a data problem, a broken link, a template error) the earlier
build stays exactly as it was. `mkdocs serve` builds into its own temporary folder and is left alone.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

sys.path.insert(0, str(Path(__file__).parent))

from careers.site.staged_output import discard, publish, staging_for  # noqa: E402

_command = None
_output = None   # where the site goes
_staging = None  # where this build is written
_warnings = None


def on_startup(command, dirty):
    global _command
    _command = None if dirty else command  # a --dirty build adds to the folder in place


# Last of the on_config hooks: the other hooks see the staging folder as the output folder.
@event_priority(-100)
def on_config(config):
    global _output, _staging, _warnings
    if _command not in ("build", "gh-deploy"):
        return config
    discard(_staging)
    _output, _staging = config.site_dir, staging_for(config.site_dir)
    config.site_dir = _staging
    if config.strict:  # MkDocs counts warnings the same way and aborts after on_post_build
        logger = logging.getLogger("mkdocs")
        if _warnings is not None:
            logger.removeHandler(_warnings)
        _warnings = CountHandler()
        _warnings.setLevel(logging.WARNING)
        logger.addHandler(_warnings)
    return config


# After every other hook has written its files.
@event_priority(-100)
def on_post_build(config):
    global _staging
    if _staging is None:
        return
    if _warnings is not None and _warnings.get_counts():
        discard(_staging)  # MkDocs now aborts: the earlier build stays
    else:
        publish(_staging, _output)
        config.site_dir = _output
        logging.getLogger("mkdocs.hooks.keep_good_build").info(f"The finished build is now in {_output}")
    _staging = None


def on_build_error(error):
    global _staging
    discard(_staging)
    _staging = None
