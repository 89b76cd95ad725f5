"""Read files, directories, globs and stdin into `Article`s.

A batch must never stop because one input is bad: every problem becomes an
`InputError` that is yielded in place of the article, naming the input, and
the good inputs around it still come through.

Formats, chosen by file suffix (directories are searched recursively for these):

- ``.txt``: plain text; id is the file stem, published comes from the caller.
- ``.html``/``.htm``: body text, title, date, URL and site name via trafilatura;
  paragraphs are separated by blank lines like in plain text. The caller's
  published date, when given, overrides the date found in the page.
- ``.jsonl``: one JSON object per line with keys id, text, title, published,
  url, source; a bad line is reported as ``file:LINE`` and the rest go on.
  Streamed, so the 10 MB cap applies per line, not per file.
- ``.json``: one such object, or an array of them (items named ``file[INDEX]``).
- ``-``: stdin, read as JSON Lines when its first line is such a record,
  otherwise as plain text (or HTML when it starts like an HTML page).

For JSON records the record's own published/source win; the caller's values
only fill gaps. When no date is given or found in the page, a day in the
article's URL (``/2024/03/22/``) is its publication date. Files of another suffix named explicitly are sniffed: HTML if
they start like a page, plain text otherwise. Offsets downstream refer to the
text returned here, after line endings are normalised to ``\\n``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import hashlib
import itertools
import json
import os
import re
import sys
from glob import glob
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence
from urllib.parse import urlsplit

from ..records import Article

MAX_BYTES = 10 * 1024 * 1024
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUFFIXES = frozenset({".txt", ".jsonl", ".json"}) | HTML_SUFFIXES
RECORD_FIELDS = ("id", "text", "title", "published", "url", "source")

_GLOB_CHARS = re.compile(r"[*?\[]")
_HTML_START = re.compile(
    r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body)", re.IGNORECASE | re.DOTALL
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


class InputError(Exception):
    """One input that could not be read; `str(e)` is '<source>: <problem>'."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


# -- articles and dates ------------------------------------------------------


def make_article(
    text: str,
    *,
    id: Optional[str] = None,
    title: Optional[str] = None,
    published: Optional[str | dt.date] = None,
    url: Optional[str] = None,
    source: Optional[str] = None,
) -> Article:
    """Validate and normalise one article; raises InputError naming the article."""
    name = _clean(id) or "text"
    if not isinstance(text, str):
        raise InputError(name, f"text must be a string, not {type(text).__name__}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(name, "empty text")
    try:
        date = normalise_date(published) or date_from_url(url)
    except InputError as exc:
        raise InputError(name, exc.problem) from None
    return Article(
        id=_clean(id) or hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
        text=text,
        title=_one_line(title),
        published=date,
        url=_clean(url),
        source=_clean(source),
    )


# a day in a URL path: /2024/03/22/, /2024-03-22-, /20240322/ (the year from 1900 on)
_URL_DATE = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12][0-9]|3[01])(?![0-9])"
)


def date_from_url(url: object) -> Optional[str]:
    """The publication day many news sites put in their article URLs, as YYYY-MM-DD.

    Only a full day counts (a bare /2024/03/ section is not a publication date),
    and only in the path, not the host or query."""
    if not isinstance(url, str) or not url.strip():
        return None
    path = urlsplit(url.strip()).path
    for match in _URL_DATE.finditer(path):
        day = _valid_date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        if day is not None:
            return day.isoformat()
    return None


def normalise_date(value: Optional[str | dt.date]) -> Optional[str]:
    """A publication date as YYYY-MM-DD; accepts ISO dates/datetimes, RFC 2822
    and written dates ("22 March 2024"). Day/month order must be unambiguous."""
    if value is None or isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d") if value else None
    if not isinstance(value, str):
        raise InputError(str(value), "publication date must be a string")
    text = value.strip()
    if not text:
        return None
    date = _iso_date(text) or _numeric_date(text) or _rfc2822_date(text) or _written_date(text)
    if date is None:
        raise InputError(text, "unrecognised publication date (use YYYY-MM-DD)")
    return date.strftime("%Y-%m-%d")


def _iso_date(text: str) -> Optional[dt.date]:
    """YYYY-MM-DD or a full ISO datetime; the date is taken as written, not moved to UTC."""
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _numeric_date(text: str) -> Optional[dt.date]:
    """DD/MM/YYYY or MM/DD/YYYY when only one reading is a valid date."""
    match = _NUMERIC_DATE.fullmatch(text)
    if not match:
        return None
    a, b, year = (int(g) for g in match.groups())
    readings = {_valid_date(year, month, day) for day, month in ((a, b), (b, a))} - {None}
    if len(readings) > 1:
        raise InputError(text, "ambiguous day/month order (use YYYY-MM-DD)")
    return readings.pop() if readings else None


