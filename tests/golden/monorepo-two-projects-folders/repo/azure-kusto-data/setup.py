from setuptools import setup
setup(name="azure-kusto-data", version="1")
