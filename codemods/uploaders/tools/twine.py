"""twine: Trusted Publishing since 6.1 (2025-01) when no password comes from flags, env or .pypirc.

An empty TWINE_PASSWORD still counts as a password (it disables Trusted Publishing), so credentials
are removed, never blanked.
"""
import re
from typing import Optional

from codemods.uploaders.registry import register
from codemods.uploaders.spec import ActionFallback, Credentials, Detection, IndexOptions, TrustedPublishing, Uploader

UPLOADER = register(Uploader(
    name="twine",
    detection=Detection(
        tool="twine",
        subcommands=("upload",),
        abbreviations=True,  # argparse: `--pass TOKEN` is `--password TOKEN`
        long_options=("--repository", "--repository-url", "--attestations", "--sign", "--sign-with", "--identity",
                      "--username", "--password", "--non-interactive", "--comment", "--config-file",
                      "--skip-existing", "--skip-existing-non-pypi", "--cert", "--client-cert", "--verbose",
                      "--disable-progress-bar", "--help"),
    ),
    credentials=Credentials(
        password_env=("TWINE_PASSWORD",),
        user_env=("TWINE_USERNAME",),
        password_flags=("-p", "--password"),
        user_flags=("-u", "--username"),
        token_env=(("TWINE_USERNAME", "__token__"), ("TWINE_PASSWORD", "{secret}")),
    ),
    index=IndexOptions(
        url_env=("TWINE_REPOSITORY_URL",),
        repo_env=("TWINE_REPOSITORY",),
        url_flags=("--repository-url",),
        repo_flags=("-r", "--repository"),
    ),
    # twine 6.1.0 declares Requires-Python >=3.8 (6.2.0 needs 3.9; its `id` dependency has a 3.8 release)
    trusted=TrustedPublishing(min_version=(6, 1), package="twine", min_python=(3, 8), token_user=True),
    # on a Python too old for twine 6.1 the upload is handed to the action, which brings its own twine
    fallback=ActionFallback(dists_as_arguments=True, skip_existing_flags=("--skip-existing",),
                            harmless_flags=("--non-interactive", "--disable-progress-bar", "--verbose")),
))


# a script that writes a .pypirc (`echo "$PYPIRC" > ~/.pypirc`, `cat <<EOF >> $HOME/.pypirc`, `tee .pypirc`):
# twine takes the password in it, and uses Trusted Publishing only when it finds none
PYPIRC_WRITE = re.compile(r"(?:>>?|\btee\b(?:\s+-a)?)\s*[\"']?[^\s;|&<>]*\.pypirc\b")
_PYPIRC_PATH = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)=[\"']?[^\s;|&<>]*\.pypirc\b")  # `CFG="${HOME}/.pypirc"`


def pypirc_write(text: str, end: Optional[int] = None) -> Optional[int]:
    """Where the text first writes a .pypirc before `end`: by its path, or through a variable that holds
    it (family-guy/aiostorage: `PYPI_CONFIG="${HOME}/.pypirc"`, then `echo "password=…" >> "${PYPI_CONFIG}"`)."""
    end = len(text) if end is None else end
    direct = PYPIRC_WRITE.search(text, 0, end)
    found = [direct.start()] if direct else []
    for path in _PYPIRC_PATH.finditer(text, 0, end):
        by_name = re.compile(r"(?:>>?|\btee\b(?:\s+-a)?)\s*[\"']?\$\{?%s\b" % re.escape(path.group(1)))
        write = by_name.search(text, path.end(), end)
        found += [write.start()] if write else []
    return min(found) if found else None


PYPIRC_REASON = ("twine takes the password from that file and uses Trusted Publishing only when it finds none; "
                 "remove the password from the file (or stop writing it), then run again")
