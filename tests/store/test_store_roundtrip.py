"""Property: whatever article goes into the store comes back equal, on both backends."""
from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rased.record import (
    ActorRef, Article, Block, Dateline, Entity, Mention, Problem, Published, Quote, Relation, Removed, Sentence,
)

# Arabic letters and marks, Latin, digits, punctuation, odd spaces, NUL and emoji; no lone surrogates.
ALPHABET = st.characters(blacklist_categories=("Cs",))
TEXT = st.text(ALPHABET, min_size=1, max_size=300)
SHORT = st.text(ALPHABET, max_size=30)


@st.composite
def spans(draw, n):
    a = draw(st.integers(0, n))
    b = draw(st.integers(a, n))
    return a, b


@st.composite
def mentions(draw, text):
    s, e = draw(spans(len(text)))
    return Mention(s, e, text[s:e], draw(st.none() | SHORT))


@st.composite
def articles(draw):
    text = draw(TEXT)
    n = len(text)
    opt_m = lambda: st.none() | mentions(text)  # noqa: E731

    @st.composite
    def entity(d):
        s, e = d(spans(n))
        ref = d(st.none() | st.builds(ActorRef, SHORT, SHORT, st.none() | SHORT, SHORT))
        return Entity(s, e, text[s:e], d(st.sampled_from(["PER", "ORG", "LOC", "GPE"])), d(st.none() | SHORT), ref,
                      d(st.floats(0, 1, allow_nan=False)), d(st.none() | SHORT))

    @st.composite
    def quote(d):
        (cs, ce), (ks, ke) = d(spans(n)), d(spans(n))
        return Quote(d(opt_m()), d(SHORT), cs, ce, ks, ke, d(st.booleans()))

    @st.composite
    def relation(d):
        s, e = d(spans(n))
        return Relation(d(st.sampled_from(["ASSAULT", "CONSULT", "ACCUSE"])), d(opt_m()), d(opt_m()), s, e, d(SHORT),
                        d(st.sampled_from(["asserted", "reported", "negated"])), d(opt_m()), d(st.none() | SHORT),
                        d(opt_m()))

    def some(strategy):
        return st.none() | st.lists(strategy, max_size=4).map(tuple)

    return Article(
        id=uuid.UUID(int=draw(st.integers(0, 2**128 - 1))).hex[:16],
        text=text,
        source=draw(st.none() | SHORT),
        url=draw(st.none() | SHORT),
        title=draw(st.none() | SHORT),
        published=draw(st.none() | st.builds(Published, SHORT, st.sampled_from(["day", "minute"]), SHORT, SHORT)),
        dateline=draw(st.none() | st.builds(Dateline, SHORT, st.none() | SHORT, st.none() | SHORT)),
        author=draw(st.none() | SHORT),
        blocks=tuple(Block("paragraph", *draw(spans(n)), draw(st.none() | st.integers(0, 99))) for _ in range(draw(st.integers(0, 3)))),
        sentences=tuple(Sentence(*draw(spans(n))) for _ in range(draw(st.integers(0, 3)))),
        removed=tuple(draw(st.lists(st.builds(Removed, SHORT, SHORT, st.integers(0, 999), st.integers(0, 999)), max_size=2))),
        problems=tuple(draw(st.lists(st.builds(Problem, SHORT, SHORT, st.none() | st.integers(0, n)), max_size=2))),
        raw_offsets=tuple((a, b, c) for a, b, c in draw(st.lists(st.tuples(*[st.integers(0, 10**6)] * 3), max_size=3))),
        entities=draw(some(entity())),
        quotes=draw(some(quote())),
        relations=draw(some(relation())),
        summary=draw(st.none() | st.lists(st.builds(Sentence, st.integers(0, n), st.integers(0, n)), max_size=2).map(tuple)),
        keywords=draw(st.none() | st.lists(SHORT, max_size=3).map(tuple)),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(article=articles())
def test_store_round_trip(store, article):
    result = store.add(article)
    assert result.stored + result.existing == 1
    back = store.get(article.id)
    if result.stored:
        assert back == article


def test_nul_in_actor_ids_is_stored_and_read_back(store):
    """PostgreSQL text cannot hold NUL: every text column of the rows drops it (actor ids and Wikidata ids too),
    the record keeps the exact value (a case the property test above once drew)."""
    text = "قال الرئيس إن الوضع مستقر."
    who = Mention(4, 10, text[4:10], "per:\x00x")
    article = Article(
        id="00000000000000a1", text=text,
        entities=(Entity(4, 10, text[4:10], "PER", "per:\x00x", ActorRef("a\x00", "b", "Q\x001", "c"), 0.9, None),),
        quotes=(Quote(who, text[4:10], 0, 3, 14, 25, False),),
        relations=(Relation("ACCUSE", who, Mention(14, 19, text[14:19], "grp:\x00y"), 0, 25, "قال", "asserted",
                            None, "past\x00", None),),  # the event time too (a later draw of the property test)
    )
    assert store.add(article).stored == 1
    assert store.get(article.id) == article
