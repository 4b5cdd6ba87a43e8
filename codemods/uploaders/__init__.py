"""What pubmode knows about each upload tool: one module per tool under `tools/`, each registering
its `Uploader`; every list of tools, variables and patterns elsewhere is derived from the registry."""
