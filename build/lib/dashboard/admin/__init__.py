"""Agency administration: the instansi itself and backups made while the app runs."""
