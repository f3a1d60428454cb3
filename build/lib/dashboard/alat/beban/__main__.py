"""`python -m dashboard.alat.beban`: see dashboard/alat/beban/jalankan.py (and `--help`)."""

import sys

from dashboard.alat.beban.jalankan import main

sys.exit(main())
