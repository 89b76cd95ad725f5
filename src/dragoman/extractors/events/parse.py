"""Parse helpers shared by the event coder's parts: lemmas, prepositional
objects, passives, who controls an infinitive, the complements of a trigger.

Package-internal: the names keep their leading underscore.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from ...annotate.views import sentence_of

# the gender an honorific gives the name after it ("Mrs. Lee"); the actor layer reads it too
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f"}
_NOMINAL = {"NOUN", "PROPN", "PRON"}
_RELATIVE = {"who", "whom", "which", "that", "whose"}
_NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
_COMPLEMENT_DEPS = {"xcomp", "ccomp", "dobj", "prep", "dative", "attr", "oprd", "acomp"}


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _lemma_forms(token: Token) -> tuple[str, ...]:
    """The lemma, plus the stems a regular inflection gives, for verbs the
    tagger lemmatises wrongly ("staged" -> "stag"). The last part of a split
    hyphenated noun gives the whole word first, hyphened and closed up
    ("cease-fire", "ceasefire"), then its own lemma."""
    word, tag = token.lower_, token.tag_
    if token.pos_ in _NOMINAL and _after_hyphen(token):  # "sit-ins": the compound before its last part
        first = token.doc[token.i - 2].lower_
        return (f"{first}-{_lemma(token)}", f"{first}{_lemma(token)}", _lemma(token))
    if tag in ("VBD", "VBN") and word.endswith("ed"):
        return (_lemma(token), word[:-1], word[:-2])
    if tag == "VBZ" and word.endswith("s"):
        return (_lemma(token), word[:-1])
    if tag == "VBG" and word.endswith("ing"):
        return (_lemma(token), word[:-3], word[:-3] + "e")
    return (_lemma(token),)


def _after_hyphen(token: Token) -> bool:
    """The last part of a hyphenated word the tokenizer split ("sit-in" -> sit, -, in;
    "cease-fire"), whose first part is a word and no prefix in a longer chain."""
    i, doc = token.i, token.doc
    if i < 2 or doc[i - 1].tag_ != "HYPH" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return False
    return doc[i - 2].is_alpha and not (i >= 3 and doc[i - 3].tag_ == "HYPH" and not doc[i - 3].whitespace_)


def _lemma_in(token: Token, lemmas: frozenset[str]) -> bool:
    return any(form in lemmas for form in _lemma_forms(token))


def _pobjects(prep: Token) -> list[Token]:
    """The objects of a preposition; a stranded one shares the object of the
    preposition that closes the coordination ("ties with and an embassy in
    Tehran": both with Tehran)."""
    found = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    if found or prep.i + 1 >= len(prep.doc) or prep.doc[prep.i + 1].dep_ != "cc":
        return found
    sentence_end = sentence_of(prep).end
    for later in prep.doc[prep.i + 2 : sentence_end]:
        if later.dep_ == "prep" and later.pos_ == "ADP":
            objects = [c for c in later.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return objects
    return []


def _for_clauses(verb: Token) -> list[Token]:
    """'pushed for the US to back the plan': a for-to clause after the verb,
    which the parser hangs on it as an adverbial clause; it is its complement."""
    return [
        c for c in verb.children
        if c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
    ]


def _following_prep(token: Token) -> Optional[Token]:
    """The preposition that follows the token, skipping a date or time."""
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and (doc[i].is_space or doc[i].ent_type_ in ("DATE", "TIME")):
        i += 1
    if i < len(doc) and doc[i].dep_ == "prep" and i < sentence_of(token).end:
        return doc[i]
    return None


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or _is_reduced_passive(verb):
        return True
    if _is_passive_partner(verb):  # "was arrested and charged"
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")


def _is_reduced_passive(verb: Token) -> bool:
    """'Councilwoman arrested after incident': a past participle with a subject and no
    auxiliary is a passive whose "was" headlines and captions leave out (a finite verb
    would be in the past tense, and "has arrested" keeps its auxiliary)."""
    return verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children) and not any(
        c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)


def _is_passive_partner(verb: Token) -> bool:
    """A participle coordinated with a passive, with no subject or object of its own, shares its voice."""
    return (
        verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.tag_ == "VBN" and verb.head is not verb
        and not any(c.dep_ in ("nsubj", "dobj", "aux") for c in verb.children)
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)
    )


