"""Assertion: which triggers name an event the sentence reports.

A trigger inside the complement of an embedding verb ("refused to meet",
"vowed to attack") is that verb's content; what protesters demand is the
protest's topic; a killing that is the outcome of an attack is the attack;
an event noun that another event is about, a same-type noun framing a
verb's event, a participle used as an adjective ("Western-funded
militias"), events in relative clauses and in circumstance phrases or
clauses are background, not reported events (save those a word of time
order places beside the reported one), and what a direct question
asks about or a command bids is not reported; nor is a position its doer holds ("she
supports drilling"), told in the present on a kind of thing, nor an act of private
life, between someone's kin or friends and people of no public sector.
"""

from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Token

from ...annotate.views import doc_text, sentence_of
from ...records import MATERIAL_QUADS, Party
from ..lexicon import Lexicon
from .arguments import _answered_parties
from .drafts import Draft, Match
from .parse import _complement_tokens, _for_clauses, _lemma
from .status import _told_in_the_past

_SET_OFF = frozenset({",", "-", "--", "\u2013", "\u2014"})  # a comma or a dash sets off a comment on the clause
# how a trigger hangs inside the clause a question inverts ("Will you resign?",
# "Do we have to discuss it?", "Have they received promises?")
_WITHIN_CLAUSE = {"xcomp", "conj", "dobj", "pobj", "prep", "acomp"}
# relative pronouns a non-restrictive clause opens with ("that" opens restrictive ones)
_NON_RESTRICTIVE_PRONOUNS = {"who", "whom", "whose", "which"}
# relative pronouns and adverbs (who, which, that, whose, where, when)
_RELATIVE_TAGS = {"WP", "WDT", "WP$", "WRB"}
_DEFINITE_DETERMINERS = {"the", "this", "that", "these", "those"}
# dependencies that open a clause of its own below a circumstance word
_CLAUSE_DEPS = {"xcomp", "advcl", "acl", "relcl", "ccomp"}
_SAID_QUADS = (1, 3)  # verbal cooperation and conflict: things said, a stance among them
_SIMPLE_PRESENT = {"VBZ", "VBP"}
_KIND_TAGS = {"NN", "NNS", "VBG"}  # common nouns and gerunds
_PICKING_DEPS = {"det", "poss", "nummod", "predet"}  # words that pick out one thing or some
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative"}  # who does the act and to whom
_INDEFINITE = {"a", "an"}
# material conflict: force, which the news reports when kin do it (a couple's
# shooting spree) and which the authorities do to private people (arrests, sentences)
_MATERIAL_CONFLICT = 4
# charges and lawsuits, which accuse someone of a public wrong
_ACCUSATIONS = frozenset({"ACCUSE"})


def unasserted(drafts: dict[int, Draft], absorbed: set[int], lex: Lexicon) -> set[int]:
    """The drafts that name no event of their own, beyond those `absorbed`
    already; the filters that find one lend it their recipients on the way,
    so they run in this order."""
    absorbed = set(absorbed)
    absorbed |= _protest_topics(drafts)
    absorbed |= _violence_outcomes(drafts)
    absorbed |= _topic_events(drafts, absorbed, lex)
    absorbed |= _framing_nouns(drafts, absorbed)
    absorbed |= _descriptive_participles(drafts)
    absorbed |= _background_clauses(drafts, absorbed, lex)
    absorbed |= _circumstances(drafts, absorbed, lex)
    absorbed |= {i for i, d in drafts.items() if _asked_about(d.match.carrier or d.head)}
    absorbed |= {i for i, d in drafts.items() if _commanded(d.match.carrier or d.head)}
    return absorbed


def embeddings(matches: dict[int, Match], lex: Lexicon) -> tuple[set[int], dict[int, list[int]]]:
    """Triggers inside the complement of an absorbing or promising verb."""
    absorbed: set[int] = set()
    embedded: dict[int, list[int]] = {}
    for i, match in matches.items():
        if match.entry.embed is None:
            continue
        inside = {t.i for t in _embedded_tokens(match.head, lex.circumstance_words)} - {i}
        inner = sorted((j for j in matches if j in inside), key=lambda j: _depth(matches[j].head))
        absorbed.update(inner)
        embedded[i] = inner
    return absorbed, embedded


