"""The article links of an RSS/Atom feed or a sitemap.

A sitemap (``<urlset>``) lists pages; a sitemap index (``<sitemapindex>``) lists other
sitemaps; anything else is handed to feedparser. An entry without a usable link is
named as a problem beside the good entries, never a reason to drop the feed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

_SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass
class FeedLinks:
    """What one feed points to."""

    pages: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)  # the sitemaps of a sitemap index
    problems: list[str] = field(default_factory=list)  # "entry 3: no link"


class NotAFeed(ValueError):
    """A body that is neither a feed nor a sitemap."""


def feed_links(body: bytes, base_url: str) -> FeedLinks:
    """The links of the feed or sitemap in `body`, made absolute against `base_url`."""
    sitemap = _sitemap_links(body, base_url)
    return sitemap if sitemap is not None else _feed_entry_links(body, base_url)


def _sitemap_links(body: bytes, base_url: str) -> FeedLinks | None:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return None
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag not in (f"{_SITEMAP_NS}urlset", "urlset", f"{_SITEMAP_NS}sitemapindex", "sitemapindex"):
        return None
    links = FeedLinks()
    into = links.feeds if tag.endswith("sitemapindex") else links.pages
    for number, entry in enumerate(root, start=1):
        loc = entry.find(f"{_SITEMAP_NS}loc")
        loc = loc if loc is not None else entry.find("loc")
        _add(into, links.problems, number, loc.text if loc is not None else None, base_url)
    return links


def _feed_entry_links(body: bytes, base_url: str) -> FeedLinks:
    import feedparser

    parsed = feedparser.parse(body)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        detail = getattr(parsed.get("bozo_exception"), "args", None) or ("no entries, no feed version",)
        raise NotAFeed(f"not an RSS/Atom feed or sitemap ({detail[0]})")
    links = FeedLinks()
    for number, entry in enumerate(parsed.entries, start=1):
        _add(links.pages, links.problems, number, entry.get("link"), base_url)
    return links


def _add(into: list[str], problems: list[str], number: int, link: str | None, base_url: str) -> None:
    link = (link or "").strip()
    if not link:
        problems.append(f"entry {number}: no link")
        return
    absolute = urljoin(base_url, link)
    if urlsplit(absolute).scheme not in ("http", "https"):
        problems.append(f"entry {number}: link {link!r} is not an http(s) URL")
        return
    if absolute not in into:
        into.append(absolute)
