"""Building the word clusters and word vectors of the NER features, from word2vec trained on unlabeled news.

Building them needs the training extra (gensim, scikit-learn) and the shared corpora; using them needs
only the shipped files, read by ``rased.ner.model_files`` (``read_table``, ``read_vectors``):
``model/clusters.tsv.gz``, one line per word in frequency order, ``word<TAB>c64<TAB>c256<TAB>c1024``
(k-means cluster ids; the word in the NER matching form, see ``rased.ner.features.norm``), and
``model/vectors.npz``, whose row ``i`` is a reduced, unit-length float16 vector of the ``i``-th word of
the table.
"""
from __future__ import annotations

import gzip
import itertools
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

DEFAULT_SIZES = (64, 256, 1024)


def write_table(path: str | Path, words: list[str], labels: list[list[int]], sizes: tuple[int, ...]) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("word\t" + "\t".join(f"k{k}" for k in sizes) + "\n")
        for i, w in enumerate(words):
            fh.write(w + "\t" + "\t".join(str(lab[i]) for lab in labels) + "\n")


def export_vectors(vectors, out: str | Path, *, dims: int = 50, max_words: int = 120_000) -> Path:
    """Write ``vectors.npz``: the first ``max_words`` rows of ``vectors`` (frequency order) made unit
    length, projected on their first ``dims`` principal axes, unit length again, as float16."""
    import numpy as np

    m = np.asarray(vectors[:max_words], dtype=np.float32)
    m /= np.linalg.norm(m, axis=1, keepdims=True) + 1e-8
    if dims < m.shape[1]:
        mu = m.mean(axis=0)
        _, _, vt = np.linalg.svd(m[:50_000] - mu, full_matrices=False)
        m = (m - mu) @ vt[:dims].T
        m /= np.linalg.norm(m, axis=1, keepdims=True) + 1e-8
    out = Path(out)
    np.savez_compressed(out, vectors=m.astype(np.float16))
    return out


def corpus_sentences(max_tokens: int) -> Iterator[list[str]]:
    """Normalised word sequences (one per line of article text), alternating between the ANT and
    SaudiNewsNet corpora, until ``max_tokens`` words have been produced."""
    from ... import datasets
    from ...arabic.tokenize import tokens
    from ...ner.features import norm

    def lines(docs: Iterable) -> Iterator[list[str]]:
        for doc in docs:
            for line in (doc.title + "\n" + doc.text).split("\n"):
                words = [norm(t.text) for t in tokens(line) if t.kind != "punct"]
                if len(words) > 1:
                    yield words

    sources = []
    if datasets.available("corpora", "ant"):
        sources.append(lines(datasets.ant()))
    if datasets.available("corpora", "saudinewsnet"):
        sources.append(lines(datasets.saudinewsnet()))
    if not sources:
        from ...errors import DataError

        raise DataError("no unlabeled corpus found for word clusters",
                        hint="set RASED_DATA to the shared data folder (corpora/ant, corpora/saudinewsnet)")
    produced = 0
    for group in itertools.zip_longest(*sources):
        for words in group:
            if words is None:
                continue
            yield words
            produced += len(words)
        if produced >= max_tokens:
            return


def build(out: str | Path, *, max_tokens: int = 8_000_000, dim: int = 100, min_count: int = 3,
          epochs: int = 5, sizes: tuple[int, ...] = DEFAULT_SIZES, max_words: int = 120_000,
          workers: int = 2, seed: int = 1, vectors_out: str | Path | None = None,
          vector_dims: int = 50, vector_words: int = 120_000, log=print) -> Path:
    """Train skip-gram word2vec on the corpora, cluster the ``max_words`` most frequent words with
    k-means at each size in ``sizes`` and write the table to ``out`` (the vectors to ``vectors_out``
    when given: ``vectors.npz`` for the tagger, see ``export_vectors``)."""
    import numpy as np
    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    t0 = time.time()
    sentences = list(corpus_sentences(max_tokens))
    log(f"clusters: {len(sentences)} lines, {sum(map(len, sentences))} tokens read in {time.time() - t0:.0f}s")
    model = Word2Vec(sentences, vector_size=dim, window=5, min_count=min_count, sg=1, epochs=epochs,
                     workers=workers, seed=seed)
    log(f"clusters: word2vec {len(model.wv)} words in {time.time() - t0:.0f}s")
    words = model.wv.index_to_key[:max_words]
    vecs = np.asarray(model.wv[words], dtype=np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-8
    labels = []
    for k in sizes:
        km = MiniBatchKMeans(n_clusters=k, random_state=seed, batch_size=4096, n_init=3)
        labels.append(km.fit_predict(vecs).tolist())
        log(f"clusters: k={k} done in {time.time() - t0:.0f}s")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_table(out, words, labels, sizes)
    if vectors_out:
        export_vectors(model.wv.vectors, vectors_out, dims=vector_dims, max_words=vector_words)
    return out
