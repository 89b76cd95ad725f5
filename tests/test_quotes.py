"""Quotes: direct quotations and reported clauses, with speaker and cue."""

from __future__ import annotations


import pytest

from dragoman.pipeline import Pipeline
from dragoman.records import Article, Quote
from seed import seed_expected, seed_text



@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(steps=["entities", "actors", "quotes"])


@pytest.fixture(scope="module")
def seed_quotes(pipeline: Pipeline) -> list[Quote]:
    return pipeline.analyse(Article(id="seed", text=seed_text(), published="2024-03-22")).quotes


@pytest.fixture(scope="module")
def expected() -> dict:
    return seed_expected()


def _quotes(pipeline: Pipeline, text: str) -> list[Quote]:
    return pipeline.analyse(Article(id="t", text=text, published="2024-03-22")).quotes


def _overlaps(quote: Quote, start: int, end: int) -> bool:
    shared = min(quote.end, end) - max(quote.start, start)
    return shared > 0 and 2 * shared >= min(quote.end - quote.start, end - start)


def _direct(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "direct"]


# -- seed article ---------------------------------------------------------------
def test_seed_quotes_found_with_speaker(seed_quotes, expected):
    for gold in expected["quotes"]:
        start, end = gold["span"]
        found = [q for q in seed_quotes if _overlaps(q, start, end)]
        assert found, f"missed {gold['text']!r}"
        surname = gold["speaker"].split()[-1]
        speaker = found[0].speaker
        assert speaker is not None and surname in (speaker.name or ""), (gold["text"], speaker)


def test_seed_partial_quote_is_part_of_the_reported_clause(seed_quotes):
    """“views on how to deal with the problem differently,” ends a sentence the
    reporter wrote: the attribution is that sentence, holding the fragment."""
    mark = seed_text().index("“views on how")
    (quote,) = [q for q in seed_quotes if q.start <= mark < q.end]
    assert quote.kind == "indirect" and quote.rule == "indirect:ccomp:note+quote"
    assert quote.text.endswith("differently,”") and quote.start < mark


def test_seed_scare_quotes_are_not_statements(seed_quotes, expected):
    for start, end in expected["not_quotes"]:
        assert not [q for q in seed_quotes if q.start <= start and end <= q.end and q.kind == "direct"]
        assert not [q for q in _direct(seed_quotes) if _overlaps(q, start, end)]


def test_seed_quote_span_includes_marks_and_cues(seed_quotes):
    by_start = {q.start: q for q in seed_quotes}
    told = by_start[1298]
    assert told.text.startswith("“") and told.text.endswith(",”")
    assert told.cue is not None and told.cue.text == "told"
    called = by_start[3938]
    assert called.cue is not None and called.cue.text == "called on"
    assert called.addressee is not None and called.addressee.text == "Israel"
    assert [q.id for q in seed_quotes] == [f"Q{n}" for n in range(1, len(seed_quotes) + 1)]


# -- own sentences ---------------------------------------------------------------
def test_split_quote_gives_two_quotes_with_one_speaker(pipeline):
    text = "“We will not give up,” Foreign Minister Ana Ruiz said, “and we will keep talking.”"
    quotes = _direct(_quotes(pipeline, text))
    assert [q.text for q in quotes] == ["“We will not give up,”", "“and we will keep talking.”"]
    assert all(q.speaker and "Ruiz" in q.speaker.text for q in quotes)


def test_speaker_after_cue_verb(pipeline):
    text = "“The border must stay open,” insisted Prime Minister Karl Weber on Monday."
    (quote,) = _direct(_quotes(pipeline, text))
    assert quote.speaker is not None and "Weber" in quote.speaker.text
    assert quote.cue is not None and quote.cue.text == "insisted"