def _named_objects(prep: Token) -> list[Token]:
    """'assailed Ukraine for holding exercises', 'accused Israel of violating':
    the named object of a verb judging someone does the act its for-/of-gerund names."""
    verb = prep.head
    if prep.lower_ not in ("for", "of") or verb.pos_ != "VERB":
        return []
    return [c for c in verb.children if c.dep_ == "dobj" and (c.ent_type_ in _NAME_ENTS or c.pos_ == "PROPN")]


def _controllers(verb: Token, depth: int = 0) -> list[Token]:
    """Who does an infinitive or participle with no subject of its own:
    object control ("urged Israel to act"), subject control ("vowed to carry
    out", "is expected to travel"), shared subjects of coordinated verbs, a
    noun's possessor ("his intention to invite") or the noun itself
    ("a resolution calling for")."""
    if depth > 5:
        return []
    head = verb.head
    if head == verb:
        return []
    if verb.dep_ == "xcomp":
        objects = [c for c in head.children if c.dep_ == "dobj" and c.pos_ in _NOMINAL]
        return objects or _subjects(head, depth)
    if verb.dep_ == "advcl" and _is_passive(head):  # "a rally staged by students to protest"
        agents = [p for c in head.children if c.dep_ == "agent" for p in _pobjects(c)]
        if agents:
            return agents
    if verb.dep_ in ("advcl", "conj", "acomp"):
        return _subjects(head, depth)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        return _named_objects(head) or _subjects(head.head, depth)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in _NOMINAL:
        if verb.tag_ == "VBG":
            return [head]
        poss = [c for c in head.children if c.dep_ == "poss"]
        if poss:
            return poss
        if head.dep_ in ("dobj", "pobj") and head.head.pos_ == "VERB":
            return _subjects(head.head, depth)
    return []


def _subjects(verb: Token, depth: int) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects or _controllers(verb, depth + 1)


def _antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if token.lower_ in _RELATIVE and token.tag_ in ("WP", "WDT", "WP$"):
        clause = token.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


_REFLEXIVE = {"himself", "herself", "themselves", "itself"}
# prepositions of place and company, whose object may be the subject itself: "took aides with him"
_SPATIAL_PREPS = {"with", "near", "beside", "behind", "around", "among", "beneath", "above", "below", "toward", "towards"}


def own_clause_subjects(pronoun: Token) -> list[Token]:
    """The subjects of the clause a non-reflexive object pronoun sits in ("Smith
    attacked him", "they vowed to punish them"): English never lets such a pronoun
    mean its own clause's subject (binding principle B), which is its likeliest
    antecedent by salience. A possessive ("his car") or a place or company
    ("took aides with him") may mean the subject, and gives none."""
    if pronoun.lower_ in _REFLEXIVE or pronoun.tag_ != "PRP":
        return []
    head = pronoun.head
    if pronoun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ not in _SPATIAL_PREPS:
        head = head.head
    elif pronoun.dep_ not in ("dobj", "dative"):
        return []
    if head.pos_ not in ("VERB", "AUX"):
        return []
    subjects = [_antecedent(s) for s in _subjects(head, 0)]
    return subjects + [c for s in subjects for c in s.conjuncts]


