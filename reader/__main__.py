"""`python -m reader` is the `newsreader` command."""

import sys

from .cli import main

sys.exit(main())
