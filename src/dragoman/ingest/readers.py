"""Read files, directories, globs and stdin into `Article`s.

A batch must never stop because one input is bad: every problem becomes an
`InputError` that is yielded in place of the article, naming the input (its
path, ``<stdin>``, plus ``:LINE`` for JSON Lines), and the good inputs around
it still come through.

Formats, chosen by file suffix (directories are searched recursively for these):

- ``.txt``: plain text; id is the file stem, published comes from the caller.
- ``.html``/``.htm``: body text, title, date, URL and site name via trafilatura;
  paragraphs are separated by blank lines like in plain text. The caller's
  published date, when given, overrides the date found in the page.
- ``.jsonl``: one JSON object per line with keys id, text, title, published,
  url, source; a bad line is reported as ``file:LINE`` and the rest go on.
  Streamed, so the 10 MB cap applies per line, not per file: a longer line is
  refused by its number and read through to its end without being kept.
- ``.json``: one such object, or an array of them (items named ``file[INDEX]``).
- ``.warc``/``.warc.gz`` (or any input starting like one, recognised by content): every
  HTML page of a WARC archive, streamed, through the HTML path above (`warc`); the
  url is the page's canonical link, else the record's target URI; the page's own date wins, then a day in the URL, then
  the record's WARC-Date (when it was crawled). Other records, and pages without article
  text (section fronts, search pages), are skipped and counted in one note per archive;
  a broken record is named by number and offset, and the rest read.
- ``-``: stdin, read as JSON Lines when its first line is such a record,
  otherwise as plain text (or HTML when it starts like an HTML page).

For JSON records the record's own published/source win; the caller's values
only fill gaps. When no date is given or found in the page, a day in the
article's URL (``/2024/03/22/``) is its publication date. Files of another
suffix named explicitly (a pipe, ``<(zcat feed.gz)``) are sniffed like stdin:
JSON Lines, HTML, or plain text. Offsets downstream refer to the text
returned here, after line endings are normalised to ``\\n``.

Limits, whatever the kind of input (file, pipe, device, stdin): at most
`MAX_BYTES` (10 MB) are read per article (per line for JSON Lines), so
/dev/zero is refused, not read; a text has at most `MAX_TEXT_CHARS`
characters (200,000: see there why). A WARC archive has no size cap, its pages
MAX_BYTES each. Compressed, PDF, image and zip inputs are recognised by their
first bytes and refused by name (`formats`); text
is UTF-8 (or UTF-16 with a BOM) unless the caller names its `encoding`.
An id given twice in one run is renamed, never output twice (`_Run.unique`).
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import hashlib
import io
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from glob import glob
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Optional, Sequence
from urllib.parse import urlsplit

import msgspec

from ..records import Article
from .formats import is_warc, unread_format
from .urls import canonical_url

MAX_BYTES = 10 * 1024 * 1024  # per article read, and per line of JSON Lines
# per article text, after decoding: parsing is linear (long texts go in pieces, see
# annotate.nlp) but several extraction steps grow faster than the text, so that
# 100,000 characters take ~25 s, 200,000 ~2 min and 1,000,000 did not finish in 25 min
# (bench/long_text.py, 2 shared cores). Raise it once those steps are linear.
MAX_TEXT_CHARS = 200_000
STDIN = "<stdin>"
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUFFIXES = frozenset({".txt", ".jsonl", ".json"}) | HTML_SUFFIXES
WARC_SUFFIXES = (".warc", ".warc.gz")
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


class NoTextInPage(InputError):
    """An HTML page without article text: an error for a page given, a skip within a crawl."""


# -- articles and dates ------------------------------------------------------


# JSON may spell half of a UTF-16 pair ("\\ud800"), which no UTF-8 text can hold
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


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
    surrogate = _LONE_SURROGATE.search(text)
    if surrogate:
        raise InputError(name, f"not valid Unicode: a lone surrogate U+{ord(surrogate.group()):04X} at character "
                               f"{surrogate.start()} (half of a JSON \\uXXXX pair)")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(name, f"text of {len(text):,} characters is longer than the {MAX_TEXT_CHARS:,} "
                               "an article may have; split it into several articles")
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
    encoding: Optional[str] = None,
    on_note: Optional[Callable[[str], None]] = None,
) -> Iterator[Article | InputError]:
    """Articles from every input in order, with InputErrors in place of bad ones.

    `encoding` is the codec of every input; without it, inputs must be UTF-8
    (or UTF-16 with a BOM, or HTML in its declared charset): never guessed.
    Ids are unique within one call: an id given again is renamed (see `_Run.unique`)
    and `on_note` is told where."""
    try:
        published = normalise_date(published)
    except InputError as exc:
        yield InputError("--published", f"{exc.source!r}: {exc.problem}")
        return
    if encoding is not None and not is_text_encoding(encoding):
        yield InputError("--encoding", f"unknown text encoding {encoding!r}")
        return
    run = _Run(published, source, encoding, on_note)
    seen: set[str] = set()
    for given in paths:
        if given == "-":
            yield from _read_stdin(run)
            continue
        for path in _expand(given):
            if isinstance(path, InputError):
                yield path
                continue
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield from _read_file(path, run)


def is_text_encoding(name: str) -> bool:
    """True when `name` is a codec Python decodes bytes to text with ("cp1252", "latin-1")."""
    try:
        b"a".decode(name, "replace")  # not b"": decoding nothing never looks the codec up
    except LookupError:
        return False
    return True


@dataclass
class _Run:
    """What the inputs of one `read_inputs` call share: the caller's options and the ids given."""

    published: Optional[str]
    source: Optional[str]
    encoding: Optional[str]
    on_note: Optional[Callable[[str], None]]
    ids: set[str] = field(default_factory=set)

    def unique(self, where: str, article: Article) -> Article:
        """The article, renamed ``ID~HASH`` (the first 8 hex digits of its text's SHA-256, as
        the store renames) when its id was already given in this run; ``-2``, ``-3``...
        follow when even that is taken (the same text given again under the same id)."""
        if article.id not in self.ids:
            self.ids.add(article.id)
            return article
        base = f"{article.id}~{hashlib.sha256(article.text.encode('utf-8')).hexdigest()[:8]}"
        renamed, n = base, 2
        while renamed in self.ids:
            renamed, n = f"{base}-{n}", n + 1
        self.ids.add(renamed)
        if self.on_note:
            self.on_note(f"{where}: id {article.id!r} already given in this run, renamed {renamed!r}")
        return msgspec.structs.replace(article, id=renamed)


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
        if (path.suffix.lower() in SUFFIXES or path.name.lower().endswith(WARC_SUFFIXES))
        and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
    )
    if not files:
        yield InputError(str(root), f"no {'/'.join(sorted(SUFFIXES) + list(WARC_SUFFIXES))} files in directory")
    yield from files


