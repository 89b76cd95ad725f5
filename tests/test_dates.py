"""Dates: resolving time expressions against the publication date, and dating events."""

from __future__ import annotations

from datetime import date

import msgspec
import pytest

from dragoman.extractors.dates import event_date
from dragoman.pipeline import Pipeline
from dragoman.records import Article, DateMention
from dragoman.resolve.dateline import dateline_date
from dragoman.resolve.timex import calendar_value, mention_bounds, resolve, value_range
from seed import seed_text

FRIDAY = date(2024, 3, 22)  # a Friday
NEW_YEAR = date(2024, 1, 2)  # a Tuesday, just after a year boundary


def day(text, published=FRIDAY, **kw):
    result = resolve(text, published, **kw)
    assert result is not None, text
    assert result.precision == "day", (text, result)
    return result.value


def span(text, published=FRIDAY, **kw):
    result = resolve(text, published, **kw)
    assert result is not None, text
    return result.first, result.last, result.precision


# -- resolve() -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Friday", "2024-03-22"),  # the publication day itself
        ("on Tuesday", "2024-03-19"),
        ("Saturday", "2024-03-16"),
        ("late Sunday", "2024-03-17"),
        ("Monday night", "2024-03-18"),
        ("last Friday", "2024-03-15"),
        ("next Friday", "2024-03-29"),
        ("next Monday", "2024-03-25"),
        ("this Wednesday", "2024-03-20"),
        ("today", "2024-03-22"),
        ("tonight", "2024-03-22"),
        ("yesterday", "2024-03-21"),
        ("yesterday afternoon", "2024-03-21"),
        ("tomorrow", "2024-03-23"),
        ("last night", "2024-03-21"),
        ("October 7", "2023-10-07"),
        ("Feb. 29", "2024-02-29"),
        ("March 22", "2024-03-22"),
        ("August 1", "2023-08-01"),  # months ahead: news would have given the year
        ("the 5th of January", "2024-01-05"),
        ("March 3, 2024", "2024-03-03"),
        ("Sunday, March 3, 2024", "2024-03-03"),
        ("3 March 2024", "2024-03-03"),
        ("Sept. 11, 2001", "2001-09-11"),
        ("2024-03-03", "2024-03-03"),
        ("3/14/2024", "2024-03-14"),  # only month-first makes sense
        ("14/3/2024", "2024-03-14"),  # only day-first makes sense
        ("3/4/2024", "2024-03-04"),  # April 3 would be after publication
        ("two days ago", "2024-03-20"),
    ],
)
def test_days(text, expected):
    assert day(text) == expected


def test_yearless_date_weeks_ahead_is_the_coming_one_further_ahead_the_past_one():
    assert day("March 29") == "2024-03-29"
    assert day("April 15", tense="present") == "2024-04-15"
    # "the vote was moved to April 15": a past-tense verb, a coming date
    assert day("April 15", tense="past") == "2024-04-15"
    assert day("March 20", tense="past") == "2024-03-20"
    # three months ahead the year would have been given: it is last year's
    assert day("June 15", tense="past") == "2023-06-15"
    assert day("June 15") == "2023-06-15"
    assert span("in May")[:2] == ("2024-05-01", "2024-05-31")
    assert span("in July", tense="past")[:2] == ("2023-07-01", "2023-07-31")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("June last year", ("2023-06-01", "2023-06-30", "month")),
        ("January this year", ("2024-01-01", "2024-01-31", "month")),
        ("the 2022 third quarter", ("2022-07-01", "2022-09-30", "year")),
        ("last year's fourth quarter", ("2023-10-01", "2023-12-31", "year")),
        ("the year-earlier second quarter", ("2023-04-01", "2023-06-30", "year")),
    ],
)
def test_month_or_quarter_of_a_named_year(text, expected):
    assert span(text) == expected


