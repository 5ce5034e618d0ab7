"""The spaCy adapter: reads each number's sentence, referent, attribution and context.

With ``factcheck.phrases`` (the token-level rules) the only code that touches spaCy ``Doc``/
``Token`` objects. It takes plain chunk texts and the character spans of the numbers found
in them, runs the pipeline once over all chunks (``nlp.pipe``), and returns plain ``Reading``
records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from factcheck.model import Referent
from factcheck.phrases import (
    EMPTY,
    NOUNS,
    clause_subject,
    counted_noun,
    demonym,
    find_attribution,
    is_address,
    is_age,
    is_name,
    make_referent,
    measured_noun,
    nearest_noun,
    of_object,
    owner_phrase,
    person_name,
    phrase_tokens,
    sentence_context,
    subject_phrase,
    top_token,
)  # fmt: skip

if TYPE_CHECKING:
    from spacy.language import Language

SURROGATES = re.compile("[\ud800-\udfff]")
Token = Any  # spacy.tokens.Token; kept loose so that nothing of spaCy is imported at run time
Span = Any


@dataclass(frozen=True, slots=True)
class Target:
    """A number to read, by character span into its chunk."""

    start: int
    end: int
    value_start: int
    value_end: int
    role: str
    """count, money, measure, duration, ordinal or event: where the referent is looked for."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What the parse says about one target."""

    sentence_start: int
    sentence_end: int
    referent: Referent
    subject: str = ""
    attribution: str = ""
    context: tuple[str, ...] = ()
    entity: str = ""
    """spaCy's entity label on the number (CARDINAL, DATE, MONEY, ...)."""
    is_name: bool = False
    """The number is part of a name ("iPhone 5", "Curve 8900", "World War 2")."""
    is_age: bool = False
    """An age in apposition to a person ("Gray, 16,")."""
    counted: bool = False
    """The referent is the counted noun itself ("6,000 bodies"), not the clause's subject."""
    drop: bool = False
    """"one" used as a pronoun ("the one who"): no number."""
    singles_out: bool = False
    """"one of the wounded employees": one member picked out of a group, not a count of it."""


class _Reader:
    """Reads the targets of one document's chunks, keeping what carries across chunks."""

    def __init__(self) -> None:
        self.last_person = ""
        self.last_speaker = ""
        """The last person a say-verb had as its subject: "she said" most often means them."""
        self.demonyms: dict[str, None] = {}
        self.numbers: frozenset[int] = frozenset()

    def read(self, doc: Any, targets: Sequence[Target]) -> list[Reading]:
        # spaCy labels "Ukrainian" NORP in one sentence and GPE in the next: any capitalised
        # adjective or NORP entity may be a side's demonym
        self.demonyms.update(dict.fromkeys(e.text for e in doc.ents if e.label_ == "NORP"))
        self.demonyms.update(
            dict.fromkeys(
                t.text
                for t in doc
                if t.pos_ == "ADJ" and t.text[:1].isupper() and t.i > t.sent.start
            )
        )
        # tokens of every number and its unit here: never part of another number's referent
        self.numbers = frozenset(
            t.i for target in targets
            for t in (doc.char_span(target.start, target.end, alignment_mode="expand") or ())
        )  # fmt: skip
        readings: list[Reading] = []
        ellipses: list[tuple[int, Token]] = []
        attributions: dict[int, str] = {}
        for target in targets:
            span = doc.char_span(target.value_start, target.value_end, alignment_mode="expand")
            whole = doc.char_span(target.start, target.end, alignment_mode="expand")
            if span is None or whole is None or len(span) == 0:
                readings.append(Reading(0, len(doc.text), EMPTY))
                continue
            sentence = span[0].sent
            if sentence.start not in attributions:
                attribution = find_attribution(sentence, self.last_speaker or self.last_person)
                attributions[sentence.start] = attribution
                if attribution:
                    self.last_speaker = attribution
                persons = [e for e in sentence.ents if e.label_ == "PERSON"]
                if persons:
                    self.last_person = person_name(persons[-1])
            reading, ellipsis = self._read_one(target, span, whole, attributions[sentence.start])
            if ellipsis is not None:
                ellipses.append((len(readings), ellipsis))
            readings.append(reading)
        for index, own in ellipses:
            readings[index] = self._resolve(readings, index, own)
        for index in range(len(targets)):
            readings[index] = self._bracketed(doc, targets, readings, index)
        return readings

    def _bracketed(
        self, doc: Any, targets: Sequence[Target], readings: list[Reading], index: int
    ) -> Reading:
        """A number in brackets is about what stands before them.

        "7.5 million crowns (US$1.1 million)": a conversion shares the referent of the number before;
        "four fillets (~1lb)": a measure in brackets after a noun is that noun's.
        """
        before = doc.text[: targets[index].start].rstrip()
        if not before.endswith("("):
            return readings[index]
        if (
            index > 0
            and not doc.text[targets[index - 1].end : targets[index].start].strip(" (")
            and (readings[index - 1].referent.text)
        ):
            previous = readings[index - 1]
            return replace(readings[index], referent=previous.referent, subject=previous.subject)
        bracket = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if bracket is None or bracket[0].i == 0:
            return readings[index]
        noun = doc[bracket[0].i - 1]
        if noun.pos_ not in NOUNS or noun.i in self.numbers:
            return readings[index]
        return replace(
            readings[index], referent=make_referent(phrase_tokens(noun, skip=self.numbers), noun)
        )

    def _read_one(
        self, target: Target, span: Span, whole: Span, attribution: str
    ) -> tuple[Reading, Token | None]:
        number = top_token(list(span))
        sentence = span[0].sent
        subject_text, subject = subject_phrase(number, frozenset(t.i for t in whole))
        referent, counted, ellipsis, noun = EMPTY, False, None, None
        if target.role in ("count", "ordinal"):
            noun, is_ellipsis = counted_noun(list(span), number)
            if noun is not None and is_ellipsis:
                ellipsis = noun
            elif noun is not None and noun.pos_ in NOUNS:
                referent, counted = (
                    make_referent(phrase_tokens(noun, skip=self.numbers), noun),
                    True,
                )
            referent = _event_counted(number, noun, referent)
        elif target.role in ("measure", "money", "duration"):
            measured = measured_noun(list(whole), target.role == "money", self.numbers)
            if measured is not None:
                # "a 25% tax on imported vehicles", "a 19% drop in earnings": the pp says of what
                phrase = phrase_tokens(measured, skip=self.numbers, preps=("of", "on", "in", "for"))
                referent = make_referent(phrase, measured)
        if not referent.text and subject is not None:
            referent = make_referent(phrase_tokens(subject, keep_poss=True), subject)
        # a duration is about the event of its clause ("orbits the sun every 33 years"): no noun nearby
        if not referent.text and target.role not in ("event", "duration"):
            near = nearest_noun(span[0], self.numbers)
            if near is not None:
                referent = make_referent(
                    phrase_tokens(near, keep_poss=True, skip=self.numbers), near
                )
        if not referent.text and target.role == "event":
            verb = number.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            referent = Referent(verb.text, verb.lemma_.lower(), verb.lemma_.lower())
        owner = owner_phrase(noun if target.role == "count" and counted else top_token(list(whole)))
        if owner:
            subject_text = owner
        picked_from = of_object(number)
        drop = number.lower_ == "one" and number.dep_ != "nummod" and picked_from is None
        singles_out = number.lower_ in ("one", "1") and picked_from is not None
        reading = Reading(
            sentence.start_char, sentence.end_char, referent, subject_text, attribution, sentence_context(sentence),
            number.ent_type_, is_name(span[0], number) or is_address(span[-1]), is_age(span[0], span[-1]),
            counted, drop, singles_out,
        )  # fmt: skip
        return reading, ellipsis

    def _resolve(self, readings: list[Reading], index: int, own: Token) -> Reading:
        """ "receiving 78 of their own" → the parallel counted phrase, possessor swapped to the receiver."""
        reading = readings[index]
        parallel = [
            r for r in readings[:index] if r.counted and r.sentence_start == reading.sentence_start
        ] or [r for r in readings if r.counted and r.sentence_start == reading.sentence_start]
        if not parallel:
            return reading
        source = parallel[-1].referent
        receiver = clause_subject(own.head.head if own.head.dep_ == "prep" else own)
        text = source.text
        key = source.key
        if receiver is not None and receiver.pos_ == "PROPN":
            side = demonym(receiver.text, self.demonyms)
            for word in text.split():
                if word in self.demonyms and word != side:
                    text = text.replace(word, side, 1)
                    key = key.replace(word.lower(), side.lower(), 1)
                    break
        possessors = [c.text for c in own.lefts if c.dep_ == "poss"]
        referent = Referent(text, key, source.head, resolved_from=" ".join([*possessors, own.text]))
        return replace(reading, referent=referent, counted=True)


