"""A workflow file as bytes on disk and as the text the engine edits.

Only the byte-order mark is taken off before parsing. Line endings stay in the text as they are
(CRLF, LF, or a mix), so every byte the edits do not touch is written back unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codemods.engine.reading import TooLarge, read_regular
from codemods.errors import InputError

BOM = "\ufeff"
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    path: Path
    text: str  # decoded, without the byte-order mark
    bom: bool
    mode: int

    @property
    def raw(self) -> bytes:
        """The bytes read: strict UTF-8 decodes one way only, so they are the text encoded again (a run
        keeps every changed file's text until it writes; not its bytes too)."""
        return self.encode(self.text)

    @classmethod
    def read(cls, path: Path) -> "Source":
        try:
            raw, st = read_regular(path, MAX_BYTES)
        except TooLarge:
            raise InputError(path, None, f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB; not a workflow") from None
        except OSError as e:
            raise InputError(path, None, f"cannot read: {e.strerror or e}") from None
        return cls.from_bytes(path, raw, st.st_mode)

    @classmethod
    def from_bytes(cls, path: Path, raw: bytes, mode: int = 0o644) -> "Source":
        if b"\x00" in raw:
            raise InputError(path, None, "binary content (NUL bytes); not a workflow")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            line = raw[: e.start].count(b"\n") + 1
            raise InputError(path, line, "not UTF-8 text") from None
        bom = text.startswith(BOM)
        return cls(path, text[1:] if bom else text, bom, mode)

    def encode(self, text: str) -> bytes:
        """Bytes for an edited text, with the file's byte-order mark put back."""
        return ((BOM if self.bom else "") + text).encode("utf-8")
