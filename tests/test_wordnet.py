"""The WordNet 3.0 reader behind the build-time aids, on the tiny database of
conftest.wordnet_dir."""

from __future__ import annotations

import pytest

from dragoman.resolve.wordnet import WordNet, derived_nouns, main, nouns_under


def test_senses_are_found_by_number_or_by_synset_name(wordnet_dir):
    wordnet = WordNet(wordnet_dir)
    assert wordnet.sense("van#2") == wordnet.sense("van.n.02") == "00000060"
    assert wordnet.sense("military unit") == "00000050"  # plain lemma: its first sense
    assert wordnet.sense("enlist.v.02", "v") == "00000110"
    assert wordnet.first_sense("van") == "00000040" and wordnet.first_sense("tank") is None


@pytest.mark.parametrize("spec", ["van#3", "van#0", "tank#1", "van.v.01", "van#x"])
def test_an_unknown_sense_is_a_clear_error(wordnet_dir, spec):
    with pytest.raises(ValueError, match=f"no WordNet noun sense '{spec}'"):
        WordNet(wordnet_dir).sense(spec)


def test_a_tree_holds_kinds_and_instances_but_not_kinds_of_other_parts(wordnet_dir):
    assert WordNet(wordnet_dir).tree("00000010") == {"00000010", "00000020", "00000030", "00000070"}


def test_first_only_keeps_words_whose_commonest_sense_is_in_the_tree(wordnet_dir):
    wordnet = WordNet(wordnet_dir)
    assert nouns_under(wordnet, ["military_unit.n.01"], first_only=False) == ["van", "vanguard"]
    assert nouns_under(wordnet, ["military_unit.n.01"], first_only=True) == ["vanguard"]  # a van is a vehicle


def test_derived_nouns_come_from_every_sense_of_the_verb(wordnet_dir):
    wordnet = WordNet(wordnet_dir)
    assert wordnet.derived("00000100", "v", "n") == ["00000080", "00000090"]
    assert derived_nouns(wordnet, "enlist") == ["enlistment", "recruit", "soldier"]  # not military_enlistment
    assert derived_nouns(wordnet, "desert") == []


def test_irregular_plurals(wordnet_dir):
    assert WordNet(wordnet_dir).plurals("commando") == ["commandoes"]
    assert WordNet(wordnet_dir).plurals("soldier") == []


def test_a_missing_database_names_the_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="data.noun"):
        WordNet(tmp_path).synsets("n")
    with pytest.raises(FileNotFoundError, match="index.verb"):
        WordNet(tmp_path).senses("enlist", "v")


def test_the_command_line_prints_the_words(wordnet_dir, capsys):
    main(["--wordnet", str(wordnet_dir), "--first", "soldier.n.01"])
    main(["--wordnet", str(wordnet_dir), "--derived", "v:enlist"])
    assert capsys.readouterr().out == "commando para paratrooper soldier\nenlist enlistment recruit soldier\n"


def test_the_command_line_rejects_an_unknown_synset_by_name(wordnet_dir, capsys):
    with pytest.raises(SystemExit):
        main(["--wordnet", str(wordnet_dir), "sailor.n.01"])
    assert "no WordNet noun sense 'sailor.n.01'" in capsys.readouterr().err