# -- files and streams -------------------------------------------------------


def _read_file(path: Path, run: _Run) -> Iterator[Article | InputError]:
    name = str(path)
    try:
        with path.open("rb") as stream:
            head = _head(stream)
            if is_warc(head):
                yield from _warc_articles(name, stream, run, head)
                return
            _refuse_large_file(name, stream, path.suffix.lower())
            yield from _read_stream(name, stream, run, path.suffix.lower(), path.stem)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield _unreadable(name, exc)


def _read_stdin(run: _Run) -> Iterator[Article | InputError]:
    stream = getattr(sys.stdin, "buffer", None)
    try:
        if stream is None:
            raise InputError(STDIN, "stdin is not available")
        head = _head(stream)
        if is_warc(head):
            yield from _warc_articles(STDIN, stream, run, head)
            return
        yield from _read_stream(STDIN, stream, run)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield _unreadable(STDIN, exc)


def _head(stream: BinaryIO, size: int = 512) -> bytes:
    """The first bytes of a stream, left to be read again (b"" when that cannot be done)."""
    if hasattr(stream, "peek"):
        return stream.peek(size)[:size]
    if stream.seekable():
        head = stream.read(size)
        stream.seek(-len(head), io.SEEK_CUR)
        return head
    return b""


def _refuse_large_file(name: str, stream: BinaryIO, suffix: str) -> None:
    """A regular file past the cap is refused by its size before it is read (JSON Lines
    are streamed, so their cap is per line). Pipes and devices have no size to ask:
    `_read_stream` stops reading them at the cap."""
    info = os.fstat(stream.fileno())
    if suffix != ".jsonl" and stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
        _refuse_unread_format(name, stream.peek(16)[:16])
        raise InputError(name, f"{_too_large()} ({info.st_size / 2**20:.1f} MB)")


