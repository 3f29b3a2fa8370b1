"""cli_analyze.feature: `mlquiz analyze --json` on small invented articles.

The steps live in step_defs/conftest.py, shared with html_input.feature.
"""
from pytest_bdd import scenarios

scenarios("cli_analyze.feature")
