"""`dragoman eval rne|case2021|ipe` and the tune/blind halves, on tiny gold files.

Each gold file is written here in its corpus's format, in our own words, and our
"output" is a saved-extract file of hand-built events (`--predictions`), so no
spaCy model is loaded and every figure can be checked by hand.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import msgspec
import pytest
from click.testing import CliRunner

from dragoman.evaluate import actors as actors_eval, case2021, events as plover_events, halves, ipe, rne
from dragoman.evaluate.cli import eval_command
from dragoman.evaluate.gold import GoldFormatError
from dragoman.evaluate.gold_realnews import ipe_published, read_case2021, read_ipe, read_rne
from dragoman.evaluate.keywords import word_pattern
from dragoman.evaluate.results import Report
from dragoman.records import ArticleRecord, DateMention, Event, Offsets, Party, Trigger


def _value(report: Report, metric: str, system: str = "dragoman"):
    row = report.cell(system, metric)
    assert row is not None, f"no row {metric!r} for {system}"
    return row.value


def _event(kind: str, text: str, trigger: str, *, mode=None, status="occurred", actor=(), dead=None, after: int = 0) -> Event:
    """One of our events whose trigger is the first `trigger` in `text` at or after `after`;
    `actor` holds (text, country, sector) triples."""
    start = text.index(trigger, after)
    return Event(
        id=f"E{start}", event=kind, mode=mode, status=status, dead=dead, rule="test",
        sentence=Offsets(start=0, end=len(text)), trigger=Trigger(text=trigger, start=start, end=start + len(trigger)),
        actor=[Party(text=t, start=0, end=1, country=c, sector=s) for t, c, s in actor],
    )


def _save(path: Path, events_by_id: dict[str, list[Event]]) -> Path:
    lines = [msgspec.json.encode(ArticleRecord(id=i, text_sha256="-", events=evs)).decode() for i, evs in events_by_id.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- halves --------------------------------------------------------------------------------------


def test_half_follows_the_hash_of_the_id():
    for item_id in ("a1", "a3", "8", 7, "beta"):
        digest = int(hashlib.sha256(str(item_id).encode()).hexdigest()[:8], 16)
        assert halves.half_of(item_id) == ("tune" if digest % 2 == 0 else "blind")
    assert [halves.half_of(i) for i in ("a1", "a3", "8", 7)] == ["blind", "tune", "tune", "blind"]
    assert halves.half_of(7) == halves.half_of("7")  # an int id and its string are one item


def test_select_keeps_order_and_parts_cover_every_item():
    ids = ["a1", "a2", "a3", "a4", "7", "8"]
    tune, blind = halves.select(ids, "tune", str), halves.select(ids, "blind", str)
    assert tune == ["a3", "a4", "8"] and blind == ["a1", "a2", "7"]
    assert halves.select(ids, "all", str) == ids
    assert halves.parts(ids, str, by_half=False) == [("", ids)]
    assert halves.parts(ids, str, by_half=True) == [("all: ", ids), ("tune: ", tune), ("blind: ", blind)]
    with pytest.raises(ValueError):
        halves.select(ids, "half", str)


# -- rne -----------------------------------------------------------------------------------------

RNE_TEXT = (
    "Rebels shelled the river town of Maru on Monday. "
    "The shelling of Maru drew wide condemnation. "
    "Farmers in the valley harvested an early crop. "
    "Officials in Juba promised to send food aid."
)


def _rne_gold(tmp_path: Path) -> Path:
    text = RNE_TEXT
    bounds, at = [], 0
    for piece in text.split(". "):
        end = at + len(piece) + (0 if piece.endswith(".") else 1)
        bounds.append([at, end])
        at = end + 1

    def mention(s, trigger, kind, happening, status="occurred"):
        start = text.index(trigger)
        return {"s": s, "trigger": trigger, "start": start, "end": start + len(trigger), "event": kind, "mode": None,
                "status": status, "background": False, "sentence": bounds[s], "happening": happening,
                "actor": [{"text": "Rebels", "country": "SSD", "sector": "REB"}], "recipient": []}

    article = {"id": "maru", "published": None, "text": text, "sentences": bounds, "events": [
        mention(0, "shelled", "ASSAULT", "h1"),
        mention(1, "shelling", "ASSAULT", "h1"),  # the same happening, told again
        mention(3, "aid", "AID", "h2", status="future"),
    ]}
    path = tmp_path / "rne.jsonl"
    path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    return path


def test_rne_counts_a_happening_once_and_a_sentence_without_events_as_a_false_alarm(tmp_path):
    ours = [
        _event("ASSAULT", RNE_TEXT, "shelled", actor=[("Rebels", "SSD", "REB")]),  # found, fully right
        _event("ASSAULT", RNE_TEXT, "shelling"),  # the same happening again, actor country missing
        _event("ASSAULT", RNE_TEXT, "harvested"),  # a sentence that reports no event
    ]  # the promised aid (h2) is missed
    report = rne.evaluate(_rne_gold(tmp_path), predictions=_save(tmp_path / "out.jsonl", {"maru": ours}))
    assert _value(report, "happening precision") == pytest.approx(2 / 3)
    assert _value(report, "happening recall") == pytest.approx(1 / 2)  # h1 found (twice), h2 missed
    assert _value(report, "happening F1") == pytest.approx(2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2))
    assert _value(report, "fully-right happening precision") == pytest.approx(1 / 3)
    assert _value(report, "fully-right happening F1") == pytest.approx(0.4)
    assert _value(report, "actor country accuracy") == pytest.approx(1 / 2)
    assert _value(report, "recipient country accuracy") is None  # no gold recipient names a country
    assert _value(report, "false alarms per 100 sentences") == pytest.approx(25.0)
    kinds = sorted(m.kind for m in report.misses)
    # the two shellings (one gold happening) are not given one `happening`: a missed link
    assert kinds == ["false alarm", "missed happening", "missed link", "wrong actor country"]


def test_rne_lists_each_wrong_side_of_a_pair_and_the_command_filters_by_kind(tmp_path):
    gold = _rne_gold(tmp_path)
    ours = [
        _event("ASSAULT", RNE_TEXT, "shelled", status="future", actor=[("Rebels", "KEN", "REB")]),  # two sides wrong
        _event("ASSAULT", RNE_TEXT, "shelling", actor=[("Rebels", "SSD", "REB")]),  # fully right
    ]
    saved = _save(tmp_path / "out.jsonl", {"maru": ours})
    report = rne.evaluate(gold, predictions=saved)
    actor = report.cell("dragoman", "actor country accuracy").counts
    listed = report.worst(100, "actor country")
    assert len(listed) == actor["total"] - actor["correct"] == 1  # as many as the accuracy counts wrong
    assert "KEN" in listed[0].predicted and "SSD" in listed[0].gold and "[[shelled]]" in listed[0].context
    assert [m.kind for m in report.worst(100, "status")] == ["wrong status"]
    result = CliRunner().invoke(eval_command, ["rne", str(gold), "--predictions", str(saved), "--errors", "50",
                                               "--only", "actor country", "--json"])
    assert result.exit_code == 0, result.output
    assert [m["kind"] for m in json.loads(result.output)["misses"]] == ["wrong actor country"]


def test_rne_pairs_one_to_one_by_type_preferring_the_overlapping_trigger(tmp_path):
    article = read_rne(_rne_gold(tmp_path))[0]
    twice = [_event("ASSAULT", RNE_TEXT, "Maru"), _event("ASSAULT", RNE_TEXT, "shelled"),
             _event("AID", RNE_TEXT, "shelled")]
    pairs = rne.pair_events(article.mentions[:1], twice)
    assert pairs == [(0, 1)]  # the overlapping trigger wins; the AID never pairs with an ASSAULT


def test_rne_status_historical_reads_as_occurred_and_countries_must_be_a_subset(tmp_path):
    mention = read_rne(_rne_gold(tmp_path))[0].mentions[0]
    assert rne.same_status(mention, _event("ASSAULT", RNE_TEXT, "shelled", status="historical"))
    assert not rne.same_status(mention, _event("ASSAULT", RNE_TEXT, "shelled", status="future"))
    gold = frozenset({"SSD", "SDN"})
    assert rne.countries_agree(gold, [Party(text="x", start=0, end=1, country="SDN")])
    assert not rne.countries_agree(gold, [Party(text="x", start=0, end=1, country="KEN")])
    assert not rne.countries_agree(gold, [])
    assert rne.countries_agree(frozenset(), [])
    # gold codes are compared as written, as the reference scorer does: CAMEO's IMG is no code of ours
    assert not rne.countries_agree(frozenset({"IMG"}), [])
    assert not rne.countries_agree(frozenset({"IMG"}), [Party(text="x", start=0, end=1, country="SYR")])


def _dated(gold_path: Path, dates: list) -> Path:
    """The tiny gold with a date on each mention, in order."""
    article = json.loads(gold_path.read_text(encoding="utf-8"))
    for mention, when in zip(article["events"], dates):
        mention["date"] = when
    gold_path.write_text(json.dumps(article) + "\n", encoding="utf-8")
    return gold_path


def _when(value=None, first=None, last=None) -> DateMention:
    return DateMention(text="", start=0, end=0, value=value, first=first, last=last)


def test_rne_date_agrees_by_prefix_as_the_reference_scorer_does():
    assert rne.date_agrees("2021-06-14", _when("2021-06-14"))
    assert rne.date_agrees("2021-06", _when("2021-06-14"))  # a day within the gold month
    assert rne.date_agrees("2021", _when(first="2021-03-01", last="2021-03-31"))
    assert not rne.date_agrees("2021-06-14", _when("2021-06-13"))
    # a range that holds the gold day is not right unless one of its bounds is that day
    assert not rne.date_agrees("2021-06-14", _when(first="2021-06-01", last="2021-06-30"))
    assert rne.date_agrees("2021-06-14", _when(first="2021-06-14", last="2021-06-20"))
    assert rne.date_agrees("2021-06-14", _when(last="2021-06-14"))  # "on or before publication"
    assert not rne.date_agrees("2021-06-14", None)
    # a month's value holds the gold day, as the scorer reads a month; a year's does not
    assert rne.date_agrees("2021-06-14", _when("2021-06", "2021-06-01", "2021-06-30"))
    assert not rne.date_agrees("2021-06-14", _when("2021", "2021-01-01", "2021-12-31"))
    assert rne.date_agrees("2021", _when("2021", "2021-01-01", "2021-12-31"))


def test_rne_date_accuracy_counts_paired_mentions_with_a_gold_date(tmp_path):
    gold = _dated(_rne_gold(tmp_path), ["2021-06-14", "2021-06", None])
    ours = [
        msgspec.structs.replace(_event("ASSAULT", RNE_TEXT, "shelled"), date=_when("2021-06-14")),
        msgspec.structs.replace(_event("ASSAULT", RNE_TEXT, "shelling"), date=_when(first="2021-05-01", last="2021-05-31")),
        _event("AID", RNE_TEXT, "aid"),  # its gold has no date: not counted
    ]
    report = rne.evaluate(gold, predictions=_save(tmp_path / "out.jsonl", {"maru": ours}))
    assert _value(report, "date accuracy") == pytest.approx(1 / 2)
    assert report.cell("dragoman", "date accuracy").counts == {"correct": 1, "total": 2}
    wrong = [m for m in report.misses if m.kind == "wrong date"]
    assert len(wrong) == 1 and wrong[0].gold == "ASSAULT 2021-06" and "first=2021-05-01" in wrong[0].predicted


def test_rne_reader_wants_dates_as_years_months_or_days(tmp_path):
    gold = _dated(_rne_gold(tmp_path), ["14 June 2021"])
    with pytest.raises(GoldFormatError, match="line 1 event 0: date '14 June 2021'"):
        read_rne(gold)


def test_rne_reader_names_the_line_and_the_problem(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "sentences": [], "events": []}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="line 1: field 'text'"):
        read_rne(bad)


# -- case2021 ------------------------------------------------------------------------------------

CASE_ROWS = [
    ("1", "Jets bombed a fuel depot outside the port overnight.", "AIR_STRIKE"),
    ("2", "Planes struck the ridge while gunmen fired on the convoy.", "AIR_STRIKE"),
    ("3", "A flood swept away two bridges and rescuers fought the current.", "NATURAL_DISASTER"),
    ("4", "A smuggling ring was broken up and its leader arrested.", "ORG_CRIME"),
    ("5", "Nurses marched to the ministry to ask for back pay.", "PEACE_PROTEST"),
    ("6", "Something else happened.", "OTHER"),
]


def _case_gold(tmp_path: Path) -> Path:
    path = tmp_path / "case.tsv"
    path.write_text("id\tEventSnippet\tSubType\n" + "".join(f"{i}\t{t}\t{l}\n" for i, t, l in CASE_ROWS), encoding="utf-8")
    return path


def _case_ours() -> dict[str, list[Event]]:
    text = dict((i, t) for i, t, _l in CASE_ROWS)
    return {
        "1": [_event("ASSAULT", text["1"], "bombed", mode="aerial")],  # a hit at both levels
        "2": [_event("ASSAULT", text["2"], "fired", mode="firearms")],  # right type, wrong mode
        "3": [_event("ASSAULT", text["3"], "fought")],  # a conflict event in a disaster: false alarm
        "4": [_event("COERCE", text["4"], "arrested", mode="arrest")],  # the law's answer to crime
        "5": [_event("PROTEST", text["5"], "marched", mode="demo", status="future")],  # not asserted
        "6": [_event("ASSAULT", text["6"], "happened")],  # OTHER is not scored
    }


def test_case2021_type_and_mode_levels_and_false_alarms(tmp_path):
    report = case2021.evaluate(_case_gold(tmp_path), predictions=_save(tmp_path / "out.jsonl", _case_ours()))
    # type level: ASSAULT tp=2 (rows 1, 2) fp=1 (the flood) -> F1 0.8; PROTEST missed -> 0
    assert _value(report, "type macro-F1") == pytest.approx((0.8 + 0.0) / 2)
    # mode level: ASSAULT/air tp=1 fn=1 -> F1 2/3; PROTEST/peaceful 0; ASSAULT/other has no gold
    assert _value(report, "mode macro-F1") == pytest.approx((2 / 3 + 0.0) / 2)
    assert _value(report, "false-alarm rate, disasters") == 1.0
    assert _value(report, "false-alarm rate, crime") == 1.0
    assert _value(report, "false-alarm rate, crime, law enforcement aside") == 0.0
    missed = {m.doc_id: m for m in report.misses}
    assert set(missed) == {"2", "3", "5"} and missed["3"].kind == "false alarm"


def test_case2021_first_event_decoding_needs_the_first_event_to_fit():
    coded = [("ASSAULT", "firearms"), ("ASSAULT", "aerial")]
    assert case2021.decide("AIR_STRIKE", coded, "mode", "matched") == ("ASSAULT/air", True)
    assert case2021.decide("AIR_STRIKE", coded, "mode", "first event") == ("ASSAULT/other", False)
    assert case2021.decide("NATURAL_DISASTER", [("AID", None)], "type", "matched") == (None, False)


def test_case2021_keyword_baseline_reports_the_labels_class(tmp_path):
    assert case2021.baseline_events("Two warplanes circled, then rebels were detained.") == [
        ("ASSAULT", "aerial"), ("COERCE", "arrest")]
    report = case2021.evaluate(_case_gold(tmp_path), predictions=_save(tmp_path / "out.jsonl", _case_ours()))
    assert report.cell("baseline: keywords", "mode macro-F1") is not None


def test_case2021_reader_wants_the_header(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttext\tlabel\n1\tx\tARREST\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="header"):
        read_case2021(bad)


def test_word_patterns_match_whole_words_with_open_endings():
    pattern = word_pattern(["kidnap*", "tear gas", "mob"])
    assert pattern.search("Gunmen KIDNAPPED a driver")
    assert pattern.search("police fired tear-gas shells")
    assert not pattern.search("the mobile clinic")


# -- ipe -----------------------------------------------------------------------------------------

IPE_SENTENCES = [
    ("This story is from March 4, 2002\n\nsurat: the police arrested six youths near the bus depot.", ["ARREST", "ANY_ACTION"]),
    ("a crowd burnt two handcarts in the old market.", []),
    ("constables opened fire on the mob, killing one man.", ["KILL", "FORCE", "ANY_ACTION"]),
    ("the police did not stop the looting, shopkeepers said.", ["FAIL"]),
]


def _ipe_gold(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "ipe"
    folder.mkdir()
    text = " ".join(s for s, _labels in IPE_SENTENCES)
    doc_labels = sorted({label for _s, labels in IPE_SENTENCES for label in labels})
    (folder / "docs.jsonl").write_text(json.dumps({"doc_id": 41, "doc_text": text, "doc_labels": doc_labels}) + "\n")
    (folder / "sents.jsonl").write_text("".join(
        json.dumps({"doc_id": 41, "sent_id": k, "sent_labels": labels, "sent_text": s}) + "\n"
        for k, (s, labels) in enumerate(IPE_SENTENCES)))
    return folder, text


def test_ipe_police_as_actor_decides_the_labels(tmp_path):
    folder, text = _ipe_gold(tmp_path)
    ours = [
        _event("COERCE", text, "arrested", mode="arrest", actor=[("the police", None, None)]),
        _event("ASSAULT", text, "burnt", mode="primitive", actor=[("a crowd", None, "CVL")]),  # not the police
        _event("ASSAULT", text, "opened fire", actor=[("constables", "IND", None)], dead=1),
        _event("REQUEST", text, "said", actor=[("shopkeepers", None, "BUS")]),
    ]  # the police's failure (FAIL) is missed
    report = ipe.evaluate(folder, predictions=_save(tmp_path / "out.jsonl", {"41": ours}))
    for label in ("KILL", "ARREST", "FORCE", "ANY_ACTION"):
        assert _value(report, f"sentence {label} F1") == 1.0
    assert _value(report, "sentence FAIL F1") == 0.0
    assert _value(report, "sentence macro-F1 without FAIL") == 1.0
    assert _value(report, "sentence macro-F1") == pytest.approx(4 / 5)
    assert _value(report, "document macro-F1 without FAIL") == 1.0
    # taking any actor for the police turns the crowd's arson into police force
    assert _value(report, "sentence FORCE F1", "dragoman, any actor") == pytest.approx(2 / 3)
    assert [(m.doc_id, m.kind, m.gold) for m in report.misses] == [("41/3", "missed", "FAIL")]


def test_ipe_event_labels():
    text = "the police did not stop the looting"
    by_cop = _event("ASSAULT", text, "stop", actor=[("the force", None, "COP")])
    assert ipe.event_labels(by_cop) == {"FORCE", "ANY_ACTION"}
    assert ipe.event_labels(_event("ASSAULT", text, "stop", actor=[("policemen", None, None)], status="negated")) == {"FAIL"}
    assert ipe.event_labels(_event("COERCE", text, "stop", mode="arrest")) == {"ARREST", "ANY_ACTION"}  # agentless
    assert ipe.event_labels(_event("COERCE", text, "stop", mode="arrest", actor=[("rioters", None, None)])) == set()
    assert ipe.event_labels(_event("ASSAULT", text, "stop", actor=[("rioters", None, None)]), police_only=False) == {
        "FORCE", "ANY_ACTION"}


def test_ipe_reader_and_dateline(tmp_path):
    folder, _text = _ipe_gold(tmp_path)
    [doc] = read_ipe(folder / "docs.jsonl")  # either file names the folder
    assert doc.id == "41" and [s.id for s in doc.sentences] == [0, 1, 2, 3]
    assert ipe_published(doc.text) == "2002-03-04"
    (folder / "sents.jsonl").write_text(json.dumps({"doc_id": 9, "sent_id": 0, "sent_text": "x", "sent_labels": []}))
    with pytest.raises(GoldFormatError, match="doc_id 9"):
        read_ipe(folder)


# -- the command ---------------------------------------------------------------------------------


def test_eval_command_scores_saved_output_by_half(tmp_path):
    gold = _case_gold(tmp_path)
    out = _save(tmp_path / "out.jsonl", _case_ours())
    result = CliRunner().invoke(eval_command, ["case2021", str(gold), "--predictions", str(out), "--half", "tune", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["documents"] == len(halves.select([r[0] for r in CASE_ROWS], "tune", str))
    assert "tune half only" in report["notes"]


def test_eval_command_rejects_halves_for_other_kinds_and_bad_predictions(tmp_path):
    gold = _case_gold(tmp_path)
    result = CliRunner().invoke(eval_command, ["places", str(gold), "--half", "blind"])
    assert result.exit_code == 2 and "--half applies to these sets only" in result.output
    result = CliRunner().invoke(eval_command, ["actors", str(gold), "--predictions", str(gold)])
    assert result.exit_code == 2 and "event sets only" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "events": "none"}\n', encoding="utf-8")
    result = CliRunner().invoke(eval_command, ["case2021", str(gold), "--predictions", str(bad)])
    assert result.exit_code == 2
    assert "cannot read the predictions" in result.output and "line 1" in result.output


def test_actor_strings_split_into_halves_by_id(tmp_path):
    ids = [f"case{i}" for i in range(12)]
    gold = tmp_path / "actors.jsonl"
    gold.write_text("".join(json.dumps({"id": i, "text": "the Chilean navy", "country": "CHL", "sector": "MIL"}) + "\n"
                            for i in ids), encoding="utf-8")
    result = CliRunner().invoke(eval_command, ["actors", str(gold), "--half", "tune", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    tune = halves.select(ids, "tune", str)
    assert 0 < len(tune) < len(ids) and report["documents"] == len(tune)
    country = next(r for r in report["rows"] if r["system"] == "dragoman" and r["metric"] == "country accuracy")
    assert country["counts"] == {"correct": len(tune), "total": len(tune)}
    rows = actors_eval.evaluate(gold, by_half=True).rows
    assert {r.metric for r in rows} >= {"all: country accuracy", "tune: sector accuracy", "blind: country accuracy"}


def test_events_task_scores_halves_from_saved_output(tmp_path):
    records = [{"id": rid, "date": "2020-01-01", "event": "PROTEST", "text": "Students marched in the capital.",
                "source": [{"actorText": "Students", "code": "FRA", "sector": "CVL"}], "target": [],
                "textInfo": {"markup": "Students (EVT: marched) in the capital."}} for rid in ("a1", "a3")]
    gold = tmp_path / "gsr.json"
    gold.write_text(json.dumps(records), encoding="utf-8")
    ours = {"a3": [_event("PROTEST", records[1]["text"], "marched", actor=[("Students", "FRA", "CVL")])]}
    report = plover_events.evaluate(gold, predictions=_save(tmp_path / "out.jsonl", ours), by_half=True)
    assert _value(report, "all: event type accuracy") == 0.5  # a1 has no output
    assert _value(report, "tune: event type accuracy") == 1.0  # a3 is in the tune half
    assert _value(report, "blind: event type accuracy") == 0.0


def test_rne_happening_links_are_scored_over_events_that_both_pair(tmp_path):
    gold = _rne_gold(tmp_path)
    shelled, shelling = (_event("ASSAULT", RNE_TEXT, t) for t in ("shelled", "shelling"))
    aid = _event("AID", RNE_TEXT, "aid", status="future")

    def one(event: Event, head: Event) -> Event:
        return msgspec.structs.replace(event, happening=head.id)

    # we join the two reports of the shelling (gold: one happening) and keep the aid apart
    right = [one(shelled, shelled), one(shelling, shelled), one(aid, aid)]
    report = rne.evaluate(gold, predictions=_save(tmp_path / "a.jsonl", {"maru": right}))
    assert _value(report, "happening link precision") == 1.0
    assert _value(report, "happening link recall") == 1.0
    # we also join the aid to the shelling: one link right of three made
    glued = [one(shelled, shelled), one(shelling, shelled), one(aid, shelled)]
    report = rne.evaluate(gold, predictions=_save(tmp_path / "b.jsonl", {"maru": glued}))
    assert _value(report, "happening link precision") == pytest.approx(1 / 3)
    assert _value(report, "happening link recall") == 1.0
    # we keep the two reports apart: no link made, the gold one missed
    apart = [one(shelled, shelled), one(shelling, shelling), one(aid, aid)]
    report = rne.evaluate(gold, predictions=_save(tmp_path / "c.jsonl", {"maru": apart}))
    assert _value(report, "happening link precision") is None
    assert _value(report, "happening link recall") == 0.0


def test_rne_lists_each_missed_and_wrong_link_at_both_triggers(tmp_path):
    gold = _rne_gold(tmp_path)
    shelled, shelling = (_event("ASSAULT", RNE_TEXT, t) for t in ("shelled", "shelling"))
    aid = _event("AID", RNE_TEXT, "aid", status="future")
    ids = [msgspec.structs.replace(e, id=f"E{n}", happening=f"E{n}") for n, e in enumerate((shelled, shelling, aid), 1)]
    report = rne.evaluate(gold, predictions=_save(tmp_path / "apart.jsonl", {"maru": ids}))
    missed = [m for m in report.misses if m.kind == "missed link"]
    assert len(missed) == 1 and "[[shelled]]" in missed[0].context and "[[shelling]]" in missed[0].context
    assert missed[0].gold == "one happening: ASSAULT ~ ASSAULT"
    glued = [msgspec.structs.replace(e, happening="E1") for e in ids]
    report = rne.evaluate(gold, predictions=_save(tmp_path / "glued.jsonl", {"maru": glued}))
    assert sorted(m.kind for m in report.misses if m.kind.endswith(" link")) == ["wrong link", "wrong link"]
