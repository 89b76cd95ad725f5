"""Importing a Wikidata JSON dump into the actor registry, on an excerpt we write ourselves.

The people, organisations, positions and the item Q9900001 are invented (with invented
ids); Q36 (Poland) and Q114 (Kenya) are real country items the excerpt does not contain,
so their codes come from the bundled table, while Q9900001's comes from its own P298,
met at the end of the file, after the people who refer to it.
"""

from __future__ import annotations

import bz2
import gzip
import json

import pytest

from dragoman.ingest.wikidata import DumpError, DumpProblem, import_dump, read_dump
from dragoman.resolve import registry
from dragoman.resolve.actor_codes import code_actor
from dragoman.resolve.registry import Registry


def _item(qid, label=None, aliases=(), sitelinks=0, **claims):
    """An entity line as the dump writes it (PHP writes an empty map as [])."""
    return {
        "type": "item", "id": qid,
        "labels": {"en": {"language": "en", "value": label}} if label else [],
        "descriptions": {"en": {"language": "en", "value": "an invented entity"}},
        "aliases": {"en": [{"language": "en", "value": a} for a in aliases]} if aliases else [],
        "claims": {prop: [_statement(prop, value) for value in values] for prop, values in claims.items()} or [],
        "sitelinks": {f"wiki{n}": {"site": f"wiki{n}", "title": label, "badges": []} for n in range(sitelinks)}
        or [],
    }


def _statement(prop, value):
    """`value`: "Q1", or ("Q1", {qualifier: [values]}), or ("Q1", qualifiers, rank), or "ISO" for P298."""
    target, qualifiers, rank = (value, {}, "normal") if isinstance(value, str) else (value + ("normal",))[:3]
    if prop == "P298":
        datavalue = {"value": target, "type": "string"}
    else:
        datavalue = {"value": {"entity-type": "item", "numeric-id": int(target[1:]), "id": target},
                     "type": "wikibase-entityid"}
    statement = {"mainsnak": {"snaktype": "value", "property": prop, "datavalue": datavalue},
                 "type": "statement", "id": f"{target}$0000", "rank": rank}
    if qualifiers:
        statement["qualifiers"] = {q: [_qualifier(q, v) for v in vs] for q, vs in qualifiers.items()}
    return statement