# Counted nouns that say nothing of what is counted: "wounding two others", "and three more".
VACUOUS_NOUNS = frozenset({"other", "others", "more", "another", "ones"})


def _event_counted(number: Token, noun: Token | None, referent: Referent) -> Referent:
    """People counted by what happened to them, where no noun says who they are.

    "killing two workers and wounding two others": the two others are the wounded; a headline's
    "2 Dead, 1 Wounded" (the participle parsed as a clause on the number): the one wounded.
    """
    if noun is not None and noun.lower_ in VACUOUS_NOUNS and noun.head.pos_ == "VERB":
        verb = noun.head
        text = f"{noun.text} {verb.text}" if verb.i > noun.i else f"{verb.text} {noun.text}"
        return Referent(text, f"{noun.lower_} {verb.lower_}", verb.lemma_.lower())
    if noun is None and not referent.text:
        after = [c for c in number.children if c.dep_ in ("acl", "amod") and c.i == number.i + 1]
        # "2 dead, 1 wounded" in sentence case: the number is the subject of the word after it
        if (
            number.dep_ in ("nsubj", "nsubjpass")
            and number.head.i == number.i + 1
            and number.head.tag_ in ("VBN", "JJ")
        ):
            after = [number.head]
        if after and after[0].tag_ in ("VBN", "VBD", "JJ"):
            verb = after[0]
            return Referent(verb.text, verb.lower_, verb.lemma_.lower())
    return referent


def read_chunks(
    nlp: Language, chunks: Sequence[tuple[int, str, Sequence[Target]]], batch_size: int = 64
) -> list[list[Reading]]:
    """Readings for every target of every chunk; chunks are (document index, text, targets) in order.

    A chunk without a letter ("0:00 25:48", a table of figures, 100,000 numbers in a row) has
    no words for a referent: it is not parsed, which keeps such input fast.
    """
    wordy = [chunk for chunk in chunks if any(c.isalpha() for c in chunk[1])]
    # spaCy cannot encode lone surrogates ("\ud800"); one replacement character each keeps offsets
    texts = (SURROGATES.sub("\ufffd", text) for _, text, _ in wordy)
    docs = iter(nlp.pipe(texts, batch_size=batch_size))
    results: list[list[Reading]] = []
    reader = _Reader()
    current = -1
    for document, text, targets in chunks:
        if not any(c.isalpha() for c in text):
            results.append([Reading(0, len(text), EMPTY) for _ in targets])
            continue
        if document != current:
            reader, current = _Reader(), document
        results.append(reader.read(next(docs), targets))
    return results
