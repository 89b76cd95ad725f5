"""Parties: who an argument token stands for, coded through the actor layer,
quotes and reporting verbs (pronouns), country words, places and the scene
of the sentence (domestic players take the one country it is set in).
"""

from __future__ import annotations

import re
from typing import Optional

from msgspec.structs import replace
from spacy.tokens import Span, Token

from ...analysis import Analysis
from ...annotate.views import doc_text, sentence_of, sentences, span_at
from ...records import Actor, Party
from ...resolve.actor_codes import code_actor, names_player, names_stateless_group
from ...resolve.countries import country_code
from ...resolve.dateline import dateline_end
from ..lexicon import Lexicon
from .parse import (_NAME_ENTS, _NOMINAL, _QUANTITY_NOUNS, _antecedent, _is_geographic, _lemma, _pobjects, _subjects,
                    own_clause_subjects)
from .scenes import Scenes, cited_sources, ethnic_within, is_stance_target

_FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "ours"}
_PERSONAL_THIRD = {"he", "him", "his", "she", "her"}
_IMPERSONAL_THIRD = {"it", "its", "they", "them", "their"}
_LOCATIVE_PREPS = {"in", "from", "throughout", "across", "inside"}
_PLACE_PREPS = _LOCATIVE_PREPS | {"at", "to", "into", "near", "within"}  # "returning to Kyrgyzstan"
_INTERNATIONAL_SECTORS = {"IGO", "NGO"}  # bodies that belong to no one country's scene
_NOT_PARTY_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_ARG_TRIM = {"relcl", "acl", "appos", "conj", "cc", "advmod", "punct", "prep"}
_PLAYER_ENTS = {"PERSON", "ORG", "NORP"}  # names of players (not "the Kilburn Estate")
_PHRASE_DEPS = {"compound", "amod", "nmod", "npadvmod", "pobj", "prep", "conj", "appos"}  # in a noun phrase
_ANTECEDENT_SENTENCES = 4
_COUNTS = {"two": 2, "both": 2, "three": 3}  # "the two leaders", "both presidents"
_DESCRIBING_DEPS = frozenset({"relcl", "acl", "amod"})  # "those who ...", "those backing ...", "those responsible"
_STATE_NOUNS = frozenset({"country", "nation", "state", "government"})  # "the two countries"
_TIE_PREPS = frozenset({"to", "for", "of"})  # "an aide to", "a lawyer for", "the wife of" a person


_ROLE_RULE = re.compile(r"(?:^|\+)(?:role|title|generic|institution):")  # a coding by role words or a body's name


