"""Coreference within an article: pronouns, descriptions and introductions linked to the
actors `actors` clusters by name (step 4 of its docstring)."""

from __future__ import annotations

from collections import Counter
from typing import Optional

from spacy.tokens import Doc, Token

from ..analysis import Analysis
from ..annotate.views import doc_tokens, lower_words, pos_tags
from ..resolve.actor_codes import ActorCode
from ..resolve.role_classes import ends_with_title, role_compatible
from .actor_mentions import _Cluster, _Mention
from .events.parse import commanded_names, own_clause_subjects

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_PLURAL = {"they", "them", "their", "theirs", "themselves"}
_PRONOUNS = _MALE | _FEMALE | _PLURAL
_INTRODUCTION_WINDOW = 2  # sentences after a description in which the person it introduces is named


def _salient(
    clusters: list[_Cluster], before_char: int, sent_index: int, accept, window: int = 3,
    quoted: frozenset = frozenset(), sent_of_char=None,
) -> Optional[_Cluster]:
    """The most salient cluster mentioned before a position and accepted by `accept`. A
    mention among `quoted` (ids of mentions inside a quotation) makes no one the subject
    of the narration: the speaker's words name people the narrator's "he" rarely means."""
    best, best_score = None, None
    for c in clusters:
        # the extra spans (pronouns, descriptions) give a position only: no sentence, no subject
        seen = [m for m in c.mentions if m.start < before_char]
        extra_starts = [s for s, _e in c.extra_spans if s < before_char]
        if not (seen or extra_starts) or not accept(c):
            continue
        last_start = max([m.start for m in seen] + extra_starts)
        last_sent = max((m.sent_index for m in seen), default=-1)
        if sent_of_char is not None:  # linked pronouns keep a person in the window too
            last_sent = max([last_sent] + [sent_of_char(s) for s in extra_starts])
        if last_sent >= 0 and sent_index - last_sent > window:
            continue
        subject_bonus = 1 if any(m.is_subject and m.sent_index >= sent_index - 1 and id(m) not in quoted
                                 for m in seen) else 0
        score = (subject_bonus, last_start)
        if best_score is None or score > best_score:
            best, best_score = c, score
    return best


def _governing_subject(pronoun: Token, c: _Cluster) -> bool:
    """Whether a cluster is the subject of a clause above the pronoun's own word: of the
    verb its clause depends on, or of the verb its possessor noun depends on."""
    spans = [(m.start, m.end) for m in c.mentions]
    for verb in list(pronoun.ancestors)[1:]:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < pronoun.i and any(
                    s <= child.idx < e for s, e in spans):
                return True
    return False


def _named_in(c: _Cluster, sent_index: int) -> bool:
    return any(m.sent_index == sent_index for m in c.mentions)


def _narrator_pronouns(analysis: Analysis) -> list[Token]:
    """he/she/they outside quotations ("we"/"they" inside one are the speaker's)."""
    tokens, pos = doc_tokens(analysis.doc), pos_tags(analysis.doc)  # kept views, not each Token's attributes
    return [tokens[i] for i, word in enumerate(lower_words(analysis.doc)) if word in _PRONOUNS and pos[i] == "PRON"
            and not _inside_quote(analysis.text, tokens[i].idx)]


def _learn_genders(pronouns: list[Token], persons: list[_Cluster], sent_index_of) -> None:
    """A person's gender from the pronouns only they can be: "he"/"she" with no other
    person named before it in its sentence or the one before ("Sessions caused a stir
    when he ..."). Each person's majority counts; an honorific ("Mrs.") is kept. Gender
    is not taken from a pronoun's guessed link: one wrong guess would make Sanders "she"
    and send every later "her" away from Clinton."""
    votes: dict[int, Counter] = {}
    for tok in pronouns:
        if tok.lower_ in _PLURAL:
            continue
        sent_index = sent_index_of(tok.i)
        gender = "m" if tok.lower_ in _MALE else "f"
        near = [i for i, c in enumerate(persons)
                if any(m.start < tok.idx and sent_index - 1 <= m.sent_index <= sent_index for m in c.mentions)]
        if len(near) == 1 and persons[near[0]].noun_gender in (None, gender):  # "a man ... she": someone else
            votes.setdefault(near[0], Counter())[gender] += 1
    for i, counts in votes.items():
        (gender, n), *rest = counts.most_common()
        if persons[i].gender is None and not (rest and rest[0][1] == n):
            persons[i].gender = gender


def _cluster_at(clusters: list[_Cluster], token: Token) -> Optional[_Cluster]:
    """The cluster one of whose mentions (or linked pronouns) covers a token."""
    for c in clusters:
        spans = [(m.start, m.end) for m in c.mentions] + c.extra_spans
        if any(s <= token.idx < e for s, e in spans):
            return c
    return None


