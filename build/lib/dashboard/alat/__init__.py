"""Tools outside the product: the demo generator, the benchmarks and the load harness. The app
imports nothing from here; only the CLI does (`init --demo`, `bench`) and bootstrap in demo mode."""