class PartyFinder:
    """Turns argument tokens into coded parties."""

    def __init__(self, analysis: Analysis, lexicon: Lexicon):
        self.analysis = analysis
        self.lex = lexicon
        self.doc = analysis.doc
        self.country_code = country_code
        self.actors_by_id: dict[str, Actor] = {a.id: a for a in analysis.actors}
        self._facing: frozenset[int] = frozenset()  # the event's other side: never the actor's scene
        self.scenes = Scenes(analysis, lexicon)
        self.article_scened: set[int] = set()  # tokens coded by the article's country, for the rule

    def facing(self, token: Token, party: Party, recipients: list[tuple[Token, Party]],
               destination: bool = False) -> Party:
        """An actor's party recoded for an event aimed at these recipients: a
        country that is itself the recipient ("called for sanctions against
        Nigeria") is the other side, not the scene the actor is set in; a
        place the recipient only lies in ("attacked a town in Mali") or that
        locates the act ("postpone the rally in Baku") still is, unless the
        place is where the actor goes (`destination`: "the envoy arrived in
        Cairo" is no Egyptian). Parties coded otherwise (a name, a split
        compound) stay as they are."""
        if not party.country or not recipients:
            return party
        if self.party(token) != party:
            return party
        self._facing = frozenset(
            w.i for t, _ in recipients
            if destination or not (t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS)
            for w in _with_modifiers(_antecedent(t))
        )
        try:
            return self.party(token)
        finally:
            self._facing = frozenset()

    def expand(self, tokens: list[Token], role: str) -> list[tuple[Token, Party]]:
        """Each argument with its coordinated partners, as coded parties."""
        out: list[tuple[Token, Party]] = []
        seen: set[int] = set()
        for token in [_counted(t) for t in tokens]:
            if token.ent_type_ in _NOT_PARTY_ENTS or self.scenes.in_dateline(token):
                continue
            for member in self._members(token, role):
                tok, party = member
                if tok.i not in seen and not self.scenes.in_dateline(tok):
                    seen.add(tok.i)
                    out.append(member)
        return out

    def _members(self, token: Token, role: str) -> list[tuple[Token, Party]]:
        token = _antecedent(token)
        if _lemma(token) in self.lex.document_nouns:
            sponsors = self._document_parties(token, role)
            if sponsors:
                return sponsors
        named = self._counted_antecedents(token)
        if named:
            return [(t, self.party(t)) for t in named]
        members = [token] + [c for c in token.conjuncts if c.pos_ in _NOMINAL and _coordinated(token)]
        out = []
        for member in sorted(members, key=lambda t: t.i):
            split = self._origin_parties(member) or self._nationality_parties(member)
            out.extend(split or [(member, self.party(member))])
        return out

    def _nationality_parties(self, token: Token) -> list[tuple[Token, Party]]:
        """parties12 (issue #18): 'Dutch and Danish frigates', 'US and British
        forces': a player noun whose nationality words are coordinated stands for a party of each of those
        countries (a PLOVER compound actor), not for the first one only."""
        if token.pos_ not in _NOMINAL:
            return []
        for modifier in token.children:
            if modifier.dep_ not in ("amod", "compound", "nmod") or not modifier.conjuncts:
                continue
            group = sorted([modifier, *modifier.conjuncts], key=lambda t: t.i)
            codes = [None if is_stance_target(m) else self.country_code(m.text) for m in group]
            if not all(codes) or len(set(codes)) < 2:
                continue
            whole = self.party(token)
            if not self.is_agentive(token, whole):
                return []  # "Russian and Chinese goods": no player
            return [(m, Party(text=m.text, start=m.idx, end=m.idx + len(m.text), country=code, sector=whole.sector))
                    for m, code in zip(group, codes)]
        return []

    def _counted_antecedents(self, token: Token) -> list[Token]:
        """'Yeltsin and Kuchma met ... the two leaders pledged': a definite counted
        plural ("the two leaders", "both presidents") of an office or group noun stands
        for the last pair (or trio) of persons named together in the sentences before
        it; "the two countries" for the last pair of countries. Not "two gunmen" (no
        article: someone new), nor "both men and women" (a coordination)."""
        count = next((_COUNTS[c.lower_] for c in token.children
                      if c.dep_ in ("nummod", "det", "predet", "preconj") and c.lower_ in _COUNTS), None)
        definite = any(c.lower_ in ("the", "these", "those", "both") for c in token.children)
        if (count is None or not definite or token.tag_ != "NNS" or token.conjuncts
                or _lemma(token) not in self.lex.agent_nouns | _STATE_NOUNS):
            return []
        kinds = {"GPE"} if _lemma(token) in _STATE_NOUNS else {"PERSON"}
        here = sentence_of(token)
        first = sentences(self.doc)[max(0, sentences(self.doc).index(here) - _ANTECEDENT_SENTENCES)].start
        for candidate in reversed(self.doc[first : token.i]):
            group = [candidate] + [c for c in candidate.conjuncts if c.i > candidate.i]
            if candidate.dep_ != "conj" and len(group) == count and all(
                    t.ent_type_ in kinds for t in group):
                return group
        return []

    def _origin_parties(self, token: Token) -> list[tuple[Token, Party]]:
        """'counterparts from Israel, Qatar and Egypt': the countries they come from."""
        if _lemma(token) not in self.lex.agent_nouns:
            return []
        found = []
        for prep in token.children:
            if prep.lower_ in ("from", "of"):
                for obj in _pobjects(prep):
                    for member in [obj] + list(obj.conjuncts):
                        party = self.party(member)
                        if party.country:
                            found.append((member, party))
        return found

    def _document_parties(self, noun: Token, role: str) -> list[tuple[Token, Party]]:
        """A resolution's or plan's parties are its sponsors (and, as a
        recipient, also the body it was put to)."""
        sponsors, bodies = self._sponsors(noun)
        if not sponsors and not bodies and _is_definite(noun):
            antecedent = self._document_antecedent(noun)
            if antecedent is not None:
                sponsors, bodies = self._sponsors(antecedent)
        chosen = sponsors + bodies if role == "recipient" else (sponsors or bodies)
        return [(t, self.party(t)) for t in chosen]

    def _sponsors(self, noun: Token) -> tuple[list[Token], list[Token]]:
        sponsors, bodies = [], []
        for child in noun.children:
            if child.dep_ == "poss":
                sponsors.append(child)
            elif _lemma(child) in self.lex.sponsor_words:
                sponsors.extend(
                    g for g in child.children if g.dep_ in ("npadvmod", "compound", "nmod", "poss")
                )
                sponsors.extend(p for g in child.children if g.dep_ == "agent" for p in _pobjects(g))
            elif child.dep_ in ("compound", "nmod") and (child.pos_ == "PROPN" or child.ent_type_):
                bodies.append(child)
        if not sponsors and noun.dep_ == "dobj" and _lemma(noun.head) in self.lex.sponsor_words:
            sponsors = _subjects(noun.head, 0)  # "X issued a statement demanding ..."
        return sponsors, bodies

    def _document_antecedent(self, noun: Token) -> Optional[Token]:
        all_sentences = sentences(self.doc)
        here = all_sentences.index(sentence_of(noun))
        first = all_sentences[max(0, here - _ANTECEDENT_SENTENCES)].start
        for token in reversed(self.doc[first : noun.i]):
            if _lemma(token) in self.lex.document_nouns and any(self._sponsors(token)):
                return token
        return None

    def party(self, token: Token) -> Party:
        """The party for one argument token, coded through the actor layer,
        quotes (first person), reporting verbs and names (third person), and
        finally country words and places; a party no actor stands for takes the
        sector its own words give (`_worded_sector`)."""
        return self._worded_sector(self._party(token))

    def _worded_sector(self, party: Party) -> Party:
        """actors13 (issue #18): a phrase the actor layer made no actor of ("a man",
        "three people", "the refugees", "local law enforcement") is coded by its
        role words as an actor's are; once the party has a country the scene gave it, a
        person noun of no role is that country's civilian ("a man" CVL).
        Place names and pronouns lend no sector."""
        if party.actor_id is not None or party.sector is not None:
            return party
        code = code_actor(party.text, as_of=self.analysis.published, country_from_scene=bool(party.country))
        if code.sector in (None, "UNK") or not _ROLE_RULE.search(code.rule or ""):
            return party
        return replace(party, sector=code.sector)

    def _party(self, token: Token) -> Party:
        token = _antecedent(token)
        span = _whole_person_name(_noun_phrase(token))
        party = self.analysis.party(span)
        owner_country = None
        if self._only_possessor(span, party):  # "his wife": likely of his country, never him
            owner_country, party = party.country, replace(party, actor_id=None, country=None, sector=None)
        if not party.country:
            owner_country = owner_country or self._principal_country(span.root)
        if party.country and self._is_outsider(token) and self._scene_coded(party):
            party = replace(party, country=None)  # the actor layer gave it the scene's country
        if party.country and _is_ethnic(span):
            home = self._located_country(token) or self._setting_country(token)
            if home:
                return replace(party, country=home)
        if token.pos_ == "PRON" and not party.country:
            party = self._pronoun_party(token) or party
        if party.country:
            return party
        named = self._untagged_institution(span, party)
        if named is not None:
            return named
        described = self._appositive_party(token)
        if described is not None:
            return replace(party, country=described.country, sector=party.sector or described.sector)
        if self._stateless(party):
            return party
        country = self._country_of(span) or owner_country
        if not country and self._is_domestic_player(token, party):
            country = self._setting_country(token) or self._article_scene(token)
        return replace(party, country=country) if country else party

    def _only_possessor(self, span: Span, party: Party) -> bool:
        """'his wife', 'none of her opponents', 'the senator's aide': people named by their tie
        to a person named only as their possessor are not that person (possessive12, issue
        #18). What a person owns or heads keeps standing for them ("criticised his policies",
        "her campaign"), and organisations and countries keep their own ("Kenya's police")."""
        actor = self.actors_by_id.get(party.actor_id or "")
        if actor is None or actor.kind != "person":
            return False
        of_phrases = [c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of"]  # "none of"
        heads = [span.root] + [o for of in of_phrases for o in of.children if o.dep_ == "pobj"]
        if not any(_lemma(h) in self.lex.tied_people or h.lower_ in self.lex.tied_people for h in heads):
            return False
        possessors = {w.i for t in span if t.dep_ == "poss" and t != span.root for w in t.subtree}
        named = [t for t in span if any(s < t.idx + len(t) and t.idx < e for s, e in actor.mentions)]
        return bool(named) and all(t.i in possessors for t in named)

    def _principal_country(self, head: Token) -> Optional[str]:
        """parties15 (issue #18): 'an aide to the prime minister', 'a lawyer for the
        chancellor', 'the wife of the governor': people named by their tie to a person
        named in a to/for/of phrase are likely of that person's country, as when the
        person is their possessor ("his wife"), not of the scene they are in."""
        if _lemma(head) not in self.lex.tied_people and head.lower_ not in self.lex.tied_people:
            return None
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in _TIE_PREPS:
                continue
            for principal in prep.children:
                if principal.dep_ != "pobj":
                    continue
                named = self.analysis.party(_whole_person_name(_noun_phrase(_antecedent(principal))))
                actor = self.actors_by_id.get(named.actor_id or "")
                if actor is not None and actor.kind == "person" and named.country:
                    return named.country
        return None

    def _untagged_institution(self, span: Span, party: Party) -> Optional[Party]:
        """A name the tagger did not see as one ("fighting the Islamic State", "talks with
        the Kremlin"), so no actor stands for it: an organisation the institution tables
        name is coded by them, as the actor layer codes it when the tagger does see it."""
        if party.actor_id or span.root.pos_ != "PROPN":
            return None
        code = code_actor(span.text, as_of=self.analysis.published)
        if code.country and (code.rule or "").startswith("institution:"):
            return replace(party, country=code.country, sector=party.sector or code.sector)
        return None

    def _article_scene(self, token: Token) -> Optional[str]:
        """'police', 'deputies', 'the court' in a sentence that names no
        country: a domestic player of the country the whole article is about,
        when the article is clearly about one (most of its country mentions).
        A sentence naming two countries stays uncoded; the event's target
        ("sued Toledo police") names none for its actor (parties12, issue #18)."""
        sentence = sentence_of(token)
        if self.scenes.countries(sentence, cited_sources(sentence) | self._facing):
            return None
        country = self.scenes.article_country()
        if country:
            self.article_scened.add(token.i)
        return country

    def authorities(self, trigger: Token) -> Optional[Party]:
        """'she was arrested at her home': an act only a state carries out,
        with no actor named, is done by the authorities of the sentence's one
        scene country, else of the article's one country."""
        scene = self.scene(trigger)
        if scene is not None:
            return self.scenes.undated(scene)
        sentence = sentence_of(trigger)
        if self.scenes.countries(sentence, cited_sources(sentence)):
            return None
        article = self.scenes.article_party()
        if article is not None:
            self.article_scened.add(trigger.i)
        return article

    def _is_domestic_player(self, token: Token, party: Party) -> bool:
        """Whether an uncoded party may take the scene's country: a person,
        group or body, not a place name the coder could not read (its own
        country, not the scene's), an international organisation, nor one
        said to be from elsewhere ("foreign diplomats")."""
        if token.ent_type_ in ("GPE", "LOC") or party.sector in _INTERNATIONAL_SECTORS:
            return False
        if self._is_outsider(token):
            return False
        return bool(party.actor_id) or self.agentive_word(token)

    def _is_outsider(self, token: Token) -> bool:
        """recip7 (issue #17/#18): 'foreign leaders', 'the governments of
        western countries': said to be from elsewhere than the scene."""
        members = [token] + [p for c in token.children if c.lower_ in ("of", "from") for p in _pobjects(c)]
        return any(c.dep_ in ("amod", "compound") and c.lower_ in self.lex.outsider_words
                   for member in members for c in member.children)

    def _scene_coded(self, party: Party) -> bool:
        """Whether the actor layer coded this party by the scene it is set in."""
        actor = self.actors_by_id.get(party.actor_id or "")
        return actor is not None and "+scene:" in (actor.rule or "")

    def _stateless(self, party: Party) -> bool:
        """A group of no state ("ISIS fighters", "the Red Cross"): neither the places
        around it ("ISIS in Syria") nor the scene lend it a country."""
        actor = self.actors_by_id.get(party.actor_id or "")
        return names_stateless_group(party.text) or (actor is not None and names_stateless_group(actor.name))

    def _appositive_party(self, token: Token) -> Optional[Party]:
        """'Kenzo Oshima, the UN relief coordinator': the apposition says who he is."""
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ in _NOMINAL:
                described = self.analysis.party(_noun_phrase(child))
                if described.country:
                    return described
        return None

    def _pronoun_party(self, token: Token) -> Optional[Party]:
        low = token.lower_
        source: Optional[Party] = None
        if low in _FIRST_PERSON:
            source = self._speaker_party(token)
        elif low in _IMPERSONAL_THIRD:
            source = self._reporter_party(token) or self._possessor_subject(token)
        elif low in _PERSONAL_THIRD:
            source = self._preceding_person(token)
        if source is None or not (source.actor_id or source.country):
            return None
        return Party(
            text=token.text,
            start=token.idx,
            end=token.idx + len(token.text),
            actor_id=source.actor_id,
            country=source.country,
            sector=source.sector,
        )

    def _speaker_party(self, token: Token) -> Optional[Party]:
        for quote in self.analysis.quotes:
            if quote.start <= token.idx < quote.end and quote.speaker is not None:
                speaker = quote.speaker
                actor = self.actors_by_id.get(speaker.actor_id or "")
                if actor is not None:
                    return Party(text=speaker.text, start=speaker.start, end=speaker.end,
                                 actor_id=actor.id, country=actor.country, sector=actor.sector)
                span = span_at(self.doc, speaker.start, speaker.end)
                if span is not None:
                    return self.analysis.party(span)
        return None

    def _reporter_party(self, token: Token) -> Optional[Party]:
        """'the US announced it was ...': 'it' is the one who announced."""
        clause = token.head
        while clause.dep_ in ("xcomp", "conj", "aux") and clause.head != clause:
            clause = clause.head
        speech = clause.head
        if clause.dep_ != "ccomp" or _lemma(speech) not in self.lex.speech_verbs:
            return None
        subjects = [c for c in speech.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        return self.party(subjects[0]) if subjects else None

    def _possessor_subject(self, token: Token) -> Optional[Party]:
        """'the ILO reiterated its demand': a possessive 'its'/'their' is the
        subject of the clause it sits in."""
        if token.dep_ != "poss":
            return None
        clause = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if clause is None:
            return None
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        return self.party(subjects[0]) if subjects else None

    def _preceding_person(self, token: Token) -> Optional[Party]:
        """He/his/she/her: the nearest person named before, in this or the
        previous sentence; none for an object pronoun when that person is its
        own clause's subject ("Ruiz blamed him": not Ruiz; the person named
        before Ruiz was wrong in every such case read)."""
        sentence = sentence_of(token)
        start = sentence_of(self.doc[sentence.start - 1]).start_char if sentence.start > 0 else 0
        people = [
            e for e in self.analysis.entities
            if e.label == "PERSON" and start <= e.start and e.end <= token.idx
        ]
        if not people:
            return None
        person = people[-1]
        span = span_at(self.doc, person.start, person.end)
        if span is None:
            return None
        party = self.analysis.party(span)
        subjects = own_clause_subjects(token)
        if any(person.start <= s.idx < person.end for s in subjects) or (
                party.actor_id and party.actor_id in {self.party(s).actor_id for s in subjects}):
            return None
        return party

    def _country_of(self, span: Span) -> Optional[str]:
        """A country word in the phrase ("the US", "Israeli officials"), or the
        country of a place it names."""
        words = [t for t in span if not is_stance_target(t)]
        candidates = ([span.text] if len(words) == len(span) else []) + [
            t.text for t in words if t.pos_ in ("PROPN", "ADJ", "NOUN")
        ]
        for text in candidates:
            code = self.country_code(text)
            if code:
                return code
        if span.root.ent_type_ == "GPE" and span.root.pos_ == "PROPN":
            code = self.country_code(span.root.text, capitals=True)
            if code:
                return code
        located = self._located_country(span.root)
        if located:
            return located
        stances = {t.idx for t in span if is_stance_target(t)}
        for place in self.analysis.places:
            if place.start < span.end_char and span.start_char < place.end and place.country:
                if place.start not in stances and self.scenes.names_seat(place):
                    return place.country
        return None

    def _setting_country(self, token: Token) -> Optional[str]:
        """The one country a sentence is set in, for a party that shows none.

        PLOVER codes domestic players ("President Dos Sontas", "students",
        "rebels") with the country of the scene: the places the sentence is set
        in ("in Abidjan", "Haiti's elections") and its demonyms ("Chilean
        officials"). A country that is itself a clause argument ("the Taliban
        that controls Afghanistan") is another party, not the scene. Nothing is
        guessed when the scene names two countries.
        """
        scene = self.scene(token)
        return scene.country if scene is not None else None

    def scene(self, token: Token) -> Optional[Party]:
        """The one country the token's sentence is set in, as a party; the event's other
        side (see `facing`) never sets its actor's scene."""
        return self.scenes.of_sentence(token, self._facing)

    def _located_country(self, head: Token) -> Optional[str]:
        """'rebels in the Ivory Coast', 'a newspaper based in Beirut', 'guerrillas
        operating in Macedonia': the country of a place the party's locative
        modifier names."""
        phrases = [c for c in head.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE_PREPS]
        phrases += [
            p for c in head.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")
            for p in c.children if p.dep_ == "prep" and p.lower_ in _LOCATIVE_PREPS
        ]
        if head.pos_ != "NOUN":
            return None  # a name ("the Red Cross operating in Iraq") keeps its own code
        for prep in phrases:
            start, end = prep.idx, prep.doc[prep.right_edge.i].idx + len(prep.right_edge.text)
            for place in self.analysis.places_within(start, end):
                place_span = span_at(self.doc, place.start, place.end)
                if place.country and place_span is not None and _is_geographic(place_span):
                    return place.country
        return None

    def describes_player(self, token: Token, trigger: Token) -> bool:
        """Whether a place or demonym sits in some player's phrase ("the
        Britain-based Mines Advisory Group", "U.S. officials", "its embassies in
        Thailand"): it says where that player is from, not where an act was.
        A phrase the trigger heads ("the attack in Libya") is the act's own."""
        while token.dep_ in _PHRASE_DEPS and token.head is not token and token.head is not trigger:
            token = token.head
            named = token.ent_type_ in _PLAYER_ENTS
            if named or token.pos_ == "NOUN" and (
                    self.agentive_word(token) or self.analysis.actor_at(token.idx, token.idx + len(token))):
                return True  # a name, a group noun, or a word the actor layer codes ("financiers")
        return False

    def is_agentive(self, token: Token, party: Party) -> bool:
        """Can this party act in a political event (a coded actor, a name, a
        pronoun, or a group noun like 'officials')?"""
        return bool(party.actor_id or party.country) or self.agentive_word(token)

    def agentive_word(self, token: Token) -> bool:
        """A name, a personal pronoun or a group noun: a word that can stand for a player."""
        token = _antecedent(token)
        if token.ent_type_ in _NAME_ENTS or token.pos_ == "PROPN":
            return True
        if token.pos_ == "PRON":
            return token.lower_ in _FIRST_PERSON | _PERSONAL_THIRD | _IMPERSONAL_THIRD or _described_people(token)
        return _lemma(token) in self.lex.agent_nouns or _names_role(token)


def _names_role(token: Token) -> bool:
    """actors10 (issue #18): a noun the actor layer's role tables give a sector
    (data/actor_roles.yaml, the WordNet classes of data/role_nouns.yaml: "customers",
    "the crown prince", "a sergeant"), alone or with the compounds before it. Generic
    heads with no sector of their own ("source", "figure") are players only once a
    modifier codes them."""
    if token.pos_ != "NOUN":
        return False
    compounds = [c.lower_ for c in token.children if c.dep_ == "compound" and c.i < token.i]
    forms = [token.lemma_, token.text] + ([" ".join(compounds + [token.lemma_])] if compounds else [])
    return any(names_player(form, sectored=True) for form in forms)


def _described_people(token: Token) -> bool:
    """actors10 (issue #18): "those who backed her", "those attacking the convoy", "those responsible
    for the film": the demonstrative 'those' with a clause or adjective describing it is
    the people it describes (an unnamed group), not a pointer to a thing."""
    return token.lower_ == "those" and any(c.dep_ in _DESCRIBING_DEPS for c in token.children)


def _noun_phrase(token: Token) -> Span:
    """The token's phrase without relative clauses, appositions, coordinated
    partners or prepositional phrases other than 'of'."""
    kept = [token]
    for child in token.children:
        if child.dep_ in _ARG_TRIM and not (child.dep_ == "prep" and child.lower_ == "of"):
            continue
        kept.extend(child.subtree)
    start = min(t.i for t in kept)
    end = max(t.i for t in kept) + 1
    doc = token.doc
    while end - 1 > token.i and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    opening = dateline_end(doc_text(doc), sentence_of(token).start_char)  # "ROME - Jane Doe met ...": the place is no party
    if token.idx < opening:
        opening = doc[start].idx  # the phrase is the dateline's place itself
    while start < token.i and (doc[start].is_space or doc[start].is_punct or doc[start].idx < opening):
        start += 1
    return doc[start:end]


def _with_modifiers(token: Token) -> list[Token]:
    """A head with the words that qualify it directly ("Israeli soldiers",
    "Kenya's police"): a country among them is the head's own."""
    return [token] + [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss")]


def _coordinated(token: Token) -> bool:
    """Conjuncts joined by 'and'/'or' are partners; a conj chain without a
    conjunction is usually a misparsed name ("Sheikh Hamad bin Khalifa al-Thani")."""
    group = [token, *token.conjuncts]
    return any(c.dep_ == "cc" for member in group for c in member.children)


def _name_start(token: Token) -> Optional[int]:
    """Where the multi-word name entity a token lies in starts, if any."""
    if token.ent_type_ not in _NAME_ENTS or token.ent_iob_ not in ("B", "I"):
        return None
    start = token.i
    while start > 0 and token.doc[start].ent_iob_ == "I":
        start -= 1
    return start


def _whole_person_name(span: Span) -> Span:
    """A phrase widened to the whole person's name the parser cut it from."""
    root = span.root
    if root.ent_type_ != "PERSON" or root.ent_iob_ not in ("B", "I"):
        return span
    doc, end = root.doc, root.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    start = _name_start(root)
    if end <= span.end or start is None:
        return span
    return doc[min(span.start, start) : end]


def _counted(token: Token) -> Token:
    """'one third of the guerrillas', 'dozens of students': the people counted."""
    if token.ent_type_ in _NOT_PARTY_ENTS or _lemma(token) in _QUANTITY_NOUNS or token.pos_ == "NUM":
        counted = [p for c in token.children if c.lower_ == "of" for p in _pobjects(c)]
        if counted:
            return counted[0]
    return token


def _is_ethnic(span: Span) -> bool:
    """'ethnic Albanians', 'ethnic Turkish villagers': the nationality word names
    descent, not the state they belong to, which the scene tells."""
    return ethnic_within(span.doc, span.start, span.end)


def _is_definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