def test_straight_quotes_and_speaker_before(pipeline):
    text = 'The envoy told reporters: "The talks have collapsed and nobody knows what comes next."'
    (quote,) = _direct(_quotes(pipeline, text))
    assert quote.text.startswith('"') and quote.text.endswith('."')
    assert quote.speaker is not None and quote.speaker.text == "The envoy"
    assert quote.cue is not None and quote.cue.text == "told"


def test_quote_continuing_over_paragraphs(pipeline):
    text = (
        "“Our soldiers have done their duty,” General Omar Haddad said on Tuesday.\n\n"
        "“Now the politicians must do theirs. We cannot wait for another winter\n\n"
        "“The people in the camps have waited long enough.”"
    )
    quotes = _direct(_quotes(pipeline, text))
    assert len(quotes) == 2
    assert quotes[1].text.endswith("long enough.”") and "\n\n" in quotes[1].text
    assert quotes[1].rule == "direct:continuation"
    assert quotes[1].speaker is not None and "Haddad" in quotes[1].speaker.text


def test_pronoun_speaker_is_named(pipeline):
    text = "Maria Lopez arrived in Caracas on Sunday.\n\n“We came to listen,” she said."
    (quote,) = _direct(_quotes(pipeline, text))
    assert quote.speaker is not None and quote.speaker.text == "she"
    assert "Lopez" in (quote.speaker.name or "")


def test_according_to_is_indirect(pipeline):
    text = "According to the health ministry, more than 300 people were injured in the blast."
    (quote,) = _quotes(pipeline, text)
    assert quote.kind == "indirect"
    assert quote.text == "more than 300 people were injured in the blast"
    assert quote.speaker is not None and quote.speaker.text == "the health ministry"


def test_reported_clause_is_indirect(pipeline):
    text = "The defence minister warned that the army would respond to any further attack."
    (quote,) = _quotes(pipeline, text)
    assert quote.kind == "indirect" and quote.rule == "indirect:ccomp:warn"
    assert quote.text == "that the army would respond to any further attack"
    assert quote.speaker is not None and quote.speaker.text == "The defence minister"


def test_scare_quote_dropped_but_cued_short_quote_kept(pipeline):
    scare = "Rebels described the talks as a “charade” and left the capital."
    assert not _direct(_quotes(pipeline, scare))
    noun_phrase = "The summit ended with a call for an “orderly transition” in the region."
    assert not _direct(_quotes(pipeline, noun_phrase))
    cued = "The minister admitted “mistakes were made.”"
    (quote,) = _direct(_quotes(pipeline, cued))
    assert quote.speaker is not None and quote.speaker.text == "The minister"


def test_apostrophes_are_not_quotes(pipeline):
    text = "The country’s leaders didn’t attend the ’90s-style summit at the Clintons’ home."
    assert _quotes(pipeline, text) == []


def test_single_quotation_marks(pipeline):
    text = "‘This is a dark day for our country,’ the president said."
    (quote,) = _direct(_quotes(pipeline, text))
    assert quote.text == "‘This is a dark day for our country,’"
    assert quote.speaker is not None and quote.speaker.text == "the president"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "“", '"unbalanced', "’’ “” \"\""])
def test_odd_input_does_not_crash(pipeline, text):
    assert isinstance(_quotes(pipeline, text), list)


def test_partial_quote_with_subject_outside_marks_is_indirect(pipeline):
    text = "Several analysts said the new tariffs “will do nothing to help farmers.”"
    (quote,) = _quotes(pipeline, text)
    assert quote.kind == "indirect" and quote.rule.endswith("+quote")
    assert quote.text == "the new tariffs “will do nothing to help farmers.”"
    assert quote.speaker is not None and quote.speaker.text == "Several analysts"


def test_fragment_before_cue_after_takes_its_clause(pipeline):
    text = "The talks “went nowhere fast,” said Omar Haddad, a negotiator."
    (quote,) = _quotes(pipeline, text)
    assert quote.kind == "indirect" and quote.text.startswith("The talks “went")
    assert quote.speaker is not None and "Haddad" in quote.speaker.text


