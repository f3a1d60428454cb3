"""`python -m dashboard.beban`: see dashboard/beban/jalankan.py (and `--help`)."""

import sys

from dashboard.beban.jalankan import main

sys.exit(main())