def test_weekday_looks_ahead_in_a_future_clause():
    assert day("Monday", tense="future") == "2024-03-25"
    assert day("Monday", tense="past") == "2024-03-18"
    assert day("October 7", tense="future") == "2024-10-07"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("last week", ("2024-03-11", "2024-03-17", "week")),
        ("this week", ("2024-03-18", "2024-03-24", "week")),
        ("next week", ("2024-03-25", "2024-03-31", "week")),
        ("this weekend", ("2024-03-23", "2024-03-24", "week")),
        ("earlier this week", ("2024-03-18", "2024-03-22", "week")),
        ("earlier this month", ("2024-03-01", "2024-03-22", "month")),
        ("later this month", ("2024-03-22", "2024-03-31", "month")),
        ("this month", ("2024-03-01", "2024-03-31", "month")),
        ("last month", ("2024-02-01", "2024-02-29", "month")),
        ("next month", ("2024-04-01", "2024-04-30", "month")),
        ("in January", ("2024-01-01", "2024-01-31", "month")),
        ("in September", ("2023-09-01", "2023-09-30", "month")),
        ("last March", ("2023-03-01", "2023-03-31", "month")),
        ("November 2023", ("2023-11-01", "2023-11-30", "month")),
        ("in recent days", ("2024-03-16", "2024-03-22", "week")),
        ("in recent weeks", ("2024-02-24", "2024-03-22", "month")),
        ("over the past three days", ("2024-03-20", "2024-03-22", "week")),
        ("the last couple of weeks", ("2024-03-09", "2024-03-22", "month")),
        ("the past 10 days", ("2024-03-13", "2024-03-22", "month")),
        ("the next two weeks", ("2024-03-22", "2024-04-04", "month")),
        ("three weeks ago", ("2024-02-26", "2024-03-03", "week")),
        ("in 2019", ("2019-01-01", "2019-12-31", "year")),
        ("last year", ("2023-01-01", "2023-12-31", "year")),
        ("a year ago", ("2023-01-01", "2023-12-31", "year")),
        ("earlier this year", ("2024-01-01", "2024-03-22", "year")),
        ("last summer", ("2023-06-01", "2023-08-31", "year")),
        ("this winter", ("2023-12-01", "2024-02-29", "year")),
        ("the first quarter", ("2024-01-01", "2024-03-31", "year")),
        ("the third quarter", ("2023-07-01", "2023-09-30", "year")),
        ("the 1990s", ("1990-01-01", "1999-12-31", "unknown")),
        ("the current fiscal year", ("2024-01-01", "2024-12-31", "year")),
        ("last fiscal year", ("2023-01-01", "2023-12-31", "year")),
    ],
)
def test_ranges(text, expected):
    assert span(text) == expected
    # a whole calendar month or year is also named by its ISO 8601 form; a week, a
    # season, a quarter, a decade or part of a month has no value, only its days
    assert resolve(text, FRIDAY).value == WHOLE_UNITS.get(text)


WHOLE_UNITS = {
    "this month": "2024-03", "last month": "2024-02", "next month": "2024-04", "in January": "2024-01",
    "in September": "2023-09", "last March": "2023-03", "November 2023": "2023-11", "in 2019": "2019",
    "last year": "2023", "a year ago": "2023", "the current fiscal year": "2024", "last fiscal year": "2023",
}


@pytest.mark.parametrize("first, last, value", [
    (date(1996, 3, 7), date(1996, 3, 7), "1996-03-07"),
    (date(1996, 2, 1), date(1996, 2, 29), "1996-02"),  # a leap February, whole
    (date(1996, 1, 1), date(1996, 12, 31), "1996"),
    (date(1996, 3, 1), date(1996, 3, 30), None),  # a month but its last day
    (date(1996, 3, 4), date(1996, 3, 10), None),  # a Monday-to-Sunday week: no ISO week form
    (date(1995, 12, 1), date(1996, 2, 29), None),  # a winter
    (date(1990, 1, 1), date(1999, 12, 31), None),  # a decade
])
def test_a_value_names_a_whole_calendar_day_month_or_year(first, last, value):
    assert calendar_value(first, last) == value
    if value is not None:
        assert value_range(value) == (first, last)


@pytest.mark.parametrize("value", ["May 2021", "1996-13", "1996-02-30", "96", ""])
def test_what_is_no_calendar_value_names_no_days(value):
    assert value_range(value) is None


def test_a_month_value_is_a_valid_record_and_words_are_not():
    month = DateMention(text="in May 2021", start=0, end=11, value="2021-05", first="2021-05-01",
                        last="2021-05-31", precision="month")
    assert msgspec.json.decode(msgspec.json.encode(month), type=DateMention) == month
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(b'{"text": "", "start": 0, "end": 0, "value": "May 2021"}', type=DateMention)


def test_a_mention_with_only_a_value_has_the_days_it_names():
    assert mention_bounds(DateMention(text="", start=0, end=0, value="2023-11")) == ("2023-11-01", "2023-11-30")
    bounded = DateMention(text="", start=0, end=0, last="2023-11-30")  # on or before a day: kept as it is
    assert mention_bounds(bounded) == (None, "2023-11-30")


