"""Known actors: the learned registry, users' files (YAML, CSV, CAMEO) and as-of coding."""

from __future__ import annotations

import pytest

from dragoman.ingest.actor_dictionary import ActorFileError, read_actor_file
from dragoman.records import Actor, ArticleRecord
from dragoman.resolve import registry
from dragoman.resolve.actor_codes import code_actor
from dragoman.resolve.registry import ActorBook, KnownActor, Registry, Role, code_as_of


def _record(article_id: str, published: str, *actors: Actor) -> ArticleRecord:
    return ArticleRecord(id=article_id, published=published, text_sha256="x", actors=list(actors))


def test_registry_learns_a_person_and_resolves_the_bare_surname_later(store_target):
    db = Registry(store_target)
    person = Actor(id="A1", name="Ilona Varga", country="HUN", sector="GOV", role="Foreign Minister", kind="person")
    assert db.learn(_record("a1", "2024-03-22", person)) == 1
    code = code_actor("Varga", as_of="2024-04-01", registry=db)
    assert (code.country, code.sector, code.role) == ("HUN", "GOV", "Foreign Minister")
    assert "known:Ilona Varga@article:a1" in code.rule
    db.close()
    reopened = Registry(store_target)  # the registry lives in the store's database
    assert code_actor("Ilona Varga", registry=reopened).country == "HUN"


def test_registry_keeps_roles_with_the_dates_seen(store_target):
    db = Registry(store_target)
    name = "Pavel Droz"
    db.learn(_record("a", "2020-01-05", Actor(id="A1", name=name, country="CZE", sector="LEG", role="Senator",
                                              kind="person")))
    db.learn(_record("b", "2023-06-01", Actor(id="A1", name=name, country="CZE", sector="GOV",
                                              role="Interior Minister", kind="person")))
    db.learn(_record("c", "2023-09-01", Actor(id="A1", name=name, country="CZE", sector="GOV",
                                              role="Interior Minister", kind="person")))
    (actor,) = db.find(name)
    seen = {r.role: (r.start, r.end) for r in actor.roles}
    assert seen == {"Senator": ("2020-01-05", "2020-01-05"), "Interior Minister": ("2023-06-01", "2023-09-01")}
    assert code_as_of(actor, "2021-03-01").role == "Senator"
    assert code_as_of(actor, "2024-01-01").role == "Interior Minister"


def test_registry_does_not_learn_uncoded_or_single_word_names(tmp_path):
    db = Registry(tmp_path / "r.db")
    learned = db.learn(_record("a", "2024-01-01",
                               Actor(id="A1", name="Tomas Lind", kind="person"),  # nothing coded
                               Actor(id="A2", name="Lind", country="SWE", sector="GOV", kind="person")))
    assert learned == 0 and len(db) == 0


def test_a_country_lent_by_the_articles_scene_is_not_remembered_as_the_actors():
    db = Registry(":memory:")
    db.learn(_record("a", "2024-01-01",
                     Actor(id="A1", name="Marta Kowal", country="POL", kind="person", rule="name+scene:POL"),
                     Actor(id="A2", name="Piotr Nowak", country="POL", sector="GOV", role="Minister",
                           kind="person", rule="role")))
    assert [known.country for known in db.find("Marta Kowal")] == []  # nothing else coded her: not learned
    assert [known.country for known in db.find("Piotr Nowak")] == ["POL"]


def test_a_surname_shared_by_two_known_people_stays_uncoded():
    book = ActorBook([
        KnownActor("Ana Ruiz", country="ESP", kind="person", roles=[Role("Mayor", "ESP", "GOV")]),
        KnownActor("Luis Ruiz", country="MEX", kind="person", roles=[Role("Senator", "MEX", "LEG")]),
    ])
    with registry.using(book, starter_book=False):
        assert code_actor("Ruiz").country is None
        assert code_actor("Luis Ruiz").country == "MEX"


