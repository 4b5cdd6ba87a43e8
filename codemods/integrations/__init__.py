"""pubmode where other tools run it: all-repos (`all_repos_autofix`). The GitHub Action and the
pre-commit hooks live at the repository's root (action.yml, .pre-commit-hooks.yaml)."""
