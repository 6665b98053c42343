"""Int8 weights for the network's LSTMs, with quantization ranges fixed so that batching changes no score.

onnxruntime's dynamic quantization (``DynamicQuantizeLSTM``) runs each LSTM's matrix products in int8: the
weights are quantized once, each product's input at run time with a scale taken from that input's own minimum
and maximum, i.e. from the whole batch. A sentence's emissions would then depend on the sentences batched with it
(by up to 0.3 on the shipped model). ``anchor`` makes those ranges constant before quantizing:

- the LSTM input gets two constant features, ``high`` and ``low``, with zero weights, and is clipped to
  ``[low, high]``, so the range of every batch's input is exactly that;
- each LSTM gets two extra hidden units that hold +1 and -1 (a cell state of ±20 kept by an open forget gate
  and a shut input gate, the output gate open), so the range of the recurrent input is always the tanh range;
  their outputs are cut off before the output layer.

An int8 product sums integers exactly, so with fixed scales a row's result no longer depends on the other rows.
Building needs ``onnx`` (the ``train`` extra); running needs only onnxruntime.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

_SATURATE = 1e4  # a gate bias that drives the logistic to exactly 0 or 1 in float32
_CELL = 20.0  # tanh(20) is 1 in float32
EXTRA_INPUTS = 2  # the anchor features, then zeros
EXTRA_UNITS = 2  # the anchor units, then idle ones (zero weights and state)


def input_range(model_dir: str | Path) -> tuple[float, float]:
    """``(low, high)`` bounding the LSTM input of the model in ``model_dir`` on its word table: the embedding
    tables' extremes, the scaled word vectors, the flags (0/1) and the character CNN over every word of the
    table (its output is a ReLU, unbounded above in principle; ``anchor`` clips the rare word beyond)."""
    import onnx
    from onnx import numpy_helper

    from ...ner.char_split import CHARCNN_FILE, CharCNN
    from ...ner.features import core, norm
    from ...ner.model_files import CLUSTERS_FILE, ONNX_FILE, WORDVEC_FILE, load_config, read_table, read_vectors
    from ...ner.neural import _VEC_SCALE, MAX_CHARS, char_ids

    d = Path(model_dir)
    graph = onnx.load(str(d / ONNX_FILE)).graph
    tables = [numpy_helper.to_array(i) for i in graph.initializer if i.name.endswith(".weight")]
    low = min(0.0, *(float(t.min()) for t in tables))
    high = max(1.0, *(float(t.max()) for t in tables))
    vec = _VEC_SCALE * np.abs(read_vectors(d / WORDVEC_FILE).astype(np.float32)).max()
    low, high = min(low, -vec), max(high, vec)
    chars = {c: i + 2 for i, c in enumerate(load_config(d)["chars"])}
    words, _ = read_table(d / CLUSTERS_FILE)
    ids = np.array([char_ids(core(norm(w)), chars) for w in words], dtype=np.int64).reshape(-1, MAX_CHARS)
    cnn = CharCNN(d / CHARCNN_FILE)
    char_max = max(float(cnn(ids[k:k + 4096]).max()) for k in range(0, len(ids), 4096))
    return float(np.floor(low * 100) / 100), float(np.ceil(max(high, char_max) * 100) / 100)


def quantize_folder(model_dir: str | Path) -> tuple[float, float]:
    """Quantize the network of a model folder in place (``ner.onnx``, float LSTMs) and record the input range
    in its ``config.json`` (``int8_input_range``). Returns the range."""
    import json

    from ...ner.model_files import CONFIG_FILE, ONNX_FILE

    d = Path(model_dir)
    x_range = input_range(d)
    quantize(d / ONNX_FILE, d / ONNX_FILE, x_range)
    config = json.loads((d / CONFIG_FILE).read_text(encoding="utf-8"))
    config["int8_input_range"] = list(x_range)
    (d / CONFIG_FILE).write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return x_range


def quantize(onnx_path: str | Path, out_path: str | Path, x_range: tuple[float, float]) -> Path:
    """Write the network at ``onnx_path`` with anchored ranges (``anchor``) and int8 LSTM weights."""
    import tempfile

    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = onnx.load(str(onnx_path))
    anchor(model, *x_range)
    onnx.checker.check_model(model)
    with tempfile.TemporaryDirectory() as tmp:
        anchored = Path(tmp) / "anchored.onnx"
        onnx.save(model, str(anchored))
        quantize_dynamic(str(anchored), str(out_path), weight_type=QuantType.QInt8, op_types_to_quantize=["LSTM"])
    return Path(out_path)


def anchor(model, low: float, high: float) -> None:
    """Rewrite ``model`` (an ``onnx.ModelProto``, LSTMs still in float) in place as the module text says;
    in float it computes the same emissions as before for inputs within ``[low, high]``."""
    g = model.graph
    lstms = [n for n in g.node if n.op_type == "LSTM"]
    if not lstms:
        raise ValueError("the graph has no float LSTM (already quantized?)")
    producer = {o: n for n in g.node for o in n.output}
    concat = producer[producer[lstms[0].input[0]].input[0]]  # Concat → Transpose → LSTM
    if concat.op_type != "Concat":
        raise ValueError("the first LSTM does not read a Concat of the token inputs")
    _anchor_input(g, concat, low, high)
    inits = {i.name: i for i in g.initializer}
    for lstm in lstms:
        _widen(g, lstm, inits)
    _sort(g)  # last: it copies the nodes, so references taken before it go stale


def _anchor_input(g, concat, low: float, high: float) -> None:
    from onnx import helper, numpy_helper

    name = concat.output[0]
    const = numpy_helper.from_array(np.array([[[high, low] + [0.0] * (EXTRA_INPUTS - 2)]], dtype=np.float32), name + "/anchor_values")
    bounds = [numpy_helper.from_array(np.array(v, dtype=np.float32), f"{name}/clip_{k}")
              for k, v in (("low", low), ("high", high))]
    g.initializer.extend([const, *bounds])
    shape = _shape_with_last(g, concat.input[0], name + "/anchor", EXTRA_INPUTS)
    g.node.append(helper.make_node("Expand", [const.name, shape], [name + "/anchor"]))
    concat.input.append(name + "/anchor")
    concat.output[0] = name + "/raw"
    g.node.append(helper.make_node("Clip", [name + "/raw", bounds[0].name, bounds[1].name], [name]))


def _shape_with_last(g, tensor: str, prefix: str, last: int) -> str:
    """Nodes giving the shape of ``tensor`` (rank 3) with its last dimension replaced by ``last``."""
    from onnx import helper, numpy_helper

    consts = {"starts": [0], "ends": [2], "last": [last]}
    g.initializer.extend(numpy_helper.from_array(np.array(v, dtype=np.int64), f"{prefix}/{k}") for k, v in consts.items())
    g.node.extend([
        helper.make_node("Shape", [tensor], [prefix + "/shape"]),
        helper.make_node("Slice", [prefix + "/shape", prefix + "/starts", prefix + "/ends"], [prefix + "/lead"]),
        helper.make_node("Concat", [prefix + "/lead", prefix + "/last"], [prefix + "/target"], axis=0),
    ])
    return prefix + "/target"


def _widen(g, lstm, inits: dict) -> None:
    """Two zero-weight input columns, two anchor hidden units, and their outputs cut off."""
    from onnx import helper, numpy_helper

    hidden = next(a for a in lstm.attribute if a.name == "hidden_size")
    h = hidden.i
    w, r, b = (numpy_helper.to_array(inits[lstm.input[k]]) for k in (1, 2, 3))
    u = h + EXTRA_UNITS
    w4 = np.zeros((4, u, w.shape[2] + EXTRA_INPUTS), dtype=np.float32)
    w4[:, :h, :w.shape[2]] = w.reshape(4, h, -1)
    r4 = np.zeros((4, u, u), dtype=np.float32)
    r4[:, :h, :h] = r.reshape(4, h, h)
    b4 = np.zeros((2, 4, u), dtype=np.float32)
    b4[:, :, :h] = b.reshape(2, 4, h)
    b4[0, :3, h:h + 2] = np.array([-_SATURATE, _SATURATE, _SATURATE])[:, None]  # gates i (shut), o, f (open)
    for k, arr in ((1, w4.reshape(1, 4 * u, -1)), (2, r4.reshape(1, 4 * u, u)),
                   (3, b4.reshape(1, -1))):
        g.initializer.remove(inits[lstm.input[k]])
        g.initializer.append(numpy_helper.from_array(arr, lstm.input[k]))
    hidden.i = u
    for k, values in ((5, [1.0, -1.0]), (6, [_CELL, -_CELL])):
        lstm.input[k] = _with_anchor_units(g, lstm.input[k], f"{lstm.name}/state{k}", values)
    y = lstm.output[0]
    lstm.output[0] = y + "/wide"
    consts = {"starts": [0], "ends": [h], "axes": [3]}
    g.initializer.extend(numpy_helper.from_array(np.array(v, dtype=np.int64), f"{y}/{k}") for k, v in consts.items())
    g.node.append(helper.make_node("Slice", [y + "/wide", y + "/starts", y + "/ends", y + "/axes"], [y]))
    for k in (1, 2):  # the final states are not used; unnamed, they need no cutting
        lstm.output[k] = ""


def _with_anchor_units(g, state: str, prefix: str, values: list[float]) -> str:
    """The initial state ``state`` ([1, batch, H]) with the anchor (and idle) units' values appended: [1, batch, H + EXTRA_UNITS]."""
    from onnx import helper, numpy_helper

    values = values + [0.0] * (EXTRA_UNITS - len(values))
    const = numpy_helper.from_array(np.array([[values]], dtype=np.float32), prefix + "/values")
    g.initializer.append(const)
    shape = _shape_with_last(g, state, prefix, len(values))
    g.node.extend([helper.make_node("Expand", [const.name, shape], [prefix + "/anchors"]),
                   helper.make_node("Concat", [state, prefix + "/anchors"], [prefix + "/wide"], axis=2)])
    return prefix + "/wide"


def _sort(g) -> None:
    """Order the graph's nodes topologically (new nodes were appended at the end)."""
    known = {i.name for i in g.input} | {i.name for i in g.initializer} | {""}
    pending, ordered = list(g.node), []
    while pending:
        ready = [n for n in pending if all(x in known for x in n.input)]
        if not ready:
            raise ValueError("the graph has a cycle or an undefined input")
        for n in ready:
            ordered.append(n)
            known.update(n.output)
        done = {id(n) for n in ready}
        pending = [n for n in pending if id(n) not in done]
    del g.node[:]
    g.node.extend(ordered)