def _protest_topics(drafts: dict[int, Draft]) -> set[int]:
    """What protesters demand is the protest's topic, not a separate
    request (manual, PROTEST ambiguities)."""
    protests = {
        t.i for d in drafts.values() if d.event == "PROTEST"
        for t in [d.head] + ([d.match.carrier] if d.match.carrier is not None else [])
    }
    topics = {
        i: d for i, d in drafts.items()
        if d.event == "REQUEST" and any(a.i in protests for a in d.head.ancestors)
    }
    for topic in topics.values():
        protest = next(
            (d for d in drafts.values() if d.event == "PROTEST" and not d.recipients
             and any(a.i in (d.head.i, getattr(d.match.carrier, "i", -1)) for a in topic.head.ancestors)),
            None,
        )
        if protest is not None:
            protest.recipients = topic.recipients
    return set(topics)


def _violence_outcomes(drafts: dict[int, Draft]) -> set[int]:
    """'shelled the town, killing 20', 'launched an attack, killing 20', 'the
    bombardment of the town killed 20': the killing is the outcome of the
    shelling, one event, which takes the victims as recipient when it names
    none itself."""
    outcomes = set()
    by_carrier = {d.match.carrier.i: d for d in drafts.values() if d.match.carrier is not None}
    for i, draft in drafts.items():
        main = drafts.get(draft.head.head.i) or by_carrier.get(draft.head.head.i)
        if main is None or main is draft:  # "the bombardment of the town killed 20"
            main = next((drafts[c.i] for c in draft.head.children if c.dep_ == "nsubj" and c.i in drafts), None)
            main = main if main is not None and not main.match.verbal else None
        if (
            draft.event == "ASSAULT" and draft.match.verbal and main is not None and main is not draft
            and main.event == "ASSAULT" and (draft.head.dep_ in ("advcl", "conj") or draft.head in main.head.ancestors)
        ):
            if draft.head.dep_ == "advcl" and draft.actors and _unclaimed_harm(main):
                # "two were killed when police fired": the killing is the firing's outcome
                outcomes |= {k for k, d in drafts.items() if d is main}
                draft.recipients = draft.recipients or main.recipients
                continue
            outcomes.add(i)
            if not main.recipients:
                main.recipients = draft.recipients
    return outcomes


def _unclaimed_harm(draft: Draft) -> bool:
    """A passive with no doer: 'two were killed', 'dozens were injured'."""
    return draft.rule.startswith("verb:passive") and not draft.actors


def _topic_events(drafts: dict[int, Draft], absorbed: set[int], lex: Lexicon) -> set[int]:
    """'agreed on a ceasefire', 'discussed sanctions', 'accepted demands
    from the rebels': an event noun that is what another event's verb is
    about is that event's content, not a second event. A deed with a
    named doer ("discussed the Houthi attack") stays an event. When the
    main event names no recipient, the one whose demand or offer it
    answers becomes it ("accepted demands from the rebels")."""
    topics = set()
    for i, draft in drafts.items():
        if draft.match.verbal or draft.match.carrier is not None or i in absorbed:
            continue
        if lex.quad[draft.event] in MATERIAL_QUADS and draft.actors:
            continue
        main = drafts.get(_topic_governor(draft.head, lex.topic_preps).i)
        if main is None or main is draft or not main.match.verbal or main.head.i in absorbed:
            continue
        topics.add(i)
        if not main.recipients:
            main.recipients = _answered_parties(main, draft)
    return topics


def _circumstances(drafts: dict[int, Draft], absorbed: set[int], lex: Lexicon) -> set[int]:
    """'closed its borders because of fighting', 'will meet him if he gives
    them a veto': an event in a circumstance phrase or clause of another
    event is background, dropped when that other event is reported. One that
    a word of time order places beside it took place as well ("were arrested
    after police raided the house"): it is reported, tagged (bg13)."""
    found = set()
    for i, draft in drafts.items():
        cue = _circumstance_cue(draft, lex)
        if i in absorbed or cue is None:
            continue
        main = next((drafts[a.i] for a in cue.ancestors if a.i in drafts), None)
        if main is None or main.head.i in absorbed:
            continue
        word = _sequence_word(draft, cue, lex)
        if word is None:
            found.add(i)
        else:
            draft.rule += f"+background:{word}"
    return found


