import os
import subprocess

token = os.environ["PYPI_TOKEN"]
subprocess.run(["twine", "upload", "-u", "__token__", "-p", token, "dist/*"], check=True)
