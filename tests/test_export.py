"""`dragoman events` and `dragoman export`: the filters pick the right stored events (on
SQLite and PostgreSQL), and every export loads in the tool it is meant for."""

from __future__ import annotations

import csv
import io
import json

import msgspec
import pytest
from click.testing import CliRunner

from dragoman.analysis import text_sha256
from dragoman.cli import EXIT_STORE_OR_OUTPUT, main
from dragoman.query.export import CSV_COLUMNS, column_map
from dragoman.query.filters import ALL_STATUSES, EventFilter
from dragoman.records import Actor, ArticleRecord, DateMention, Event, Offsets, Party, Place, Trigger
from dragoman.store import Store

# three short reports, in our own words; the names of people are invented
AEGEAN = (
    "Greek naval ships shelled a Turkish patrol boat near Rhodes on Monday. "
    "Later the Greek foreign minister, Eleni Varga, met Turkey\u2019s ambassador in Athens."
)
KENYA = (
    "Kenya\u2019s president will visit Uganda next month. Last week protesters in Nairobi marched "
    "against fuel prices. A year ago Kenyan troops clashed with cattle raiders."
)
TARIFFS = "Officials in Ottawa said they would not impose tariffs on Mexico. Canada and Mexico sent aid to Haiti."


def _at(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def _party(text: str, words: str, country=None, sector=None, actor_id=None, after: int = 0) -> Party:
    start, end = _at(text, words, after)
    return Party(text=words, start=start, end=end, country=country, sector=sector, actor_id=actor_id)


def _date(value=None, first=None, last=None, precision="day") -> DateMention:
    return DateMention(text="", start=0, end=0, value=value, first=first or value, last=last or value,
                       precision=precision)


def _place(text: str, words: str, country: str, lat=None, lon=None, feature="city") -> Place:
    start, end = _at(text, words)
    return Place(text=words, start=start, end=end, name=words, country=country, lat=lat, lon=lon, feature=feature)


def _event(text: str, event_id: str, kind: str, trigger: str, sentence: int, **fields) -> Event:
    """An event of the `sentence`-th sentence (0-based) of `text`."""
    starts = [0] + [i + 2 for i, c in enumerate(text) if c == "." and i + 2 < len(text)]
    start = starts[sentence]
    end = text.index(".", start) + 1
    t_start, t_end = _at(text, trigger, start)
    quads = {"ASSAULT": 4, "CONSULT": 1, "PROTEST": 3, "SANCTION": 4, "AID": 2}
    cameos = {"ASSAULT": "190", "CONSULT": "040", "PROTEST": "140", "SANCTION": "163", "AID": "070"}
    return Event(id=event_id, event=kind, quad=quads[kind], cameo=cameos[kind], sentence=Offsets(start=start, end=end),
                 trigger=Trigger(text=trigger, start=t_start, end=t_end), rule="verb:active", **fields)


def _record(article_id, text, published, actors, events, title=None) -> ArticleRecord:
    return ArticleRecord(id=article_id, title=title or f"Report {article_id}", published=published, source="Test Wire",
                         url=f"https://news.invalid/{article_id}", text_sha256=text_sha256(text), actors=actors,
                         events=events, places=[e.place for e in events if e.place])


def _articles() -> list[tuple[ArticleRecord, str]]:
    t = AEGEAN
    aegean = _record("aegean", t, "2024-03-05", [
        Actor(id="A1", name="Eleni Varga", country="GRC", sector="GOV", role="foreign minister", kind="person"),
        Actor(id="A2", name="Turkey\u2019s ambassador", country="TUR", sector="GOV", kind="person"),
    ], [
        _event(t, "E1", "ASSAULT", "shelled", 0, actor=[_party(t, "Greek naval ships", "GRC", "MIL")],
               recipient=[_party(t, "a Turkish patrol boat", "TUR", "MIL")], date=_date("2024-03-04"),
               place=_place(t, "Rhodes", "GRC", 36.43, 28.22)),
        _event(t, "E2", "CONSULT", "met", 1, actor=[_party(t, "Eleni Varga", "GRC", "GOV", "A1")],
               recipient=[_party(t, "Turkey\u2019s ambassador", "TUR", "GOV", "A2")], date=_date("2024-03-05"),
               place=_place(t, "Athens", "GRC", 37.98, 23.73)),
    ], title='Greek ships fire on\ta "Turkish" boat\n\x1b[31m')
    t = KENYA
    kenya = _record("kenya", t, "2024-03-20", [
        Actor(id="A1", name="Kenya\u2019s president", country="KEN", sector="GOV", kind="person"),
        Actor(id="A2", name="Uganda", country="UGA", kind="country"),
    ], [
        _event(t, "E1", "CONSULT", "visit", 0, status="future", actor=[_party(t, "Kenya\u2019s president", "KEN", "GOV", "A1")],
               recipient=[_party(t, "Uganda", "UGA", None, "A2")],
               date=_date("2024-04", "2024-04-01", "2024-04-30", precision="month")),
        _event(t, "E2", "PROTEST", "marched", 1, actor=[_party(t, "protesters", "KEN", "CVL")],
               date=_date(first="2024-03-11", last="2024-03-17", precision="week"),
               place=_place(t, "Nairobi", "KEN", -1.28, 36.82)),
        _event(t, "E3", "ASSAULT", "clashed", 2, status="historical", actor=[_party(t, "Kenyan troops", "KEN", "MIL")],
               recipient=[_party(t, "cattle raiders")], date=_date("2023", "2023-01-01", "2023-12-31", precision="year")),
    ])
    t = TARIFFS
    tariffs = _record("tariffs", t, None, [
        Actor(id="A1", name="Canada", country="CAN", kind="country"),
        Actor(id="A2", name="Mexico", country="MEX", kind="country"),
        Actor(id="A3", name="Haiti", country="HTI", kind="country"),
    ], [
        _event(t, "E1", "SANCTION", "impose", 0, status="negated", actor=[_party(t, "Officials", "CAN", "GOV")],
               recipient=[_party(t, "Mexico", "MEX", None, "A2")], place=_place(t, "Ottawa", "CAN", 45.42, -75.70)),
        _event(t, "E2", "AID", "sent", 1, actor=[_party(t, "Canada", "CAN", None, "A1"), _party(t, "Mexico", "MEX", after=t.index("Canada"))],
               recipient=[_party(t, "Haiti", "HTI", None, "A3")]),
    ])
    return [(aegean, AEGEAN), (kenya, KENYA), (tariffs, TARIFFS)]


def _fill(target: str) -> None:
    with Store.open(target) as store:
        for record, text in _articles():
            store.add(record, text)


HAPPENED = ["aegean:E1", "aegean:E2", "kenya:E2", "kenya:E3", "tariffs:E2"]


@pytest.fixture
def store(store_target):
    _fill(store_target)
    with Store.open(store_target, read_only=True) as opened:
        yield opened


def _keys(store, **criteria) -> list[str]:
    return [f"{m.article_id}:{m.event.id}" for m in store.events(EventFilter(**criteria))]


@pytest.mark.parametrize("criteria, expected", [
    ({}, HAPPENED),
    ({"statuses": ALL_STATUSES}, ["aegean:E1", "aegean:E2", "kenya:E1", "kenya:E2", "kenya:E3", "tariffs:E1", "tariffs:E2"]),
    ({"statuses": ("future", "negated")}, ["kenya:E1", "tariffs:E1"]),
    ({"types": ("assault",)}, ["aegean:E1", "kenya:E3"]),
    ({"types": ("AID", "PROTEST")}, ["kenya:E2", "tariffs:E2"]),
    ({"actors": ("GRC",)}, ["aegean:E1", "aegean:E2"]),
    ({"actors": ("mil",)}, ["aegean:E1", "kenya:E3"]),
    ({"actors": ("eleni varga",)}, ["aegean:E2"]),
    ({"actors": ("A1",), "articles": ("tariffs",)}, ["tariffs:E2"]),
    ({"actors": ("TUR",)}, []),
    ({"recipients": ("TUR",)}, ["aegean:E1", "aegean:E2"]),
    ({"recipients": ("Turkey\u2019s ambassador", "HTI")}, ["aegean:E2", "tariffs:E2"]),
    ({"countries": ("KEN",)}, ["kenya:E2", "kenya:E3"]),
    ({"countries": ("hti",)}, ["tariffs:E2"]),
    ({"countries": ("CAN",), "statuses": ALL_STATUSES}, ["tariffs:E1", "tariffs:E2"]),
    ({"since": "2024-03-05"}, ["aegean:E2", "kenya:E2"]),
    ({"since": "2024-03-05", "undated": True}, ["aegean:E2", "kenya:E2", "tariffs:E2"]),
    ({"until": "2024-03-04"}, ["aegean:E1", "kenya:E3"]),
    ({"since": "2024-03-15", "until": "2024-03-15"}, ["kenya:E2"]),
    # a year's or a month's value is compared by its days, not as text ("2023" < "2023-06-30")
    ({"since": "2023-06-30", "until": "2023-07-01"}, ["kenya:E3"]),
    ({"statuses": ALL_STATUSES, "since": "2024-04-15"}, ["kenya:E1"]),
    ({"statuses": ALL_STATUSES, "until": "2023-12-31"}, ["kenya:E3"]),
    ({"places": ("athens", "NAIROBI")}, ["aegean:E2", "kenya:E2"]),
    ({"articles": ("kenya",)}, ["kenya:E2", "kenya:E3"]),
    ({"types": ("ASSAULT",), "countries": ("KEN",)}, ["kenya:E3"]),
])
def test_filters_select_the_events_they_name(store, criteria, expected):
    assert _keys(store, **criteria) == expected


def test_events_carry_their_article_and_the_text_of_their_sentence(store):
    by_key = {f"{m.article_id}:{m.event.id}": m for m in store.events()}
    varga = by_key["aegean:E2"]
    assert (varga.published, varga.source, varga.url) == ("2024-03-05", "Test Wire", "https://news.invalid/aegean")
    # the sentence is cut by characters, after a curly apostrophe, in both databases
    assert varga.sentence_text == AEGEAN[varga.event.sentence.start:varga.event.sentence.end]
    assert varga.sentence_text.startswith("Later the Greek") and varga.sentence_text.endswith("Athens.")
    assert varga.actors["A1"].role == "foreign minister"
    assert by_key["kenya:E2"].places == ("Nairobi",)


def test_events_are_read_a_page_at_a_time_in_event_number_order(store_target):
    text = " ".join(f"Ship {n} fired." for n in range(1, 13))
    events = [_event(text, f"E{n}", "ASSAULT", "fired", n - 1) for n in range(1, 13)]
    with Store.open(store_target) as writer:
        writer.add(_record("many", text, "2024-01-01", [], events), text)
        writer.add(_record("also", "Ship 0 fired.", "2024-01-01", [], [_event("Ship 0 fired.", "E1", "ASSAULT", "fired", 0)]),
                   "Ship 0 fired.")
    with Store.open(store_target, read_only=True) as store:
        whole = [f"{m.article_id}:{m.event.id}" for m in store.events()]
        assert whole == ["also:E1"] + [f"many:E{n}" for n in range(1, 13)]
        assert [f"{m.article_id}:{m.event.id}" for m in store.events(page=5)] == whole
        assert [f"{m.article_id}:{m.event.id}" for m in store.events(limit=7, page=3)] == whole[:7]


@pytest.mark.parametrize("criteria, problem", [
    ({"types": ("BOMB",)}, "unknown event type 'BOMB'"),
    ({"statuses": ("rumoured",)}, "unknown status 'rumoured'"),
    ({"statuses": ()}, "no status"),
    ({"since": "March"}, "since 'March' is not a date"),
])
def test_a_criterion_no_event_can_meet_is_refused_by_name(criteria, problem):
    with pytest.raises(ValueError, match=problem):
        EventFilter(**criteria)


# -- the command line ------------------------------------------------------------------


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("exports") / "news.db")
    _fill(path)
    return path


