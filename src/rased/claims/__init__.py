"""The clause layer: one token view of an article, clauses around predicates, a discourse state, and the frame
rules that read who does what to whom (``verb_frames``). Frames and clause words are data in
``knowledge/cues`` (``frames.tsv``, ``clause_words.tsv``), checked by ``knowledge.cues.validate``."""
