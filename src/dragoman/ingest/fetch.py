"""Polite, bounded HTTP for feeds and article pages.

Every request has a connect and a read timeout and an overall deadline (a server that
drips one byte a second defeats a read timeout alone); a 5xx status or a broken
connection is retried a few times with exponential backoff, and a 429 or 503 after the
wait its Retry-After asks for (within `max_wait`); one host is asked at most once per
`per_host_delay`, or per the Crawl-delay its robots.txt sets (within `max_wait`);
robots.txt is obeyed; bodies are streamed and dropped past
`max_bytes`; only the expected content types are read; redirects are followed by hand,
so a loop is named and each hop is checked against robots.txt; validators (ETag,
Last-Modified) are sent back, so an unchanged feed or page costs one 304.
Every failure is a `FetchError` naming the URL and the problem.
"""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass, field
from typing import Callable, Optional
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .readers import MAX_BYTES

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/x-rss+xml",
})
_RETRIED_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HANDLED_STATUSES = _RETRIED_STATUSES | _REDIRECTS | {304}


class FetchError(Exception):
    """One URL that could not be fetched; `str(e)` is '<url>: <problem>'."""

    def __init__(self, url: str, problem: str):
        super().__init__(f"{url}: {problem}")
        self.url, self.problem = url, problem