@pytest.mark.parametrize("text", ["the following year", "the following week", "the following two days"])
def test_following_is_dated_by_another_event_not_by_publication(text):
    # "the following year" counts from the event told before it, which the resolver does not know
    result = resolve(text, FRIDAY)
    assert (result.value, result.first, result.last) == (None, None, None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("last week", ("2023-12-25", "2023-12-31", "week")),
        ("last month", ("2023-12-01", "2023-12-31", "month")),
        ("last year", ("2023-01-01", "2023-12-31", "year")),
        ("this week", ("2024-01-01", "2024-01-07", "week")),
        ("last winter", ("2022-12-01", "2023-02-28", "year")),
        ("in December", ("2023-12-01", "2023-12-31", "month")),
    ],
)
def test_ranges_across_new_year(text, expected):
    assert span(text, NEW_YEAR) == expected


def test_days_across_new_year():
    assert day("Friday", NEW_YEAR) == "2023-12-29"
    assert day("December 30", NEW_YEAR) == "2023-12-30"
    assert day("yesterday", date(2024, 1, 1)) == "2023-12-31"
    assert day("tomorrow", date(2023, 12, 31)) == "2024-01-01"
    assert day("January 3", date(2023, 12, 30), tense="future") == "2024-01-03"


def test_without_publication_date_relative_expressions_stay_unanchored_and_say_why():
    for text in ("Friday", "last week", "October 7", "yesterday", "in recent days", "last summer",
                 "three weeks ago", "the third quarter", "earlier this month"):
        result = resolve(text, None)
        assert result is not None, text
        assert (result.value, result.first, result.last) == (None, None, None), text
        assert result.unresolved == "no_publication_date", text
    assert day("March 3, 2024", None) == "2024-03-03"
    assert span("in 2019", None) == ("2019-01-01", "2019-12-31", "year")
    assert resolve("in 2019", None).unresolved is None


@pytest.mark.parametrize("text, why", [
    ("that day", "no_earlier_date"),  # counts from another event's date, whatever the publication day
    ("the following year", "no_earlier_date"),
    ("two days later", "no_earlier_date"),
    ("4/5/2021", "ambiguous"),  # April 5 or 4 May, and no publication day to rule one out
    ("Independence Day", "unplaced"),
])
def test_a_mention_without_days_says_why(text, why):
    assert resolve(text, None).unresolved == why


@pytest.mark.parametrize(
    "text",
    [
        "two and a half hours",
        "approximately two and a half hours",
        "for three years",
        "six months",
        "more than a decade",
        "several weeks",
        "every year",
        "45 years old",
        "hours",
        "not more than ninety days",
        "thousands of years",
        "3 1/2 months",
        "",
        "   ",
        "the delegation",
    ],
)
def test_not_dates(text):
    assert resolve(text, FRIDAY) is None


def test_ambiguous_numeric_date_is_not_guessed():
    result = resolve("2/3/2024", date(2024, 6, 1))  # February 3 or March 2: both past
    assert result is not None and result.value is None


def test_odd_input_does_not_crash():
    for text in ("Feb. 30", "13/13/2024", "the 45th of March", "’s", "Friday’s"):
        resolve(text, FRIDAY)
    assert resolve("Feb. 30", FRIDAY) is None or resolve("Feb. 30", FRIDAY).value is None
    assert day("Friday’s") == "2024-03-22"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("March nineteen eighty-nine", ("1989-03-01", "1989-03-31", "month")),
        ("the year two thousand and ten", ("2010-01-01", "2010-12-31", "year")),
        ("nineteen oh eight", ("1908-01-01", "1908-12-31", "year")),
        ("the spring of twenty twenty-one", ("2021-03-01", "2021-05-31", "year")),
    ],
)
def test_years_written_in_words(text, expected):
    assert span(text) == expected


def test_a_count_in_thousands_or_a_time_in_words_is_no_year():
    assert resolve("two thousand years", FRIDAY) is None
    assert span("two thousand years ago")[:2] == (None, None)
    eleven_thirty = resolve("eleven thirty", FRIDAY)
    assert eleven_thirty is None or eleven_thirty.first is None


@pytest.mark.parametrize("text", ["the past 3000 years", "2500 years ago", "the next 9000 years"])
def test_a_stretch_beyond_the_calendar_has_no_bounds_and_no_error(text):
    assert span(text) == (None, None, "year")


def test_an_article_reaching_back_three_thousand_years_is_analysed():
    pipeline = Pipeline(steps=["entities", "dates"])
    text = "Over the past 3000 years the river moved twice; engineers met on Monday to plan a new dam."
    analysis = pipeline.analyse(Article(id="river", text=text, published="2024-03-22"))
    values = {d.text: d.value for d in analysis.dates}
    assert values.get("Monday") == "2024-03-18"


# -- the component and event dating on text -------------------------------------------


