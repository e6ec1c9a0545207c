"""``python -m syndicate``: the same as the ``syndicate`` command."""

import sys

from .cli import main

sys.exit(main())
