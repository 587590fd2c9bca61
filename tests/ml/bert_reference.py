#!/usr/bin/python3
"""Independent reference for the Hugging Face export (used by hfcheckpoint_test.cpp).

Reads an exported BertForSequenceClassification folder (config.json + model.safetensors) without
`transformers` (not packaged in Debian 12), re-implements BERT's forward pass with python3-torch, and
prints the logits of the given token-id rows as JSON.

    bert_reference.py MODEL_DIR INPUT.json   # INPUT: {"ids": [[...], ...], "mask": [[...], ...]}

Exit code 77 when python3-torch is missing (the test then skips).
"""
import json
import math
import struct
import sys

try:
    import torch
    import torch.nn.functional as F
except ImportError:
    sys.exit(77)

DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "F64": torch.float64}


def load_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + size])
    base = 8 + size
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        raw = bytearray(data[base + begin:base + end])
        tensors[name] = torch.frombuffer(raw, dtype=DTYPES[info["dtype"]]).reshape(info["shape"]).float()
    return tensors


def main():
    folder, inputs = sys.argv[1], json.load(open(sys.argv[2]))
    config = json.load(open(folder + "/config.json"))
    w = load_safetensors(folder + "/model.safetensors")
    eps, heads = config["layer_norm_eps"], config["num_attention_heads"]
    ids = torch.tensor(inputs["ids"])
    mask = torch.tensor(inputs["mask"]).float()
    hidden = config["hidden_size"]
    ln = lambda x, p: F.layer_norm(x, (hidden,), w[p + ".weight"], w[p + ".bias"], eps)
    lin = lambda x, p: x @ w[p + ".weight"].T + w[p + ".bias"]
    e = "bert.embeddings."
    x = w[e + "word_embeddings.weight"][ids] + w[e + "position_embeddings.weight"][: ids.shape[1]] \
        + w[e + "token_type_embeddings.weight"][0]
    x = ln(x, e + "LayerNorm")
    bias = (1.0 - mask)[:, None, None, :] * -1e9
    for layer in range(config["num_hidden_layers"]):
        p = f"bert.encoder.layer.{layer}."
        split = lambda t: t.view(t.shape[0], t.shape[1], heads, -1).transpose(1, 2)
        q, k, v = (split(lin(x, p + "attention.self." + n)) for n in ("query", "key", "value"))
        scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1]) + bias
        context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(x.shape)
        a = ln(lin(context, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        h = F.gelu(lin(a, p + "intermediate.dense"))
        x = ln(lin(h, p + "output.dense") + a, p + "output.LayerNorm")
    pooled = torch.tanh(lin(x[:, 0], "bert.pooler.dense"))
    logits = lin(pooled, "classifier")
    assert logits.shape[1] == len(config["id2label"]) == config["num_labels"]
    assert config["architectures"] == ["BertForSequenceClassification"]
    print(json.dumps(logits.tolist()))


if __name__ == "__main__":
    main()
