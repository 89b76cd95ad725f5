"""A mention of an actor and the cluster of mentions naming one actor, as `actors` builds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..resolve.actor_codes import ActorCode

@dataclass
class _Mention:
    start: int  # character offsets of the whole mention (title run included)
    end: int
    sent_index: int
    is_subject: bool
    code: ActorCode
    kind: str
    key: str  # clustering key
    name: str  # the name this mention contributes
    head_i: int  # token index of the head
    gender: Optional[str] = None  # "m" | "f" when an honorific says so
    introduces: bool = False  # "a British aid worker": one person, whose nationality it gives
    word_before: str = ""  # a capitalised word right before a name and outside its title: "Dr."
    home: Optional[tuple[str, str]] = None  # (country, rule) the person's introduction gives: "of Fresno"
    noun_gender: Optional[str] = None  # "m" | "f" when its head noun says so: "an unarmed man", "the councilwoman"
    headline: bool = False  # a headline's description, without its article: "Councilwoman arrested"


@dataclass
class _Cluster:
    key: str
    kind: str
    mentions: list[_Mention] = field(default_factory=list)
    extra_spans: list[tuple[int, int]] = field(default_factory=list)  # pronouns, descriptions
    gender: Optional[str] = None
    noun_gender: Optional[str] = None  # the sex its head noun tells ("a man"): rules out, never draws, pronouns
    last_char: int = -1
    last_sent: int = -1
    last_subject_sent: int = -1

    def note(self, start: int, sent_index: int, is_subject: bool) -> None:
        self.last_char = max(self.last_char, start)
        self.last_sent = max(self.last_sent, sent_index)
        if is_subject:
            self.last_subject_sent = max(self.last_subject_sent, sent_index)

    def vote(self, attr: str) -> Optional[str]:
        """The value most mentions give, the first given on a tie (as `Counter.most_common`):
        a plain dict tally, as a Counter cost ~1% of the steps' time for its ~350 votes per article."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            value = getattr(m.code, attr)
            if value:
                counts[value] = counts.get(value, 0) + 1
        return max(counts, key=counts.__getitem__) if counts else None

    @property
    def name(self) -> str:
        return max((m.name for m in self.mentions), key=len)
