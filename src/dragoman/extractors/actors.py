"""Who is who: actors learned from the article, with every mention linked.

Four steps, each a small function:

1. *Mentions.* Named persons with the title run before the name ("Israeli
   Prime Minister Benjamin Netanyahu") and any appositive after it ("Nate
   Evans, the spokesperson for the US Mission to the UN"); countries and
   intergovernmental bodies; organisations; and common-noun groups whose head
   is an actor noun ("Israeli officials", "the Biden administration").
2. *Coding.* Each mention is coded to country + sector + role by
   `resolve.actor_codes.code_actor`; mentions of one actor vote.
3. *Clustering.* A surname alone joins the full name seen earlier; countries
   join by ISO code; organisations and groups by normalised name and number
   ("a protester" is not "the protesters"), except after a determiner of
   contrast ("another source", "other Republicans"): a new party.
4. *Coreference.* Pronouns (he/she/they) and definite role descriptions ("the
   top US diplomat") link to the most salient compatible actor before them:
   recency, grammatical subjecthood, gender and number, role class, country;
   an object pronoun never to its own clause's subject ("Smith attacked him"),
   a subject pronoun never to a name its clause holds ("he attacked Smith").
   A person's gender comes from honorifics and from the pronouns no one else
   near could be, never from a guessed link; a noun that tells a sex ("a man",
   "his mother") only rules out pronouns of the other. A headline's bare
   description ("Ohio governor vetoes ...") names the one person of the article
   holding its very title.

No coreference model installs offline here, so this is a rule-based resolver;
everything it decides is visible in the actor's `mentions` and `rule`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc, Span, Token

from ..analysis import Analysis
from ..pipeline import component
from ..records import Actor
from ..resolve import registry as known_actors
from ..resolve.actor_codes import ActorCode, code_actor, fill_open_fields, names_player
from ..resolve.actor_people import is_personal_name, surname_keys
from ..resolve.gazetteer import load_gazetteer
from ..resolve.role_classes import noun_gender
from ..resolve.countries import country_code, is_acronym, is_state
from ..resolve.dateline import dateline_end
from ..annotate.views import doc_tokens, sentence_of, sentences, span_at, span_tokens
from .actor_homes import home_country, place_in_title, take_homes
from .actor_links import (_PRONOUNS, _link_headline_descriptions, _link_introductions, _relink_descriptions,
                          _resolve_descriptions, _resolve_pronouns)
from .actor_mentions import _Cluster, _Mention
from .actor_scene import dominant_country, place_in_scene, place_votes, recode_home_namesakes
from .events.parse import HONORIFIC_GENDER

# lowercase words that may sit inside a capitalised title run: "Ambassador to the UN"
_TITLE_CONNECTORS = {"of", "to", "the", "for", "on", "-"}
_DEFINITE = {"the", "this", "that", "these", "those"}
_INDEFINITE = {"a", "an"}
# determiners of contrast: "another source", "other Republicans", "the other candidates"
_CONTRAST = {"another", "other"}
# ... and the ones that contrast only after "a": "a second officer", "a different family"
_CONTRAST_AFTER_A = {"different", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}


# -- step 1: mentions ---------------------------------------------------------


def _is_subject(token: Token) -> bool:
    return token.dep_ in {"nsubj", "nsubjpass"} or (
        token.dep_ == "conj" and token.head.dep_ in {"nsubj", "nsubjpass"}
    )


def _is_doer(token: Token) -> bool:
    return _is_subject(token) or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def _contrasted(head: Token) -> bool:
    """Whether a determiner of contrast opens the phrase ("another intelligence source",
    "other prominent Republicans", "a second officer"): it introduces a party other than
    the one named before with the same noun, so it must not join it. A modifier inside
    a compound is not one ("a third-party candidate")."""
    modifiers = [c for c in head.lefts if c.dep_ in {"det", "amod", "predet"}
                 and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == "-")]
    words = {c.lower_ for c in modifiers}
    return bool(words & _CONTRAST) or bool(words & _INDEFINITE and words & _CONTRAST_AFTER_A)


def _is_title_case_headline(sent: Span, text: str) -> bool:
    """A Title Case headline line: there, capitals say nothing about titles.

    A headline is a line of its own: the first line of the article, or a line
    without a full stop. Body sentences are never taken for headlines, however
    many names they hold.
    """
    own_line = (sent.start_char == 0 or text[sent.start_char - 1] == "\n") and (
        sent.end_char >= len(text) or "\n" in text[sent.end_char - 1 : sent.end_char + 1]
    )
    first_line = text[: sent.start_char].strip() == ""
    line = text[sent.start_char : sent.end_char].strip()
    if not own_line or not (first_line or not line.rstrip("’'\"”").endswith(".")):
        return False
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.9 * len(words)


def _title_start(doc: Doc, name_start: int, sent: Span, text: str) -> int:
    """Token index where the title run before a name begins.

    News style capitalises titles before names, so the run is the capitalised
    words (and connectors like "to the") directly left of the name, plus
    lower-case words that code as a role or a nationality ("opposition leader").
    Connectors count only when a title word lies further left, and leading
    words that change nothing in the code are not part of the title.
    """
    if _is_title_case_headline(sent, text):
        return name_start
    if name_start > sent.start and doc[name_start - 1].lower_ in _TITLE_CONNECTORS - {"-"}:
        return name_start  # "the family of Howes": a title ends with its own word, not "of"
    start = name_start
    i = name_start - 1
    opening = dateline_end(text, sent.start_char)  # "ROME - Jane Doe": the place is no title
    while i >= sent.start and doc[i].idx >= opening:
        tok = doc[i]
        if tok.ent_type_ in {"PERSON", "DATE", "TIME", "CARDINAL"} or "\n" in tok.text:
            break
        word = tok.text
        if tok.is_space or word.lower() in _TITLE_CONNECTORS:
            pass  # provisional: kept only if a title word comes before it
        elif word[:1].isupper() and tok.pos_ in {"PROPN", "NOUN", "ADJ"}:
            start = i
        elif tok.pos_ in {"NOUN", "ADJ"} and (code_actor(word).sector or country_code(word)):
            start = i
        elif tok.tag_ == "POS" and start < name_start and i > sent.start and doc[i - 1].ent_type_ in {"GPE", "ORG"}:
            pass  # "Kenya's Trade Minister Ruth Wanjiru": the owner of a title is part of it
        else:
            break
        i -= 1
    code = code_actor(doc[start:name_start].text) if start < name_start else None
    while code is not None and start < name_start - 1:
        rest = code_actor(doc[start + 1 : name_start].text)
        if (rest.country, rest.sector, rest.role) != (code.country, code.sector, code.role):
            break
        start += 1
    if code is not None and not (code.sector or code.country or code.role):
        return name_start  # capitalised words that are no title at all
    return start


def _appositive(head: Token) -> Optional[Span]:
    """"Nate Evans, the spokesperson for ..." -> the appositive noun phrase."""
    for child in head.children:
        opens_with_comma = child.left_edge.i > 0 and head.doc[child.left_edge.i - 1].text == ","
        if (
            child.dep_ == "appos"
            and opens_with_comma
            and child.pos_ in {"NOUN", "PROPN"}
            and child.ent_type_ != "PERSON"
        ):
            tokens = [t for t in child.subtree if t.dep_ not in {"relcl", "acl"}]
            left = min(t.i for t in tokens)
            right = max(t.i for t in child.subtree if t.dep_ not in {"punct"} or t.i < child.i) + 1
            return head.doc[left:right]
    return None


def _realm(head: Token) -> Optional[str]:
    """'King Hassan of Morocco', 'Queen Beatrix of the Netherlands': the country
    a titled person is 'of', as written."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                text = head.doc[obj.left_edge.i : obj.i + 1].text
                if obj.dep_ == "pobj" and obj.ent_type_ == "GPE" and is_state(country_code(text)):
                    return text
    return None