def _valid_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _rfc2822_date(text: str) -> Optional[dt.date]:
    """Dates as feeds and mail headers write them: 'Fri, 22 Mar 2024 10:00:00 GMT'."""
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _written_date(text: str) -> Optional[dt.date]:
    """Written dates via dateparser; a 4-digit year is required so 'yesterday' is refused."""
    if not _YEAR.search(text):
        return None
    import dateparser  # slow to import: only when the fast formats failed

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = dateparser.parse(text, settings=settings)
    return parsed.date() if parsed else None


def _clean(value: object) -> Optional[str]:
    """A stripped string, or None for missing/blank values."""
    if value is None:
        return None
    return str(value).strip() or None


def _one_line(value: object) -> Optional[str]:
    """Whitespace runs (including newlines) collapsed, for titles."""
    if value is None:
        return None
    return " ".join(str(value).split()) or None


# -- paths -------------------------------------------------------------------


def read_inputs(
    paths: Sequence[str],
    *,
    published: Optional[str] = None,
    source: Optional[str] = None,
) -> Iterator[Article | InputError]:
    """Articles from every input in order, with InputErrors in place of bad ones."""
    try:
        published = normalise_date(published)
    except InputError as exc:
        yield InputError("--published", f"{exc.source!r}: {exc.problem}")
        return
    seen: set[str] = set()
    for given in paths:
        if given == "-":
            yield from _read_stdin(published, source)
            continue
        for path in _expand(given):
            if isinstance(path, InputError):
                yield path
                continue
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield from _read_file(path, published, source)


def _expand(given: str) -> Iterator[Path | InputError]:
    """The files one argument names: itself, a directory's readable files, or glob matches."""
    path = Path(given)
    if path.is_dir():
        yield from _directory_files(path)
    elif path.exists():
        yield path
    elif _GLOB_CHARS.search(given):
        matches = sorted(glob(given, recursive=True))
        if not matches:
            yield InputError(given, "no files match this pattern")
        for match in map(Path, matches):
            if match.is_dir():
                yield from _directory_files(match)
            else:
                yield match
    else:
        yield InputError(given, "no such file or directory")


def _directory_files(root: Path) -> Iterator[Path | InputError]:
    """Readable files under a directory, sorted, skipping hidden files and folders."""
    files = sorted(
        path
        for path in root.rglob("*")
        if path.suffix.lower() in SUFFIXES
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )
    if not files:
        yield InputError(str(root), f"no {'/'.join(sorted(SUFFIXES))} files in directory")
    yield from files


# -- files -------------------------------------------------------------------


def _read_file(path: Path, published: Optional[str], source: Optional[str]) -> Iterator[Article | InputError]:
    name = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _jsonl_file(path, published, source)
            return
        data = _read_bytes(path)
        if suffix in HTML_SUFFIXES or (suffix not in SUFFIXES and _looks_like_html(data)):
            yield _html_article(name, data, path.stem, published, source)
        elif suffix == ".json":
            yield from _json_articles(name, _decode(name, data), published, source)
        else:
            yield _article(name, _decode(name, data), id=path.stem, published=published, source=source)
    except InputError as exc:
        yield exc


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing empty and oversized files before reading them."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"larger than 10 MB ({size / 2**20:.1f} MB)")
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from None
    if not data:
        raise InputError(str(path), "empty file")
    return data


def _unreadable(path: Path, exc: OSError) -> InputError:
    return InputError(str(path), f"cannot read ({exc.strerror or exc})")


def _jsonl_file(path: Path, published: Optional[str], source: Optional[str]) -> Iterator[Article | InputError]:
    """JSON Lines streamed line by line, so batch files may exceed the per-article cap."""
    try:
        handle = path.open("rb")
        empty = path.stat().st_size == 0
    except OSError as exc:
        raise _unreadable(path, exc) from None
    with handle:
        if empty:
            raise InputError(str(path), "empty file")
        yield from _jsonl_articles(str(path), handle, published, source)


def _read_stdin(published: Optional[str], source: Optional[str]) -> Iterator[Article | InputError]:
    """stdin as streamed JSON Lines records, an HTML page, or one plain text."""
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is None:
            raise InputError("-", "stdin is not available")
        first = stream.readline(MAX_BYTES + 1)
        if _is_record_line(first):
            yield from _jsonl_articles("-", itertools.chain([first], stream), published, source)
            return
        data = first + stream.read(MAX_BYTES + 1 - len(first))
        if not data.strip():
            raise InputError("-", "empty input")
        if len(data) > MAX_BYTES:
            raise InputError("-", "larger than 10 MB")
        if _looks_like_html(data):
            yield _html_article("-", data, None, published, source)
        else:
            yield _article("-", _decode("-", data), published=published, source=source)
    except InputError as exc:
        yield exc