def test_characterisation_is_not_a_statement(pipeline):
    text = "The opposition leader dismissed what he called “a cynical stunt by a desperate government.”"
    assert not _direct(_quotes(pipeline, text))


def test_quoted_title_is_not_a_quote(pipeline):
    text = "She read aloud from her memoir, “Letters From The Front Line,” on Tuesday."
    assert not _direct(_quotes(pipeline, text))


def test_lower_case_quote_that_is_the_whole_complement_stays_direct(pipeline):
    text = "The general conceded “there are still real problems on the ground.”"
    (quote,) = _direct(_quotes(pipeline, text))
    assert quote.speaker is not None and quote.speaker.text == "The general"


def test_addressee_of_told(pipeline):
    text = "“We will not back down,” the foreign minister told the BBC on Sunday."
    (quote,) = _direct(_quotes(pipeline, text))
    assert quote.addressee is not None and quote.addressee.text == "the BBC"
    assert quote.speaker is not None and quote.speaker.text == "the foreign minister"


def test_addressee_after_to(pipeline):
    text = "The spokesman said to reporters that the border would stay closed until Friday."
    (quote,) = _quotes(pipeline, text)
    assert quote.kind == "indirect" and quote.addressee is not None and quote.addressee.text == "reporters"


def test_no_addressee_for_plain_said(pipeline):
    (quote,) = _direct(_quotes(pipeline, "“It is over,” he said on Friday."))
    assert quote.addressee is None


# -- attributions beyond "X said that ..." ------------------------------------------
def _only(pipeline: Pipeline, text: str) -> Quote:
    (quote,) = _quotes(pipeline, text)
    return quote


def test_statement_after_colon_without_quotation_marks(pipeline):
    quote = _only(pipeline, "The governor added: It is typical of her. She knows nothing about the region.")
    assert quote.kind == "indirect" and quote.rule == "indirect:colon:add"
    assert quote.text == "It is typical of her. She knows nothing about the region."
    assert quote.speaker is not None and quote.speaker.text == "The governor"


def test_intention_is_attributed_but_not_twice_inside_a_reported_clause(pipeline):
    quote = _only(pipeline, "The finance minister wants to cut fuel subsidies next year.")
    assert quote.rule == "indirect:intention:want" and quote.text == "to cut fuel subsidies next year"
    nested = _only(pipeline, "She said she plans to visit the border next week.")
    assert nested.rule == "indirect:ccomp:say" and nested.text == "she plans to visit the border next week"


@pytest.mark.parametrize(
    ("text", "rule", "content"),
    [
        ("The opposition leader called for an immediate inquiry into the shooting.",
         "indirect:object:call for", "an immediate inquiry into the shooting"),
        ("The ministry denied any involvement in the attack.",
         "indirect:object:deny", "any involvement in the attack"),
        ("The senator called the ruling a huge win for voters.",
         "indirect:object:call", "the ruling a huge win for voters"),
        ("The rebels accused the army of shelling civilian areas.",
         "indirect:object:accuse", "the army of shelling civilian areas"),
    ],
)
def test_speech_act_with_its_object_is_an_attribution(pipeline, text, rule, content):
    quote = _only(pipeline, text)
    assert quote.kind == "indirect" and quote.rule == rule and quote.text == content
    assert quote.speaker is not None and quote.speaker.start == 0


@pytest.mark.parametrize(
    "text",
    [
        "Protesters attacked the embassy on Friday.",  # the object is a target, not a statement
        "The mayor called a meeting of the council.",  # "call" states something only with a predicate
        "Many residents continued to stay away from the square.",  # aspect, not speech
        "Do you think the ceasefire will hold?",  # a question attributes nothing
    ],
)
def test_no_attribution(pipeline, text):
    assert _quotes(pipeline, text) == []


def test_noun_cue_with_that_clause(pipeline):
    quote = _only(pipeline, "Her claim that the vote was rigged has been rejected by the court.")
    assert quote.rule == "indirect:noun:claim" and quote.text == "that the vote was rigged"
    assert quote.speaker is not None and quote.speaker.text == "Her"


