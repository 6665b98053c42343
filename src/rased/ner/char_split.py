"""Move the character CNN out of the exported network, so that it runs once per word form, not per token.

The network's character CNN (embedding → Conv1d width 3 → ReLU → max over positions) depends on the word
alone, yet inside the ONNX graph it ran for every token of every sentence, padding included: a fifth of the
network's time. ``split`` cuts it out of the exported graph: the graph takes its output as an input
(``charvec``, ``[batch, time, filters]``) and the CNN's weights go to ``charcnn.npz``; at run time
``CharCNN`` computes a word's vector in numpy the first time the word is seen (``rased.ner.neural``).
Training needs ``onnx`` (the ``train`` extra); running needs only numpy.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

CHARCNN_FILE = "charcnn.npz"
CHARVEC_INPUT = "charvec"


class CharCNN:
    """The character CNN in numpy: ``(ids [N, C] int) → [N, filters] float32``, as the network computes it
    (padding characters have id 0 and a zero embedding, and count in the max like any position)."""

    def __init__(self, path: str | Path):
        with np.load(path) as z:
            self.emb = z["char"].astype(np.float32)  # [chars, dim]
            w = z["conv_w"].astype(np.float32)  # [filters, dim, 3]
            self.bias = z["conv_b"].astype(np.float32)  # [filters]
        self.taps = [np.ascontiguousarray(w[:, :, k].T) for k in range(w.shape[2])]  # each [dim, filters]

    @property
    def filters(self) -> int:
        return int(self.bias.shape[0])

    def __call__(self, ids: np.ndarray) -> np.ndarray:
        n, c = ids.shape
        x = self.emb[ids]  # [N, C, dim]
        width = len(self.taps)
        pad = width // 2
        xp = np.zeros((n, c + 2 * pad, x.shape[2]), dtype=np.float32)
        xp[:, pad:pad + c] = x
        out = np.broadcast_to(self.bias, (n, c, self.filters)).copy()
        for k, tap in enumerate(self.taps):
            out += xp[:, k:k + c] @ tap
        np.maximum(out, 0.0, out=out)
        return out.max(axis=1)


def split(onnx_path: str | Path, npz_path: str | Path | None = None) -> Path:
    """Rewrite the exported network at ``onnx_path`` without its character CNN (see the module text);
    writes the CNN's weights to ``npz_path`` (default: ``charcnn.npz`` beside it). Returns the npz path."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    onnx_path = Path(onnx_path)
    npz_path = Path(npz_path) if npz_path else onnx_path.with_name(CHARCNN_FILE)
    model = onnx.load(str(onnx_path))
    g = model.graph
    consumers: dict[str, list] = {}
    for node in g.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)
    conv = next(n for n in g.node if n.op_type == "Conv")
    producer = {o: n for n in g.node for o in n.output}
    transpose = producer[conv.input[0]]  # Gather(char embedding) → Transpose → Conv
    emb_gather = producer[transpose.input[0]]
    # follow Conv → Relu → ReduceMax → Reshape: the tensor the main Concat takes
    tail = conv
    for op in ("Relu", "ReduceMax", "Reshape"):
        tail = next(n for n in consumers[tail.output[0]] if n.op_type == op)
    char_out = tail.output[0]
    inits = {i.name: i for i in g.initializer}
    weights = {
        "char": numpy_helper.to_array(inits[emb_gather.input[0]]),
        "conv_w": numpy_helper.to_array(inits[conv.input[1]]),
        "conv_b": numpy_helper.to_array(inits[conv.input[2]]),
    }
    np.savez(npz_path, **weights)
    filters = int(weights["conv_b"].shape[0])
    for node in g.node:
        for k, name in enumerate(node.input):
            if name == char_out:
                node.input[k] = CHARVEC_INPUT
            elif name == "chars" and node.op_type == "Shape":
                node.input[k] = "flags"  # batch and time dimensions, the same in both
    # drop what no longer leads to the output
    needed = {o.name for o in g.output}
    keep = []
    for node in reversed(list(g.node)):
        if any(o in needed for o in node.output):
            keep.append(node)
            needed.update(node.input)
    keep.reverse()
    del g.node[:]
    g.node.extend(keep)
    for init in list(g.initializer):
        if init.name not in needed:
            g.initializer.remove(init)
    chars_in = next(i for i in g.input if i.name == "chars")
    g.input.remove(chars_in)
    if "chars" in needed:
        raise ValueError("the network still reads `chars` after the split")
    at = [i.name for i in g.input].index("flags")
    g.input.insert(at, helper.make_tensor_value_info(CHARVEC_INPUT, TensorProto.FLOAT, ["batch", "time", filters]))
    onnx.checker.check_model(model)
    onnx.save(model, str(onnx_path))
    return npz_path
