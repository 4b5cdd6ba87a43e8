"""pubmode: move PyPI release workflows between API-token publishing and Trusted Publishing."""
__version__ = "0.1.0"