def test_roles_over_time_and_former_officials():
    book = ActorBook([KnownActor("Karin Holm", country="DNK", kind="person", roles=[
        Role("Defence Minister", "DNK", "GOV", "2015-01-01", "2019-06-01"),
        Role("Prime Minister", "DNK", "GOV", "2019-06-01", "2022-02-01"),
    ])])
    with registry.using(book, starter_book=False):
        assert code_actor("Karin Holm", as_of="2016-05-05").role == "Defence Minister"
        assert code_actor("Karin Holm", as_of="2020-05-05").role == "Prime Minister"
        former = code_actor("Karin Holm", as_of="2023-01-01")
        assert (former.sector, former.role) == ("ELI", "former Prime Minister")
        assert code_actor("Karin Holm", as_of="2010-01-01").sector is None  # before any known role
        assert code_actor("Karin Holm", as_of="12 April 2016").role == "Defence Minister"


def test_the_phrase_wins_over_the_known_actor():
    book = ActorBook([KnownActor("Karin Holm", country="DNK", kind="person",
                                 roles=[Role("Prime Minister", "DNK", "GOV", "2019-06-01", None)])])
    with registry.using(book, starter_book=False):
        code = code_actor("former Prime Minister Karin Holm", as_of="2020-01-01")
        assert (code.country, code.sector) == ("DNK", "ELI")


def test_starter_book_is_consulted_by_default_and_can_be_switched_off():
    assert code_actor("Museveni", as_of="2022-05-01").country == "UGA"
    with registry.using(starter_book=False):
        assert code_actor("Museveni", as_of="2022-05-01").country is None