def _read_stream(
    name: str, stream: BinaryIO, run: _Run, suffix: str = "", stem: Optional[str] = None
) -> Iterator[Article | InputError]:
    """One input, never holding more than MAX_BYTES + 1 of its bytes: JSON Lines (by suffix,
    or for stdin and other suffixes when the first line is a record) line by line, else whole.

    The cap counts the bytes read, so /dev/zero or an endless pipe is refused, not read."""
    first = stream.readline(MAX_BYTES + 1)
    if not first:
        raise InputError(name, "empty input" if name == STDIN else "empty file")
    if suffix == ".jsonl" or (suffix not in SUFFIXES and _is_record_line(first, run.encoding)):
        _refuse_unread_format(name, first)
        yield from _jsonl_articles(name, _lines(first, stream), run)
        return
    data = first + stream.read(MAX_BYTES + 1 - len(first))
    _refuse_unread_format(name, data)
    if len(data) > MAX_BYTES:
        raise InputError(name, _too_large())
    if suffix in HTML_SUFFIXES or (suffix not in SUFFIXES and _looks_like_html(data)):
        yield _html_article(name, data, stem, run)
    elif suffix == ".json":
        yield from _json_articles(name, _decode(name, data, run.encoding), run)
    else:
        yield _article(name, _decode(name, data, run.encoding), run, id=stem, published=run.published,
                       source=run.source)


