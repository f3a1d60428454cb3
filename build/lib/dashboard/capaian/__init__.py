"""Capaian kinerja: the formula and categories, the Kadis dashboard's figures and tables."""
