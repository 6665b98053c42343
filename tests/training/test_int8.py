"""Int8 LSTMs with anchored ranges (``rased.training.ner.int8``): the same function in float, batch-invariant in int8."""
from __future__ import annotations

import numpy as np
import pytest

onnx = pytest.importorskip("onnx", reason="onnx (the `train` extra) edits the exported graph")
ort = pytest.importorskip("onnxruntime")

from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from rased.training.ner import int8  # noqa: E402

IN, H, OUT = 6, 8, 3


def _network(path, seed: int = 0):
    """Concat → Transpose → LSTM → Squeeze → Transpose → MatMul, with zero initial states built from the
    batch size, as the exported network has them."""
    rng = np.random.default_rng(seed)
    init = {"W": rng.normal(scale=0.5, size=(1, 4 * H, 2 * IN)), "R": rng.normal(scale=0.5, size=(1, 4 * H, H)),
            "B": rng.normal(scale=0.2, size=(1, 8 * H)), "Wout": rng.normal(size=(H, OUT)),
            "one": np.array([1], dtype=np.int64), "hid": np.array([H], dtype=np.int64),
            "s0": np.array([0], dtype=np.int64), "s1": np.array([1], dtype=np.int64), "ax": np.array([1], dtype=np.int64)}
    inits = [numpy_helper.from_array(v.astype(np.float32) if v.dtype == np.float64 else v, k) for k, v in init.items()]
    nodes = [
        helper.make_node("Concat", ["a", "b"], ["x"], axis=-1),
        helper.make_node("Shape", ["x"], ["shp"]),
        helper.make_node("Slice", ["shp", "s0", "s1"], ["batch"]),
        helper.make_node("Concat", ["one", "batch", "hid"], ["state_shape"], axis=0),
        helper.make_node("ConstantOfShape", ["state_shape"], ["zeros"]),
        helper.make_node("Transpose", ["x"], ["xt"], perm=[1, 0, 2]),
        helper.make_node("LSTM", ["xt", "W", "R", "B", "", "zeros", "zeros"], ["y", "yh", "yc"], hidden_size=H),
        helper.make_node("Squeeze", ["y", "ax"], ["ys"]),
        helper.make_node("Transpose", ["ys"], ["yb"], perm=[1, 0, 2]),
        helper.make_node("MatMul", ["yb", "Wout"], ["out"]),
    ]
    dims = ["batch", "time", IN]
    graph = helper.make_graph(nodes, "tiny", [helper.make_tensor_value_info(n, TensorProto.FLOAT, dims) for n in "ab"],
                              [helper.make_tensor_value_info("out", TensorProto.FLOAT, ["batch", "time", OUT])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


def _run(path, feeds):
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, feeds)[0]


def _batch(rng, b, t, scale=1.0):
    return {k: rng.uniform(-scale, scale, size=(b, t, IN)).astype(np.float32) for k in "ab"}


def test_anchored_network_computes_the_same_in_float(tmp_path):
    path = _network(tmp_path / "net.onnx")
    model = onnx.load(str(path))
    int8.anchor(model, -1.0, 1.0)
    onnx.checker.check_model(model)
    anchored = tmp_path / "anchored.onnx"
    onnx.save(model, str(anchored))
    feeds = _batch(np.random.default_rng(1), 4, 9)
    assert np.allclose(_run(anchored, feeds), _run(path, feeds), atol=1e-6)
    with pytest.raises(ValueError, match="no float LSTM"):
        int8.anchor(onnx.load(str(int8.quantize(path, tmp_path / "q.onnx", (-1.0, 1.0)))), -1.0, 1.0)


def test_int8_network_scores_a_row_the_same_alone_and_in_any_batch(tmp_path):
    path = _network(tmp_path / "net.onnx")
    quantized = int8.quantize(path, tmp_path / "q.onnx", (-1.0, 1.0))
    rng = np.random.default_rng(2)
    small = _batch(rng, 1, 7, scale=0.1)  # a narrow range of its own: plain dynamic quantization rescales it
    others = _batch(rng, 3, 7, scale=1.0)
    together = {k: np.concatenate([small[k], others[k]]) for k in "ab"}
    alone, batched = _run(quantized, small)[0], _run(quantized, together)[0]
    assert np.array_equal(alone, batched)
    assert np.abs(alone - _run(path, small)[0]).max() < 0.1  # and close to the float network
