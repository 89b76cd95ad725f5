"""Near-duplicate articles linked instead of extracted twice; articles not in English skipped."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dragoman.cli import main
from dragoman.ingest.language import foreign_language
from dragoman.ingest.near_duplicates import THRESHOLD, signature
from dragoman.ingest.readers import make_article
from dragoman.ingest.screen import Screen
from dragoman.store import Store

WIRE = [
    "Flood waters rose across the southern delta on Thursday, forcing thousands of families to leave their "
    "villages as two rivers burst their banks after a week of heavy rain.",
    "The regional disaster agency said more than 12,000 people had moved to schools and mosques that were "
    "turned into shelters, and that boats were still searching for those stranded on rooftops.",
    "At least nine people have died, according to the agency, most of them swept away while trying to cross "
    "flooded roads in the dark.",
    "The provincial governor asked the national government for helicopters and clean water, saying that local "
    "stocks would run out within three days.",
    "Forecasters expect more rain over the weekend, and the agency warned that a third river could overflow if "
    "the upstream reservoir had to release water.",
    "Aid groups said the greatest risk now was disease, as wells in the low-lying districts had been "
    "contaminated by the flood.",
    "The delta has flooded in four of the last six years, and residents have long complained that promised "
    "embankments were never finished.",
    "The prime minister is due to visit the area on Saturday, his office said.",
]
UPDATE = WIRE[:3] + [
    "The provincial governor said on Friday that the army had sent four helicopters and two water purification "
    "units, but that far more were needed to reach the outlying islands."
] + WIRE[4:]
OTHER = [
    "Farmers in the southern delta say the floods of recent years have ruined three harvests in a row, and many "
    "are now leaving rice for fish ponds.",
    "A survey by the agriculture ministry found that the area planted with rice had fallen by a fifth since the "
    "last census, while aquaculture had doubled.",
    "Economists warn the shift could leave the country more dependent on imported grain, and the ministry is "
    "drafting a plan to pay farmers to keep their paddies.",
    "Local officials say the money will matter less than the embankments that were promised after the last "
    "great flood and never built.",
]
FRENCH = ("Les eaux ont monté dans tout le delta du sud jeudi, obligeant des milliers de familles à quitter leurs "
          "villages après une semaine de fortes pluies. L'agence régionale des catastrophes a indiqué que plus de "
          "douze mille personnes avaient trouvé refuge dans des écoles.")
GERMAN = ("Das Hochwasser im südlichen Delta ist am Donnerstag weiter gestiegen, und tausende Familien mussten ihre "
          "Dörfer verlassen, nachdem zwei Flüsse nach einer Woche starken Regens über die Ufer getreten waren.")


def _text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def test_a_republished_or_updated_story_is_a_near_duplicate_and_another_story_on_the_topic_is_not():
    wire, update, other = (signature(_text(p)) for p in (WIRE, UPDATE, OTHER))
    assert wire.similarity(signature(_text(WIRE))) == 1.0
    assert wire.similarity(update) >= THRESHOLD + 0.15
    assert wire.similarity(other) < 0.1
    assert signature("  ,, ") is None


def test_the_screen_passes_originals_and_sets_copies_and_foreign_texts_aside():
    notes = []
    screen = Screen(on_note=notes.append)
    articles = [
        make_article(_text(WIRE), id="wire", title="Floods force thousands from delta villages"),
        make_article(_text(UPDATE), id="outlet", title="Army helicopters sent to flooded delta"),
        make_article(_text(OTHER), id="farms"),
        make_article(FRENCH, id="fr"),
        make_article(GERMAN, id="de"),
    ]
    assert [a.id for a in screen(articles)] == ["wire", "farms"]
    assert screen.counts == {"near-duplicates": 1, "skipped: not English": 2}
    assert notes[0].startswith("outlet: near-duplicate of wire (similarity ")
    assert notes[1] == "fr: skipped: not English (identified as 'fr', probability 1.00)"
    assert screen.summary() == ", 1 near-duplicates, 2 skipped: not English"


def test_english_with_foreign_names_or_few_words_is_kept():
    assert foreign_language(_text(WIRE)) is None
    assert foreign_language("Le Monde and Der Spiegel reported the talks.") is None  # too little to tell
    assert foreign_language(FRENCH).code == "fr"


def test_ingest_links_copies_in_the_run_and_against_the_store(tmp_path, store_target):
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join(json.dumps(r) for r in [
        {"id": "wire", "text": _text(WIRE), "source": "Wire Service", "published": "2024-06-06"},
        {"id": "outlet", "text": _text(UPDATE), "source": "Daily Outlet", "title": "Army helicopters sent"},
        {"id": "fr", "text": FRENCH, "source": "Le Quotidien"},
    ]) + "\n")
    result = CliRunner().invoke(main, ["ingest", str(first), "--db", store_target])
    assert result.exit_code == 0, result.stderr
    assert "1 added, 0 already stored, 0 failed, 1 near-duplicates, 1 skipped: not English" in result.stderr
    assert "outlet: near-duplicate of wire" in result.stderr

    second = tmp_path / "second.jsonl"
    copy = _text(WIRE).replace("Thursday", "Thursday morning")
    second.write_text("\n".join(json.dumps(r) for r in [
        {"id": "reprint", "text": copy, "source": "Evening Paper", "url": "https://paper.example/floods"},
        {"id": "farms", "text": _text(OTHER), "source": "Farm Weekly"},
    ]) + "\n")
    result = CliRunner().invoke(main, ["ingest", str(second), "--db", store_target])
    assert result.exit_code == 0, result.stderr
    assert "1 added, 0 already stored, 0 failed, 1 near-duplicates\n" in result.stderr

    with Store.open(store_target, read_only=True) as store:
        assert sorted(a.id for a in store.articles()) == ["farms", "wire"]
        links = store.near_duplicates()
        assert [(d.id, d.original_id, d.source) for d in links] == [
            ("outlet", "wire", "Daily Outlet"), ("reprint", "wire", "Evening Paper")]
        assert links[1].url == "https://paper.example/floods" and links[1].similarity >= THRESHOLD

    again = CliRunner().invoke(main, ["ingest", str(first), str(second), "--db", store_target])
    assert "0 added, 4 already stored, 0 failed, 1 skipped: not English\n" in again.stderr


def test_extract_screens_a_warc_when_asked_and_says_what_it_set_aside(tmp_path):
    from test_warc import _page, _warc

    def response(url, paragraphs):
        return ("response", url, _page("Floods", paragraphs), "text/html", "200 OK", "2024-06-07T09:00:00Z")

    _warc(tmp_path / "crawl.warc.gz", [response("https://wire.example/floods", WIRE),
                                       response("https://outlet.example/floods", UPDATE),
                                       response("https://journal.example/crues", [FRENCH])], gzip=True)
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "crawl.warc.gz"), "--screen"])
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["url"] == "https://wire.example/floods"
    assert result.stderr.splitlines()[-1] == "dragoman: 1 extracted, 1 near-duplicates, 1 skipped: not English"
    # without --screen, one line per article read, as scorers and scripts expect
    unscreened = CliRunner().invoke(main, ["extract", str(tmp_path / "crawl.warc.gz")])
    assert unscreened.exit_code == 0 and len(unscreened.stdout.splitlines()) == 3


def test_a_copy_whose_original_failed_is_named_and_read_again_by_the_next_ingest(tmp_path, monkeypatch):
    from dragoman.pipeline import Pipeline

    analyse = Pipeline.analyse

    def refuse_the_wire(self, article, doc=None):
        if article.id == "wire":
            raise ValueError("refused for the test")
        return analyse(self, article, doc)

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"id": i, "text": _text(t)}) for i, t in [("wire", WIRE), ("outlet", UPDATE)]))
    db = str(tmp_path / "news.db")
    monkeypatch.setattr(Pipeline, "analyse", refuse_the_wire)
    result = CliRunner().invoke(main, ["ingest", str(feed), "--db", db])
    assert result.exit_code == 1
    assert ("dragoman: error: outlet: a near-duplicate of wire, which was not stored: neither stored nor linked "
            "(ingest it again)") in result.stderr
    monkeypatch.setattr(Pipeline, "analyse", analyse)
    again = CliRunner().invoke(main, ["ingest", str(feed), "--db", db])
    assert "1 added, 0 already stored, 0 failed, 1 near-duplicates" in again.stderr
    with Store.open(db, read_only=True) as store:
        assert [(d.id, d.original_id) for d in store.near_duplicates()] == [("outlet", "wire")]


def test_a_store_written_before_near_duplicates_is_upgraded_and_its_new_articles_found(store_target):
    from dragoman.store.connection import connect, is_postgres

    Store.open(store_target).close()
    db = connect(store_target)
    with db.transaction():
        for table in ("near_duplicates", "minhash_bands", "minhashes"):
            db.execute(f"DROP TABLE {table}")
        if is_postgres(store_target):
            db.execute("DELETE FROM dragoman_schema")
            db.execute("INSERT INTO dragoman_schema VALUES (3)")
        else:
            db.execute("PRAGMA user_version = 3")
    db.close()
    from dragoman.pipeline import default_pipeline

    record = default_pipeline().analyse(make_article(_text(WIRE), id="wire")).to_record(with_text=True)
    with Store.open(store_target) as store:
        assert store.add(record, record.text) == "wire"
        match = store.near_duplicate_of(signature(_text(UPDATE)))
        assert match.original_id == "wire" and match.similarity >= THRESHOLD
        assert store.near_duplicate_of(signature(_text(OTHER))) is None
        assert store.link_near_duplicate(make_article(_text(UPDATE), id="outlet", source="Daily Outlet"), match)
        assert not store.link_near_duplicate(make_article(_text(UPDATE), id="outlet"), match)  # once
        assert store.holds(_text(UPDATE))


def test_a_runs_index_holds_a_window_of_the_latest_articles_and_lets_go_of_stored_ones(monkeypatch):
    from dragoman.ingest.near_duplicates import RunIndex

    monkeypatch.setattr(RunIndex, "WINDOW", 2)
    index = RunIndex()
    wire, other = signature(_text(WIRE)), signature(_text(OTHER))
    index.add("wire", wire)
    index.add("farms", other)
    assert index.find(signature(_text(UPDATE))).original_id == "wire"
    index.add("farms-again", other)  # the window is full: the oldest, "wire", leaves
    assert index.find(signature(_text(UPDATE))) is None
    index.remove("farms")
    assert index.find(other).original_id == "farms-again"
    index.remove("farms-again")
    assert index.find(other) is None and index._by_band == {}