def test_yaml_actor_file(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text(
        "- name: Nadia Okafor\n"
        "  aliases: [N. Okafor]\n"
        "  country: NGA\n"
        "  kind: person\n"
        "  roles:\n"
        "    - Finance Minister | GOV | 2021-01-01..2023-05-29\n"
        "    - {role: Central Bank Governor, sector: GOV, from: 2023-06-01}\n"
        "- {name: Delta Brigade, country: NGA, sector: REB, kind: organization}\n",
        encoding="utf-8",
    )
    book = read_actor_file(path)
    with registry.using(book, starter_book=False):
        assert code_actor("N. Okafor", as_of="2022-02-02").role == "Finance Minister"
        assert code_actor("Okafor", as_of="2024-02-02").role == "Central Bank Governor"
        assert (code_actor("the Delta Brigade").country, code_actor("Delta Brigade").sector) == ("NGA", "REB")


def test_csv_actor_file_merges_rows_of_one_actor(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(
        "name,aliases,country,sector,kind,role,from,until\n"
        "Omar Haddad,O. Haddad,JOR,GOV,person,Foreign Minister,2017-01-01,2021-01-01\n"
        "Omar Haddad,,JOR,GOV,person,Prime Minister,2021-01-01,\n",
        encoding="utf-8",
    )
    (actor,) = read_actor_file(path).actors
    assert [r.role for r in actor.roles] == ["Foreign Minister", "Prime Minister"]
    assert actor.aliases == ("O. Haddad",)


def test_cameo_dictionary_with_aliases_and_dated_codes(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(
        "# made-up entries in the CAMEO actor-dictionary layout\n"
        "SAMIR_FAWZI_\n"
        "+FAWZI_SAMIR_\n"
        "[EGYMIL 100101-140608]\n"
        "[EGYGOV >140608]  # promoted\n"
        "RED_DELTA_FRONT_ [NGAREB]\n"
        "KELDA_ACCORD_ [IGOUNO]\n",
        encoding="utf-8",
    )
    book = read_actor_file(path)
    with registry.using(book, starter_book=False):
        assert code_actor("Samir Fawzi", as_of="2012-01-01").sector == "MIL"
        assert code_actor("Fawzi Samir", as_of="2015-01-01").sector == "GOV"
        assert (code_actor("Red Delta Front").country, code_actor("Red Delta Front").sector) == ("NGA", "REB")
        assert (code_actor("Kelda Accord").country, code_actor("Kelda Accord").sector) == ("IGO", "UNO")


def test_actor_files_take_the_plover_non_state_codes(tmp_path):
    """A CAMEO dictionary's non-state first element (NGO, IMG) is the country, as in the
    PLOVER manual; a YAML role may be held in a transnational armed group (IMG)."""
    cameo = tmp_path / "groups.txt"
    cameo.write_text("GREEN_RIVER_WATCH_ [NGOHRI]\nNORTHERN_DAWN_FRONT_ [IMGREB]\nHELPING_HANDS_ [NGO]\n",
                     encoding="utf-8")
    people = tmp_path / "people.yaml"
    people.write_text(
        "- {name: Tarek Umbali, country: SOM, kind: person, roles: [{role: Commander of the Northern Dawn Front,"
        " sector: REB, country: IMG, from: 2015-01-01, until: 2020-01-01}]}\n",
        encoding="utf-8",
    )
    with registry.using(read_actor_file(cameo), starter_book=False):
        coded = [code_actor(name) for name in ("Green River Watch", "Northern Dawn Front", "Helping Hands")]
        assert [(c.country, c.sector) for c in coded] == [("NGO", "NGO"), ("IMG", "REB"), ("NGO", "NGO")]
    with registry.using(read_actor_file(people), starter_book=False):
        assert code_actor("Tarek Umbali", as_of="2017-06-01").country == "IMG"
        assert code_actor("Tarek Umbali", as_of="2021-06-01").country == "SOM"


@pytest.mark.parametrize(
    "suffix, content, line, message",
    [
        (".txt", "SAMIR_FAWZI_\n[EGYGOV >1406]\n", 2, "date restriction"),
        (".txt", "+FAWZI_SAMIR_\n", 1, "before any actor"),
        (".txt", "SAMIR_FAWZI_\n[EGYGOV\n", 2, "malformed code"),
        (".txt", "A_B_\nC_D_ [EGYGOV]\n", 1, "has no [CODE]"),
        (".yaml", "- name: X Y\n  country: ATLANTIS\n", 1, "unknown country"),
        (".yaml", "- name: X Y\n- name: Z W\n  roles: [Minister | GUV | 2020-01-01..]\n", 2, "unknown sector"),
        (".yaml", "- name: X Y\n  roles: [Minister | GOV | 2020-01-01..2019-01-01]\n", 1, "ends"),
        (".csv", "name,colour\nX,red\n", 1, "unknown column"),
        (".csv", "name,country\nX Y,ZZZ\n", 2, "unknown country"),
    ],
)
def test_malformed_files_name_file_and_line(tmp_path, suffix, content, line, message):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorFileError) as error:
        read_actor_file(path)
    assert error.value.line == line and message in str(error.value)
    assert str(error.value).startswith(f"{path}:{line}:")


def test_empty_and_odd_input_do_not_crash(tmp_path):
    assert registry.lookup("") is None
    assert code_actor("  ", as_of="not a date").country is None
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert len(read_actor_file(empty)) == 0


# -- facts that accumulate and conflict ------------------------------------------------

def _droz(article_id: str, day: str, country: str, role: str = "Interior Minister", sector: str = "GOV"):
    return _record(article_id, day, Actor(id="A1", name="Pavel Droz", country=country, sector=sector, role=role,
                                          kind="person"))


def test_a_contradicting_learned_fact_is_kept_but_outvoted_by_the_better_attested(store_target):
    db = Registry(store_target)
    for article_id, day in (("a", "2023-06-01"), ("b", "2023-07-01"), ("c", "2023-09-01")):
        db.learn(_droz(article_id, day, "CZE"))
    db.learn(_droz("d", "2023-10-01", "USA"))  # one article miscoded him: the latest, but alone
    (actor,) = db.find("Pavel Droz")
    assert {(r.country, r.attested) for r in actor.roles} == {("CZE", 3), ("USA", 1)}  # both kept
    code = code_as_of(actor, "2024-01-01")
    assert code.country == "CZE"
    assert "in 3 articles" in code.why and "outvoted" in code.why and "(USA GOV)" in code.why
    assert [row[4] for row in db.evidence(db.ids("Pavel Droz")[0])] == ["article:a", "article:b", "article:c",
                                                                         "article:d"]
    assert registry.explain("Pavel Droz", as_of="2024-01-01", registry=db) == code.why


def test_the_most_recently_begun_role_wins_even_when_seen_less_often(tmp_path):
    db = Registry(tmp_path / "r.db")
    for n in range(4):
        db.learn(_droz(f"s{n}", f"2020-0{n + 1}-05", "CZE", "Senator", "LEG"))
    db.learn(_droz("m", "2023-06-01", "CZE"))
    code = registry.lookup("Pavel Droz", as_of="2024-01-01", registry=db)
    assert (code.role, code.sector) == ("Interior Minister", "GOV")
    assert "the most recently begun of 2 roles held on 2024-01-01" in code.why


def test_a_dated_source_outvotes_articles_and_merges_with_what_they_taught(tmp_path):
    db = Registry(tmp_path / "r.db")
    db.learn(_droz("a", "2023-06-01", "USA"))
    db.learn(_droz("b", "2023-06-02", "USA"))
    with db.batch():
        db.add_known(KnownActor("Pavel Droz", kind="person", country="CZE", source="wikidata:Q9900600",
                                roles=[Role("Interior Minister", "CZE", "GOV", "2022-01-01", None,
                                            source="wikidata:Q9900600 P39 Q9900601")]), wikidata="Q9900600")
    (actor,) = db.find("Pavel Droz")  # one actor: the article-learned one, now also the Wikidata item's
    assert {r.source for r in actor.roles} == {"article:a", "wikidata:Q9900600 P39 Q9900601"}
    assert db.wikidata_id(db.ids("Pavel Droz")[0]) == "Q9900600"
    code = code_as_of(actor, "2024-01-01")
    assert code.country == "CZE" and "wikidata:Q9900600" in code.why


def test_explain_says_why_a_shared_name_is_left_open():
    book = ActorBook([KnownActor("Ana Ruiz", country="ESP", kind="person", source="a.yaml:1"),
                      KnownActor("Luis Ruiz", country="MEX", kind="person", source="a.yaml:2")])
    with registry.using(book, starter_book=False):
        assert "2 known actors answer to 'Ruiz'" in registry.explain("Ruiz")
        assert registry.explain("Nobody Known") is None


def test_an_actor_database_is_an_actor_file(tmp_path):
    path = tmp_path / "actors.db"
    with Registry(path) as db, db.batch():
        db.add_known(KnownActor("Delta Brigade", country="NGA", sector="REB", kind="organization", source="x:1"))
    registry.configure([path])
    assert (code_actor("the Delta Brigade").country, code_actor("Delta Brigade").sector) == ("NGA", "REB")
    junk = tmp_path / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    for bad, message in ((junk, "not an actor database"), (tmp_path / "none.db", "no such actor database")):
        with pytest.raises(ActorFileError, match=message):
            registry.configure([bad])


def test_articles_within_a_dated_role_do_not_keep_it_open_after_it_ended(tmp_path):
    db = Registry(tmp_path / "r.db")
    db.learn(_droz("a", "2023-03-01", "CZE"))
    with db.batch():
        db.add_known(KnownActor("Pavel Droz", kind="person", source="wikidata:Q9900600", roles=[
            Role("Interior Minister", "CZE", "GOV", "2022-01-01", "2024-06-01", source="wikidata:Q9900600")]),
            wikidata="Q9900600")
    (actor,) = db.find("Pavel Droz")
    assert code_as_of(actor, "2023-05-01").role == "Interior Minister"
    former = code_as_of(actor, "2025-01-01")  # the article saw the dated role; it has ended since
    assert (former.sector, former.role) == ("ELI", "former Interior Minister")
    assert "set aside (within a dated role)" in former.why and "article:a" in former.why


def test_a_registry_on_the_stores_connection_writes_through_it_and_leaves_it_open(store_target):
    from dragoman.store import Store

    person = Actor(id="A1", name="Ilona Varga", country="HUN", sector="GOV", role="Foreign Minister", kind="person")
    with Store.open(store_target) as store:
        with Registry(store.connection) as shared:
            assert shared.learn(_record("a1", "2024-03-22", person)) == 1
        assert len(store) == 0  # closing the registry left the store's connection open
    reopened = Registry(store_target)
    assert code_actor("Varga", as_of="2024-04-01", registry=reopened).country == "HUN"
    reopened.close()
