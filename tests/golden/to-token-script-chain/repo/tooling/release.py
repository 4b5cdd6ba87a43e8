import os
import subprocess
import sys


def publish():
    subprocess.check_call([sys.executable, "-m", "twine", "upload", "--skip-existing", "dist/*"])


if __name__ == "__main__":
    publish()
