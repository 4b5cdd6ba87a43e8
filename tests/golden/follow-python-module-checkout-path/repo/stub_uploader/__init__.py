import sys

assert sys.version_info >= (3, 11)
