from setuptools import setup
setup(name="azure-kusto-ingest", version="1")
