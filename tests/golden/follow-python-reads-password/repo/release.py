import os
import subprocess
import sys

if not os.environ.get("TWINE_PASSWORD"):
    print("no credentials, skipping the upload")
    sys.exit(0)
subprocess.run(["twine", "upload", "dist/*"], check=True)