def _resolve_pronouns(analysis: Analysis, clusters: list[_Cluster], sent_index_of) -> None:
    persons = [c for c in clusters if c.kind == "person"]
    groups = [c for c in clusters if c.kind != "person"]
    pronouns = _narrator_pronouns(analysis)
    _learn_genders(pronouns, persons, sent_index_of)
    quoted = frozenset(id(m) for c in clusters for m in c.mentions if _inside_quote(analysis.text, m.start))
    for tok in pronouns:
        word = tok.lower_
        sent_index = sent_index_of(tok.i)
        bound = own_clause_subjects(tok) + commanded_names(tok)
        barred = {id(c) for c in (_cluster_at(clusters, s) for s in bound) if c is not None}
        if word in _PLURAL:
            target = _salient(groups, tok.idx, sent_index, lambda c: id(c) not in barred, window=1, quoted=quoted)
        else:
            gender = "m" if word in _MALE else "f"
            known = _salient(persons, tok.idx, sent_index,
                             lambda c, g=gender: c.gender == g and id(c) not in barred, quoted=quoted)
            unknown = _salient(persons, tok.idx, sent_index,
                               lambda c, g=gender: c.gender is None and c.noun_gender in (None, g)
                               and id(c) not in barred, quoted=quoted)
            # a person known to be of the pronoun's gender before one of unknown gender, unless
            # the latter is the subject the pronoun's clause hangs on and the former is not named
            # in its sentence: "Roe told reporters that he ...", "Roe brought his brother"
            target = known or unknown
            if known and unknown and _governing_subject(tok, unknown) and not _named_in(known, sent_index):
                target = unknown
        if target is not None:
            target.extra_spans.append((tok.idx, tok.idx + len(tok.text)))


