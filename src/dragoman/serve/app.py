"""The web workbench: server-rendered pages over a store, each with a JSON variant.

Every page is a GET with its state in the query string, so a view can be shared by
its URL; ``?format=json`` returns the data the page shows. Pages are Jinja templates
with autoescaping on (article text is untrusted input); scripts are static files
only, and the Content-Security-Policy header forbids inline ones. Handlers are
`async` and read the store on the event loop's thread: one SQLite connection, used
by one thread, and every read is bounded (see `dragoman.serve.data`). An event's trace
re-reads its article with the analysis pipeline in a worker thread, one at a time; the
traces of the latest articles traced are kept, under a digest of the article as stored.

The store is opened read-only and every POST is refused (405) unless the workbench was
started with edits allowed: then the fused event page's forms split a mention off or
merge two fused events (the user's fusion corrections), and the story page's move an
article to another story or merge two (`dragoman regroup`), each form carrying this
server's random token, checked on POST (a page of another site cannot forge one).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
import io
import re
import secrets
from collections import OrderedDict
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator, Callable
from urllib.parse import parse_qs, quote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..query.export import FORMATS
from ..query.filters import ALL_STATUSES
from ..records import PLOVER_TYPES, QUADS
from ..store import Store
from . import data

HERE = Path(__file__).resolve().parent
EXPORT_MAX = 20_000  # events one export link writes
# scripts only from our own static files; inline styles are allowed because cytoscape
# injects its container's stylesheet (styles run no code; the templates write none)
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
       " font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# the formats a link downloads: every one (parquet, which writes to a file, is written to a buffer)
EXPORTS = list(FORMATS)
MEDIA = {"csv": "text/csv", "geojson": "application/geo+json", "gexf": "application/xml",
         "graphml": "application/xml", "plover-jsonl": "application/x-ndjson",
         "parquet": "application/vnd.apache.parquet"}
# what a format needs that may not be installed: its module, and how to install it
NEEDS = {"parquet": ("pyarrow", "pip install 'dragoman[export]'")}
FILTER_KEYS = ("type", "actor", "recipient", "country", "since", "until", "undated", "status", "place", "article",
               "story", "min_sources", "mentions")
MAX_FORM_BYTES = 4_096  # an edit form holds a token and two ids
TRACED_ARTICLES = 64  # articles whose traces are kept (a few kB each): a trace asked again answers at once


def _safe_url(value: str | None) -> str | None:
    """An article's own URL only if it is a web address (never ``javascript:`` and the like)."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def _source_href(source: str | None) -> str | None:
    """Where a registry fact's source can be read: an article of the store, a Wikidata
    item; None for the rest (the starter book's file lines)."""
    kind, _, name = (source or "").partition(":")
    if kind == "article" and name:
        return "/articles/" + quote(name, safe="/")
    if kind == "wikidata" and re.fullmatch(r"Q\d+", name):
        return f"https://www.wikidata.org/wiki/{name}"
    return None


def missing_exports() -> dict[str, str]:
    """The export formats whose library is not installed, each with the command that installs it."""
    return {name: install for name, (module, install) in NEEDS.items() if importlib.util.find_spec(module) is None}


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["safe_url"] = _safe_url
    env.filters["source_href"] = _source_href
    env.globals.update(quads=QUADS, plover_types=PLOVER_TYPES, statuses=ALL_STATUSES, exports=EXPORTS,
                       export_needs=missing_exports(),
                       query=lambda pairs: urlencode(pairs, doseq=True), passages=data.passages,
                       MAX_SPARE=data.MAX_VALUES)  # empty boxes a form adds for ?add=NAME
    return env


def _filters(request: Request) -> list[tuple[str, str]]:
    """The filter parameters of this request, to carry over into links."""
    return [(k, v) for k, v in request.query_params.multi_items() if k in FILTER_KEYS and v]