@pytest.fixture(scope="module")
def seed():
    text = seed_text()
    return Pipeline(steps=["dates"]).analyse(Article(id="seed", text=text, published="2024-03-22"))


def _mention(analysis, text, nth=0):
    found = [d for d in analysis.dates if d.text == text]
    assert len(found) > nth, (text, [d.text for d in analysis.dates])
    return found[nth]


@pytest.mark.parametrize(
    "text, value",
    [("Friday", "2024-03-22"), ("Thursday", "2024-03-21"), ("Wednesday", "2024-03-20"),
     ("October 7", "2023-10-07"), ("Friday morning", "2024-03-22")],
)
def test_seed_days(seed, text, value):
    mention = _mention(seed, text)
    assert mention.value == value
    assert seed.text[mention.start:mention.end] == text


@pytest.mark.parametrize(
    "text, first, last",
    [("last week", "2024-03-11", "2024-03-17"), ("next week", "2024-03-25", "2024-03-31"),
     ("earlier this month", "2024-03-01", "2024-03-22")],
)
def test_seed_ranges(seed, text, first, last):
    mention = _mention(seed, text)
    assert (mention.first, mention.last, mention.value) == (first, last, None)


def test_seed_duration_is_not_a_date(seed):
    assert not any("hours" in d.text for d in seed.dates)
    assert not any("10 a.m." in d.text for d in seed.dates)


@pytest.mark.parametrize("text, found", [
    ("Rebels shelled the port on 3rd Sept 2017 and again in the spring.", ("3rd Sept 2017", "2017-09-03")),
    ("Police detained the driver on Jul 25, 2015, near the bridge.", ("Jul 25, 2015", "2015-07-25")),
    ("The governor toured the camp on 1st Oct 2017 with aid workers.", ("1st Oct 2017", "2017-10-01")),
])
def test_a_month_abbreviated_without_a_full_stop_beside_a_number(text, found):
    analysis = Pipeline(steps=["dates"]).analyse(Article(id="m", text=text, published="2018-04-10"))
    assert found in [(d.text, d.value) for d in analysis.dates]


def test_an_abbreviation_alone_is_not_a_month():
    analysis = Pipeline(steps=["dates"]).analyse(
        Article(id="n", text="Jan Novak and Mar Roxas met the envoy.", published="2018-04-10"))
    assert analysis.dates == []


def _token(analysis, word, after_text):
    start = analysis.text.index(after_text)
    return next(t for t in analysis.doc if t.idx >= start and t.text == word)


def test_event_date_from_own_clause(seed):
    date_ = event_date(seed, _token(seed, "met", "Secretary of State Antony Blinken met"))
    assert (date_.value, date_.source, date_.text) == ("2024-03-22", "clause", "Friday morning")


def test_event_date_in_future_clause(seed):
    date_ = event_date(seed, _token(seed, "travel", "Israeli officials will travel"))
    assert (date_.first, date_.last, date_.source) == ("2024-03-25", "2024-03-31", "clause")


def test_undated_future_event_gets_no_date(seed):
    # "is expected to travel": no date in text, and publication day would be wrong
    assert event_date(seed, _token(seed, "travel", "Bill Burns is expected to travel")) is None


def test_undated_event_is_bounded_by_publication(seed):
    # no words date it: on or before the publication day, never that day itself
    token = _token(seed, "met", "Blinken met with the Israeli war cabinet")
    date_ = event_date(seed, token)
    assert (date_.value, date_.first, date_.last) == (None, None, "2024-03-22")
    assert (date_.precision, date_.source) == ("unknown", "published")
    assert (date_.text, date_.start, date_.end) == ("", token.idx, token.idx)


def test_event_date_from_previous_sentence():
    text = (
        "The two ministers met in Geneva on Tuesday. They signed a trade accord.\n\n"
        "Protesters gathered outside."
    )
    analysis = Pipeline(steps=["dates"]).analyse(Article(id="t", text=text, published="2024-03-22"))
    signed = next(t for t in analysis.doc if t.text == "signed")
    date_ = event_date(analysis, signed)
    assert (date_.value, date_.source) == ("2024-03-19", "context")
    gathering = next(t for t in analysis.doc if t.text == "gathered")  # new paragraph, simple past
    assert (event_date(analysis, gathering).value, event_date(analysis, gathering).source) == ("2024-03-19", "narrative")


def test_only_an_event_told_in_the_past_takes_the_day_across_a_paragraph():
    text = "The two ministers met in Geneva on Tuesday.\n\nProtesters are gathering outside the hotel."
    analysis = Pipeline(steps=["dates"]).analyse(Article(id="t", text=text, published="2024-03-22"))
    gathering = next(t for t in analysis.doc if t.text == "gathering")
    assert event_date(analysis, gathering).source == "published"


