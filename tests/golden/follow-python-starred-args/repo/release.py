import os
import subprocess

AUTH = ["-u", "__token__", "-p", os.environ["PYPI_TOKEN"]]
subprocess.run(["twine", "upload", *AUTH, "dist/*"], check=True)