def _known_person(name: str, as_of: Optional[str]) -> ActorCode:
    """A name without a title: coded only if a known-actor source knows it (see resolve.registry)."""
    found = known_actors.lookup(name, as_of=as_of)
    if found is None:
        return ActorCode(None, None, None, name, "person", None)
    return ActorCode(found.country, found.sector, found.role, name, "person", found.rule)


def _untitled(name: str, as_of: Optional[str]) -> ActorCode:
    """A PERSON span with no title before it: coded from a title the tagger put inside it
    ("Pope Francis"), else looked up as a name."""
    inner = code_actor(name, as_of=as_of)
    return inner if inner.role and inner.kind == "person" else _known_person(name, as_of)


def _without_inner_title(name: str, code: ActorCode) -> str:
    """The name without a title the tagger put inside it ("Sergeant Matt Tonroe" ->
    "Matt Tonroe"), so that "Sgt Tonroe" and "Matt Tonroe" join the same person."""
    if code.role and code.name and len(code.name) < len(name) and name.endswith(code.name):
        return code.name
    return name


def _word_before(doc: Doc, i: int, sent_start: int) -> str:
    """The capitalised word right before token i in its sentence ("Dr." as split "Dr" "."), or ""."""
    if i - 1 > sent_start and doc[i - 1].text == ".":
        i -= 1
    word = doc[i - 1].text if i > sent_start else ""
    return word if word[:1].isupper() else ""