@pytest.mark.parametrize("text, word, expected", [
    # the story's day carries over its one-sentence paragraphs
    ("Troops shelled the hill village on Friday.\n\nMost families fled on foot.\n\nThe governor condemned the raid.",
     "condemned", ("2024-06-14", "narrative")),
    ("The ferry sank off the cape on Wednesday. Divers searched the wreck. Two crew members were rescued.",
     "rescued", ("2024-06-12", "narrative")),
    # a year or month named before is background, not the day the next sentence tells
    ("In 1998 the rebels seized the port.\n\nSoldiers shot three fishermen.", "shot", (None, "published")),
    ("The strike began in March.\n\nWorkers blocked the depot.", "blocked", (None, "published")),
    # farther back than a few sentences the story has moved on
    ("Troops shelled the village on Friday. Aid arrived late. Roads were cut. Wells ran dry. Rebels ambushed a convoy.",
     "ambushed", (None, "published")),
    # the nearest time named dates a noun, so nothing carries past it
    ("Officials met on Monday. The June vote stayed on the agenda.\n\nThe mayor resigned.", "resigned",
     (None, "published")),
    # the day of a dateline is when the story was filed, not when its events happened
    ("- Friday, 14 June, 2024: The minister opened the clinic.\n\nShe praised the nurses.", "praised",
     (None, "published")),
    ("- Friday, 14 June, 2024: The minister opened the clinic.", "opened", (None, "published")),
    ("RIVERTON, June 14, 2024 (Valley Wire) -- The minister opened the clinic on Wednesday.", "opened",
     ("2024-06-12", "clause")),
])
def test_the_day_the_narrative_is_at(text, word, expected):
    found = _dated(text, "2024-06-14", word)
    assert (found.value, found.source) == expected


@pytest.mark.parametrize("first, expected", [
    # the day of the occasion a phrase of the main verb names times that verb
    ("At the town hall meeting on Tuesday, the mayor criticized the police chief.", ("2024-06-11", "narrative")),
    ("At a council meeting Tuesday, the mayor criticized the police chief.", ("2024-06-11", "narrative")),
    # a date of a noun's "of" phrase, or one naming the noun, times nothing
    ("The mayor criticized the police report of Tuesday.", (None, "published")),
    ("The mayor spoke in the Tuesday debate.", (None, "published")),
])
def test_the_day_of_an_occasion_carries_to_the_next_paragraph(first, expected):
    found = _dated(f"{first}\n\nCrowds marched to the station.", "2024-06-14", "marched")
    assert (found.value, found.source) == expected


@pytest.mark.parametrize("text, word, expected", [
    # an undated lede takes the day the sentence after it names for its main verb
    ("Senator praises the harbour plan.\n\nThe senator praised the harbour plan at a dockside rally. "
     "At the rally on Wednesday, she said the port would grow.", "praised", ("2024-06-12", "lede")),
    ("Two climbers were rescued from the north face. Guides reached them on Thursday after a storm.",
     "rescued", ("2024-06-13", "lede")),
    # not a day told as earlier still, nor one for a lede telling a state in the present
    ("The union accused the board of bad faith. It had rejected the offer on Monday.", "accused",
     (None, "published")),
    ("The growers say that the council approved the dam. The council voted on Monday.", "approved",
     (None, "published")),
    # nor past the first sentences of the story
    ("Farmers blocked the road. Police came. Traffic stopped. Drivers honked. The mayor apologized. "
     "He spoke on Tuesday.", "apologized", (None, "published")),
])
def test_an_undated_lede_takes_the_day_of_the_next_sentence(text, word, expected):
    found = _dated(text, "2024-06-14", word)
    assert (found.value, found.source) == expected


@pytest.mark.parametrize("second, word, expected", [
    ("The company denies any wrongdoing.", "denies", (None, "published")),  # a state at the time of writing
    ("The company rejected the ruling.", "rejected", ("2024-06-10", "context")),
    ("The company has appealed the ruling.", "appealed", ("2024-06-10", "context")),
])
def test_a_state_told_in_the_present_takes_no_date_from_the_sentence_before(second, word, expected):
    found = _dated(f"The court ruled on Monday that the land belongs to the village. {second}", "2024-06-14", word)
    assert (found.value, found.source) == expected


