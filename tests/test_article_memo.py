"""Memos kept while one article is analysed, shared by the actor coder and the gazetteer."""

from __future__ import annotations

from dragoman.resolve.actor_codes import code_actor
from dragoman.resolve.article_memo import ArticleMemo, one_article


def test_an_answer_is_worked_out_once_per_article_and_afresh_outside_one():
    memo: ArticleMemo[int] = ArticleMemo("test_memo")
    asked = []

    def work_out(key: str) -> int:
        asked.append(key)
        return len(asked)

    assert memo.get("a", lambda: work_out("a")) == 1
    assert memo.get("a", lambda: work_out("a")) == 2  # outside an article nothing is kept
    with one_article():
        assert memo.get("a", lambda: work_out("a")) == 3
        assert memo.get("a", lambda: work_out("a")) == 3
        assert memo.get("b", lambda: work_out("b")) == 4
    with one_article():  # the next article starts with nothing kept
        assert memo.get("a", lambda: work_out("a")) == 5
    assert asked == ["a", "a", "a", "b", "a"]


def test_within_one_article_an_actor_phrase_is_coded_once():
    with one_article():
        first = code_actor("the Kenyan foreign minister")
        assert code_actor("the Kenyan foreign minister") is first
    assert first.country == "KEN"
    assert code_actor("the Kenyan foreign minister") is not first