def _norp_person(ent, as_of: Optional[str]) -> bool:
    """A NORP the small model gave a bare surname ("Museveni"): a person when it names no
    country or people and a known-actor source knows it as a person."""
    if ent.label != "NORP" or country_code(ent.text) is not None:
        return False
    found = known_actors.lookup(ent.text, as_of=as_of)
    return found is not None and found.kind == "person"


def _person_mentions(analysis: Analysis, sent_index_of) -> list[_Mention]:
    doc = analysis.doc
    mentions = []
    for ent in analysis.entities:
        if ent.label != "PERSON" and not _norp_person(ent, analysis.published):
            continue
        span = span_at(doc, ent.start, ent.end)
        if span is None:
            continue
        head = span.root
        # "the Biden administration": the name is a modifier of a group, not a person mention
        if head.dep_ == "compound" and head.head.pos_ == "NOUN":
            continue
        name_tokens = [t for t in span if t.tag_ != "POS" and t.text not in {"’s", "'s"}]
        if not name_tokens:
            continue
        name = doc[name_tokens[0].i : name_tokens[-1].i + 1].text
        title_start = _title_start(doc, span.start, sentence_of(span[0]), analysis.text)
        title = doc[title_start : span.start].text.strip()
        gender = None
        if title and title.split()[-1].lower() in HONORIFIC_GENDER:
            gender = HONORIFIC_GENDER[title.split()[-1].lower()]
        code = code_actor(f"{title} {name}".strip(), as_of=analysis.published) if title else _untitled(
            name, analysis.published)
        name = _without_inner_title(name, code)
        realm = _realm(head) if title else None
        if realm is not None:  # an explicit "of Morocco" beats any known bearer of the name
            of_realm = code_actor(f"{title} {name} of {realm}", as_of=analysis.published)
            code = ActorCode(of_realm.country, code.sector or of_realm.sector, code.role, name, "person",
                             of_realm.rule)
        appos = _appositive(head)
        if appos is not None:
            appos_code = code_actor(appos.text, as_of=analysis.published)
            rule = "+".join(r for r in (code.rule, appos_code.rule and f"appos:{appos_code.rule}") if r)
            code = fill_open_fields(code, appos_code, rule or None)
        start_char = doc[title_start].idx if title else name_tokens[0].idx
        before = _word_before(doc, title_start, sentence_of(span[0]).start)
        mention = _Mention(
            start=start_char,
            end=name_tokens[-1].idx + len(name_tokens[-1].text),
            sent_index=sent_index_of(span.start),
            is_subject=_is_subject(head),
            code=ActorCode(code.country, code.sector, code.role, name, "person", code.rule),
            kind="person",
            key=name,
            name=name,
            head_i=head.i,
            gender=gender,
            word_before=before,
            home=None if code.country else home_country(analysis, head, name_tokens[-1].idx + len(name_tokens[-1].text)),
        )
        mentions.append(mention)
    return mentions


