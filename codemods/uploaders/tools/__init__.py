"""One module per upload tool; each calls `registry.register` when imported."""