def _sequence_word(draft: Draft, cue: Token, lex: Lexicon) -> Optional[str]:
    """The word of time order ("after", "since", "in the wake of") when the
    trigger is what it introduces, in a sentence about the past: the noun
    or gerund of its phrase, or the verb (or an argument of it) of a clause
    told in the past. Not an infinitive or a noun further down ("after they
    used a card to order food", "after complaints of looting"), nor a phrase
    on a present or future verb ("will leave after the meeting")."""
    if cue.dep_ == "advcl":
        word = next(c.lower_ for c in cue.children if c.dep_ == "mark" and c.lower_ in lex.circumstance_words)
        if not _told_in_the_past(cue):
            return None
    else:
        word = cue.lower_
        verb = next((t for t in cue.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or not _in_the_past(verb):
            return None
    anchor = draft.match.carrier or draft.head
    path = [anchor, *anchor.ancestors]
    between = path[1 : path.index(cue)] if cue in path else path[1:]
    if anchor.dep_ in _CLAUSE_DEPS and anchor is not cue or any(
        t.dep_ in _CLAUSE_DEPS or t.pos_ in ("NOUN", "PROPN") for t in between
    ):
        return None
    return word if word in lex.sequence_words else None


def _in_the_past(verb: Token) -> bool:
    """A verb told in the past, or a bare past participle ("soldiers killed since the war")."""
    return _told_in_the_past(verb) or (
        verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _circumstance_cue(draft: Draft, lex: Lexicon) -> Optional[Token]:
    """Where the trigger's circumstance phrase hangs: the adverbial clause a
    circumstance word introduces, or the preposition ("after", "amid",
    "because of", "due to") whose object is a nominal trigger."""
    anchor = draft.match.carrier or draft.head
    for token in [anchor, *anchor.ancestors]:
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in lex.circumstance_words for c in token.children
        ):
            return token
        if token.dep_ == "pcomp" and token.head.lower_ in lex.circumstance_words:
            return token.head  # "before allowing aid convoys in"
    if draft.match.verbal or draft.head.dep_ != "pobj":
        return None
    prep = draft.head.head
    cue = prep if prep.lower_ in lex.circumstance_words else prep.head  # "because of"
    return cue if cue.lower_ in lex.circumstance_words else None


def _topic_governor(noun: Token, preps: frozenset[str]) -> Token:
    """The verb a noun is the object of, directly or through a topic
    preposition ("agreed on", "talked about"); the noun itself otherwise."""
    if noun.dep_ in ("dobj", "nsubjpass"):
        return noun.head
    if noun.dep_ == "conj" and noun.head.dep_ in ("dobj", "nsubjpass", "pobj"):
        return _topic_governor(noun.head, preps)
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in preps:
        return noun.head.head
    return noun


def _framing_nouns(drafts: dict[int, Draft], absorbed: set[int]) -> set[int]:
    """'killed four in an attack on Basra', 'were arrested in a raid': a noun
    of the same type framing the verb's event in an in-phrase names that same
    event; it lends its recipient when the verb names none."""
    frames = set()
    for i, draft in drafts.items():
        prep = draft.head.head
        verb = drafts.get(prep.head.i) if draft.head.dep_ == "pobj" and prep.lower_ == "in" else None
        if i in absorbed or draft.match.verbal or verb is None:
            continue
        if not verb.match.verbal or verb.event != draft.event:
            continue
        frames.add(i)
        if not verb.recipients:
            verb.recipients = draft.recipients
    return frames


def _descriptive_participles(drafts: dict[int, Draft]) -> set[int]:
    """'the banned party', 'Western-funded militias', 'arrested protesters
    were freed': a participle used as an adjective describes a participant's
    state; it reports no event. A determiner before it, a hyphenated modifier
    ("Western-funded"), or a noun that is itself an argument of a verb tells
    an adjective from a misparsed main verb ("Attackers stabbed villagers",
    where the parser makes the noun the root)."""
    return {i for i, d in drafts.items() if d.match.verbal and d.head.dep_ == "amod" and _attributive(d.head)}


def _attributive(participle: Token) -> bool:
    noun = participle.head
    if any(c.dep_ in ("det", "poss") and c.i < participle.i for c in noun.children):
        return True
    hyphenated = any(c.dep_ == "npadvmod" and c.i < participle.i for c in participle.children)
    in_a_clause = sentence_of(participle).root.pos_ in ("VERB", "AUX")  # not a sentence misread as a noun phrase
    return participle.i < noun.i and in_a_clause and (hyphenated or noun.dep_ != "ROOT")


def _background_clauses(drafts: dict[int, Draft], absorbed: set[int], lex: Lexicon) -> set[int]:
    """'the rebels, who are preparing an offensive', 'the man who was arrested
    said ...': a relative clause describes one of the participants of the
    sentence's own event; what it mentions is background, not an event the
    sentence reports. Kept when the sentence has no other. So does a said act
    told by a participle after the noun, a relative clause without its pronoun
    ("militias backed by Ankara took the town", "a plan opposed by the
    unions"): who backs or opposes a participant describes it; a deed told so
    ("fighters killed in the raid") stays reported. A relative clause
    on an event noun tells that event's course, not a participant's past:
    "clashes that broke out after troops fired on the march". A past told
    between commas about a named or definite participant is asserted too
    (relcl11, issue #17): "the governor, who had banned the march, resigned".
    So is a past verb of the clause's own that names its own subject
    (relclause14): "the forum at which the ministers rejected the bid"."""
    event_nouns = {t.i for d in drafts.values() if d.match.entry.pos == "noun" for t in d.match.tokens}

    def relative_clauses(draft: Draft) -> list[Token]:
        anchor = draft.match.carrier or draft.head
        said = lex.quad[draft.event] not in MATERIAL_QUADS
        return [a for a in [anchor, *anchor.ancestors]
                if (a.dep_ == "relcl" or (said and a is draft.head and _reduced_relative(a)))
                and a.head.i not in event_nouns]

    clauses = {i: relative_clauses(d) for i, d in drafts.items() if i not in absorbed}
    in_clauses = {i for i, found in clauses.items() if found}
    background = set()
    for i in in_clauses:
        draft = drafts[i]
        asides = [_past_aside(c) for c in clauses[i]]
        if all(asides):
            continue
        verb = draft.head if draft.match.verbal and draft.match.carrier is None else None
        if all(aside or (c is verb and _past_act_with_own_subject(c)) for aside, c in zip(asides, clauses[i])):
            draft.rule += "+relative:own-subject"
        else:
            background.add(i)
    # only a main-clause event makes a described one background, not an asserted aside
    sentences_with_main = {
        sentence_of(d.head).start for i, d in drafts.items() if i not in in_clauses | absorbed
    }
    return {i for i in background if sentence_of(drafts[i].head).start in sentences_with_main}


def _reduced_relative(participle: Token) -> bool:
    """A past participle after the noun it describes: 'the party backed by unions';
    not one on a noun that comments on the whole clause ("..., a charge denied by
    Moscow", "... - a move condemned by Washington"), which reports the reaction."""
    noun = participle.head
    start = noun.left_edge.i
    set_off = start > 0 and noun.doc[start - 1].text in _SET_OFF
    comment = set_off and (noun.head.pos_ in ("VERB", "AUX") or (noun.dep_ == "appos" and _closes_sentence(noun)))
    return participle.dep_ == "acl" and participle.tag_ == "VBN" and noun.i < participle.i and not comment


def _closes_sentence(phrase: Token) -> bool:
    """The phrase runs to the sentence's end (its full stop aside): an apposition
    there comments on the clause ("vetoed the measure, a move condemned by ..."),
    one inside it describes a participant ("the militia, a group backed by Iran, ...")."""
    rest = phrase.doc[phrase.right_edge.i + 1:sentence_of(phrase).end]
    return all(t.is_punct or t.is_space for t in rest)


def _past_aside(clause: Token) -> bool:
    """'Smith, who was arrested in 2010, ...', 'the militia, which has
    shelled the port twice, ...': a relative clause set off by a
    comma, in the past or a perfect, on a named or definite participant adds a
    fact the news asserts (its status comes from its own tense and date); a
    restrictive one only picks the participant out ("the man who was
    arrested"), and a present one describes it ("which is regrouping")."""
    doc, start = clause.doc, clause.left_edge
    if start.i == 0 or doc[start.i - 1].text != ",":
        return False
    pronoun = doc[start.i + 1] if start.dep_ == "prep" and start.i + 1 < len(doc) else start  # "in which"
    if pronoun.lower_ not in _NON_RESTRICTIVE_PRONOUNS:
        return False
    return _named_or_definite(clause.head) and _told_in_the_past(clause)


def _past_act_with_own_subject(clause: Token) -> bool:
    """'the summit, where she met the king', 'the plan which the council
    vetoed on Monday', 'the envoys whom the rebels received': a clause whose
    relative word is not its subject names a doer of its own and tells, in
    the past, an act beside the noun it hangs on; one whose subject is the
    relative word ("a candidate who promised ...", "someone who had
    defended ...") mostly says what kind of participant the noun is."""
    relative_word = any(t.tag_ in _RELATIVE_TAGS for t in clause.subtree if t.i < clause.i)
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    own_subject = bool(subjects) and subjects[0].tag_ not in _RELATIVE_TAGS
    return relative_word and own_subject and _told_in_the_past(clause)


def _named_or_definite(noun: Token) -> bool:
    return noun.pos_ == "PROPN" or any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS) for c in noun.children
    )


