"""The workbench's GET forms keep the view they were opened with: each shows (or carries
hidden) every parameter of its URL, several values included, so submitting a form
unchanged opens the same view, and a change to one field changes only that one."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode

import pytest
from starlette.testclient import TestClient

from dragoman.serve import data
from dragoman.serve.app import create_app

from serve_store import build


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with TestClient(create_app(str(build(tmp_path_factory.mktemp("forms") / "demo.db")))) as test_client:
        yield test_client


class _Form(HTMLParser):
    """The first GET form of a page, as a browser submits it untouched: its action and
    the name/value pairs of its controls (text and hidden inputs, checked boxes, the
    selected options of each select; a single select with none selected sends its first)."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.pairs: list[tuple[str, str]] = []
        self._done = False
        self._select: dict | None = None
        self._option: dict | None = None

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag == "form" and self.action is None and not self._done:
            self.action = a.get("action", "")
        if self.action is None or self._done:
            return
        if tag == "input":
            kind = a.get("type", "text")
            if "name" in a and (kind not in ("checkbox", "radio") or "checked" in a):
                self.pairs.append((a["name"], a.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select":
            self._select = {"name": a.get("name"), "multiple": "multiple" in a, "options": []}
        elif tag == "option" and self._select is not None:
            self._option = {"value": a.get("value"), "selected": "selected" in a, "text": ""}
            self._select["options"].append(self._option)

    def handle_data(self, data) -> None:
        if self._option is not None:
            self._option["text"] += data

    def handle_endtag(self, tag) -> None:
        if tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None:
            options = self._select["options"]
            chosen = [o for o in options if o["selected"]] or ([] if self._select["multiple"] else options[:1])
            self.pairs += [(self._select["name"], o["text"].strip() if o["value"] is None else o["value"])
                           for o in chosen]
            self._select = None
        elif tag == "form" and self.action is not None:
            self._done = True


def _form(html: str) -> _Form:
    form = _Form()
    form.feed(html)
    assert form.action is not None, "no form on the page"
    return form


def _resubmitted(client, url: str) -> list[tuple[str, str]]:
    """The non-empty pairs the page's form submits untouched."""
    return [(k, v) for k, v in _form(client.get(url).text).pairs if v]


def _pairs(url: str) -> list[tuple[str, str]]:
    return parse_qsl(url.partition("?")[2])


def test_the_type_box_chooses_several_types_and_shows_them_chosen(client):
    html = client.get("/events?type=AID&type=SUPPORT").text
    select = html[html.index('<select name="type"'):]
    select = select[:select.index("</select>")]
    assert " multiple" in select.split(">")[0]
    assert "<option selected>AID</option>" in select and "<option selected>SUPPORT</option>" in select
    assert "<option>ASSAULT</option>" in select
    assert sorted(_resubmitted(client, "/events?type=AID&type=SUPPORT")) == [("type", "AID"), ("type", "SUPPORT")]


@pytest.mark.parametrize("url", [
    "/events?article=seed&undated=1&since=2024-01-01&sort=-date&size=5",
    "/events?mentions=1&article=seed&article=hostile&actor=FRA&actor=Antony+Blinken&type=CONSULT&type=AID",
    "/events?status=future&status=negated&country=FRA&country=DEU&place=Paris&place=Berlin&story=S:seed&min_sources=1",
    "/events?status=all&recipient=USA&recipient=FRA&until=2024-12-31",
    "/map?article=seed&undated=1&until=2024-12-31&type=ASSAULT&type=AID",
    "/network?article=hostile&story=S:seed&story=S:hostile&status=occurred",
    "/stories?min_articles=2&since=2023-01-01&type=AID&type=CONSULT&actor=FRA&actor=USA&recipient=USA"
    "&place=Paris&status=future&article=seed&min_sources=1&country=FRA&country=DEU&size=5",
    "/quotes?speaker=colonna&q=delay&size=3",
    "/search?q=delay&limit=7",
])
def test_a_form_submitted_untouched_opens_the_same_view(client, url):
    form = _form(client.get(url).text)
    assert form.action == url.partition("?")[0]
    wanted = sorted(_pairs(url))
    if ("status", "all") in wanted:  # shown as every status chosen: the same events
        wanted = sorted([p for p in wanted if p != ("status", "all")]
                        + [("status", s) for s in ("occurred", "future", "hypothetical", "negated", "historical")])
    assert sorted((k, v) for k, v in form.pairs if v) == wanted
    # as a browser sends it: its empty boxes too, which filter nothing
    resubmitted = client.get(form.action + "?" + urlencode(form.pairs + [("format", "json")]))
    assert resubmitted.status_code == 200
    assert resubmitted.json() == client.get(url + "&format=json").json()


def test_a_new_filter_starts_at_the_first_page_and_changes_only_itself(client):
    form = _form(client.get("/events?article=seed&undated=1&since=2024-01-01&offset=2&size=1").text)
    assert ("offset", "2") not in form.pairs  # a new selection is read from its start
    changed = [(k, "2024-02-01" if k == "since" else v) for k, v in form.pairs if v]
    assert sorted(changed) == [("article", "seed"), ("since", "2024-02-01"), ("size", "1"), ("undated", "1")]


def test_the_kept_values_are_escaped(client):
    hostile = '"><script>alert(1)</script>'
    for url in ("/events", "/stories", "/map", "/network"):
        page = client.get(url, params=[("article", hostile), ("actor", hostile), ("place", hostile)]).text
        assert "<script>alert(1)" not in page, url
        assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page, url
    page = client.get("/quotes", params={"speaker": "x", "size": '3"><b onmouseover=alert(1)>'})
    assert "<b onmouseover" not in page.text


@pytest.mark.parametrize("page", ["/events", "/events?mentions=1", "/network", "/map", "/stories"])
def test_an_empty_box_filters_nothing(client, page):
    joined = "&" if "?" in page else "?"
    empty = "actor=&recipient=&country=&place=&story=&article=&status=&type=+"
    assert client.get(f"{page}{joined}{empty}&format=json").json() == client.get(f"{page}{joined}format=json").json()


def _boxes(html: str, name: str) -> list[str]:
    return [v for k, v in _form(html).pairs if k == name]


@pytest.mark.parametrize("page", ["/events", "/network", "/map", "/stories"])
def test_a_plus_button_adds_a_box_for_another_value(client, page):
    html = client.get(page + "?actor=FRA").text
    assert '<button class="add" name="add" value="actor"' in html
    assert _boxes(html, "actor") == ["FRA"]
    # without scripts the + submits the form with add=actor: it comes back with an empty box more
    more = client.get(page + "?actor=FRA&add=actor").text
    assert _boxes(more, "actor") == ["FRA", ""]
    assert _boxes(client.get(page + "?add=actor&add=actor").text, "actor") == ["", "", ""]
    filled = [(k, "USA" if (k, v) == ("actor", "") else v) for k, v in _form(more).pairs]
    assert [v for k, v in filled if k == "actor"] == ["FRA", "USA"]
    both = client.get(page + "?" + urlencode(filled + [("format", "json")])).json()
    assert both == client.get(page + "?actor=FRA&actor=USA&format=json").json()
    # the spare boxes are bounded as a filter's values are
    many = client.get(page + "?" + "&".join(["add=actor"] * 500)).text
    assert len(_boxes(many, "actor")) == 1 + data.MAX_VALUES


def test_enter_in_a_box_submits_the_form_not_a_plus(client):
    """A form's first submit button is the one Enter presses: the filter forms start with one
    that sends nothing of its own."""
    for page in ("/events", "/stories", "/map", "/network"):
        html = client.get(page).text
        form = html[html.index('<form class="filters"'):]
        first = form[form.index("<button"):]
        assert first.startswith('<button class="default-submit"') and "name=" not in first.split(">")[0], page


CARRIED = [("recipient", "USA"), ("place", "Paris"), ("status", "future"), ("article", "seed"), ("min_sources", "1")]


def test_the_stories_filters_without_a_box_are_removable_chips(client):
    url = "/stories?min_articles=1&" + urlencode(CARRIED + [("status", "occurred"), ("offset", "50")])
    html = client.get(url).text
    assert 'type="hidden" name="recipient"' not in html and 'type="hidden" name="status"' not in html
    chips = re.findall(r'<span class="chip"><label[^>]*><input type="checkbox" name="([^"]+)" value="([^"]+)" checked>'
                       r'[^<]*</label>\s*<a class="remove" href="\?([^"]*)"', html)
    assert [(name, value) for name, value, _ in chips] == CARRIED + [("status", "occurred")]
    for name, value, href in chips:
        left = [pair for pair in _pairs(url) if pair != (name, value) and pair[0] != "offset"]
        dropped = parse_qsl(href.replace("&amp;", "&"))
        assert dropped == left, name
        assert client.get("/stories?" + urlencode(dropped + [("format", "json")])).json() == \
            client.get("/stories?" + urlencode(left + [("format", "json")])).json()
    # unticked (not sent), a chip's filter is dropped; ticked, it is kept
    form = _form(html)
    assert [p for p in form.pairs if p[0] in dict(CARRIED)] == CARRIED + [("status", "occurred")]


def test_the_chips_are_escaped(client):
    hostile = '"><script>alert(1)</script>'
    html = client.get("/stories", params=[("recipient", hostile), ("place", hostile)]).text
    assert "<script>alert(1)" not in html
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" checked' in html
