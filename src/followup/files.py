"""Reading the user's files: size limits, UTF-8, and one-line errors naming the file."""

from __future__ import annotations

from pathlib import Path

from followup.errors import InputError, LimitError

__all__ = ["decode_utf8", "read_limited"]


def decode_utf8(raw: bytes, *, source: str) -> str:
    """UTF-8 text (a leading byte-order mark is dropped), or an error naming the bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save the file as UTF-8",
            source=source,
        ) from None


def read_limited(path: Path, *, limit: int, what: str) -> bytes:
    """The file's bytes; a file over ``limit`` bytes is refused before it is read."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise LimitError(
                f"file is {size:,} bytes; a {what} may be at most {limit:,} bytes (limit)",
                source=source,
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except IsADirectoryError:
        raise InputError(f"is a directory, not a {what} file", source=source) from None
    except PermissionError:
        raise InputError("permission denied", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", source=source) from None