def _qualifier(prop, value):
    if prop in ("P580", "P582"):
        time, precision = value if isinstance(value, tuple) else (value, 11)
        return {"snaktype": "value", "property": prop, "datavalue": {"type": "time", "value": {
            "time": f"+{time}T00:00:00Z", "timezone": 0, "before": 0, "after": 0, "precision": precision,
            "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}}}
    return {"snaktype": "value", "property": prop, "datavalue": {"type": "wikibase-entityid", "value": {
        "entity-type": "item", "numeric-id": int(value[1:]), "id": value}}}


HUMAN = {"P31": ["Q5"]}
EXCERPT = [
    # a position met before anyone holds it: read again in the second pass
    _item("Q9900101", "President of Ghana", P31=["Q4164871"]),
    _item("Q9900010", "Amara Okonkwo-Bell", ["Amara Bell", "A. Okonkwo-Bell"], **HUMAN, P27=["Q9900001"], P39=[
        ("Q9900100", {"P580": ["2015-03-01"], "P582": ["2019-01-07"], "P1001": ["Q9900001"]}),
        ("Q9900101", {"P580": [("2019-01-00", 10)]}),  # known to the month
    ]),
    _item("Q9900011", None, **HUMAN, P27=["Q36"]),  # no English label: skipped
    _item("Q9900012", "Tomasz Wierzba", **HUMAN, P27=["Q36"], P39=[
        ("Q9900102", {"P580": ["2011-11-08"], "P642": ["Q36"]}),
        ("Q9900100", {"P580": ["1990-01-01"]}, "deprecated"),  # a refuted claim
    ]),
    "MALFORMED",
    _item("Q9900200", "Zembla Liberation Front", ["ZLF"], P31=["Q17149090"], P17=["Q114"]),
    _item("Q9900201", "Harbour Light Party", P31=["Q7278"], P17=["Q9900001"]),
    _item("Q9900300", "Silverwater River", P31=["Q4022"], P17=["Q114"]),  # not an actor
    _item("Q9900202", "Nyota Daily", P31=["Q1110794"], P159=["Q9900301"]),  # only its headquarters
    _item("Q9900301", "Port Nyota", P31=["Q515"], P17=["Q114"]),
    {"type": "property", "id": "P9999", "datatype": "string", "labels": {}},
    _item("Q9900100", "Minister of Finance", P31=["Q4164871"]),
    _item("Q9900102", "Member of Parliament", P31=["Q4164871"]),
    _item("Q9900001", "Republic of Ghana (invented item)", P298=["GHA"]),  # after those who refer to it
]


def _dump_text(entities) -> str:
    """The dump's layout: "[", one entity per line ending with a comma (but the last), "]"."""
    lines = ['{"type":"item","id":"Q9900400","labels":{"en":' if e == "MALFORMED" else
             json.dumps(e, separators=(",", ":")) for e in entities]
    return "[\n" + ",\n".join(lines) + "\n]\n"


MALFORMED_LINE = 1 + EXCERPT.index("MALFORMED") + 1  # after the "[" line


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "latest-all.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write(_dump_text(EXCERPT))
    return path


def test_import_resolves_positions_by_date_aliases_and_organisations(dump, store_target):
    problems = []
    with Registry(store_target) as db:
        report = import_dump(dump, db, on_problem=problems.append)
        assert (report.people, report.organisations, report.without_english_label) == (2, 3, 1)
        assert problems == [DumpProblem(MALFORMED_LINE, problems[0].message)] and report.problems == 1
        assert report.passes == 2 and report.unresolved == set()
        with registry.using(db, starter_book=False):
            minister = code_actor("Amara Okonkwo-Bell", as_of="2016-05-01")
            assert (minister.country, minister.sector, minister.role) == ("GHA", "GOV", "Minister of Finance")
            president = code_actor("Amara Bell", as_of="2019-02-01")  # an English alias
            assert (president.country, president.role) == ("GHA", "President of Ghana")
            assert "wikidata:Q9900010" in president.rule
            member = code_actor("Tomasz Wierzba", as_of="2020-01-01")
            assert (member.country, member.sector, member.role) == ("POL", "LEG", "Member of Parliament")
            assert code_actor("Tomasz Wierzba", as_of="2000-01-01").role is None  # deprecated rank ignored
            front = code_actor("the ZLF")
            assert (front.country, front.sector) == ("KEN", "REB")
            party = code_actor("Harbour Light Party")
            assert (party.country, party.sector) == ("GHA", "PTY")
            assert code_actor("Silverwater River").country is None
            assert (code_actor("Nyota Daily").country, code_actor("Nyota Daily").sector) == ("KEN", "JRN")
        (amara,) = db.find("Amara Okonkwo-Bell")
        assert {(r.role, r.start, r.end) for r in amara.roles} == {
            ("Minister of Finance", "2015-03-01", "2019-01-07"), ("President of Ghana", "2019-01-01", None)}


@pytest.mark.parametrize("suffix", [".json", ".json.bz2", ".jsonl"])
def test_other_layouts_and_compressions(tmp_path, suffix):
    text = _dump_text(EXCERPT[:3])
    if suffix == ".jsonl":  # one entity per line, no array around them
        text = "\n".join(json.dumps(e) for e in EXCERPT[:3]) + "\n"
    path = tmp_path / f"dump{suffix}"
    path.write_bytes(bz2.compress(text.encode()) if suffix.endswith(".bz2") else text.encode())
    ids = [found[1].id for found in read_dump(path)]
    assert ids == ["Q9900101", "Q9900010", "Q9900011"]


def test_reimport_updates_in_place_and_a_shared_label_stays_ambiguous(dump, tmp_path):
    namesake = tmp_path / "more.json"
    namesake.write_text(_dump_text([_item("Q9900500", "Tomasz Wierzba", **HUMAN, P27=["Q114"])]), "utf-8")
    with Registry(tmp_path / "actors.db") as db:
        import_dump(dump, db)
        before = len(db)
        import_dump(dump, db)
        assert len(db) == before
        import_dump(namesake, db)  # another person with the same English label
        assert sorted(a.name for a in db.find("Tomasz Wierzba")) == ["Tomasz Wierzba", "Tomasz Wierzba (Q9900500)"]
        with registry.using(db, starter_book=False):
            assert code_actor("Tomasz Wierzba").country is None  # two people: never guessed


def test_a_damaged_archive_stops_with_the_line_reached_after_streaming_what_it_could(tmp_path):
    path = tmp_path / "big.json.gz"
    line = json.dumps(_item("Q0", "Person", **HUMAN, P27=["Q114"]), separators=(",", ":"))
    many = ",\n".join(line.replace('"Q0"', f'"Q{9_000_000 + n}"', 1) for n in range(50_000))
    data = gzip.compress(f"[\n{many}\n]\n".encode(), compresslevel=1)
    path.write_bytes(data[: len(data) // 2])  # a download cut off half-way
    entities = read_dump(path)
    first = next(entities)  # read before the rest of the file: a stream, not a load
    assert first[1].id == "Q9000000"
    with pytest.raises(DumpError, match=r"big\.json\.gz: unreadable after line \d+"):
        for _ in entities:
            pass


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DumpError, match="nothere.json.gz: cannot open"):
        list(read_dump(tmp_path / "nothere.json.gz"))


def test_a_far_more_prominent_namesake_wins_and_says_so(tmp_path):
    path = tmp_path / "namesakes.json"
    path.write_text(_dump_text([
        _item("Q9900700", "Lena Marsh", sitelinks=80, **HUMAN, P27=["Q145"]),
        _item("Q9900701", "Lena Marsh", sitelinks=3, **HUMAN, P27=["Q16"]),
        _item("Q9900702", "Ivo Brand", sitelinks=30, **HUMAN, P27=["Q145"]),
        _item("Q9900703", "Ivo Brand", sitelinks=12, **HUMAN, P27=["Q16"]),  # not far enough behind
    ]), "utf-8")
    with Registry(tmp_path / "actors.db") as db:
        import_dump(path, db)
        with registry.using(db, starter_book=False):
            assert code_actor("Lena Marsh").country == "GBR"
            assert "by far the most prominent (80 Wikipedia articles)" in registry.explain("Lena Marsh")
            assert code_actor("Ivo Brand").country is None
            assert "left open" in registry.explain("Ivo Brand")
