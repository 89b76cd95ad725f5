"""WARC archives (.warc and .warc.gz, as crawlers and Common Crawl News write them), page by page.

Streamed: one record's payload, at most `MAX_BYTES`, is held at a time, whatever the
archive's size. Pages are ``response`` records with an HTTP status 2xx and an HTML
Content-Type (text/html, application/xhtml+xml); every other record (request,
metadata, warcinfo, revisit...) and every other response (redirects, errors, images,
PDF...) is skipped and counted (`WarcTally`), never an error.

A broken record is named by its number and byte offset in the archive. In a file,
reading then goes on at the next record start found after it (a gzip member in a
.warc.gz, ``WARC/1.`` in a .warc), so one broken record never loses the rest;
on stdin, which cannot be searched ahead, the rest is not read and the error says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import BinaryIO, Iterator, Optional

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from .readers import MAX_BYTES, InputError

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_START = b"WARC/1."
_SCAN_CHUNK = 1 << 20


@dataclass(frozen=True)
class WarcPage:
    """One HTML page of an archive, before its text is extracted."""

    where: str  # "crawl.warc.gz record 3 at offset 1234": how errors name it
    data: bytes
    url: Optional[str]  # WARC-Target-URI
    date: Optional[str]  # WARC-Date (when it was crawled), an ISO datetime
    charset: Optional[str]  # declared in the HTTP Content-Type


@dataclass
class WarcTally:
    """What one archive held: pages read, and records skipped by kind."""

    pages: int = 0
    skipped: Counter = field(default_factory=Counter)

    def no_text(self) -> None:
        """The last page read held no article text: skipped, like a record that is no page."""
        self.pages -= 1
        self.skipped["page without article text"] += 1

    def summary(self) -> str:
        """'12 HTML pages, 30 records skipped (20 request, 10 non-HTML response)'."""
        text = f"{self.pages} HTML page{'s' * (self.pages != 1)}"
        total = sum(self.skipped.values())
        if total:
            kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0])))
            text += f", {total} record{'s' * (total != 1)} skipped ({kinds})"
        return text


class _BrokenRecord(Exception):
    """A record warcio reads without complaint, but wrongly."""


class _Records(ArchiveIterator):
    """warcio's iterator, without the warnings it writes to stderr itself: a broken
    record is reported once, by `warc_pages`."""

    INC_RECORD = ""


def warc_pages(name: str, stream: BinaryIO, tally: WarcTally, *, compressed: bool) -> Iterator[WarcPage | InputError]:
    """The HTML pages of the archive in `stream` (`compressed`: a .warc.gz), with
    InputErrors for broken records."""
    number = 0
    resyncing = False  # after a broken record: failures until the next good record are the same breakage
    while True:
        records = _Records(stream)
        try:
            for record in records:
                number += 1
                resyncing = False
                if record.rec_headers.get_header("Content-Length") is None:
                    # warcio would take the rest of the archive as this record's content
                    number -= 1  # counted again below, as the broken one
                    raise _BrokenRecord("no Content-Length header")
                page = _page(f"{name} record {number} at offset {records.offset}", record, tally)
                if page is not None:
                    yield page
            return
        except Exception as exc:  # warcio and the codecs below it fail in many ways; none may stop the batch
            failed_at = records.offset
            if not resyncing:
                number += 1
                rest = "" if stream.seekable() else "; the rest of the archive was not read"
                yield InputError(f"{name} record {number} at offset {failed_at}",
                                 f"broken WARC record ({_describe(exc)}){rest}")
        if not stream.seekable():
            return
        start = _next_record_start(stream, failed_at, compressed)
        if start is None:
            return
        stream.seek(start)
        resyncing = True


def _page(where: str, record: ArcWarcRecord, tally: WarcTally) -> Optional[WarcPage | InputError]:
    """The record as a page, None when it is no HTML page (counted), or an InputError."""
    if record.rec_type != "response":
        tally.skipped[f"{record.rec_type or 'untyped'}"] += 1
        return None
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    status = status if status and re.fullmatch(r"\d{3}", status) else None
    content_type = (http.get_header("Content-Type") or "") if http is not None else ""
    media_type, _, params = content_type.partition(";")
    if not (status or "").startswith("2"):
        tally.skipped[f"HTTP {status} response" if status else "response without an HTTP status"] += 1
        return None
    if media_type.strip().lower() not in HTML_TYPES:
        tally.skipped["non-HTML response"] += 1
        return None
    try:
        data = record.content_stream().read(MAX_BYTES + 1)
    except Exception as exc:  # a bad chunked or gzip body: this page only
        return InputError(where, f"page body could not be decoded ({type(exc).__name__}: {_first_line(exc)})")
    if len(data) > MAX_BYTES:
        return InputError(where, f"page larger than {MAX_BYTES / 2**20:g} MB")
    tally.pages += 1
    return WarcPage(
        where=where,
        data=data,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        date=record.rec_headers.get_header("WARC-Date"),
        charset=_charset(params),
    )


def _charset(params: str) -> Optional[str]:
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _next_record_start(stream: BinaryIO, after: int, compressed: bool) -> Optional[int]:
    """The offset of the first record start past `after`: a gzip member header in a
    .warc.gz, ``WARC/1.`` in a .warc (where a record cut short runs into the next); None at
    the end of the file. A false start inside a record fails to parse and is passed over."""
    marker = _GZIP_MEMBER if compressed else _WARC_START
    position = after + 1
    stream.seek(position)
    carry = b""
    while chunk := stream.read(_SCAN_CHUNK):
        window = carry + chunk
        found = window.find(marker)
        if found >= 0:
            return position - len(carry) + found
        carry = window[-(len(marker) - 1):]
        position += len(chunk)
    return None


def _first_line(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else "no detail"


def _describe(exc: Exception) -> str:
    """What broke, for a person: our own finding as it is, warcio's with its kind."""
    return _first_line(exc) if isinstance(exc, _BrokenRecord) else f"{type(exc).__name__}: {_first_line(exc)}"