def _run(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result


def _export(db: str, fmt: str, tmp_path, *filters: str):
    out = tmp_path / f"out.{fmt}"
    result = _run("export", db, "--format", fmt, "-o", str(out), *filters)
    assert result.exit_code == 0, result.output
    return out


def test_events_prints_one_json_line_per_event_with_party_names(db):
    result = _run("events", db, "--actor", "GRC", "--type", "CONSULT")
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    event = json.loads(line)
    assert (event["article_id"], event["id"], event["status"]) == ("aegean", "E2", "occurred")
    assert event["actor"][0]["name"] == "Eleni Varga" and event["recipient"][0]["country"] == "TUR"
    assert event["trigger"]["text"] == "met" and event["date"]["value"] == "2024-03-05"
    assert event["sentence_text"] == AEGEAN[event["sentence"]["start"]:event["sentence"]["end"]]
    limited = _run("events", db, "--status", "all", "--limit", "3")
    assert [json.loads(x)["id"] for x in limited.stdout.splitlines()] == ["E1", "E2", "E1"]


def test_events_reads_the_date_and_status_options(db):
    result = _run("events", db, "--since", "2024-03-05", "--undated", "--status", "occurred")
    assert [(e["article_id"], e["id"]) for e in map(json.loads, result.stdout.splitlines())] == [
        ("aegean", "E2"), ("kenya", "E2"), ("tariffs", "E2")]


@pytest.mark.parametrize("fmt", ["polecat", "icews"])
def test_tsv_exports_have_their_column_sets_and_one_row_per_dyad(db, tmp_path, fmt):
    out = _export(db, fmt, tmp_path)
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert list(rows[0]) == [header for header, _ in column_map(fmt)]
    ids = [row["Event ID"] for row in rows]
    # five events; Canada and Mexico both sent the aid: two rows, told apart
    assert ids == ["aegean:E1", "aegean:E2", "kenya:E2", "kenya:E3", "tariffs:E2.1", "tariffs:E2.2"]
    by_id = {row["Event ID"]: row for row in rows}
    if fmt == "polecat":
        meeting = by_id["aegean:E2"]
        assert (meeting["Actor Name"], meeting["Actor Title"], meeting["Actor Country"]) == (
            "Eleni Varga", "foreign minister", "GRC")
        assert meeting["Recipient Name Raw"] == "Turkey\u2019s ambassador"
        assert (meeting["Placename"], meeting["City"], float(meeting["Latitude"])) == ("Athens", "Athens", 37.98)
        assert "Eleni Varga" in meeting["Story People"].split("; ")
        assert meeting["Event Date"] == "2024-03-05"
        assert by_id["kenya:E2"]["Event Date"] == ""  # a week, not a day
        assert by_id["kenya:E3"]["Event Date"] == ""  # a year: the column holds days only
        assert by_id["kenya:E2"]["Recipient Name"] == ""
        assert [by_id[k]["Actor Country"] for k in ("tariffs:E2.1", "tariffs:E2.2")] == ["CAN", "MEX"]
        assert meeting["Headline"] == 'Greek ships fire on\\x09a "Turkish" boat\\x0a\\x1b[31m'
    else:
        shelling = by_id["aegean:E1"]
        assert (shelling["Source Country"], shelling["Target Country"], shelling["Country"]) == ("Greece", "Turkey", "Greece")
        assert (shelling["CAMEO Code"], shelling["Event Text"], shelling["Source Sectors"]) == ("190", "Fight", "MIL")
        assert shelling["Story ID"] == "aegean" and shelling["Publisher"] == "Test Wire"


@pytest.mark.parametrize("fmt, separator", [("polecat", "\t"), ("icews", "\t"), ("csv", ",")])
def test_tsv_and_csv_load_in_pandas(db, tmp_path, fmt, separator):
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(_export(db, fmt, tmp_path), sep=separator, dtype=str, keep_default_na=False)
    keys = list(frame["event_key" if fmt == "csv" else "Event ID"])
    assert keys == HAPPENED if fmt == "csv" else keys[:4] == HAPPENED[:4] and len(keys) == 6


def test_csv_has_one_row_per_event_and_parquet_the_same_typed(db, tmp_path):
    with open(_export(db, "csv", tmp_path), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == CSV_COLUMNS
    assert [r["event_key"] for r in rows] == HAPPENED
    aid = rows[-1]
    assert (aid["actor_countries"], aid["actor_names"], aid["recipient_names"]) == ("CAN; MEX", "Canada; Mexico", "Haiti")
    assert (rows[2]["date"], rows[2]["date_first"], rows[2]["date_last"]) == ("", "2024-03-11", "2024-03-17")
    assert (rows[3]["date"], rows[3]["date_first"], rows[3]["date_last"], rows[3]["date_precision"]) == (
        "2023", "2023-01-01", "2023-12-31", "year")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(_export(db, "parquet", tmp_path))
    assert table.column_names == CSV_COLUMNS
    assert table.column("event_key").to_pylist() == HAPPENED
    assert str(table.schema.field("quad").type) == "int64" and str(table.schema.field("lat").type) == "double"
    assert table.column("lat").to_pylist()[:3] == [36.43, 37.98, -1.28]
    assert table.column("title").to_pylist()[0] == 'Greek ships fire on\ta "Turkish" boat\n\x1b[31m'  # kept as stored


def test_geojson_holds_the_located_events_as_points_lon_first(db, tmp_path):
    collection = json.loads(_export(db, "geojson", tmp_path).read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["id"] for f in features] == ["aegean:E1", "aegean:E2", "kenya:E2"]
    for feature in features:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["event_key"] == feature["id"]
        assert (lon, lat) == (feature["properties"]["lon"], feature["properties"]["lat"])
    assert features[1]["geometry"]["coordinates"] == [23.73, 37.98]  # Athens: longitude first


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_the_actor_network_loads_in_networkx_with_edges_weighted_per_quad(db, tmp_path, fmt):
    nx = pytest.importorskip("networkx")
    out = _export(db, fmt, tmp_path, "--status", "all")
    graph = nx.read_gexf(out) if fmt == "gexf" else nx.read_graphml(out)
    assert graph.is_directed()
    label = {node: data["label"] for node, data in graph.nodes(data=True)}
    edges = {(label[a], label[b]): data for a, b, data in graph.edges(data=True)}
    # named actors by name, countries and unnamed groups by code; "cattle raiders" has neither
    assert set(edges) == {("GRCMIL", "TURMIL"), ("Eleni Varga", "Turkey\u2019s ambassador"),
                          ("Kenya\u2019s president", "UGA"), ("CANGOV", "MEX"), ("CAN", "HTI"), ("MEX", "HTI")}
    shelling = edges[("GRCMIL", "TURMIL")]
    assert (shelling["weight"], shelling["material_conflict"], shelling["verbal_cooperation"]) == (1, 1, 0)
    assert edges[("Eleni Varga", "Turkey\u2019s ambassador")]["verbal_cooperation"] == 1
    varga = next(data for data in graph.nodes.values() if data["label"] == "Eleni Varga")
    assert (varga["country"], varga["sector"], varga["kind"]) == ("GRC", "GOV", "person")


def test_plover_json_lines_are_event_records(db, tmp_path):
    lines = _export(db, "plover-jsonl", tmp_path, "--type", "ASSAULT").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["aegean:E1", "kenya:E3"]
    shelling = records[0]
    assert (shelling["event"], shelling["date"], shelling["date_resolution"]) == ("ASSAULT", "2024-03-04", "day")
    assert shelling["actor"] == [{"text": "Greek naval ships", "name": "Greek naval ships", "country": "GRC", "sector": "MIL"}]
    assert shelling["location"]["placename"] == "Rhodes" and shelling["story_id"] == "aegean"
    assert shelling["text"].startswith("Greek naval ships shelled")
    assert "enddate" in shelling and shelling["enddate"] is None  # one day
    clash = records[1]  # dated to a year: PLOVER's dates are days, so its first and last
    assert (clash["date"], clash["enddate"], clash["date_resolution"]) == ("2023-01-01", "2023-12-31", "year")


def test_text_formats_go_to_stdout_without_a_file(db):
    result = _run("export", db, "--format", "csv", "--article", "kenya")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["event_key"] for r in rows] == ["kenya:E2", "kenya:E3"]
    assert "\x1b" not in _run("export", db, "--format", "polecat").stdout  # the title's ESC is escaped


@pytest.mark.parametrize("args, problem", [
    (["--format", "xlsx"], "'xlsx' is not one of"),
    (["--format", "parquet"], "parquet is not text: name a file with -o FILE"),
    (["--format", "csv", "--type", "BOMB"], "unknown event type 'BOMB'"),
    (["--format", "csv", "--since", "last week"], "'last week' does not match the format"),
    (["--format", "csv", "--status", "rumoured"], "'rumoured' is not one of"),
])
def test_bad_options_are_usage_errors(db, args, problem):
    result = _run("export", db, *args)
    assert result.exit_code == 2 and problem in result.output


def test_a_missing_store_or_an_unwritable_file_is_one_line_and_status_4(db, tmp_path):
    for command in (["events", str(tmp_path / "none.db")], ["export", str(tmp_path / "none.db"), "--format", "csv"]):
        result = _run(*command)
        assert result.exit_code == EXIT_STORE_OR_OUTPUT
        assert result.stderr.strip().splitlines() == [f"Error: {tmp_path / 'none.db'}: no such store"]
    result = _run("export", db, "--format", "csv", "-o", str(tmp_path / "no" / "such" / "dir.csv"))
    assert result.exit_code == EXIT_STORE_OR_OUTPUT
    [line] = result.stderr.strip().splitlines()
    assert "dir.csv: cannot write (No such file or directory)" in line


def test_ingested_articles_come_out_of_events(tmp_path):
    """End to end: a report ingested through the CLI is found by its country."""
    article = tmp_path / "a.txt"
    article.write_text("Chilean police arrested forty protesters in Santiago on Tuesday.", encoding="utf-8")
    target = str(tmp_path / "news.db")
    assert _run("ingest", str(article), "--db", target, "--published", "2024-05-08").exit_code == 0
    events = [json.loads(line) for line in _run("events", target, "--country", "CHL").stdout.splitlines()]
    assert events and all(e["article_id"] == "a" for e in events)
    text = article.read_text(encoding="utf-8")
    assert all(e["sentence_text"] == text[e["sentence"]["start"]:e["sentence"]["end"]] for e in events)


def test_icews_sentence_number_counts_the_articles_sentences_with_a_headline_line_as_one(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Harbour town braces for storm\nThe mayor praised the volunteers on Monday. "
                       "Chilean police arrested forty protesters in Santiago on Tuesday.\n\n"
                       "Later that night, soldiers shelled a village near the border.", encoding="utf-8")
    target = str(tmp_path / "news.db")
    assert _run("ingest", str(article), "--db", target, "--published", "2024-05-08").exit_code == 0
    with open(_export(target, "icews", tmp_path), encoding="utf-8", newline="") as handle:
        numbers = {row["Event Text"]: row["Sentence Number"] for row in csv.DictReader(handle, delimiter="\t")}
    assert numbers["Coerce"] == "3" and numbers["Fight"] == "4"
    with open(_export(target, "csv", tmp_path), encoding="utf-8", newline="") as handle:
        assert sorted(row["sentence_number"] for row in csv.DictReader(handle)) == sorted(numbers.values())


def test_a_failed_export_leaves_the_file_as_it_was_and_nothing_half_written(db, tmp_path):
    from dragoman.query.export import export_events

    out = tmp_path / "events.csv"
    out.write_text("yesterday's export\n", encoding="utf-8")

    def failing():
        with Store.open(db, read_only=True) as store:
            yield from store.events(limit=2)
        raise RuntimeError("the store went away")

    with pytest.raises(RuntimeError):
        export_events(failing(), "csv", str(out), None)
    assert out.read_text(encoding="utf-8") == "yesterday's export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]
    with Store.open(db, read_only=True) as store:
        export_events(store.events(), "csv", str(out), None)
    assert out.read_text(encoding="utf-8").startswith("event_key,")


# the shelling of AEGEAN again, in other words, from another outlet
RETOLD = "A Turkish patrol boat came under fire from Greek naval ships near Rhodes on Monday, officials said."


@pytest.fixture(scope="module")
def fused_db(tmp_path_factory) -> str:
    """AEGEAN's shelling reported by two outlets and republished by a third (a near-duplicate)."""
    from dragoman.ingest.near_duplicates import Match
    from dragoman.records import Article

    path = str(tmp_path_factory.mktemp("fused") / "news.db")
    aegean, text = _articles()[0]
    t = RETOLD
    retold = _record("retold", t, "2024-03-05", [], [
        _event(t, "E1", "ASSAULT", "fire", 0, actor=[_party(t, "Greek naval ships", "GRC", "MIL")],
               recipient=[_party(t, "A Turkish patrol boat", "TUR", "MIL")], date=_date("2024-03-04"),
               place=_place(t, "Rhodes", "GRC", 36.43, 28.22)),
    ])
    retold = msgspec.structs.replace(retold, source="Island Post")
    with Store.open(path) as store:
        store.add(aegean, text)
        store.add(retold, t)
        store.link_near_duplicate(Article(id="copy", text=t + " (copy)", source="Harbour Daily"), Match("retold", 0.97))
        assert store.fused_event_of("retold", "E1") == "aegean#E1", "the two reports must fuse for these tests"
    return path


def _rows(db: str, fmt: str, tmp_path, *args: str) -> list[dict]:
    out = _export(db, fmt, tmp_path, "--type", "ASSAULT", *args)
    if fmt in ("polecat", "icews", "csv"):
        with open(out, encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle, delimiter="," if fmt == "csv" else "\t"))
    if fmt == "parquet":
        return pytest.importorskip("pyarrow.parquet").read_table(out).to_pylist()
    if fmt == "geojson":
        return [f["properties"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]]
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