def _named_group_mentions(analysis: Analysis, sent_index_of) -> list[_Mention]:
    """Countries, IGOs and organisations named by the NER."""
    doc = analysis.doc
    mentions = []
    for ent in analysis.entities:
        if ent.label not in {"GPE", "ORG", "NORP"} or _norp_person(ent, analysis.published):
            continue
        span = span_at(doc, ent.start, ent.end)
        if span is None:
            continue
        tokens = [t for t in span if t.tag_ != "POS" and t.text not in {"’s", "'s"}]
        if not tokens:
            continue
        text = doc[tokens[0].i : tokens[-1].i + 1].text
        head = span.root
        if ent.label == "NORP":
            # a bare plural demonym is a group ("Palestinians"); an adjective is a modifier
            if head.tag_ != "NNPS" and not text.endswith("s"):
                continue
        code = country_code(text) if ent.label != "ORG" else None
        if code and ent.label == "GPE":
            kind, key, name = "country", f"country:{code}", re.sub(r"^the\s+", "", text, flags=re.I)
            actor_code = ActorCode(code, None, None, name, "country", f"country:{text}")
        else:
            actor_code = code_actor(text, as_of=analysis.published)
            if ent.label == "GPE" and actor_code.kind == "person" and load_gazetteer().ranked(text, main_only=True):
                continue  # "the Austin, Texas, rally": a place the tagger and the gazetteer agree on, no Lloyd Austin
            if ent.label == "GPE" and (actor_code.kind == "country" or not actor_code.sector):
                # a capital stands for its government only as a doer: "Moscow rejected"
                if not (actor_code.country and _is_doer(head)):
                    continue
            elif not (actor_code.country or actor_code.sector) and ent.label != "ORG":
                continue
            kind = actor_code.kind or ("organization" if ent.label == "ORG" else "group")
            name = re.sub(r"^the\s+", "", text, flags=re.I)
            key = _contrast_key(tokens[0].idx) if _contrasted(head) else f"{kind}:{name.lower()}"
        mentions.append(
            _Mention(
                start=tokens[0].idx,
                end=tokens[-1].idx + len(tokens[-1].text),
                sent_index=sent_index_of(span.start),
                is_subject=_is_subject(head),
                code=actor_code,
                kind=kind,
                key=key,
                name=name,
                head_i=head.i,
            )
        )
    return mentions


def _contrast_key(start: int) -> str:
    """A clustering key of its own for a contrasted mention: a new party, not an earlier one."""
    return f"contrast:{start}"


def _is_actor_noun(head: Token) -> bool:
    """Whether a noun names an actor itself (officials, cabinet), not an act or a thing."""
    return names_player(head.text) or names_player(head.lemma_)


def _common_noun_mentions(analysis: Analysis, sent_index_of, taken: list[tuple[int, int]]) -> list[_Mention]:
    """Noun phrases headed by an actor noun: "Israeli officials", "the Biden administration"."""
    doc = analysis.doc
    mentions = []
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.pos_ != "NOUN" or head.lower_ in _PRONOUNS:
            continue
        if not _is_actor_noun(head):
            continue  # "a military operation", "local time": an actor word is only a modifier
        tokens = [t for t in span_tokens(chunk) if not t.is_space]
        if tokens:  # "CAIRO - Egyptian officials": the dateline is no part of the phrase
            opening = dateline_end(analysis.text, sentence_of(tokens[0]).start_char)
            tokens = [t for t in tokens if t.idx >= opening]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        phrase = analysis.text[start:end]
        code = code_actor(phrase, as_of=analysis.published)
        if not code.sector or (code.sector == "UNK" and not code.country):
            continue
        if any(s <= head.idx < e for s, e in taken):
            continue  # the phrase is a named mention ("the Biden administration" around its name)
        contrasted = _contrasted(head)
        # "Councilwoman arrested after ...": the article's headline drops the article of "the councilwoman"
        headline_style = not analysis.text[:start].strip() and not any(
            t.dep_ in {"det", "poss", "nummod"} for t in tokens)
        is_definite_description = (tokens[0].lower_ in _DEFINITE and head.tag_ == "NN" and code.kind == "person"
                                   and not contrasted)  # "the other senator" is not the one before
        name = re.sub(r"^(the|a|an)\s+", "", phrase, flags=re.I)
        # "Barney Frank, a former congressman": an apposition describes the name before it
        introduces = (tokens[0].lower_ in _INDEFINITE and head.tag_ == "NN" and code.kind == "person"
                      and is_state(code.country) and head.dep_ != "appos")
        mention = _Mention(
            start=start,
            end=end,
            sent_index=sent_index_of(head.i),
            is_subject=_is_subject(head),
            code=code,
            kind="description" if is_definite_description else (code.kind or "group"),
            # "a protester" and "the protesters" are not one actor: the number is part of the key
            key=_contrast_key(start) if contrasted else f"group:{code.country}:{code.sector}:{head.lemma_.lower()}:{head.tag_}",
            name=name,
            head_i=head.i,
            introduces=introduces,
            noun_gender=noun_gender(head.lemma_.lower()) if head.tag_ == "NN" and code.kind == "person" else None,
            headline=headline_style and head.tag_ == "NN" and code.kind == "person" and not contrasted,
        )
        mentions.append(mention)
    return mentions


