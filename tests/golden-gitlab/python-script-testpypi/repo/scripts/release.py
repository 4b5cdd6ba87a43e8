"""Build and upload to TestPyPI."""
import subprocess

subprocess.run(["python", "-m", "build"], check=True)
subprocess.run(["twine", "upload", "--repository", "testpypi", "dist/*"], check=True)
