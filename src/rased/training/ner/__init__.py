"""Training of the NER taggers (``rased train ner``): the feature CRF (``crf``), the BiLSTM-CRF (``bilstm``,
the ``train`` extra) with language-model pretraining (``pretrain``), self-training (``self_training``) and
mention replacement (``augment``), the int8 export of its LSTMs (``int8``) and the word clusters and vectors
of the features (``clusters``). Inference (``rased.ner``) imports none of these; both sides read and write model
folders through ``rased.ner.model_files``.
"""