def test_reported_clause_is_the_one_after_the_cue(pipeline):
    quote = _only(pipeline, "It is an unlikely scenario; the minister says the talks will resume next week.")
    assert quote.text == "the talks will resume next week"


def test_participle_after_reported_clause_is_a_second_attribution_by_the_same_speaker(pipeline):
    text = "The envoy said the talks had stalled, arguing that both sides had hardened their positions."
    said, argued = _quotes(pipeline, text)
    assert said.text == "the talks had stalled"
    assert argued.text == "that both sides had hardened their positions"
    assert argued.speaker is not None and argued.speaker.text == "The envoy"


def test_coordinated_scare_quotes_are_not_statements(pipeline):
    assert not _direct(_quotes(pipeline, "Critics dismissed the plan as “too little” or “too late.”"))


def test_as_aside_reports_its_host_clause_but_temporal_as_does_not(pipeline):
    aside = _only(pipeline, "The economy, as the minister noted on Monday, has grown for six straight quarters.")
    assert aside.rule == "indirect:parenthetical:note" and aside.text.startswith("The economy")
    assert aside.speaker is not None and aside.speaker.text == "the minister"
    temporal = "The envoy arrived in Cairo as aid workers stress the need for more trucks."
    assert not [q for q in _quotes(pipeline, temporal) if q.rule.startswith("indirect:parenthetical")]


def test_clause_reported_after_a_quote_is_kept(pipeline):
    text = (
        "“The company was doing well when it was sold,” the former chief executive said,"
        " adding that its value doubled."
    )
    direct, added = _quotes(pipeline, text)
    assert direct.kind == "direct" and added.kind == "indirect"
    assert added.text == "that its value doubled"
    assert added.speaker is not None and added.speaker.text == "the former chief executive"


# -- labels, colons, partial quotes, nesting --------------------------------------
def test_headline_label_credits_the_statement_after_its_colon(pipeline):
    text = "Lindqvist: Talks with the dockworkers will resume next week\n\nThe port has been idle since May."
    quote = _only(pipeline, text)
    assert quote.kind == "indirect" and quote.rule == "indirect:label"
    assert quote.text == "Talks with the dockworkers will resume next week"
    assert quote.speaker is not None and quote.speaker.text == "Lindqvist"


@pytest.mark.parametrize(
    "text",
    [
        "Update: The vote has been postponed until Friday.",  # a label that names nobody
        "Three things stood out at the rally: the crowd was small and the mood was sour.",  # a sentence, not a label
    ],
)
def test_colon_without_a_speaking_label_attributes_nothing(pipeline, text):
    assert not [q for q in _quotes(pipeline, text) if q.rule.endswith("label")]


def test_digest_line_credits_a_quotation_to_the_name_before_the_colon(pipeline):
    text = "TURNOUT FELL IN THE NORTH - Mara Oduya: “The numbers tell a clear story about who stayed home.”"
    (quote,) = _direct(_quotes(pipeline, text))
    assert quote.rule == "direct:label" and quote.speaker is not None and "Oduya" in quote.speaker.text


def test_quotation_after_a_colon_belongs_to_the_subject_before_it(pipeline):
    text = "Okafor went further: “We will not sign this agreement in its current form.”"
    (quote,) = _direct(_quotes(pipeline, text))
    assert quote.rule == "direct:colon-clause" and quote.speaker is not None and quote.speaker.text == "Okafor"


def test_quotation_the_sentence_runs_on_from_is_part_of_a_reported_clause(pipeline):
    text = "Halvorsen said “the door remains open” despite the refusal of the northern provinces."
    quotes = _quotes(pipeline, text)
    assert not _direct(quotes)
    (quote,) = quotes
    assert quote.kind == "indirect" and "“the door remains open”" in quote.text
    assert quote.speaker is not None and quote.speaker.text == "Halvorsen"


