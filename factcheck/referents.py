"""The spaCy adapter: reads each number's sentence, referent, attribution and context.

The only module that touches spaCy ``Doc``/``Token`` objects. It takes plain chunk texts and
the character spans of the numbers found in them, runs the pipeline once over all chunks
(``nlp.pipe``), and returns plain ``Reading`` records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.model import Referent

if TYPE_CHECKING:
    from spacy.language import Language

Token = (
    Any  # spacy.tokens.Token; kept loose so that this module imports nothing of spaCy's at run time
)
Span = Any

NOUNS = frozenset({"NOUN", "PROPN"})
MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
SAY_VERBS = frozenset(
    {"say", "tell", "confirm", "announce", "report", "state", "add", "note", "claim", "warn",
     "estimate", "write", "insist", "caution", "explain", "argue", "reveal", "declare", "predict"}
)  # fmt: skip
# "78 of their own": the counted noun is elided and must come from a parallel phrase.
ELLIPSIS_WORDS = frozenset({"own", "they", "them", "those", "these", "theirs", "ours", "it"})
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec"}
)  # fmt: skip
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "ccomp", "relcl", "acl", "prep", "pobj", "dobj",
                        "npadvmod", "attr", "advmod", "nummod", "quantmod", "compound", "appos", "amod",
                        "nmod", "oprd", "acomp", "dative", "agent"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Target:
    """A number to read, by character span into its chunk."""

    start: int
    end: int
    value_start: int
    value_end: int
    role: str
    """count, measure, ordinal or event: where the referent is looked for."""


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


EMPTY = Referent(text="", key="")


def _key(tokens: Iterable[Token]) -> str:
    words = [
        t.lemma_.lower()
        for t in tokens
        # spaCy lists "former" as a stop word; adjectives and nouns stay in the key
        if (t.is_alpha or t.pos_ in NOUNS) and not (t.is_stop and t.pos_ not in ("ADJ", "NOUN", "PROPN"))
        and not t.like_num
        and t.pos_ not in ("DET", "PRON", "ADP", "CCONJ", "PART", "PUNCT", "AUX")
    ]  # fmt: skip
    return " ".join(words)


def _modifiers(token: Token, keep_poss: bool) -> list[Token]:
    found: list[Token] = []
    for child in token.lefts:
        if (
            child.dep_ in MODIFIERS
            and not child.like_num
            and child.ent_type_ not in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT")
        ):
            if child.dep_ == "poss" and (not keep_poss or child.pos_ == "PRON"):
                continue
            found.extend(_modifiers(child, keep_poss))
            found.append(child)
    return found


def _phrase_tokens(
    head: Token,
    *,
    with_of: bool = True,
    keep_poss: bool = False,
    skip: frozenset[int] = frozenset(),
) -> list[Token]:
    tokens = [*_modifiers(head, keep_poss), head]
    if with_of:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                # "turnover of 1.23 billion shekels": the number's own phrase is not the referent
                if objects and objects[0].pos_ not in ("PRON", "NUM") and objects[0].i not in skip:
                    the = [c for c in objects[0].lefts if c.dep_ == "det" and c.lower_ == "the"]
                    tokens += [child, *the, *_modifiers(objects[0], keep_poss), objects[0]]
                break
    return sorted(tokens, key=lambda t: t.i)


def _render(tokens: Sequence[Token]) -> str:
    parts: list[str] = []
    if tokens:
        doc = tokens[0].doc
        # keep the hyphen of "Russia-Ukraine talks" that no dependency arc reaches
        chosen = {t.i for t in tokens}
        hyphens = [
            doc[i]
            for i in range(tokens[0].i, tokens[-1].i)
            if i not in chosen and doc[i].text in ("-", "–")
        ]
        tokens = sorted([*tokens, *hyphens], key=lambda t: t.i)
    for index, token in enumerate(tokens):
        parts.append(token.text)
        if index + 1 < len(tokens):
            parts.append(" " if token.whitespace_ or tokens[index + 1].i != token.i + 1 else "")
    return "".join(parts).replace(" 's", "'s")


def _referent(tokens: Sequence[Token], head: Token, resolved_from: str = "") -> Referent:
    return Referent(_render(tokens), _key(tokens), head.lemma_.lower(), resolved_from)


def clause_subject(token: Token, inside: frozenset[int] = frozenset()) -> Token | None:
    """The subject of the clause ``token`` stands in, climbing through verbs that have none.

    None when the number itself is the subject ("about 25% opposed it"): the clause then
    says nothing about what it counts.
    """
    current = token
    for _ in range(12):
        if current.dep_ in SUBJECT_DEPS and (current.i == token.i or current.i in inside):
            return None
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS and child.i != token.i and child.i not in inside:
                if child.tag_ in ("WDT", "WP") and current.dep_ == "relcl":
                    return current.head  # "the fund that rose 5%": the fund
                return child
        if current.dep_ == "ROOT" or current.head.i == current.i:
            return None
        current = current.head
    return None


def _top(tokens: Sequence[Token]) -> Token:
    """The token of a span whose head lies outside it."""
    indices = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in indices or token.head.i == token.i:
            return token
    return tokens[-1]


def _of_object(token: Token, prepositions: tuple[str, ...] = ("of",)) -> Token | None:
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def _counted_noun(tokens: Sequence[Token], number: Token) -> tuple[Token | None, bool]:
    """(noun counted, is ellipsis): "6,000 bodies" → bodies; "five of its regions" → regions."""
    for token in (number, _top(tokens)):
        obj = _of_object(token)
        if obj is not None:
            return obj, obj.lower_ in ELLIPSIS_WORDS or obj.pos_ == "PRON"
    top = _top(tokens)
    if (
        top.dep_ in ("nummod", "amod", "compound", "quantmod")
        and top.head.pos_ in NOUNS
        and top.head.i > top.i
    ):
        return top.head, False
    return None, False


def _measured(tokens: Sequence[Token], money: bool = False) -> Token | None:
    """What a measure or share is of: "40 per cent of its volume" → volume; "fund worth $2m" → fund.

    Money also takes "in": "$1 billion in gains" → gains.
    """
    for token in tokens:
        obj = _of_object(token, ("of", "in") if money else ("of",))
        if (obj is not None and obj.pos_ == "NOUN") or (
            obj is not None and obj.pos_ == "PROPN" and not money
        ):
            return obj
    top = _top(tokens)
    head = top.head
    if top.dep_ in ("pobj", "npadvmod", "amod", "compound", "nmod", "nummod") and head.i != top.i:
        if (
            head.pos_ in ("ADJ", "ADP")
            and head.lower_ in ("worth", "of", "at", "valued")
            and head.head.pos_ in NOUNS
        ):
            return head.head
        if head.pos_ in NOUNS and top.dep_ != "pobj":
            return head
    return None


def _nearest_noun(first: Token, inside: frozenset[int]) -> Token | None:
    """The closest noun before the number in its sentence, the head of its phrase: "this year's MSRP is $33,790"."""
    for index in range(first.i - 1, first.sent.start - 1, -1):
        token = first.doc[index]
        if (
            token.i in inside
            or token.pos_ not in NOUNS
            or token.ent_type_ in ("DATE", "TIME", "CARDINAL")
        ):
            continue
        while (
            token.dep_ in ("compound", "amod")
            and token.head.pos_ in NOUNS
            and token.head.i < first.i
        ):
            token = token.head
        return token if token.i not in inside else None
    return None


def _subject_phrase(token: Token, inside: frozenset[int]) -> tuple[str, Token | None]:
    subject = clause_subject(token, inside)
    if subject is None or subject.pos_ == "PRON":
        return "", None
    return _render(_phrase_tokens(subject, keep_poss=True)), subject


def _person(span: Span) -> str:
    """A PERSON entity with the title compounds before it: "Kremlin spokesman Dmitry Peskov"."""
    root = span.root
    return _render([*_modifiers(root, False), root])


def _attribution(sentence: Span, last_person: str) -> str:
    for token in sentence:
        if token.lower_ == "according":
            for child in token.subtree:
                if child.dep_ == "pobj":
                    return _render(_phrase_tokens(child, with_of=False))
    for token in sentence:
        if token.lemma_ in SAY_VERBS and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS:
                    if child.pos_ == "PRON":
                        return last_person if child.lower_ in ("he", "she") else ""
                    return _render([*_modifiers(child, True), child])
    return ""


def _context(sentence: Span) -> tuple[str, ...]:
    words = [
        t.lemma_.lower() for t in sentence if t.pos_ in CONTENT and t.is_alpha and not t.is_stop
    ]
    words += [
        e.text.lower()
        for e in sentence.ents
        if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT")
    ]
    return tuple(dict.fromkeys(words))


def _is_name(first: Token, number: Token) -> bool:
    if first.i == 0:
        return False
    previous = first.doc[first.i - 1]
    if previous.pos_ != "PROPN" or not previous.text[:1].isalpha() or previous.lower_ in MONTHS:
        return False
    if (
        previous.ent_type_ in ("PERSON", "GPE", "NORP", "DATE", "MONEY", "LOC")
        or not first.text[:1].isdigit()
    ):
        return False
    if previous.head.i == number.head.i and previous.dep_ in ("nmod", "compound"):
        return True  # "the iPhone 5 offer": both modify "offer"
    return (
        number.head.i == previous.i
        or previous.head.i == number.i
        or number.dep_ in ("appos", "npadvmod")
    )


def _is_age(first: Token, last: Token) -> bool:
    doc = first.doc
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.text == "," and first.i > 1:
        before = doc[first.i - 2]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        before is not None and before.ent_type_ == "PERSON" and first.text.isdigit()
        and 0 < int(first.text) < 120 and after is not None
        and (after.text == "," or after.pos_ in ("VERB", "AUX"))
    )  # fmt: skip


def demonym(name: str, known: Iterable[str]) -> str:
    """ "Russia" → "Russian", preferring a demonym the text itself uses ("Chilean", "Argentine")."""
    best = ""
    for candidate in known:
        shared = 0
        for a, b in zip(candidate.lower(), name.lower(), strict=False):
            if a != b:
                break
            shared += 1
        if shared >= 4 and shared >= len(name) - 2 and len(candidate) > len(best):
            best = candidate
    if best:
        return best
    if name.endswith("a"):
        return name + "n"
    return name + "an" if name.endswith("e") else name + "ese"


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
                attribution = _attribution(sentence, self.last_speaker or self.last_person)
                attributions[sentence.start] = attribution
                if attribution:
                    self.last_speaker = attribution
                persons = [e for e in sentence.ents if e.label_ == "PERSON"]
                if persons:
                    self.last_person = _person(persons[-1])
            reading, ellipsis = self._read_one(target, span, whole, attributions[sentence.start])
            if ellipsis is not None:
                ellipses.append((len(readings), ellipsis))
            readings.append(reading)
        for index, own in ellipses:
            readings[index] = self._resolve(readings, index, own)
        return readings

    def _read_one(
        self, target: Target, span: Span, whole: Span, attribution: str
    ) -> tuple[Reading, Token | None]:
        number = _top(list(span))
        sentence = span[0].sent
        subject_text, subject = _subject_phrase(number, frozenset(t.i for t in whole))
        referent, counted, ellipsis = EMPTY, False, None
        if target.role in ("count", "ordinal"):
            noun, is_ellipsis = _counted_noun(list(span), number)
            if noun is not None and is_ellipsis:
                ellipsis = noun
            elif noun is not None and noun.pos_ in NOUNS:
                referent, counted = _referent(_phrase_tokens(noun), noun), True
        elif target.role in ("measure", "money"):
            measured = _measured(list(whole), target.role == "money")
            if measured is not None:
                referent = _referent(_phrase_tokens(measured, skip=self.numbers), measured)
        if not referent.text and subject is not None:
            referent = _referent(_phrase_tokens(subject, keep_poss=True), subject)
        if not referent.text and target.role != "event":
            near = _nearest_noun(span[0], self.numbers)
            if near is not None:
                referent = _referent(_phrase_tokens(near, keep_poss=True, skip=self.numbers), near)
        if not referent.text and target.role == "event":
            verb = number.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            referent = Referent(verb.text, verb.lemma_.lower(), verb.lemma_.lower())
        drop = number.lower_ == "one" and number.dep_ != "nummod" and _of_object(number) is None
        reading = Reading(
            sentence.start_char, sentence.end_char, referent, subject_text, attribution, _context(sentence),
            number.ent_type_, _is_name(span[0], number), _is_age(span[0], span[-1]), counted, drop,
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
        return Reading(
            reading.sentence_start,
            reading.sentence_end,
            referent,
            reading.subject,
            reading.attribution,
            reading.context,
            reading.entity,
            reading.is_name,
            reading.is_age,
            True,
            reading.drop,
        )


def read_chunks(
    nlp: Language, chunks: Sequence[tuple[int, str, Sequence[Target]]], batch_size: int = 64
) -> list[list[Reading]]:
    """Readings for every target of every chunk; chunks are (document index, text, targets) in order.

    A chunk without a letter ("0:00 25:48", a table of figures, 100,000 numbers in a row) has
    no words for a referent: it is not parsed, which keeps such input fast.
    """
    wordy = [chunk for chunk in chunks if any(c.isalpha() for c in chunk[1])]
    docs = iter(nlp.pipe((text for _, text, _ in wordy), batch_size=batch_size))
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