def _lines(first: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The stream's lines from `first` on, none read past MAX_BYTES + 1 bytes: a longer
    line comes cut at that length (to be refused as too large) and the rest of it is skipped."""
    line = first
    while line:
        yield line
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(2**20)) and not rest.endswith(b"\n"):
                pass
        line = stream.readline(MAX_BYTES + 1)


def _too_large() -> str:
    return f"larger than {MAX_BYTES / 2**20:g} MB"


def _refuse_unread_format(name: str, head: bytes) -> None:
    problem = unread_format(head)
    if problem:
        raise InputError(name, problem)


def _unreadable(name: str, exc: OSError) -> InputError:
    return InputError(name, f"cannot read ({exc.strerror or exc})")


def _decode(name: str, data: bytes, encoding: Optional[str] = None, fallback: Optional[str] = None) -> str:
    """Text from bytes in the caller's `encoding`; without one, UTF-8 (BOM allowed), UTF-16
    with a BOM, or else the page's declared charset (`fallback`), since pages often mislabel UTF-8."""
    if encoding:
        text = _decode_as(name, data, "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding, encoding)
    else:
        utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        try:
            text = data.decode("utf-16" if utf16 else "utf-8-sig")
        except UnicodeDecodeError as exc:
            text = _decode_declared(data, fallback)
            if text is None:
                label = "UTF-16" if utf16 else "UTF-8"
                raise InputError(name, f"not {label} text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                                       "name its encoding with --encoding, e.g. --encoding cp1252") from None
    if "\x00" in text:
        raise InputError(name, "binary file (contains NUL bytes)")
    return text


def _decode_as(name: str, data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not {label} text (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def _article(name: str, text: str, run: _Run, **fields: Optional[str]) -> Article:
    """make_article, with errors renamed after the input they came from and a unique id."""
    try:
        article = make_article(text, **fields)
    except InputError as exc:
        raise InputError(name, exc.problem) from None
    return run.unique(name, article)


# -- HTML --------------------------------------------------------------------


def _looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:512].decode("utf-8", "ignore").lstrip("\ufeff")))


def _html_article(
    name: str,
    data: bytes,
    stem: Optional[str],
    run: _Run,
    *,
    url: Optional[str] = None,
    crawled: Optional[str] = None,
    charset: Optional[str] = None,
) -> Article:
    """The page's main text and metadata; the caller's published date wins over the page's,
    which wins over a day in the URL, which wins over the day it was `crawled`. The URL
    is the page's canonical one when it names a usable one, else the `url` it was fetched
    from (`urls.canonical_url`); a `charset` given (by the HTTP header) is used when the
    page declares none."""
    import trafilatura

    html = _decode(name, data, run.encoding, _declared_charset(data) or _known_charset(charset))
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # the parser has many failure modes; none may stop the batch
        raise InputError(name, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from None
    body = (doc.text or "") if doc else ""
    if not body.strip():
        raise NoTextInPage(name, "no extractable text in HTML")
    paragraphs = [line.strip() for line in body.replace("\r", "\n").split("\n") if line.strip()]
    url = canonical_url(doc.url, url)
    return _article(
        name,
        "\n\n".join(paragraphs),
        run,
        id=stem,
        title=doc.title,
        published=run.published or _page_date(doc.date) or date_from_url(url) or _page_date(crawled),
        url=url,
        source=run.source or doc.sitename,
    )


def _warc_articles(name: str, stream: BinaryIO, run: _Run, head: bytes) -> Iterator[Article | InputError]:
    """The HTML pages of a WARC archive as articles; then one note saying what it held."""
    from .warc import WarcTally, warc_pages

    tally, failed = WarcTally(), 0
    for page in warc_pages(name, stream, tally, compressed=head.startswith(b"\x1f\x8b")):
        if isinstance(page, InputError):
            failed += 1
            yield page
            continue
        try:
            yield _html_article(page.where, page.data, None, run, url=page.url, crawled=page.date,
                                charset=page.charset)
        except NoTextInPage:
            tally.no_text()
        except InputError as exc:
            yield exc
    if tally.pages == 0 and not failed:
        yield InputError(name, f"no article read from this WARC archive ({tally.summary()})")
    elif run.on_note:
        run.on_note(f"{name}: WARC archive: {tally.summary()}")


def _declared_charset(data: bytes) -> Optional[str]:
    """The <meta> charset of a page, when it names one Python knows."""
    match = _META_CHARSET.search(data[:4096])
    return _known_charset(match.group(1).decode("ascii")) if match else None


def _known_charset(name: Optional[str]) -> Optional[str]:
    try:
        return codecs.lookup(name).name if name else None
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


def _is_record_line(line: bytes, encoding: Optional[str]) -> bool:
    """True for a JSON object with a text field: stdin is then read as JSON Lines.

    A line nested too deeply to parse counts too: it is no prose, and as a record
    it is refused by its line number while the lines after it are read."""
    if not line.lstrip(b"\xef\xbb\xbf \t").startswith(b"{"):
        return False
    try:
        record = json.loads(line.decode(encoding or "utf-8-sig"))
    except RecursionError:
        return True
    except (ValueError, LookupError):
        return False
    return isinstance(record, dict) and "text" in record


def _jsonl_articles(name: str, lines: Iterable[bytes], run: _Run) -> Iterator[Article | InputError]:
    """One article per line; a bad line is an error naming `name:LINE`, never the end."""
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        if len(line) > MAX_BYTES:
            yield InputError(where, f"record {_too_large()}")
            continue
        try:
            record = _json(where, _decode(where, line, run.encoding))
        except InputError as exc:
            yield exc
            continue
        yield _record_article(where, record, run)


def _json_articles(name: str, text: str, run: _Run) -> Iterator[Article | InputError]:
    try:
        data = _json(name, text)
    except InputError as exc:
        yield exc
        return
    if isinstance(data, dict):
        yield _record_article(name, data, run)
    elif isinstance(data, list) and data:
        for index, record in enumerate(data):
            yield _record_article(f"{name}[{index}]", record, run)
    else:
        yield InputError(name, "expected a JSON object or a non-empty array of objects")


def _json(where: str, text: str) -> object:
    """Parsed JSON, or an InputError naming `where` (also for nesting past Python's recursion limit)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise InputError(where, "JSON nested too deeply") from None
    except ValueError as exc:
        raise InputError(where, f"invalid JSON ({exc})") from None


def _record_article(where: str, record: object, run: _Run) -> Article | InputError:
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
            run,
            id=_clean(record.get("id")),
            title=record.get("title"),
            published=record.get("published") or run.published,
            url=record.get("url"),
            source=record.get("source") or run.source,
        )
    except InputError as exc:
        return exc