def test_attribution_nested_in_a_reported_clause_is_not_given_twice(pipeline):
    text = "Kiplagat said the reform, which critics believe goes too far, would pass the assembly in March."
    quote = _only(pipeline, text)
    assert quote.rule == "indirect:ccomp:say" and quote.text.startswith("the reform")


def test_clause_the_parser_hangs_on_a_noun_after_the_cue(pipeline):
    text = "Moreau said late on Monday during a radio interview that he may stand down before the summer."
    quote = _only(pipeline, text)
    assert quote.text == "that he may stand down before the summer"
    assert quote.speaker is not None and quote.speaker.text == "Moreau"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator called for the council to halt the evictions at once.",
         "the council to halt the evictions at once"),
        ("Farmers want a guaranteed price for their grain.", "a guaranteed price for their grain"),
        ("A new survey shows a narrow lead for the governor in the capital.",
         "a narrow lead for the governor in the capital"),
    ],
)
def test_demand_wish_and_finding_stated_as_a_phrase(pipeline, text, content):
    quote = _only(pipeline, text)
    assert quote.kind == "indirect" and quote.text == content
    assert quote.speaker is not None and quote.speaker.start == 0


def test_what_a_video_shows_is_not_a_finding(pipeline):
    assert _quotes(pipeline, "The video shows the aftermath of the blast in the market.") == []


def test_verbal_judgement_reports_what_it_judged(pipeline):
    quote = _only(pipeline, "The premier praised the border agreement as a turning point for the region.")
    assert quote.rule == "indirect:object:praise"
    assert quote.text == "the border agreement as a turning point for the region"


def test_words_written_on_a_banner_are_a_quotation_of_its_bearer(pipeline):
    text = "Protesters carried a banner that read “Hands off our hospitals.”"
    (quote,) = _direct(_quotes(pipeline, text))
    assert quote.rule == "direct:cue-before:read" and quote.text == "“Hands off our hospitals.”"
    assert _quotes(pipeline, "She read the report twice before the hearing began.") == []


def test_capitalised_quotation_right_after_its_cue_is_the_whole_statement(pipeline):
    (quote,) = _direct(_quotes(pipeline, "The crowd chanted “Four more years!” as she walked in."))
    assert quote.speaker is not None and quote.speaker.text == "The crowd"


def test_any_verb_in_a_bare_reporting_clause_after_a_quotation(pipeline):
    (quote,) = _direct(_quotes(pipeline, "“We will win this seat,” the senator shot back."))
    assert quote.speaker is not None and quote.speaker.text == "the senator"
    (plain,) = _direct(_quotes(pipeline, "“It was fine,” but the meeting ended early."))
    assert plain.speaker is None  # a clause of its own, not a reporting clause


def test_quotation_after_a_paragraph_ending_in_a_colon(pipeline):
    text = (
        "When the singer died, the former president released the following statement:\n\n"
        "“Our thoughts are with her relatives and with everyone who loved her songs.”"
    )
    (quote,) = _direct(_quotes(pipeline, text))
    assert quote.rule == "direct:colon-before"
    assert quote.speaker is not None and quote.speaker.text == "the former president"


def test_merged_quotation_test_agrees_with_the_plain_one():
    """`_attributions` tests every token against the quotations by bisection over
    their union; it must answer as the plain scan does, overlaps and empty spans included."""
    from dragoman.annotate.nlp import parse
    from dragoman.extractors.quotes.marks import _inside, _inside_merged, _merged

    doc = next(parse(['He said "we will go" and she said "no, never" twice, then left.']))
    for spans in ([], [(8, 20)], [(34, 46), (8, 20)], [(8, 20), (10, 40)], [(5, 5), (20, 20)], [(0, 9), (9, 12)]):
        merged = _merged(spans)
        assert [_inside_merged(t, merged) for t in doc] == [_inside(t, spans) for t in doc], spans