def commanded_names(pronoun: Token) -> list[Token]:
    """The names a subject pronoun's own clause holds after it ("he decided to
    attack Trump", "she said she never met Jones"): a pronoun never means a name
    it governs this way (binding principle C), though that name is often the most
    salient person before it. Not a name in a clause with its own subject
    coordinated with the pronoun's ("he spoke, but Smith left") or set beside it
    ("he left; Smith stayed"), where writers do repeat the name; nor one on the
    other side of a quotation's edge, in another voice ('he says "vote Smith"');
    nor one an honorific gives the other gender ("he thanked Mrs. Lee").
    A possessive ("his aides met Jones") governs nothing."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.tag_ != "PRP":
        return []
    other_gender = {"he": "f", "she": "m"}.get(pronoun.lower_)
    other = {h for h, gender in HONORIFIC_GENDER.items() if gender == other_gender}
    doc = pronoun.doc
    names = [t for t in _core_clause(pronoun.head) if t.i > pronoun.i and doc[t.i - 1].lower_ not in other
             and (t.ent_type_ in _NAME_ENTS or t.pos_ == "PROPN")]
    return [t for t in names if sum(w.is_quote for w in doc[pronoun.i : t.i]) % 2 == 0]


def _core_clause(head: Token) -> list[Token]:
    """A clause's words without the clauses set beside it or coordinated with it
    under a subject of their own ("he spoke, but Smith left"); a coordinated
    predicate shares the subject ("he spoke and thanked Smith")."""
    words = [head]
    for child in head.children:
        if child.dep_ == "parataxis" or child.dep_ == "conj" and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            continue
        words.extend(child.subtree)
    return words


def _complement_tokens(head: Token, circumstances: frozenset[str] = frozenset()) -> list[Token]:
    """What a trigger governs: objects, complements and prepositional phrases,
    not its subject, coordinated clauses, adverbial clauses or phrases headed
    by one of the `circumstances` ("before allowing ...", "resign without
    returning home")."""
    governed = [t for c in head.children if c.dep_ in _COMPLEMENT_DEPS for t in c.subtree]
    cut = {
        t.i for prep in governed if prep.dep_ == "prep" and prep.lower_ in circumstances for t in prep.subtree
    }
    return [t for t in governed if t.i not in cut]


def _is_geographic(span: Span) -> bool:
    """A place the tagger also reads as a location, not a word the gazetteer
    happens to know ("a ban", "UN")."""
    return any(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") for t in span)


# verbs whose subject undergoes the event their object names: "he has prior
# arrests", "she faced deportation", "Jones avoided jail sentences"; with the
# rest of WordNet's attract.v.01 ("the plan drew criticism from Paris"),
# incur.v.01, evade.v.01 ("evaded arrest", "eluded a manhunt") and
# withstand.v.01 ("weathered attacks"): recip6 (issue #18); and receive.v.02
# "come into possession of" ("received a warning from the FBI", "received
# aid from the UN": the subject is whom the act is aimed at): verbal10 (issue #17)
_UNDERGOING_VERBS = frozenset({
    "have", "face", "suffer", "undergo", "survive", "escape", "resist", "avoid",
    "draw", "attract", "incur", "evade", "elude", "dodge", "withstand", "weather",
    "receive",
})
# of these, the ones that say nothing else: the subject is the target of any
# conflict its object names ("faced criticism", "survived an attack"), while
# "have talks" is a light verb whose subject takes part
_PATIENT_VERBS = _UNDERGOING_VERBS - {"have"}
# verbs whose subject undergoes the conflict their under-phrase names: "the
# convoy came under attack", "the mayor is under investigation", "fell under
# suspicion" (WordNet come_under.v.02 'be under the control of', the copula,
# fall.v.08): recip6 (issue #18)
_UNDER_VERBS = frozenset({"come", "be", "fall", "remain"})


# coverage13 (issue #17): the noun of being held by the police (WordNet custody.n.01,
# detention.n.01) whose in-phrase, like an under-phrase, says its subject undergoes
# it: "the suspect is in custody", "two men remain in custody"
_HELD_NOUNS = frozenset({"custody"})


def _in_state_phrase(noun: Token) -> bool:
    """'came under attack', 'is under investigation', 'is in custody': the noun is
    the object of 'under', or of 'in' for a noun of being held."""
    if noun.dep_ != "pobj":
        return False
    return noun.head.lower_ == "under" or (noun.head.lower_ == "in" and _lemma(noun) in _HELD_NOUNS)


def _undergoes(carrier: Token, noun: Token) -> bool:
    """Whether the carrier's subject undergoes what the noun names: the noun
    is its object under a verb of undergoing, or its under-phrase."""
    if _in_state_phrase(noun):
        return _lemma(carrier) in _UNDER_VERBS
    return _lemma(carrier) in _PATIENT_VERBS

# quantity words whose of-phrase names what is counted: "part of the army", "dozens of students"
_QUANTITY_NOUNS = {"part", "some", "most", "much", "portion", "all", "rest", "half", "bulk", "third",
                   "quarter", "dozen", "hundred", "thousand", "score", "number", "majority", "many"}
