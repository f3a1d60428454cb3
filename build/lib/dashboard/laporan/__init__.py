"""Performance reports (docs/DOMAIN.md §9): quarterly, semester and annual reports and the Renja
evaluation form. `data` builds the tables from the services' frames, `excel` and `pdf` render
them; `dashboard.laporan.layanan_laporan` checks the caller and ties them together."""