def _asked_about(anchor: Token) -> bool:
    """'Do you support him?', 'Will you resign?', 'How hard will she attack?':
    what a direct question asks about is not reported. A question is a
    sentence ending in a question mark whose clause puts an auxiliary before
    its subject; 'why' with 'do' takes the event as given ("Why did they
    refuse?")."""
    sentence = sentence_of(anchor)  # a line break always ends one (annotate.nlp's paragraph breaks)
    if not doc_text(anchor.doc)[sentence.start_char : sentence.end_char].rstrip().rstrip(" \"'”’)").endswith("?"):
        return False
    clause = anchor
    while clause.dep_ in _WITHIN_CLAUSE and clause.head != clause:
        clause = clause.head
    subjects = [c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    aux = next((c for c in clause.children if c.dep_ in ("aux", "auxpass") and any(c.i < s for s in subjects)), None)
    if aux is None:
        return False
    return not (_lemma(aux) == "do" and clause.doc[clause.left_edge.i].lower_ == "why")


# words an imperative may follow: "please attack", "do not negotiate", "just leave"
_BEFORE_COMMAND = {"please", "do", "don't", "not", "n't", "just", "now", "then", "so", "and", "but", "never"}


def _commanded(anchor: Token) -> bool:
    """'Release them now!', 'Thank you to every nurse', 'Burn the files':
    a sentence, or a quotation, that opens on a bare verb with no subject
    bids or blesses; what it names is not reported."""
    if anchor.tag_ not in ("VB", "VBP") or anchor.dep_ in ("conj", "relcl", "acl", "amod"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass") for c in anchor.children):
        return False
    sentence = sentence_of(anchor)
    opening = anchor.i
    while opening > sentence.start and anchor.doc[opening - 1].lower_ in _BEFORE_COMMAND:
        opening -= 1
    previous = anchor.doc[opening - 1] if opening > sentence.start else None
    return previous is None or previous.is_quote or (previous.is_punct and previous.lower_ not in _SET_OFF)


def _embedded_tokens(head: Token, circumstances: frozenset[str]) -> list[Token]:
    """What an embedding verb governs. A to-infinitive right after it or its
    object is its complement even when parsed as an adverbial clause ("have
    sworn to fight", "offered troops to help"), and so is a for-to clause
    ("pushed for X to back"); other verbs keep such clauses as purposes
    ("resigned to allow"). Circumstance phrases ("before allowing") are not content.
    An apposition or a clause with a doer of its own ("vetoed the measure - a
    move condemned by X") is another event about the object, not its content."""
    adjacent = [
        c for c in head.children
        if c.dep_ == "advcl" and c.tag_ == "VB" and c.left_edge.lower_ == "to" and _follows_directly(head, c)
    ]
    clauses = adjacent + _for_clauses(head) + _noun_infinitives(head)
    governed = _complement_tokens(head, circumstances) + [t for c in clauses for t in c.subtree]
    separate = {
        t.i
        for root in governed
        if root.dep_ == "appos"
        or (root.dep_ in ("acl", "relcl") and _has_own_doer(root) and not _is_content_clause(root))
        for t in root.subtree
    }
    return [t for t in governed if t.i not in separate]


def _noun_infinitives(head: Token) -> list[Token]:
    """'its willingness to negotiate': what an embedding noun is ready for."""
    if head.pos_ != "NOUN":
        return []
    return [c for c in head.children if c.dep_ == "acl" and c.left_edge.lower_ == "to" and not _has_own_doer(c)]


def _follows_directly(head: Token, clause: Token) -> bool:
    """A to-infinitive right after the verb or after its object ("offered its
    troops to help him"), not one set off by a comma: what is offered,
    promised or asked for."""
    between = head.doc[head.i + 1 : clause.left_edge.i]
    objects = {t.i for c in head.children if c.dep_ in ("dobj", "dative", "prep") for t in c.subtree}
    return all(t.i in objects and t.text != "," for t in between)


def _is_content_clause(clause: Token) -> bool:
    """'an admission that forces murdered ...': a that-clause saying what a
    noun is about (a complementizer, no relative pronoun) is its content."""
    return clause.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _has_own_doer(clause: Token) -> bool:
    return any(c.dep_ in ("agent", "nsubj", "nsubjpass") for c in clause.children)


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def standing_position(draft: Draft, lex: Lexicon) -> bool:
    """'She supports wind farms', 'the party opposes drilling': a verb of
    saying or stance (PLOVER's verbal quad classes) in the simple present,
    with no recipient and a kind of thing for object (a bare noun or gerund,
    no determiner, possessive, number or name), tells a position its doer
    holds, not an act on an occasion. A headline's present tells a past act,
    so the article's first sentence is left alone."""
    head = draft.head
    if not draft.match.verbal or draft.recipients or lex.quad[draft.event] not in _SAID_QUADS:
        return False
    if head.tag_ not in _SIMPLE_PRESENT or any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False
    if sentence_of(head).start == 0:
        return False
    objects = [c for c in head.children if c.dep_ == "dobj"]
    return bool(objects) and all(_a_kind_of_thing(o) for o in objects)


def _a_kind_of_thing(noun: Token) -> bool:
    """A bare common noun or gerund ('drilling', 'nuclear weapons'): no
    determiner, possessive, number or name picks out one thing."""
    if noun.tag_ not in _KIND_TAGS or noun.ent_type_:
        return False
    return not any(c.dep_ in _PICKING_DEPS or c.ent_type_ for c in noun.children if c.i < noun.i)


def private_act(draft: Draft, lex: Lexicon, political: Callable[[Party], bool]) -> bool:
    """'She rang her aunt', 'he had tea with a friend', 'her brother thanked
    him': an act whose doer or other party is someone's kin or friend (a
    private-life noun with a possessor, "his son", or "a friend"), and no party
    of a sector of public life, is private life, not a political event (rne
    guidelines: an event needs a political or social party). Force, an
    arrest, a sentence or a lawsuit ("her uncle was detained") stays."""
    if lex.quad[draft.event] == _MATERIAL_CONFLICT or draft.event in _ACCUSATIONS:
        return False
    if any(political(p) for _, p in draft.actors + draft.recipients):
        return False
    return any(_kin_or_friend(t, lex.private_people) for t in _arguments(draft))


def _arguments(draft: Draft) -> list[Token]:
    """The parties' words and the trigger's (or its light verb's) subject,
    objects and prepositional objects ("had tea with a friend")."""
    found = [t for t, _ in draft.actors + draft.recipients]
    for verb in {draft.head, draft.match.carrier or draft.head}:
        for child in verb.children:
            if child.dep_ in _ARGUMENT_DEPS:
                found.append(child)
            elif child.dep_ == "prep":
                found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _kin_or_friend(noun: Token, private_people: frozenset[str]) -> bool:
    """'his aunt', 'the mayor's niece', 'a friend': a noun of kin or friendship that
    a possessor ties to someone, or an indefinite friend; not a name."""
    if noun.pos_ != "NOUN" or (_lemma(noun) not in private_people and noun.lower_ not in private_people):
        return False
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _INDEFINITE) for c in noun.children)
