"""Formats recognised by their first bytes, not their name: WARC archives, read
page by page (`is_warc`), and those dragoman does not read (`unread_format`).

A PDF or a gzip file named on the command line would otherwise be read as text
or refused as "not UTF-8" without saying why; `unread_format` says what the
input is and what to do instead. A gzip-compressed WARC is recognised by the
start of its first member's content, so it is read, not refused as gzip.
"""

from __future__ import annotations

import re
import zlib

_GZIP = b"\x1f\x8b"
_WARC = re.compile(rb"WARC/\d")

# leading bytes -> what the input is, and what to do about it
UNREAD_FORMATS: tuple[tuple[re.Pattern[bytes], str], ...] = tuple(
    (re.compile(signature, re.DOTALL), problem)
    for signature, problem in (
        (rb"\x1f\x8b", "gzip-compressed: compressed inputs are not read (decompress it first, e.g. with zcat)"),
        (rb"BZh[1-9]1AY&SY", "bzip2-compressed: compressed inputs are not read (decompress it first)"),
        (rb"\xfd7zXZ\x00", "xz-compressed: compressed inputs are not read (decompress it first)"),
        (rb"\x28\xb5\x2f\xfd", "zstd-compressed: compressed inputs are not read (decompress it first)"),
        (rb"PK(\x03\x04|\x05\x06)", "a zip archive: archives are not read (unpack it first)"),
        (rb"%PDF-", "a PDF document: PDF is not read yet (convert it to text first)"),
        (rb"\x89PNG\r\n", "a PNG image: images are not read"),
        (rb"\xff\xd8\xff", "a JPEG image: images are not read"),
        (rb"GIF8[79]a", "a GIF image: images are not read"),
        (rb"RIFF....WEBP", "a WebP image: images are not read"),
    )
)


def unread_format(head: bytes) -> str | None:
    """Why an input starting with `head` is not read, or None when it may be text."""
    for signature, problem in UNREAD_FORMATS:
        if signature.match(head):
            return problem
    return None


def is_warc(head: bytes) -> bool:
    """True when `head` (the first few KB of an input) starts a WARC archive, plain or
    gzip-compressed (a .warc.gz is a series of gzip members, each one record)."""
    if head.startswith(_GZIP):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return bool(_WARC.match(head))
