"""`dragoman eval`: metrics, gold readers and scorers on tiny hand-made cases.

Every gold file here is written in tmp_path in the corpus format, with our own
wording; predictions are records built by hand, so no spaCy model is loaded and
each expected figure can be checked with pencil and paper.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.evaluate import actors, claims, dates, entities, event_location, events, places, quotes
from dragoman.evaluate.cli import eval_command
from dragoman.evaluate.common import map_country
from dragoman.evaluate.gold import (
    ActorCase,
    Attribution,
    AttributionDoc,
    EntityDoc,
    GoldEntity,
    GoldFormatError,
    LocationRecord,
    PloverParty,
    PloverRecord,
    TimeDoc,
    Timex,
    Toponym,
    ToponymDoc,
    quote_marked,
    read_actor_cases,
    read_attributions,
    read_entities,
    read_event_locations,
    read_plover,
    read_timeml,
    read_toponyms,
)
from dragoman.evaluate.metrics import PRF, haversine_km, macro_f1, match_spans, median, spans_match
from dragoman.evaluate.report import MARKER, replace_generated
from dragoman.evaluate.results import Report, render_markdown, render_text
from dragoman.records import DateMention, Entity, Event, Offsets, Party, Place, Quote, Speaker, Trigger


def _row(report: Report, metric: str, system: str = "dragoman"):
    row = report.cell(system, metric)
    assert row is not None, f"no row {metric!r} for {system}"
    return row


# -- metrics -------------------------------------------------------------------------------


def test_prf_from_counts():
    counts = PRF(tp=2, fp=1, fn=1) + PRF(tp=0, fp=0, fn=2)
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 3)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(2 / 5)
    assert counts.f1 == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    assert PRF().f1 == 0.0


def test_spans_match_needs_half_of_the_shorter():
    assert spans_match((0, 10), (5, 20))  # 5 shared of a shorter 10
    assert not spans_match((0, 10), (6, 20))  # 4 of 10
    assert spans_match((0, 100), (40, 44))  # a short span inside a long one
    assert not spans_match((3, 3), (0, 10))  # empty spans never match


def test_match_spans_is_one_to_one_and_prefers_larger_overlap():
    gold = [(0, 10), (20, 30)]
    predicted = [(2, 8), (0, 10), (21, 29)]
    assert match_spans(gold, predicted) == [(0, 1), (1, 2)]
    vetoed = match_spans(gold, predicted, compatible=lambda g, p: g == 0)
    assert vetoed == [(0, 1)]


def test_macro_f1_and_median_and_haversine():
    assert macro_f1({"A": PRF(tp=1), "B": PRF(fn=1)}) == pytest.approx(0.5)
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([]) is None
    one_degree = 2 * math.pi * 6371.0088 / 360
    assert haversine_km(0, 0, 0, 1) == pytest.approx(one_degree)
    assert haversine_km(10, 20, 10, 20) == 0.0


# -- readers ---------------------------------------------------------------------------------


PLOVER_TEXT = "Norway and Chile signed a fishing accord on Friday."


def _plover_file(tmp_path: Path, records) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


def test_read_plover_records(tmp_path):
    path = _plover_file(tmp_path, [{
        "id": "r1", "date": "2001-02-03", "event": "DEMAND", "text": PLOVER_TEXT,
        "source": [{"actorText": "Norway", "code": "NOR"}, {"actorText": "Chile", "code": "JAP"}],
        "target": "",
        "textInfo": {"markup": "(SRC: Norway) and (SRC: Chile) (EVT: signed) a (EVT: fishing accord) on Friday."},
    }])
    [record] = read_plover(path)
    assert record.target == []
    assert [p.code for p in record.source] == ["NOR", "JAP"]
    assert [PLOVER_TEXT[s:e] for s, e in record.triggers] == ["signed", "fishing accord"]
    assert events.gold_type(record) == "REQUEST"
    assert events.gold_countries(record.source) == {"NOR", "JPN"}
    assert map_country("IGO") == "IGO" and map_country("UNO") == "IGO" and map_country("") is None
    assert [map_country(code) for code in ("NGO", "IMG", "ISM")] == ["NGO", "IMG", "ISM"]  # written as we do


def test_read_plover_errors_name_file_and_record(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[{", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="bad.json: not JSON"):
        read_plover(bad)
    path = _plover_file(tmp_path, [{"id": "x7", "event": "AGREE"}])
    with pytest.raises(GoldFormatError, match="record x7: field 'text'"):
        read_plover(path)
    with pytest.raises(GoldFormatError, match="no such file"):
        read_plover(tmp_path / "missing.json")


BRAT_TEXT = (
    '"We will rebuild the bridge," the mayor said.\n'
    "Officials believe the storm caused the damage.\n"
)
# T1 Content '"We will rebuild the bridge,"' is direct; T4 content is an indirect belief
BRAT_ANN = (
    "T1\tContent 0 29\t\"We will rebuild the bridge,\"\n"
    "T2\tSource 30 39\tthe mayor\n"
    "T3\tCue 40 44\tsaid\n"
    "E1\tAttribution:T3 Content:T1 Source:T2 Cue:T3\n"
    "T4\tContent 55 66;67 91\tthe storm caused\n"
    "the damage\n"
    "T5\tCue 46 54;55 55\tbelieve\n"
    "E2\tAttribution-no-source:T5 Content:T4 Cue:T5\n"
    "#1\tAnnotatorNotes T4\ta note\n"
)


def _brat_dir(tmp_path: Path, ann: str = BRAT_ANN) -> Path:
    root = tmp_path / "brat"
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "storm.txt").write_text(BRAT_TEXT, encoding="utf-8")
    (root / "attributions" / "storm_aa.ann").write_text(ann, encoding="utf-8")
    (root / "attributions" / "storm_zz.ann").write_text("T1\tContent 0 5\tx\nE1\tAttribution:T1 Content:T1\n", encoding="utf-8")
    return root


def test_read_attributions_first_annotator_discontinuous_and_kinds(tmp_path):
    [doc] = read_attributions(_brat_dir(tmp_path))
    assert doc.annotator == "aa"
    direct, indirect = doc.attributions
    assert direct.content == (0, 29) and direct.source == (30, 39) and direct.direct
    assert indirect.content == (55, 91) and indirect.source is None and not indirect.direct
    assert indirect.fragments == ((55, 66), (67, 91)) and direct.fragments == ()
    assert BRAT_TEXT[indirect.content[0] : indirect.content[1]].endswith("the damage")


def test_read_attributions_errors(tmp_path):
    root = _brat_dir(tmp_path, "T1\tContent 0 x\tbad\n")
    with pytest.raises(GoldFormatError, match="storm_aa.ann: line 1: bad offsets"):
        read_attributions(root)
    (root / "attributions" / "storm_aa.ann").write_text("T1\tContent 0 999\tx\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="outside the text"):
        read_attributions(root)
    (root / "attributions" / "storm_aa.ann").write_text("E1\tAttribution:T9 Content:T8\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="unknown span 'T9'"):
        read_attributions(root)
    with pytest.raises(GoldFormatError, match="text/ and attributions/"):
        read_attributions(tmp_path / "brat" / "text")


def test_quote_marked():
    text = 'He said: “Fine.” Then she said it was not.'
    assert quote_marked(text, 10, 15)  # content without its marks
    assert quote_marked(text, 9, 16)  # content with them
    assert not quote_marked(text, 31, 42)
    typewriter = "He said: ''We will stay,'' and left. ``Never,'' she said."
    assert quote_marked(typewriter, 11, 24)  # ''We will stay,''
    assert quote_marked(typewriter, 39, 45)  # ``Never,''
    assert not quote_marked(typewriter, 27, 35)  # and left


GWN_XML = """<articles><article file="7"><title>t</title><link>https://news.example/7</link><text>Floods hit Ghent and Belgian towns.</text>
<toponyms>
<toponym><extractedName>Ghent</extractedName><type>Literal</type><start>11</start><end>16</end>
<geonamesID>2797656</geonamesID><latitude>51.05</latitude><longitude>3.72</longitude></toponym>
<toponym><extractedName>Ghent</extractedName><type>Non_Toponym</type><start>11</start><end>16</end></toponym>
<toponym><extractedName>towns</extractedName><type>Literal_Expression</type><start>29</start><end>34</end></toponym>
<toponym><extractedName>Belgian</extractedName><type>Non_Literal_Modifier</type><start>21</start><end>28</end>
<latitude>50.5</latitude><longitude>4.5</longitude></toponym>
<toponym><extractedName>Gh</extractedName><type>Literal</type><start>-5</start><end>-3</end></toponym>
</toponyms></article></articles>"""

LGL_XML = """<articles><article docid="42"><url> https://paper.example/42 </url><text>Rain in Tulsa today.</text><toponyms>
<toponym><start>8</start><end>13</end><phrase>Tulsa</phrase>
<gaztag geonameid="4553433"><name>Tulsa</name><lat>36.15</lat><lon>-95.99</lon>
<country geonameid="6252001">United States</country></gaztag></toponym>
<toponym><start>0</start><end>4</end><phrase>Rain</phrase></toponym>
</toponyms></article></articles>"""

# offsets one character late, as GeoVirus has them
GEOVIRUS_XML = """<articles><article><source>u</source><text>Cases rose in Lagos.</text><locations>
<location><name>Lagos</name><start>15</start><end>20</end><lat>6.45</lat><lon>3.39</lon><page>p</page></location>
</locations></article></articles>"""


def test_read_toponyms_three_schemas(tmp_path):
    (tmp_path / "gwn.xml").write_text(GWN_XML, encoding="utf-8")
    [gwn] = read_toponyms(tmp_path / "gwn.xml")
    assert gwn.id == "gwn:7"
    assert [(t.name, t.lat) for t in gwn.toponyms] == [("Ghent", 51.05), ("Belgian", 50.5)]
    assert gwn.toponyms[0].geonameid == 2797656 and gwn.skipped == 1
    assert gwn.url == "https://news.example/7"  # the address names the source (`source_homes`)

    (tmp_path / "lgl.xml").write_text(LGL_XML, encoding="utf-8")
    [lgl] = read_toponyms(tmp_path / "lgl.xml")
    tulsa, rain = lgl.toponyms[1], lgl.toponyms[0]
    assert (tulsa.country, tulsa.lat, tulsa.geonameid) == ("USA", 36.15, 4553433)
    assert rain.lat is None and rain.country is None
    assert lgl.url == "https://paper.example/42"

    (tmp_path / "virus.xml").write_text(GEOVIRUS_XML, encoding="utf-8")
    [virus] = read_toponyms(tmp_path / "virus.xml")
    [lagos] = virus.toponyms
    assert virus.text[lagos.start : lagos.end] == "Lagos" and virus.realigned == 1
    assert virus.url == "u"


def test_read_toponyms_errors(tmp_path):
    (tmp_path / "broken.xml").write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="broken.xml: not well-formed XML"):
        read_toponyms(tmp_path / "broken.xml")
    (tmp_path / "nonum.xml").write_text(LGL_XML.replace("<start>8</start>", "<start>eight</start>"), encoding="utf-8")
    with pytest.raises(GoldFormatError, match="article 42: <start> is not a number"):
        read_toponyms(tmp_path / "nonum.xml")


TML = """<?xml version="1.0" ?>
<TimeML><DOCID>doc1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2003-06-12" functionInDocument="CREATION_TIME">June 12</TIMEX3></DCT>
<TEXT>Talks <EVENT eid="e1" class="OCCURRENCE">ended</EVENT> <TIMEX3 tid="t1" type="DATE" value="2003-06-11">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> &amp; more.</TEXT>
</TimeML>"""


def test_read_timeml_offsets_and_dct(tmp_path):
    (tmp_path / "a.tml").write_text(TML, encoding="utf-8")
    [doc] = read_timeml(tmp_path)
    assert doc.id == "doc1" and doc.dct == "2003-06-12"
    assert doc.text == "Talks ended yesterday after three days & more."
    assert [(doc.text[t.start : t.end], t.type, t.value) for t in doc.timexes] == [
        ("yesterday", "DATE", "2003-06-11"),
        ("three days", "DURATION", "P3D"),
    ]
    (tmp_path / "b.tml").write_text("<TimeML><DOCID>x</DOCID></TimeML>", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="b.tml: no <TEXT>"):
        read_timeml(tmp_path)


def _re3d_dir(tmp_path: Path, entity_line: str) -> Path:
    folder = tmp_path / "re3d" / "Some Site"
    folder.mkdir(parents=True)
    doc = {"_id": "D1", "text": "Colonel Ruiz flew to Quito.", "title": "t"}
    (folder / "documents.json").write_text(json.dumps(doc) + "\n\n", encoding="utf-8")
    (folder / "entities.json").write_text(entity_line + "\n", encoding="utf-8")
    return tmp_path / "re3d"


def test_read_entities_from_subfolders(tmp_path):
    line = json.dumps({"_id": "e", "documentId": "D1", "begin": 21, "end": 26, "type": "Location", "value": "Quito"})
    [doc] = read_entities(_re3d_dir(tmp_path, line))
    assert doc.collection == "Some Site"
    assert [(e.text, e.type) for e in doc.entities] == [("Quito", "Location")]


def test_read_entities_errors(tmp_path):
    line = json.dumps({"documentId": "D2", "begin": 0, "end": 3, "type": "Person"})
    with pytest.raises(GoldFormatError, match="entities.json: line 1: unknown documentId 'D2'"):
        read_entities(_re3d_dir(tmp_path, line))


def test_read_entities_bad_offsets(tmp_path):
    line = json.dumps({"documentId": "D1", "begin": 20, "end": 90, "type": "Person"})
    with pytest.raises(GoldFormatError, match="line 1: span 20-90 outside the text"):
        read_entities(_re3d_dir(tmp_path, line))


def test_read_actor_cases_null_and_empty(tmp_path):
    path = tmp_path / "actors.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "riot police", "country": "", "sector": "COP"}) + "\n"
        + json.dumps({"text": "the Peruvian navy", "country": "PER", "sector": None}) + "\n",
        encoding="utf-8",
    )
    first, second = read_actor_cases(path)
    assert (first.id, first.country, first.sector) == ("a", "", "COP")
    assert (second.id, second.country, second.sector) == ("2", "PER", None)
    path.write_text('{"text": "x"}\n{oops\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="actors.jsonl: line 2: not JSON"):
        read_actor_cases(path)


def _tokens(text: str) -> list[dict]:
    tokens, pos = [], 0
    for i, word in enumerate(text.split()):
        start = text.index(word, pos)
        tokens.append({"text": word, "start": start, "end": start + len(word), "id": i})
        pos = start + len(word)
    return tokens


def test_read_event_locations_uses_token_offsets(tmp_path):
    text = "Gunmen attacked a bus near Port Harcourt ."
    record = {
        "_id": "r1", "text": text, "tokens": _tokens(text),
        "spans": [
            {"start": 7, "end": 15, "token_start": 1, "token_end": 1, "label": "VERB"},
            {"start": 0, "end": 0, "token_start": 5, "token_end": 6, "label": "LOCATION"},  # char offsets wrong
        ],
    }
    no_verb = {"_id": "r2", "text": "Nothing.", "tokens": _tokens("Nothing."), "spans": []}
    path = tmp_path / "loc.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps(no_verb) + "\n", encoding="utf-8")
    [gold] = read_event_locations(path)
    assert text[gold.verb[0] : gold.verb[1]] == "attacked"
    assert [text[s:e] for s, e in gold.locations] == ["Port Harcourt"]
    record["spans"][1]["token_end"] = 40
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="line 1: span token_start/token_end outside the tokens"):
        read_event_locations(path)


# -- scorers -----------------------------------------------------------------------------------


def _event(kind: str, trigger: tuple[int, int], actors_: list[str | None], recipients: list[str | None]) -> Event:
    def parties(codes):
        return [Party(text="x", start=0, end=1, country=c) for c in codes]

    return Event(
        id=f"e{trigger[0]}", event=kind, sentence=Offsets(start=0, end=100),
        trigger=Trigger(text="t", start=trigger[0], end=trigger[1]), rule="test",
        actor=parties(actors_), recipient=parties(recipients),
    )


def _plover(rid: str, event: str, source: list[str], target: list[str], triggers) -> PloverRecord:
    return PloverRecord(
        id=rid, text="x" * 100, event=event, date=None,
        source=[PloverParty("s", c, None) for c in source],
        target=[PloverParty("t", c, None) for c in target],
        triggers=triggers,
    )


def test_events_scorer():
    records = [
        _plover("a", "AGREE", ["USA"], ["JOR"], [(10, 16)]),
        _plover("b", "DEMAND", ["JAP"], [], [(5, 9)]),
        _plover("c", "FIGHT", ["SDN"], ["IRQ"], [(0, 4)]),
    ]
    predictions = {
        # a: the event at the gold trigger is chosen over the earlier one
        "a": [_event("CONSULT", (0, 3), ["USA"], []), _event("AGREE", (10, 16), ["USA"], ["JOR"])],
        "b": [_event("ACCUSE", (5, 9), ["JPN"], [])],
    }
    report = Report("events", "-")
    events.score(records, predictions, "dragoman", report)
    assert _row(report, "event type accuracy").counts == {"correct": 1, "total": 3}
    # macro over gold types AGREE (F1 1), REQUEST (0), ASSAULT (0)
    assert _row(report, "event type macro-F1").value == pytest.approx(1 / 3)
    assert _row(report, "actor country accuracy").counts == {"correct": 2, "total": 3}
    assert _row(report, "recipient country accuracy").counts == {"correct": 1, "total": 2}
    # a: AGREE/USA/JOR right, CONSULT/USA/- spurious; b: ACCUSE/JPN/- vs REQUEST/JPN/-; c: missed
    assert _row(report, "(type, actor country, recipient country) triple F1").counts == {"tp": 1, "fp": 2, "fn": 2}
    assert {m.doc_id for m in report.misses} == {"b", "c"}
    # per gold type, with the gold count beside it
    assert _row(report, "AGREE F1").value == 1.0 and _row(report, "AGREE F1").counts["gold"] == 1
    assert _row(report, "REQUEST F1").value == 0.0 and _row(report, "REQUEST F1").counts["fn"] == 1


def _quote(kind: str, span: tuple[int, int], speaker: tuple[int, int] | None) -> Quote:
    who = Speaker(text="s", start=speaker[0], end=speaker[1]) if speaker else None
    return Quote(id="q", kind=kind, text="q", start=span[0], end=span[1], speaker=who)


def test_quotes_scorer():
    doc = AttributionDoc("storm", BRAT_TEXT, "aa", [
        Attribution(content=(0, 29), source=(30, 39), cue=(40, 44), direct=True),
        Attribution(content=(55, 91), source=None, cue=(46, 54), direct=False),
        Attribution(content=(92, 95), source=(46, 54), cue=None, direct=False),
    ])
    predictions = {"storm": [
        _quote("direct", (1, 27), (34, 39)),  # matches the direct quote, speaker inside "the mayor"
        _quote("indirect", (92, 95), (0, 3)),  # matches the third, wrong speaker
        _quote("indirect", (40, 54), None),  # spurious
    ]}
    report = Report("quotes", "-")
    quotes.score([doc], predictions, "dragoman", report)
    assert _row(report, "quote F1").counts == {"tp": 2, "fp": 1, "fn": 1}
    assert _row(report, "direct quote F1").counts == {"tp": 1, "fp": 0, "fn": 0}
    assert _row(report, "indirect quote F1").counts == {"tp": 1, "fp": 1, "fn": 1}
    assert _row(report, "speaker accuracy (matched quotes)").counts == {"correct": 1, "total": 2}
    assert _row(report, "speaker accuracy (direct)").counts == {"correct": 1, "total": 1}
    assert _row(report, "speaker accuracy (indirect)").counts == {"correct": 0, "total": 1}


def test_quotes_scorer_pieces_of_a_discontinuous_content_are_not_false_positives():
    split = Attribution(content=(0, 40), source=None, cue=None, direct=True, fragments=((0, 15), (25, 40)))
    whole = Attribution(content=(50, 70), source=None, cue=None, direct=True)
    doc = AttributionDoc("d", "x" * 80, "aa", [split, whole])
    predictions = {"d": [
        _quote("direct", (0, 15), None), _quote("direct", (25, 40), None),  # the two pieces
        _quote("direct", (50, 60), None), _quote("direct", (60, 70), None),  # a continuous one split
    ]}
    report = Report("quotes", "-")
    quotes.score([doc], predictions, "dragoman", report)
    assert _row(report, "quote F1").counts == {"tp": 2, "fp": 1, "fn": 0}
    assert _row(report, "direct quote F1").counts == {"tp": 2, "fp": 1, "fn": 0}


def _place(span: tuple[int, int], lat, lon, country=None) -> Place:
    return Place(text="p", start=span[0], end=span[1], lat=lat, lon=lon, country=country)


def test_places_scorer_and_baseline_resolver():
    one_degree = haversine_km(0, 0, 0, 1)
    docs = [
        ToponymDoc("d1", "x" * 50, [Toponym(0, 5, "A", 0.0, 0.0, "AAA"), Toponym(10, 15, "B")]),
        ToponymDoc("d2", "x" * 50, [Toponym(0, 5, "D", 10.0, 0.0, "BBB"), Toponym(10, 15, "E", 5.0, 5.0)]),
    ]
    predictions = {
        "d1": [_place((0, 5), 0.0, 1.0, "AAA"), _place((30, 35), 1.0, 1.0)],
        "d2": [_place((0, 5), 0.0, 0.0, "CCC"), _place((10, 15), None, None)],
    }
    report = Report("places", "-")
    places.score(docs, predictions, "dragoman", report)
    assert _row(report, "toponym F1").counts == {"tp": 3, "fp": 1, "fn": 1}
    assert _row(report, "resolution accuracy@161km").counts == {"correct": 1, "total": 3}
    median_row = _row(report, "median error")
    assert median_row.value == pytest.approx((one_degree + 10 * one_degree) / 2, rel=1e-3)
    assert median_row.counts == {"resolved": 2}
    assert _row(report, "country accuracy").counts == {"correct": 1, "total": 2}

    def everything_at_origin(place):
        return places.Point(0.0, 0.0, "AAA")

    places.score(docs, predictions, "baseline", report, everything_at_origin, prefix="b: ")
    assert _row(report, "b: resolution accuracy@161km", "baseline").counts == {"correct": 1, "total": 3}


def test_dates_gold_intervals():
    import datetime as dt

    d = dt.date
    assert dates.gold_interval("1998-W02") == (d(1998, 1, 5), d(1998, 1, 11))
    assert dates.gold_interval("1989-Q3") == (d(1989, 7, 1), d(1989, 9, 30))
    assert dates.gold_interval("1998-02") == (d(1998, 2, 1), d(1998, 2, 28))
    assert dates.gold_interval("1998-01-08T14:00") == (d(1998, 1, 8), d(1998, 1, 8))
    assert dates.gold_interval("PRESENT_REF") is None
    assert dates.gold_interval("1989-WXX") is None


def test_dates_scorer():
    text = "On May 9 and last month, for two weeks, until now; also Friday."
    gold = TimeDoc("t", text, "2001-05-10", [
        Timex(3, 8, "May 9", "DATE", "2001-05-09"),
        Timex(13, 23, "last month", "DATE", "2001-04"),
        Timex(29, 38, "two weeks", "DURATION", "P2W"),
        Timex(46, 49, "now", "DATE", "PRESENT_REF"),
    ])
    mentions = [
        DateMention(text="May 9", start=3, end=8, value="2001-05-09", precision="day"),
        DateMention(text="last month", start=13, end=23, first="2001-04-01", last="2001-04-30", precision="month"),
        DateMention(text="two weeks", start=29, end=38),  # on a DURATION: not counted
        DateMention(text="now", start=46, end=49, value="2001-05-10", precision="day"),
        DateMention(text="Friday", start=56, end=62, value="2001-05-04", precision="day"),  # spurious
    ]
    report = Report("dates", "-")
    dates.score([gold], {"t": mentions}, "dragoman", report)
    assert _row(report, "time expression (DATE, TIME) F1").counts == {"tp": 3, "fp": 1, "fn": 0}
    assert _row(report, "DATE value accuracy (matched)").counts == {"correct": 2, "total": 2}
    assert _row(report, "matched DATE values not a calendar interval").counts == {"unscored": 1}


def test_entities_scorer_per_type():
    text = "Major Ode met envoys in Accra about drones."
    doc = EntityDoc("d", text, [
        GoldEntity(0, 9, "Person", "Major Ode"),
        GoldEntity(24, 29, "Location", "Accra"),
        GoldEntity(36, 42, "Weapon", "drones"),
    ])
    predicted = [
        Entity(text="Ode", label="PERSON", start=6, end=9),
        Entity(text="Accra", label="GPE", start=24, end=29),
        Entity(text="envoys", label="ORG", start=14, end=20),
        Entity(text="drones", label="NORP", start=36, end=42),  # wrong type: no match
        Entity(text="about", label="LAW", start=30, end=35),  # no re3d type: ignored
    ]
    report = Report("entities", "-")
    entities.score([doc], {"d": predicted}, "dragoman", report)
    assert _row(report, "Person F1").counts == {"tp": 1, "fp": 0, "fn": 0}
    assert _row(report, "Location F1").counts == {"tp": 1, "fp": 0, "fn": 0}
    assert _row(report, "Organisation F1").counts == {"tp": 0, "fp": 1, "fn": 0}
    assert _row(report, "Nationality F1").counts == {"tp": 0, "fp": 1, "fn": 0}
    assert _row(report, "entity (types with a mapping) F1").counts == {"tp": 2, "fp": 2, "fn": 0}
    assert _row(report, "entity (all gold types) F1").counts == {"tp": 2, "fp": 2, "fn": 1}



def test_claims_scorer_recall_of_quantities_and_money():
    text = "Rebels seized 40 trucks and $2m in cash over three days; 7 people fled."

    def span(words: str) -> tuple[int, int]:
        return text.index(words), text.index(words) + len(words)

    doc = EntityDoc("d", text, [
        GoldEntity(*span("40"), "Quantity", "40"),
        GoldEntity(*span("$2m"), "Money", "$2m"),
        GoldEntity(*span("three days"), "Temporal", "three days"),
        GoldEntity(*span("7"), "Quantity", "7"),
    ])
    ours = [span("40 trucks"), span("$2m"), span("three days"), span("Rebels")]  # the last: no gold confirms it
    report = Report("claims", "-")
    claims.score([doc], {"d": ours}, "dragoman", report)
    assert _row(report, "Quantity recall").counts == {"correct": 1, "total": 2}
    assert _row(report, "Money recall").counts == {"correct": 1, "total": 1}
    assert _row(report, "claims overlapping a numeric gold span").counts == {"correct": 3, "total": 4}
    assert [m.kind for m in report.misses] == ["missed Quantity"]

def test_actors_scorer_null_means_unchecked_and_empty_means_none():
    cases = [
        ActorCase("1", "a", "USA", "GOV"),
        ActorCase("2", "b", "", "MIL"),
        ActorCase("3", "c", "RUS", None),
        ActorCase("4", "d", None, "REB"),
    ]
    answers = {"1": ("USA", "GOV"), "2": (None, "MIL"), "3": ("UKR", "MIL"), "4": ("SYR", None)}
    report = Report("actors", "-")
    actors.score(cases, lambda case: answers[case.id], "dragoman", report)
    assert _row(report, "country accuracy").counts == {"correct": 2, "total": 3}
    assert _row(report, "sector accuracy").counts == {"correct": 2, "total": 3}
    assert _row(report, "country and sector accuracy").counts == {"correct": 2, "total": 2}
    assert [m.doc_id for m in report.worst(5)] == ["3", "4"]


def test_event_location_scorer_and_choice():
    records = [
        LocationRecord("1", "x" * 40, (5, 10), [(20, 30)]),
        LocationRecord("2", "x" * 40, (5, 10), [(20, 30)]),
        LocationRecord("3", "x" * 40, (5, 10), []),
        LocationRecord("4", "x" * 40, (5, 10), []),
    ]
    report = Report("event-location", "-")
    event_location.score(records, [(22, 30), (0, 4), None, (20, 30)], "dragoman", report)
    assert _row(report, "event location accuracy").counts == {"correct": 2, "total": 4}
    assert _row(report, "accuracy where gold has a location").counts == {"correct": 1, "total": 2}
    assert _row(report, "accuracy where gold has none (answer none)").counts == {"correct": 1, "total": 2}

    at_verb = _event("ASSAULT", (6, 9), [], [])
    at_verb.place = Place(text="p", start=20, end=30)
    assert event_location.event_place([_event("PROTEST", (30, 35), [], []), at_verb], (5, 10)) == (True, (20, 30))
    assert event_location.event_place([_event("PROTEST", (30, 35), [], [])], (5, 10)) == (False, None)


# -- output, CLI, report -------------------------------------------------------------------------


def _tiny_report() -> Report:
    report = Report("toy", "gold.json", documents=2)
    report.add_prf("dragoman", "thing", PRF(tp=3, fp=1, fn=0))
    report.add_prf("baseline: simple", "thing", PRF(tp=1, fp=1, fn=2))
    report.notes.append("a note")
    return report


def test_render_text_and_markdown_show_baseline_side_by_side():
    text = render_text(_tiny_report())
    header, *lines = text.splitlines()[1:4]
    assert "dragoman" in header and "baseline: simple" in header
    assert lines[0].startswith("thing precision") and "0.750" in lines[0] and "0.500" in lines[0]
    markdown = render_markdown(_tiny_report())
    assert "| thing F1 | 0.857 | tp=3 fp=1 fn=0 | 0.400 | tp=1 fp=1 fn=2 |" in markdown
    assert "- a note" in markdown


def test_replace_generated_keeps_the_hand_written_part():
    page = f"# Evaluation\n\nDefinitions.\n\n{MARKER}\nold tables\n"
    assert replace_generated(page, "new tables\n") == f"# Evaluation\n\nDefinitions.\n\n{MARKER}\nnew tables\n"
    assert replace_generated("# no marker\n", "t\n") == f"# no marker\n\n{MARKER}\nt\n"


@pytest.fixture()
def actors_file(tmp_path) -> Path:
    path = tmp_path / "actors.jsonl"
    path.write_text(
        json.dumps({"text": "the Kenyan army", "country": "KEN", "sector": "MIL"}) + "\n"
        + json.dumps({"text": "protesters", "country": "", "sector": None}) + "\n",
        encoding="utf-8",
    )
    return path


def test_cli_json_output(actors_file):
    result = CliRunner().invoke(eval_command, ["actors", str(actors_file), "--json", "--errors", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["task"] == "actors" and data["documents"] == 2
    systems = {row["system"] for row in data["rows"]}
    assert systems == {"dragoman", "baseline: country name only"}
    country = next(r for r in data["rows"] if r["system"] == "dragoman" and r["metric"] == "country accuracy")
    assert country["counts"]["total"] == 2


def test_cli_limit_and_bad_gold(actors_file, tmp_path):
    result = CliRunner().invoke(eval_command, ["actors", str(actors_file), "--limit", "1"])
    assert result.exit_code == 0 and "(1 documents)" in result.output
    result = CliRunner().invoke(eval_command, ["dates", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "nowhere: no such file or directory" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"country": "KEN"}\n', encoding="utf-8")
    result = CliRunner().invoke(eval_command, ["actors", str(bad)])
    assert result.exit_code == 2 and "bad.jsonl: line 1: field 'text'" in result.output


def test_cli_places_directory_without_xml(tmp_path):
    result = CliRunner().invoke(eval_command, ["places", str(tmp_path)])
    assert result.exit_code == 2 and "no .xml files" in result.output


def test_textacy_baseline_counts_a_refused_document_as_finding_nothing():
    pytest.importorskip("textacy")
    from dragoman.annotate.nlp import load_nlp
    from dragoman.evaluate.quotes import BailedOut, textacy_quotes

    refused = textacy_quotes(load_nlp()('He said "yes and she said "no" to them.'))
    assert isinstance(refused, BailedOut) and refused == []
    [quote] = textacy_quotes(load_nlp()('"We will stay," the minister said.'))
    assert quote.text.startswith('"We will stay')


def test_actor_gold_in_other_vocabularies_is_mapped_to_ours():
    from dragoman.evaluate.actors import _gold_country

    assert _gold_country("UNO") == "IGO" and _gold_country("EUR") == "IGO"
    assert _gold_country("JAP") == "JPN" and _gold_country("SAU") == "SAU"
    assert _gold_country("") == "" and _gold_country("NGO") == "NGO" and _gold_country("IMG") == "IMG"