def _decode(name: str, data: bytes, fallback: Optional[str] = None) -> str:
    """Text from bytes: UTF-8 (BOM allowed), UTF-16 with a BOM, or else the
    page's declared charset (`fallback`), since pages often mislabel UTF-8."""
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        text = _decode_declared(data, fallback)
        if text is None:
            label = "UTF-16" if encoding == "utf-16" else "UTF-8"
            raise InputError(name, f"not {label} text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if "\x00" in text:
        raise InputError(name, "binary file (contains NUL bytes)")
    return text


def _article(name: str, text: str, **fields: Optional[str]) -> Article:
    """make_article, with errors renamed after the input they came from."""
    try:
        return make_article(text, **fields)
    except InputError as exc:
        raise InputError(name, exc.problem) from None


# -- HTML --------------------------------------------------------------------


def _looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:512].decode("utf-8", "ignore").lstrip("\ufeff")))


def _html_article(
    name: str, data: bytes, stem: Optional[str], published: Optional[str], source: Optional[str]
) -> Article:
    """The page's main text and metadata; the caller's published date wins over the page's."""
    import trafilatura

    html = _decode(name, data, _declared_charset(data))
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # the parser has many failure modes; none may stop the batch
        raise InputError(name, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    body = (doc.text or "") if doc else ""
    if not body.strip():
        raise InputError(name, "no extractable text in HTML")
    paragraphs = [line.strip() for line in body.replace("\r", "\n").split("\n") if line.strip()]
    return _article(
        name,
        "\n\n".join(paragraphs),
        id=stem,
        title=doc.title,
        published=published or _page_date(doc.date),
        url=doc.url,
        source=source or doc.sitename,
    )


def _declared_charset(data: bytes) -> Optional[str]:
    """The <meta> charset of a page, when it names one Python knows."""
    match = _META_CHARSET.search(data[:4096])
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name if match else None
    except LookupError:
        return None


def _decode_declared(data: bytes, encoding: Optional[str]) -> Optional[str]:
    try:
        return data.decode(encoding) if encoding else None
    except UnicodeDecodeError:
        return None


def _page_date(value: Optional[str]) -> Optional[str]:
    """The page's own date, dropped rather than failing the article when odd."""
    try:
        return normalise_date(value)
    except InputError:
        return None


# -- JSON --------------------------------------------------------------------


def _is_record_line(line: bytes) -> bool:
    """True for a JSON object with a text field: stdin is then read as JSON Lines."""
    if not line.lstrip(b"\xef\xbb\xbf \t").startswith(b"{"):
        return False
    try:
        record = json.loads(line)
    except ValueError:
        return False
    return isinstance(record, dict) and "text" in record


def _jsonl_articles(
    name: str, lines: Iterable[bytes], published: Optional[str], source: Optional[str]
) -> Iterator[Article | InputError]:
    """One article per line; a bad line is an error naming `name:LINE`, never the end."""
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        if len(line) > MAX_BYTES:
            yield InputError(where, "record larger than 10 MB")
            continue
        try:
            record = json.loads(_decode(where, line))
        except InputError as exc:
            yield exc
            continue
        except ValueError as exc:
            yield InputError(where, f"invalid JSON ({exc})")
            continue
        yield _record_article(where, record, published, source)


def _json_articles(
    name: str, text: str, published: Optional[str], source: Optional[str]
) -> Iterator[Article | InputError]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield InputError(name, f"invalid JSON ({exc})")
        return
    if isinstance(data, dict):
        yield _record_article(name, data, published, source)
    elif isinstance(data, list) and data:
        for index, record in enumerate(data):
            yield _record_article(f"{name}[{index}]", record, published, source)
    else:
        yield InputError(name, "expected a JSON object or a non-empty array of objects")


def _record_article(
    where: str, record: object, published: Optional[str], source: Optional[str]
) -> Article | InputError:
    """One JSON record as an Article; its own published/source win over the caller's."""
    if not isinstance(record, dict):
        return InputError(where, f"expected a JSON object, got {type(record).__name__}")
    if "text" not in record:
        return InputError(where, "missing 'text'")
    for key in RECORD_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str) and not (key == "id" and isinstance(value, int)):
            return InputError(where, f"'{key}' must be a string, not {type(value).__name__}")
    try:
        return _article(
            where,
            record["text"],
            id=_clean(record.get("id")),
            title=record.get("title"),
            published=record.get("published") or published,
            url=record.get("url"),
            source=record.get("source") or source,
        )
    except InputError as exc:
        return exc
