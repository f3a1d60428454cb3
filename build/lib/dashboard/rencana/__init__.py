"""The agency's plan: planning tree, indicators and targets, Perjanjian Kinerja, Renja E.81."""