def test_an_undated_event_without_publication_date_says_why_it_has_no_date():
    text = "The envoy arrived in the capital."
    analysis = Pipeline(steps=["dates"]).analyse(Article(id="t", text=text, published=None))
    arrived = next(t for t in analysis.doc if t.text == "arrived")
    found = event_date(analysis, arrived)
    assert (found.text, found.start, found.end) == ("", arrived.idx, arrived.idx)  # at the trigger
    assert (found.value, found.first, found.last, found.precision) == (None, None, None, "unknown")
    assert (found.source, found.unresolved) == ("published", "no_publication_date")


def test_component_on_empty_text():
    analysis = Pipeline(steps=["dates"]).analyse(Article(id="e", text="", published="2024-03-22"))
    assert analysis.dates == []


def test_year_back_phrase_in_a_quarterly_report_is_that_quarter_a_year_before():
    text = (
        "The bank earned $4.1 million in the fourth quarter, up from $3.2 million a year earlier. "
        "A year ago the bank had just opened."
    )
    analysis = Pipeline(steps=["dates"]).analyse(Article(id="q", text=text, published="2024-01-20"))
    by_text = {d.text: d for d in analysis.dates}
    assert (by_text["the fourth quarter"].first, by_text["the fourth quarter"].last) == ("2023-10-01", "2023-12-31")
    earlier = by_text["a year earlier"]
    assert (earlier.first, earlier.last) == ("2022-10-01", "2022-12-31")


def test_year_back_phrase_without_a_reported_quarter_keeps_its_own_reading():
    analysis = Pipeline(steps=["dates"]).analyse(
        Article(id="y", text="A year ago the bank had just opened.", published="2024-01-20")
    )
    assert [(d.first, d.last) for d in analysis.dates] == [("2023-01-01", "2023-12-31")]


def test_following_year_counts_from_the_date_named_before():
    """'the following year' follows the year the story named last, not publication."""
    from dragoman.pipeline import Pipeline
    from dragoman.records import Article

    text = "The dam was finished in 2011. The following year, floods breached it. A month later, in May 2014, the council met."
    dates = Pipeline().analyse(Article(id="d", text=text, published="2024-06-01")).dates
    following = next(d for d in dates if d.text.lower() == "the following year")
    assert (following.first, following.last, following.precision) == ("2012-01-01", "2012-12-31", "year")


@pytest.mark.parametrize("text, word, value", [
    ("Border guards held two trawlers on Tuesday. They let the crews go the next day.", "the next day",
     "2024-03-20"),
    ("The minister was asked on Friday about a speech he gave the previous night.", "the previous night",
     "2024-03-21"),
    ("Talks broke down on Monday. A day later, the strikers marched again.", "A day later", "2024-03-19"),
])
def test_the_next_or_previous_day_counts_from_the_day_named_just_before(text, word, value):
    dates = Pipeline(steps=["dates"]).analyse(Article(id="n", text=text, published="2024-03-22")).dates
    beside = next(d for d in dates if d.text == word)
    assert (beside.value, beside.first, beside.last, beside.precision) == (value, value, value, "day")


@pytest.mark.parametrize("text", [
    "The dockers struck in March. The next day, the owners offered a raise.",  # a month: which day after it?
    "They let the crews go the next day.",  # no day named before
    # a day named two sentences back: the story has moved on to another time
    "The crews were held on Tuesday. Their families have waited for years. They were fined the next day.",
])
def test_the_next_day_is_never_the_publication_day(text):
    dates = Pipeline(steps=["dates"]).analyse(Article(id="n", text=text, published="2024-03-22")).dates
    beside = next(d for d in dates if d.text.lower() == "the next day")
    assert (beside.value, beside.first, beside.last) == (None, None, None)


def test_following_year_with_nothing_named_before_stays_unanchored():
    from dragoman.pipeline import Pipeline
    from dragoman.records import Article

    dates = Pipeline().analyse(Article(id="d", text="The following year, the mill closed.", published="2024-06-01")).dates
    assert all(d.first is None for d in dates)


# -- bounds, unanchored mentions and datelines ---------------------------------------------------


def _dated(text: str, published: str | None, word: str, after: str = ""):
    analysis = Pipeline(steps=["dates"]).analyse(Article(id="t", text=text, published=published))
    return event_date(analysis, _token(analysis, word, after or text[:10]))


@pytest.mark.parametrize("text, word", [
    ("The ministry said on Tuesday that rebels shelled the border post.", "shelled"),
    ("On Tuesday the mayor argued that the council ignored the residents.", "ignored"),
    ("In May investigators concluded that the guard had been bribed by the smugglers.", "bribed"),
    ("The agency reported on Tuesday that two reporters were detained at the airport.", "detained"),
])
def test_a_date_of_the_telling_only_bounds_an_earlier_event(text, word):
    # the date belongs to the statement or finding; what it reports happened by then
    found = _dated(text, "2024-06-14", word)
    assert found.source == "sentence" and found.value is None and found.first is None
    assert found.last in ("2024-06-11", "2024-05-31") and found.precision == "unknown"