# -- steps 2-4: cluster, code and resolve ------------------------------------


_KNOWN_RULE = re.compile(r"(?:^|\+)known:")  # a coding by a known actor's name, after a title too


def _cluster_names(mentions: list[_Mention]) -> dict[str, _Cluster]:
    """Group mentions of one actor: full names first, then the short forms that refer to them.

    A bare surname joins the one full name that ends with it, wherever in the
    article the full name appears (headlines use surnames before the body
    names anyone), and is never a known actor of that surname when the article
    names someone of it in full. An organisation named by the tail of a longer name
    ("the Council", "Security Council") joins that name.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    full_names = {m.key: m.name for m in ordered if m.kind == "person"}
    by_surname: dict[str, set[str]] = {}
    org_names: list[str] = []
    for m in ordered:
        if m.kind == "person":
            for surname in surname_keys(m.name):
                by_surname.setdefault(surname, set()).add(m.key)
        elif m.kind == "organization":
            org_names.append(m.name)
    clusters: dict[str, _Cluster] = {}
    for m in ordered:
        key = m.key
        if _bare_surname_as_body(m, by_surname, full_names):
            # "Bello said" after "Amina Bello": the tagger's ORG or GPE on a bare surname is
            # no body, and the town of that name ("place:Bello") no country of hers
            m.code, m.kind = ActorCode(name=m.name, kind="person"), "person"
        owners = by_surname.get(m.name.lower(), set()) - {m.key} if m.kind == "person" else ()
        if owners and _KNOWN_RULE.search(m.code.rule or "") and not _names_known_bearer(m.name, owners):
            # "Khan" beside Khizr and Ghazala Khan, "Henry" beside Matt Henry, "Prince Mohammed"
            # beside Mohammed bin Salman: one of the article's own people, not the famous
            # bearer of the name a source knows
            m.code = ActorCode(name=m.name, kind="person")
        if len(owners) == 1:
            key = next(iter(owners))
        elif m.kind == "organization":
            longer = {n.lower() for n in org_names if n.lower().endswith(" " + m.name.lower())}
            longest = max(longer, key=len, default=None)
            if longest and all(longest.endswith(n) for n in longer):  # one body, named at several lengths
                key = f"organization:{longest}"
        cluster = clusters.setdefault(key, _Cluster(key=key, kind=m.kind))
        cluster.mentions.append(m)
        if m.gender:
            cluster.gender = m.gender
        cluster.noun_gender = cluster.noun_gender or m.noun_gender
    return clusters


def _bare_surname_as_body(m: _Mention, by_surname: dict[str, set[str]], full_names: dict[str, str]) -> bool:
    """Whether a one-word mention tagged as a body or place is the surname of the one
    person the article names in full, by a personal name (capitalised words and name
    particles: not "Ruler of Dubai", "Trump's Indiana"); a name the tables give a
    sector, role or kind of its own ("Hamas", "Moscow" as a capital) stays what it is."""
    owners = by_surname.get(m.name.lower(), set())
    if m.kind == "person" or " " in m.name.strip() or is_acronym(m.name) or len(owners) != 1:
        return False  # "PAC", "BC": an initialism ends many names, and is no surname
    personal = is_personal_name(full_names.get(next(iter(owners)), ""))
    return personal and m.code.sector is None and m.code.role is None and m.code.kind is None


def _names_known_bearer(surname: str, full_names) -> bool:
    """Whether one of the article's full names is the known actor the bare surname
    stands for ("Barack Obama" for "Obama"), not another bearer of it."""
    famous = known_actors.lookup(surname)
    return famous is not None and any(
        (found := known_actors.lookup(name)) is not None and found.name == famous.name for name in full_names)


def _sweep_surnames(doc: Doc, text: str, clusters: list[_Cluster], sent_index_of) -> None:
    """Surnames of named persons the tagger missed ("Mudavadi is expected to..."), also
    those it read as a common noun ("Roes had been living ...", "Roes' house"), when the
    article never writes that word in lower case: then it is no English noun there."""
    covered = [(m.start, m.end) for c in clusters for m in c.mentions]
    owners: dict[str, list[_Cluster]] = {}
    for c in clusters:
        if c.kind == "person" and len(c.name.split()) > 1:
            owners.setdefault(c.name.split()[-1], []).append(c)
    lower_words_written = set(re.findall(r"\b[a-z][a-z'-]*\b", text))
    for tok in doc_tokens(doc):
        found = owners.get(tok.text)
        if not found or len(found) > 1:
            continue
        if tok.pos_ != "PROPN" and not (tok.pos_ == "NOUN" and tok.text.lower() not in lower_words_written):
            continue
        if any(s <= tok.idx < e for s, e in covered):
            continue
        cluster = found[0]
        template = cluster.mentions[0]
        cluster.mentions.append(
            replace(template, start=tok.idx, end=tok.idx + len(tok.text), sent_index=sent_index_of(tok.i),
                    is_subject=_is_subject(tok), name=tok.text, head_i=tok.i)
        )


def _inherit_from_named_persons(clusters: list[_Cluster]) -> None:
    """"the Netanyahu government": a group named after a person takes the person's country."""
    countries = {}
    for c in clusters:
        country = c.vote("country")
        if c.kind == "person" and country:
            for m in c.mentions:
                if m.name:
                    countries[m.name.split()[-1]] = country
    for c in clusters:
        if c.kind == "person" or c.vote("country"):
            continue
        for word in c.name.split():
            if word in countries:
                c.mentions[0].code = replace(c.mentions[0].code, country=countries[word],
                                             rule=f"{c.mentions[0].code.rule}+named-after:{word}")
                break