def _timeline(days: list[dict], width: int = 900, height: int = 120, slots: int = 300) -> dict:
    """Stacked bars by quad class on a time axis: a bar's place is its date, so a quiet
    week is a gap, not hidden. Over more than `slots` days, days are pooled into equal
    spans (a bar's title names its span). In SVG units."""
    if not days:
        return {"width": width, "height": height, "bars": [], "first": None, "last": None}
    first, last = dt.date.fromisoformat(days[0]["day"]), dt.date.fromisoformat(days[-1]["day"])
    span = (last - first).days + 1
    pooled = -(-span // slots)  # days per bar
    bins: dict[int, dict[int, int]] = {}
    for day in days:
        counts = bins.setdefault((dt.date.fromisoformat(day["day"]) - first).days // pooled, {})
        for quad, count in day["quads"].items():
            counts[quad] = counts.get(quad, 0) + count
    step = width / -(-span // pooled)
    tallest = max(sum(counts.values()) for counts in bins.values())
    bars = []
    for slot, counts in sorted(bins.items()):
        start = first + dt.timedelta(days=slot * pooled)
        end = min(start + dt.timedelta(days=pooled - 1), last)
        label = start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"
        y = height
        for quad in sorted(counts):
            h = max(1.0, counts[quad] / tallest * (height - 10))
            y -= h
            bars.append({"x": round(slot * step, 1), "y": round(y, 1), "w": round(max(step - 1, 1), 1),
                         "h": round(h, 1), "quad": quad, "day": label, "count": counts[quad]})
    return {"width": width, "height": height, "bars": bars, "first": days[0]["day"], "last": days[-1]["day"]}


class Workbench:
    """The pages over one store, opened when the server starts (in the thread that serves
    the requests: an SQLite connection belongs to its thread), read-only unless
    `allow_edits`."""

    def __init__(self, target: str, allow_edits: bool = False) -> None:
        self.target = target
        self.allow_edits = allow_edits
        self.token = secrets.token_urlsafe(32)  # this server's CSRF token: in each edit form, checked on POST
        self.store: Store
        self.env = _environment()
        self.env.globals["edit_token"] = self.token if allow_edits else None
        self.pipeline = None  # the analysis pipeline, loaded by the first trace asked for
        self.tracing = asyncio.Lock()  # one re-read at a time: a trace costs seconds of CPU
        # the traces of the latest articles traced, by (article id, digest of the article as stored)
        self.traces: OrderedDict[tuple[str, str], dict] = OrderedDict()

    @asynccontextmanager
    async def lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        with Store.open(self.target, create=False, read_only=not self.allow_edits) as self.store:
            yield

    def render(self, request: Request, template: str, found: dict, status: int = 200) -> Response:
        if request.query_params.get("format") == "json":
            return JSONResponse(found, status_code=status)
        page = self.env.get_template(template).render(
            found=found, request=request, filters=_filters(request), path=request.url.path)
        return HTMLResponse(page, status_code=status)

    def problem(self, request: Request, status: int, message: str) -> Response:
        return self.render(request, "problem.html", {"error": message}, status)

    def page(self, reader: Callable[[Request], dict | None], template: str):
        async def handler(request: Request) -> Response:
            try:
                found = reader(request)
            except data.BadRequest as exc:
                return self.problem(request, 400, str(exc))
            if found is None:
                return self.problem(request, 404, "nothing stored under that name")
            return self.render(request, template, found)

        return handler

    # -- readers: request -> the dict a page shows ---------------------------------------

    def search(self, request: Request) -> dict:
        return data.search(self.store, request.query_params)

    def events(self, request: Request) -> dict:
        return data.events_table(self.store, request.query_params)

    def event(self, request: Request) -> dict | None:
        return data.event(self.store, request.path_params["article_id"], request.path_params["event_id"])

    def article(self, request: Request) -> dict | None:
        return data.article(self.store, request.path_params["article_id"])

    def fused(self, request: Request) -> dict | None:
        return data.fused_event(self.store, request.path_params["fused_id"])

    def stories(self, request: Request) -> dict:
        return data.stories(self.store, request.query_params)

    def story(self, request: Request) -> dict | None:
        found = data.story(self.store, request.path_params["story_id"])
        if found is not None:
            found["timeline"] = _timeline(data.timeline([{"date": e["first"], "quad": e["quad"]}
                                                          for e in found["events"]]))
        return found

    def actor(self, request: Request) -> dict | None:
        name = request.query_params.get("name", "").strip()
        if not name:
            raise data.BadRequest("name: which actor? (?name=Antony Blinken)")
        found = data.actor(self.store, name)
        if found is not None:
            found["timeline"] = _timeline(data.timeline([{"date": e["first"], "quad": e["quad"]}
                                                          for e in found["events"]]))
        return found

    def network(self, request: Request) -> dict:
        return data.network(self.store, request.query_params)

    def map(self, request: Request) -> dict:
        """The points as JSON; the page itself is the filter and the map, which fetches them."""
        if request.query_params.get("format") == "json":
            return data.map_points(self.store, request.query_params)
        data.event_filter(request.query_params)  # a bad filter is a 400 on the page too
        return {}

    def quotes(self, request: Request) -> dict:
        return data.quotes(self.store, request.query_params)

    async def export(self, request: Request) -> Response:
        name = request.path_params["format_name"]
        if name not in EXPORTS:
            return self.problem(request, 404, f"no export format {name!r} (one of {', '.join(EXPORTS)})")
        if name in self.env.globals["export_needs"]:
            return self.problem(request, 501, f"{name} needs {NEEDS[name][0]}: {NEEDS[name][1]}")
        try:
            where = data.event_filter(request.query_params)
        except data.BadRequest as exc:
            return self.problem(request, 400, str(exc))
        out = io.BytesIO()
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        # one row per fused event (its first report the filter selects, with its sources), or each mention
        mentions = (self.store.events(where, limit=EXPORT_MAX) if request.query_params.get("mentions") == "1"
                    else self.store.fused_events(where, limit=EXPORT_MAX))
        if FORMATS[name].kind == "text":
            FORMATS[name].write(mentions, text)
            text.flush()
        else:  # bytes, or a file (parquet): an in-memory one, as bounded as the rest
            FORMATS[name].write(mentions, out)
        extension = {"polecat": "tsv", "icews": "tsv", "plover-jsonl": "jsonl"}.get(name, name)
        return Response(out.getvalue(), media_type=MEDIA.get(name, "text/tab-separated-values"),
                        headers={"Content-Disposition": f'attachment; filename="events.{extension}"'})

    async def trace(self, request: Request) -> Response:
        """An event's explanation trace, as `dragoman explain` gives it: its article's
        traces, kept for the `TRACED_ARTICLES` latest articles traced, else its article
        re-read in a worker thread (seconds, one at a time, the other pages served meanwhile)."""
        target = data.to_trace(self.store, request.path_params["article_id"], request.path_params["event_id"])
        if target is None:
            return self.problem(request, 404, "nothing stored under that name")
        article, found = target
        key = (article.id, data.article_digest(article))  # the article as now stored: never a stale trace
        traces = self.traces.get(key)
        if traces is None:
            async with self.tracing:
                traces = self.traces.get(key)  # another request may have traced it meanwhile
                if traces is None:
                    if self.pipeline is None:
                        from ..pipeline import Pipeline

                        self.pipeline = await run_in_threadpool(Pipeline)
                    traces = await run_in_threadpool(data.article_traces, article, self.pipeline)
                    self.traces[key] = traces
                    while len(self.traces) > TRACED_ARTICLES:
                        self.traces.popitem(last=False)
        self.traces.move_to_end(key)
        return self.render(request, "trace.html", data.trace(article, found, traces))

    async def edit(self, request: Request) -> Response:
        """Split a mention off a fused event, or merge another fused event into it; then
        show the fused event as it now is."""
        form = await self._edit_form(request)
        if isinstance(form, Response):
            return form
        fused_id = request.path_params["fused_id"]
        try:
            if request.path_params["action"] == "split":
                shown = self.store.split_fused(fused_id, form.get("article_id", ""), form.get("event_id", ""))
            elif request.path_params["action"] == "merge":
                self.store.merge_fused(fused_id, form.get("other", "").strip())
                shown = fused_id
            else:
                return self.problem(request, 404, "no such correction (split or merge)")
        except (KeyError, ValueError) as exc:
            return self.problem(request, 400, str(exc.args[0] if exc.args else exc))
        return RedirectResponse("/fused/" + quote(shown, safe=""), status_code=303)

    async def edit_story(self, request: Request) -> Response:
        """Move one of the story's articles to another story (or a new one), or merge
        another story into it; then show the story the article went to, or the merged one."""
        form = await self._edit_form(request)
        if isinstance(form, Response):
            return form
        story_id = request.path_params["story_id"]
        try:
            if request.path_params["action"] == "move":
                article_id = form.get("article_id", "")
                if self.store.story_of(article_id) != story_id:
                    raise KeyError(f"no article {article_id!r} in story {story_id!r}")
                shown = self.store.move_to_story(article_id, form.get("to", "").strip() or None)
            elif request.path_params["action"] == "merge":
                self.store.merge_stories(story_id, form.get("other", "").strip())
                shown = story_id
            else:
                return self.problem(request, 404, "no such correction (move or merge)")
        except (KeyError, ValueError) as exc:
            return self.problem(request, 400, str(exc.args[0] if exc.args else exc))
        return RedirectResponse("/story/" + quote(shown, safe=""), status_code=303)

    async def _edit_form(self, request: Request) -> dict[str, str] | Response:
        """The posted form of a correction, or the refusal: 405 unless edits are allowed,
        413 for an oversized form, 403 without this server's token."""
        if not self.allow_edits:
            return Response("this workbench is read-only (start it with --allow-edits to correct fusion and stories)",
                            status_code=405, headers={"Allow": "GET"})
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            return self.problem(request, 413, "form too large")
        form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
        if not secrets.compare_digest(form.get("token", ""), self.token):
            return self.problem(request, 403, "the form's token is missing or not this server's: reload the page")
        return form


class SecurityHeaders:
    """Adds the Content-Security-Policy and its companions to every response."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(target: str, allow_edits: bool = False) -> Starlette:
    """The workbench over the store at `target` (SQLite path or PostgreSQL URL), read-only
    unless `allow_edits`."""
    bench = Workbench(str(target), allow_edits)
    routes = [
        Route("/", bench.page(bench.search, "search.html")),
        Route("/search", bench.page(bench.search, "search.html")),
        Route("/events", bench.page(bench.events, "events.html")),
        # article ids are the input's own: they may hold slashes ("wire/2024/0412")
        Route("/events/{article_id:path}/{event_id}", bench.page(bench.event, "event.html")),
        Route("/trace/{article_id:path}/{event_id}", bench.trace),
        Route("/fused/{fused_id:path}/{action:str}", bench.edit, methods=["POST"]),
        Route("/fused/{fused_id:path}", bench.page(bench.fused, "fused.html")),
        Route("/stories", bench.page(bench.stories, "stories.html")),
        Route("/story/{story_id:path}/{action:str}", bench.edit_story, methods=["POST"]),
        Route("/story/{story_id:path}", bench.page(bench.story, "story.html")),
        Route("/articles/{article_id:path}", bench.page(bench.article, "article.html")),
        Route("/actor", bench.page(bench.actor, "actor.html")),
        Route("/network", bench.page(bench.network, "network.html")),
        Route("/map", bench.page(bench.map, "map.html")),
        Route("/quotes", bench.page(bench.quotes, "quotes.html")),
        Route("/export/{format_name}", bench.export),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    return Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)], lifespan=bench.lifespan)