@pytest.mark.parametrize("text, word, last", [
    ("On Tuesday the senator criticized the sheriff for jailing the reporter.", "jailing", "2024-06-11"),
    ("The driver was fined in May for blocking the bridge.", "blocking", "2024-05-31"),
    ("In March 2019 a jury found the captain guilty of selling the stolen guns.", "selling", "2019-03-31"),
    ("On Tuesday the mayor thanked the crews for rescuing two hikers.", "rescuing", "2024-06-11"),
])
def test_the_act_a_judgement_names_as_its_reason_is_only_bounded_by_its_date(text, word, last):
    found = _dated(text, "2024-06-14", word)
    assert (found.source, found.value, found.first, found.last) == ("sentence", None, None, last)


@pytest.mark.parametrize("text, word", [
    ("On Tuesday the council voted funds for rebuilding the bridge.", "rebuilding"),  # a purpose
    ("On Tuesday the mayor put her deputy in charge of reopening the port.", "reopening"),  # a noun's "of"
])
def test_a_gerund_that_no_judgement_governs_keeps_the_date_of_its_clause(text, word):
    found = _dated(text, "2024-06-14", word)
    assert (found.source, found.value) == ("sentence", "2024-06-11")


@pytest.mark.parametrize("text, word, value", [
    ("On Tuesday police fired tear gas as the crowd marched on the palace.", "marched", "2024-06-11"),
    ("The minister told parliament on Tuesday that the army was ready to withdraw.", "withdraw", "2024-06-11"),
    ("Officials met the envoy on Tuesday and signed the accord.", "signed", "2024-06-11"),
])
def test_a_date_of_the_clause_above_still_dates_a_simultaneous_event(text, word, value):
    assert _dated(text, "2024-06-14", word).value == value


def test_a_mention_that_names_no_time_does_not_date_an_event():
    text = "The guards were attacked near the 12th century fort. The talks will begin on Monday."
    found = _dated(text, "2024-06-14", "attacked")
    assert found.source == "published" and found.last == "2024-06-14"
    # with no publication date, "today" names no day but still says when, in words
    found = _dated("The council voted today to close the bridge.", None, "voted")
    assert (found.text, found.value, found.precision) == ("today", None, "day")


@pytest.mark.parametrize("opening, day", [
    ("RIVERTON, June 14, 2024 (Valley Wire) -- The council voted", "2024-06-14"),
    ("Maria Lopez, The Valley Herald June 14, 2024 4:05 pm. The council voted", "2024-06-14"),
    ("Posted Friday, 14th June 2024\n\nThe council voted", "2024-06-14"),
    ("- 14 June, 2024: The council voted", "2024-06-14"),
    ("By Maria Lopez June 14, 2024 RIVERTON -- The council voted", "2024-06-14"),
    ("On June 14, 2024, the council voted", None),  # a date inside the story
    ("The council voted to close the bridge. " * 6 + "RIVERTON, June 14, 2024 --", None),  # too far in
])
def test_dateline_date(opening, day):
    assert dateline_date(opening) == day


def test_the_dateline_anchors_relative_dates_when_no_publication_date_is_given():
    text = "RIVERTON, June 14, 2024 (Valley Wire) -- The council voted yesterday to close the bridge."
    analysis = Pipeline(steps=["dates"]).analyse(Article(id="t", text=text, published=None))
    assert analysis.published == "2024-06-14"
    assert _dated(text, None, "voted").value == "2024-06-13"
    assert analysis.to_record().published is None  # the record keeps the date as given
    given = Pipeline(steps=["dates"]).analyse(Article(id="t", text=text, published="2024-06-20"))
    assert given.published == "2024-06-20"  # a given date wins


def test_an_earlier_event_bounded_by_a_coming_date_ends_by_publication():
    found = _dated("On Monday the senator, who had backed the bill, will chair the hearing.", "2024-06-14", "backed")
    assert (found.source, found.first, found.last) == ("sentence", None, "2024-06-14")