@dataclass(frozen=True)
class FetchPolicy:
    """How patient and how polite one run is (tests shorten every wait)."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    deadline: float = 120.0  # for one whole response, body included
    retries: int = 3  # after the first attempt
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    per_host_delay: float = 1.0  # seconds between two requests to one host
    max_wait: float = 60.0  # the longest Crawl-delay or Retry-After a server may ask for
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    user_agent: str = "dragoman (news event extraction; +https://github.com/dragoman)"


@dataclass
class Response:
    """A fetched body, or an unchanged one (`not_modified`, no body)."""

    url: str  # after redirects
    status: int
    headers: httpx.Headers
    body: bytes = b""
    media_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Validators:
    """What a server said about the version we hold, to ask "changed since?" next time."""

    etag: Optional[str] = None
    last_modified: Optional[str] = None


@dataclass
class Fetcher:
    """One HTTP client for a run, with its robots.txt cache and per-host clock."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    sleep: Callable[[float], None] = time.sleep
    _robots: dict[str, RobotFileParser] = field(default_factory=dict, init=False, repr=False)
    _last_request: dict[str, float] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        timeout = httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout)
        self._client = httpx.Client(timeout=timeout, follow_redirects=False,
                                    headers={"User-Agent": self.policy.user_agent})

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def get(self, url: str, accept: frozenset[str], known: Optional[Validators] = None) -> Response:
        """The response for `url` after redirects, 200 or 304; FetchError otherwise."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(url, "not an http(s) URL")
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            if not self.allowed(current):
                raise FetchError(url, f"disallowed by robots.txt ({current})" if current != url
                                 else "disallowed by robots.txt")
            response = self._with_retries(url, current, accept, known)
            if response.status in _REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(url, f"HTTP {response.status} redirect without a Location")
                current = urljoin(current, location)
                continue
            return response
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects (a redirect loop?); last {current}")

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets us fetch it; read once per host."""
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots.get(root)
        if robots is None:
            robots = self._robots[root] = self._read_robots(root)
        return robots.can_fetch(self.policy.user_agent, url)

    def _read_robots(self, root: str) -> RobotFileParser:
        """No robots.txt (4xx) allows everything; one the server fails to give (5xx, no
        connection) forbids everything this run, as search engines do."""
        robots = RobotFileParser(f"{root}/robots.txt")
        try:
            response = self._with_retries(robots.url, robots.url, None, None)
        except FetchError:
            robots.disallow_all = True
            return robots
        if 400 <= response.status < 500:
            robots.allow_all = True
        elif response.status == 200:
            robots.parse(response.body.decode("utf-8", "replace").splitlines())
        else:
            robots.disallow_all = True
        return robots

    def _with_retries(self, url: str, current: str, accept, known) -> Response:
        attempt = 0
        while True:
            try:
                response = self._once(url, current, accept, known)
            except _Retryable as exc:
                problem, asked = exc.problem, None
            else:
                if response.status not in _RETRIED_STATUSES:
                    return response
                problem, asked = f"HTTP {response.status}", _retry_after(response.headers)
            if attempt >= self.policy.retries:
                tries = f" after {attempt + 1} attempts" if attempt else ""
                raise FetchError(url, f"{problem}{tries}")
            backoff = self.policy.backoff * 2**attempt
            self.sleep(backoff if asked is None else min(max(asked, backoff), self.policy.max_wait))
            attempt += 1

    def _once(self, url: str, current: str, accept, known) -> Response:
        self._wait_for_host(current)
        headers = {}
        if known and known.etag:
            headers["If-None-Match"] = known.etag
        if known and known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        started = time.monotonic()
        try:
            with self._client.stream("GET", current, headers=headers) as reply:
                return self._read(url, reply, accept, started)
        except httpx.TimeoutException as exc:
            raise _Retryable(url, f"timed out ({_timeout_kind(exc)})") from None
        except httpx.TransportError as exc:
            raise _Retryable(url, f"connection failed ({type(exc).__name__}: {exc or 'no detail'})") from None

    def _read(self, url: str, reply: httpx.Response, accept, started: float) -> Response:
        response = Response(url=str(reply.url), status=reply.status_code, headers=reply.headers)
        if reply.status_code != 200:
            # robots.txt (accept None): its status is the answer; the others are the caller's to handle
            if accept is None or reply.status_code in _HANDLED_STATUSES:
                return response
            raise FetchError(url, f"HTTP {reply.status_code}")
        media_type = reply.headers.get("Content-Type", "").partition(";")[0].strip().lower()
        response.media_type = media_type
        if accept is not None and media_type not in accept:
            raise FetchError(url, f"content type {media_type or 'missing'}, not one of {', '.join(sorted(accept))}")
        declared = reply.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.policy.max_bytes:
            raise FetchError(url, f"body of {int(declared):,} bytes is larger than the {self.policy.max_bytes:,} allowed")
        chunks, size = [], 0
        for chunk in reply.iter_bytes():
            size += len(chunk)
            if size > self.policy.max_bytes:
                raise FetchError(url, f"body larger than the {self.policy.max_bytes:,} bytes allowed; dropped")
            if time.monotonic() - started > self.policy.deadline:
                raise _Retryable(url, f"timed out (whole response took over {self.policy.deadline:g} s)")
            chunks.append(chunk)
        response.body = b"".join(chunks)
        return response

    def _wait_for_host(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.netloc
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self._host_delay(f"{parts.scheme}://{host}") - time.monotonic()
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _host_delay(self, root: str) -> float:
        """Our own delay, or the longer one the host's robots.txt asks of our agent."""
        robots = self._robots.get(root)
        asked = robots.crawl_delay(self.policy.user_agent) if robots is not None else None
        return max(self.policy.per_host_delay, min(float(asked or 0), self.policy.max_wait))


class _Retryable(FetchError):
    """A failure worth another try: a timeout or a broken connection."""


def _timeout_kind(exc: httpx.TimeoutException) -> str:
    return {
        httpx.ConnectTimeout: "no connection",
        httpx.ReadTimeout: "no data",
        httpx.WriteTimeout: "request not sent",
        httpx.PoolTimeout: "no free connection",
    }.get(type(exc), type(exc).__name__)


def _retry_after(headers: httpx.Headers) -> Optional[float]:
    """The seconds a Retry-After header asks for (a number or an HTTP date), if any."""
    value = headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def validators_of(response: Response) -> Validators:
    """What to send back next time to ask "changed since?"."""
    return Validators(etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"))