def _to_actor(index: int, cluster: _Cluster) -> Actor:
    spans = sorted({(m.start, m.end) for m in cluster.mentions if m.name} | set(cluster.extra_spans))
    rules = [m.code.rule for m in cluster.mentions if m.code.rule]
    return Actor(
        id=f"A{index}",
        name=cluster.name,
        country=cluster.vote("country"),
        sector=cluster.vote("sector"),
        role=cluster.vote("role"),
        kind=cluster.kind,
        mentions=spans,
        rule=rules[0] if rules else None,
    )


@component("actors")
def find_actors(analysis: Analysis) -> None:
    doc = analysis.doc
    sent_starts = [s.start for s in sentences(doc)]

    def sent_index_of(token_i: int) -> int:
        return bisect.bisect_right(sent_starts, token_i) - 1

    persons = _person_mentions(analysis, sent_index_of)
    titles = [(m.start, m.end) for m in persons]
    # "Democratic Senate" in "Democratic Senate Minority Leader Chuck Schumer" is part of a title
    groups = [
        m for m in _named_group_mentions(analysis, sent_index_of)
        if not any(m.start < e and s < m.end for s, e in titles)
    ]
    named = persons + groups
    taken = [(m.start, m.end) for m in named]
    common = _common_noun_mentions(analysis, sent_index_of, taken)
    descriptions = [m for m in common if m.kind == "description"]
    clusters_by_key = _cluster_names(named + [m for m in common if m.kind != "description"])
    clusters = list(clusters_by_key.values())
    unlinked = _resolve_descriptions(descriptions, clusters)
    for d in unlinked:
        d.kind = d.code.kind or "group"
        cluster = clusters_by_key.setdefault(d.key, _Cluster(key=d.key, kind=d.kind))
        cluster.mentions.append(d)
        cluster.noun_gender = cluster.noun_gender or d.noun_gender
    clusters = _link_headline_descriptions(list(clusters_by_key.values()))
    clusters = _link_introductions(doc, clusters)
    _sweep_surnames(doc, analysis.text, clusters, sent_index_of)
    _resolve_pronouns(analysis, clusters, sent_index_of)
    sent_start_chars = [doc[s.start].idx for s in sentences(doc)]
    clusters = _relink_descriptions(unlinked, clusters, lambda char: bisect.bisect_right(sent_start_chars, char) - 1)
    home_namesakes = recode_home_namesakes(analysis, clusters)
    _inherit_from_named_persons(clusters)
    scene = dominant_country(clusters, place_votes(analysis, home_namesakes))
    take_homes(clusters)  # after the scene is read: a home is one person's, not what the story is about
    place_in_scene(analysis, clusters, scene)
    place_in_title(analysis, clusters)
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    analysis.actors = [_to_actor(i, c) for i, c in enumerate(clusters, start=1)]
    analysis.index_actor_mentions()
