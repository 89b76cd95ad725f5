"""Which URL an article is known by.

A page fetched from a feed link often carries tracking parameters (``utm_source``,
``fbclid``) or is a mobile or AMP variant; the publisher names the article's own
address in ``<link rel="canonical">`` or ``og:url``. Storing that one address lets
two fetches of one article meet, and lets an analyst cite a stable link.
"""

from __future__ import annotations

from typing import Optional
from urllib.parse import urlsplit

from courlan import normalize_url


def canonical_url(named: Optional[str], fetched: Optional[str]) -> Optional[str]:
    """The page's own name for itself when it is a usable article address, else the
    address it was fetched from, with tracking parameters and fragments removed.

    A canonical link that is relative, not http(s), or points at a site's front page
    (a common template mistake) is not trusted."""
    if _is_article_address(named):
        return _clean(named)
    if fetched:
        return _clean(fetched)
    return named


def _is_article_address(url: Optional[str]) -> bool:
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc) and parts.path.strip("/") != ""


def _clean(url: str) -> str:
    """Tracking parameters and the fragment dropped; anything courlan cannot parse is
    kept as given, since a slightly noisy URL is better than none."""
    try:
        return normalize_url(url.strip(), strict=True)
    except ValueError:
        return url.strip()