_FUSION_FIELDS = {  # the column names of the fused id, sources, reports and publishers, per format
    "csv": ("fused_id", "sources", "reports", "publishers"), "parquet": ("fused_id", "sources", "reports", "publishers"),
    "geojson": ("fused_id", "sources", "reports", "publishers"),
    "plover-jsonl": ("fused_id", "sources", "reports", "publishers"),
    "polecat": ("Fused ID", "Sources", "Reports", "Publishers"), "icews": ("Fused ID", "Sources", "Reports", "Publishers"),
}


@pytest.mark.parametrize("fmt", list(_FUSION_FIELDS))
def test_a_fused_event_is_one_row_with_its_sources_and_each_report_names_it(fused_db, tmp_path, fmt):
    fused_id, sources, reports, publishers = _FUSION_FIELDS[fmt]
    [row] = _rows(fused_db, fmt, tmp_path)
    # two stored articles and a copy: one row, two independent sources, three reports
    assert row[fused_id] == "aegean#E1"
    assert str(row[sources]) == "2" and str(row[reports]) == "3"
    named = row[publishers] if isinstance(row[publishers], list) else row[publishers].split("; ")
    assert named == ["Test Wire", "Island Post", "Harbour Daily"]  # the copy's publisher too
    each = _rows(fused_db, fmt, tmp_path, "--mentions")
    assert [r[fused_id] for r in each] == ["aegean#E1", "aegean#E1"]
    assert all(r[sources] in ("", None) for r in each)  # sources are the fused event's, not a report's