@pytest.mark.parametrize("text, word, value", [
    ('"We met the builders today," the mayor said Monday.', "met", "2024-06-10"),
    ("“The pumps failed yesterday,” the engineer told reporters on Wednesday.", "failed", "2024-06-11"),
    ('The mayor said Monday that the builders met today.', "met", "2024-06-14"),  # no quotation: publication
    ("‘We met the builders today,’ the mayor said Monday.", "met", "2024-06-10"),  # single quotation marks
    # a quotation running over two paragraphs: the second opens with a mark and closes the quote
    ('"The bridge is shut.\n\n"We met the builders today and the work goes on," the mayor said Monday.', "met",
     "2024-06-10"),
])
def test_a_day_word_in_a_quotation_counts_from_the_day_it_was_said(text, word, value):
    assert _dated(text, "2024-06-14", word).value == value


@pytest.mark.parametrize("text, word, expected", [
    # a state or habit a relative clause tells in the present is not the dated clause's
    ("On Monday the court upheld a law that bans rallies outside parliament.", "bans", (None, "2024-06-14", "published")),
    ("The senator, who backs the governor, spoke to farmers on Monday.", "backs", (None, "2024-06-14", "published")),
    # a past act it tells is bounded by that date, not dated by it
    ("Police on Monday arrested two men who attacked a patrol.", "attacked", (None, "2024-06-10", "sentence")),
    ("The senator, who has endorsed the governor, spoke to farmers on Monday.", "endorsed",
     (None, "2024-06-10", "sentence")),
    # a clause describing the date itself, or the noun the date names, tells what happened then
    ("The debate began in 2014, when ministers urged a larger role for the army.", "urged",
     ("2014-01-01", "2014-12-31", "sentence")),
])
def test_a_relative_clause_keeps_its_own_time(text, word, expected):
    found = _dated(text, "2024-06-14", word)
    assert (found.first, found.last, found.source) == expected


def _date_of(text, word, published="2024-06-14"):
    analysis = Pipeline(steps=["dates"]).analyse(Article(id="t", text=text, published=published))
    found = event_date(analysis, next(t for t in analysis.doc if t.text == word))
    return found.value, found.first, found.last, found.source


@pytest.mark.parametrize("text, word", [
    ("The bank broke its 2011 pledge to small savers.", "broke"),
    ("Lawmakers repealed the 1998 housing law in a late vote.", "repealed"),
    ("A 1994 Honda Civic was travelling north on Elm Road.", "travelling"),
    ("The envoy refused to discuss the border of 1949.", "discuss"),
])
def test_a_date_of_another_noun_does_not_date_the_event(text, word):
    assert _date_of(text, word) == (None, None, "2024-06-14", "published")


@pytest.mark.parametrize("text, word, value", [
    ("Investigators studied the 2013 bombing of the station.", "bombing", "2013"),  # the noun is the event
    ("At a May rally in the capital, the senator denounced the plan.", "denounced", "2024-05"),  # the occasion
    ("They recalled the 2012 siege in which rebels stormed the compound.", "stormed", "2012"),  # told of that noun
    ("The union recalled the 1981 dock workers' strike.", "strike", "1981"),  # the phrase's head is the event
    ("Police released the photos on Tuesday afternoon.", "released", "2024-06-11"),  # a time word, not a noun
    ("A May 3 letter from the league warns the club of a fine.", "warns", "2024-05-03"),  # the dated noun acts
])
def test_a_date_of_the_event_its_occasion_or_its_noun_still_dates_it(text, word, value):
    assert _date_of(text, word)[0] == value


def test_a_date_of_the_noun_a_verb_carries_dates_the_event():
    analysis = Pipeline(steps=["dates"]).analyse(
        Article(id="t", text="The tenants filed a 2021 fraud lawsuit against the landlord.", published="2024-06-14"))
    filed, lawsuit = (next(t for t in analysis.doc if t.text == w) for w in ("filed", "lawsuit"))
    assert event_date(analysis, filed, event_noun=lawsuit).value == "2021"
    assert event_date(analysis, filed).source == "published"


@pytest.mark.parametrize("text, word, expected", [
    # a deadline ends the range: no later than it, and for a past event no later than publication
    ("The army will withdraw its troops by June 2025.", "withdraw", (None, None, "2025-06-30", "clause")),
    ("By Wednesday the rebels had left the town.", "left", (None, None, "2024-06-12", "clause")),
    ("She asked whether the minister could keep her pledge by 2030.", "keep", (None, None, "2030-12-31", "clause")),
    # a starting point begins it
    ("Militants have killed forty villagers since January.", "killed", (None, "2024-01-01", "2024-06-14", "clause")),
    # unless the date's own words tell the event
    ("Prices have doubled since March, when the council raised the levy.", "raised",
     ("2024-03", "2024-03-01", "2024-03-31", "sentence")),
])
def test_a_bound_gives_a_range_not_a_day(text, word, expected):
    assert _date_of(text, word) == expected