def _inside_quote(text: str, pos: int) -> bool:
    """Whether a position lies between an opening and a closing quotation mark in its paragraph."""
    para_start = text.rfind("\n", 0, pos) + 1
    before = text[para_start:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _resolve_descriptions(descriptions: list[_Mention], clusters: list[_Cluster]) -> list[_Mention]:
    """Link "the top US diplomat" to the person it describes; unlinked ones stay actors."""
    persons = [c for c in clusters if c.kind == "person"]
    named = [c for c in persons if not c.key.startswith("group:")]
    unlinked = []
    for d in descriptions:

        def compatible(c: _Cluster, d=d, spelled_out=False) -> bool:
            return _fits(c, d, spelled_out)

        def same_title(c: _Cluster, d=d, spelled_out=False) -> bool:
            return _holds_title(c, d, spelled_out)

        # "the premier's aide said the prime minister ...": a person holding the very
        # title first, a named one before a described one, however recent a holder of a
        # kindred title ("President Obama"); a title written short ("Gov. X" for "the
        # governor") only when it names one person of the article so far
        target = (_salient(named, d.start, d.sent_index, same_title, window=8)
                  or _only_short_holder(named, d, same_title)
                  or _salient(persons, d.start, d.sent_index, same_title, window=8)
                  or _salient(persons, d.start, d.sent_index, compatible, window=8))
        if target is None:
            unlinked.append(d)
            continue
        _describe(target, d)
    return unlinked


def _relink_descriptions(unlinked: list[_Mention], clusters: list[_Cluster], sent_of_char) -> list[_Cluster]:
    """A description left alone because the person it fits was last named over eight
    sentences before, though pronouns named them since, links to them now (with the
    pronouns it drew); the clusters left."""
    persons = [c for c in clusters if c.kind == "person"]
    named = [c for c in persons if not c.key.startswith("group:")]
    for d in unlinked:
        own = next((c for c in clusters if c.mentions == [d]), None)
        if own is None:
            continue
        others = [c for c in named if c is not own and not c.key.startswith("contrast:")]
        if any(m.sent_index == d.sent_index and m.start > d.end for c in others for m in c.mentions):
            continue  # "the president of the party, Jane Roe, ...": a name after it may be its own
        target = (_salient(others, d.start, d.sent_index, lambda c, d=d: _holds_title(c, d), window=8,
                           sent_of_char=sent_of_char)
                  or _salient(others, d.start, d.sent_index, lambda c, d=d: _fits(c, d), window=8,
                              sent_of_char=sent_of_char))
        if target is None:
            continue
        own.mentions.remove(d)
        target.extra_spans.extend(own.extra_spans)
        _describe(target, d)
    return [c for c in clusters if c.mentions]


def _fits(c: _Cluster, d: _Mention, spelled_out: bool = False) -> bool:
    """Whether a description may name a person: no other country, sex or class of role."""
    country = c.vote("country")
    if d.code.country and country and d.code.country != country:
        return False
    if d.noun_gender and d.noun_gender != (c.gender or c.noun_gender or d.noun_gender):
        return False  # "the councilwoman" is no man
    return role_compatible(d.code.role, c.vote("role"), spelled_out)


def _holds_title(c: _Cluster, d: _Mention, spelled_out: bool = False) -> bool:
    """Whether a person holds a description's very title ("the senator": "Sen. Ann Roe")."""
    return _fits(c, d, spelled_out) and ends_with_title(d.code.role, c.vote("role"), spelled_out)


def _describe(target: _Cluster, d: _Mention) -> None:
    """Link a description to the person it names; what it says of them counts as a vote."""
    target.extra_spans.append((d.start, d.end))
    if d.code.country and not target.vote("country"):
        target.mentions.append(
            _Mention(d.start, d.end, d.sent_index, d.is_subject,
                     ActorCode(d.code.country, d.code.sector, None, None, "person", f"description:{d.name}"),
                     "person", target.key, "", d.head_i)
        )


def _only_title_holder(named: list[_Cluster], d: _Mention) -> Optional[_Cluster]:
    """The one person the whole article names with a description's very title ("Sen.
    Ann Roe" for "Senator"); none when two hold it, nor by a kindred title only, since
    the person a headline means often has no title in the body at all."""
    holders = [c for c in named if _holds_title(c, d) or _holds_title(c, d, True)]
    return holders[0] if len(holders) == 1 else None


def _link_headline_descriptions(clusters: list[_Cluster]) -> list[_Cluster]:
    """"Senator arrested after ...": a headline's bare description names the one person
    of the article holding its title (`_only_title_holder`); the clusters left."""
    named = [c for c in clusters if c.kind == "person" and not c.key.startswith(("group:", "contrast:"))]
    for c in clusters:
        for m in [m for m in c.mentions if m.headline]:
            holder = _only_title_holder(named, m)
            if holder is not None and holder is not c:
                c.mentions.remove(m)
                _describe(holder, m)
    return [c for c in clusters if c.mentions]


def _only_short_holder(named: list[_Cluster], d: _Mention, same_title) -> Optional[_Cluster]:
    """The one named person before a description who holds its very title written short:
    "Gov. Jane Roe ... the governor", but not with a Gov. Ann Poe or a Governor Ann Poe
    named too (`same_title(cluster, d, spelled_out)` tells a holder)."""
    if any(0 <= d.start - m.end <= 2 for c in named for m in c.mentions):
        return None  # "Dwight Roe, the general": in apposition, the name just before is the one
    holders = [c for c in named if any(m.start < d.start for m in c.mentions) and same_title(c, d, True)]
    if len(holders) != 1 or same_title(holders[0], d, False):
        return None  # a holder of the title as written was the salient resolver's to find
    return holders[0]


def _link_introductions(doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
    """"a British mine removal expert was kidnapped ... Christopher Howes": an indefinite
    singular description giving a nationality introduces the first person named in full
    after it in the next two sentences (in its own sentence only when the name is the
    description's own, "a woman named Jane Roe"), who has no country of their own and no
    role that the description's rules out (a titled person needs a title the description
    shares: "a Pentagon spokesman ... spokesman Kenneth Bacon"); the person takes its
    country and sector (rule "introduced:..."). The clusters left, without the linked
    descriptions."""
    named = sorted((c for c in clusters if c.kind == "person" and not c.key.startswith("group:")),
                   key=lambda c: min(m.start for m in c.mentions))
    kept = []
    for c in clusters:
        intro = c.mentions[0] if len(c.mentions) == 1 and c.mentions[0].introduces else None
        target = _introduced(doc, intro, named) if intro is not None else None
        if target is None:
            kept.append(c)
            continue
        target.extra_spans.extend([(intro.start, intro.end), *c.extra_spans])
        target.mentions.append(
            _Mention(intro.start, intro.end, intro.sent_index, intro.is_subject,
                     ActorCode(intro.code.country, intro.code.sector, None, None, "person",
                               f"introduced:{intro.name}"),
                     "person", target.key, "", intro.head_i)
        )
    return kept


def _names_description(name: Token, description: Token) -> bool:
    """Whether a name is attached to a description as its name: "a US soldier, Sgt John Reed,"
    (apposition) or "a woman named Jane Roe"."""
    if name.dep_ == "appos":
        return description in name.ancestors
    return name.head.lemma_ in {"name", "call"} and name.head.head.i == description.i


def _introduced(doc: Doc, intro: _Mention, named: list[_Cluster]) -> Optional[_Cluster]:
    """The first person named after `intro` and close to it whom it can describe."""
    for c in named:
        first = min(c.mentions, key=lambda m: m.start)
        if first.start < intro.end:
            continue
        if first.sent_index - intro.sent_index > _INTRODUCTION_WINDOW:
            return None
        if len(first.name.split()) < 2:
            continue  # a person is introduced by their full name, not by a surname alone
        if first.sent_index == intro.sent_index and not _names_description(doc[first.head_i], doc[intro.head_i]):
            continue  # "a police officer shot Laquan McDonald": a name in the same sentence is someone else
        role = c.vote("role") or first.word_before or None  # "Dr. Charles Lee", "Sheriff's Lt. Dana Ruiz"
        if not c.vote("country") and (role is None or role_compatible(intro.code.role, role)):
            return c
    return None