def test_events_mentions_name_their_fused_event(fused_db):
    result = _run("events", fused_db, "--mentions", "--type", "ASSAULT")
    assert [(e["article_id"], e["fused_id"]) for e in map(json.loads, result.stdout.splitlines())] == [
        ("aegean", "aegean#E1"), ("retold", "aegean#E1")]


def test_a_fused_event_names_the_copies_that_count_as_reports_not_sources(fused_db):
    [line] = _run("events", fused_db, "--type", "ASSAULT").stdout.splitlines()
    fused = json.loads(line)
    assert (fused["sources"], fused["reports"]) == (2, 3)
    assert [(c["id"], c["copy_of"], c["source"]) for c in fused["copies"]] == [("copy", "retold", "Harbour Daily")]
    explained = _run("explain", fused_db, "--fused", "aegean#E1")
    assert explained.exit_code == 0, explained.output
    assert "2 source(s), 3 report(s), 2 mention(s)" in explained.stdout
    assert "copy  undated  Harbour Daily  copy of retold (similarity 0.97)" in explained.stdout


def test_a_fused_event_is_shown_by_the_first_report_the_filters_select(fused_db, tmp_path):
    """Asked for one outlet's article, a fused event is shown by that article's report, not
    by the first one stored (whose values the filter may not hold)."""
    def shown(*filters):
        return [(e["fused_id"], e["article_id"]) for e in map(json.loads, _run("events", fused_db, *filters).stdout
                                                                 .splitlines())]

    assert shown("--type", "ASSAULT") == [("aegean#E1", "aegean")]
    assert shown("--type", "ASSAULT", "--article", "retold") == [("aegean#E1", "retold")]
    [row] = _rows(fused_db, "csv", tmp_path, "--article", "retold")
    assert (row["event_key"], row["fused_id"], row["sources"]) == ("retold:E1", "aegean#E1", "2")
    assert row["sentence_text"] == RETOLD
