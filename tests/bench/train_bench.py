#!/usr/bin/python3
"""Side-by-side training benchmark on Banking77 (BENCHMARKS.md, "Training: fast model").

In one run, on the same machine and thread count:
  1. bankbench-cli: import train.csv and test.csv into a fresh project, `train --model fast` with the shipped
     defaults (or --config), then `eval` on the official test set (scored once);
  2. the same fastText-style model in Python with Debian's python3-torch: EmbeddingBag(mean, sparse) over the
     *same* hashed n-gram ids (computed by Bankbench's featurizer via `train_bench --featurize`, so both
     models see identical inputs), dropout, Linear; SparseAdam + Adam, the same warm-up/decay schedule,
     batch size, epochs, label smoothing, early stopping and the run's own stored train/validation split;
  3. scikit-learn TF-IDF (word 1-2 grams, sublinear tf) + LinearSVC fitted on the full train.csv.

Throughput is training examples per second of pure training-step time (forward, backward, optimizer,
batch assembly; validation and featurisation excluded) on both sides.

Usage (Debian: apt-get install python3-torch python3-sklearn):
  /usr/bin/python3 tests/bench/train_bench.py --cli build/app/bankbench-cli \
      --bench build/tests/bench/train_bench [--threads 1] [--config cfg.json] [--json out.json]

With --transformer (BENCHMARKS.md, "Training: transformer") the same run then compares throughput on the
4-layer BERT encoder (d 256, 4 heads, FFN 1024) trained by `train_bench` for --epochs epochs against the same
model in Python (same WordPiece ids via `train_bench --tokenize`, same split, batch size, length buckets,
AdamW, warm-up, gradient clipping, dropout and thread count); --transformer-only skips the fast model.
"""

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time

# As for bankbench-cli (README: BLAS and threads): idle OpenMP threads must not spin. Set before torch loads.
os.environ.setdefault("OMP_WAIT_POLICY", "passive")


def openblas_threads():
    """OpenBLAS's thread count in this process (None when no OpenBLAS is loaded)."""
    import ctypes
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "openblas" in line and ".so" in line}
    for path in sorted(paths):
        library = ctypes.CDLL(path)
        if hasattr(library, "openblas_get_num_threads"):
            return library.openblas_get_num_threads()
    return None


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cmd, env=None, cpu=None):
    """stdout and wall seconds; with a `cpu` dict, also the child's CPU seconds (user + system) in cpu["seconds"]."""
    started = time.perf_counter()
    cpu_before = children_cpu()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    if cpu is not None:
        cpu["seconds"] = children_cpu() - cpu_before
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    return proc.stdout, wall


def load_run(project, run_name):
    db = sqlite3.connect(project)
    run_id, labels_json, config_json = db.execute(
        "SELECT id, labels_json, config_json FROM runs WHERE name = ?", (run_name,)).fetchone()
    split = {"train": [], "validation": []}
    for record_id, part in db.execute("SELECT record_id, part FROM run_split WHERE run_id = ? ORDER BY record_id",
                                      (run_id,)):
        split[part].append(record_id)
    db.close()
    return json.loads(labels_json), json.loads(config_json), split


def dataset_rows(project, dataset):
    """(record id, text, label) of a dataset's labelled records, in import order."""
    db = sqlite3.connect(project)
    rows = db.execute(
        "SELECT r.id, r.text, l.name FROM records r JOIN datasets d ON d.id = r.dataset_id "
        "JOIN annotations a ON a.record_id = r.id AND a.is_current = 1 AND a.status = 'accepted' "
        "JOIN labels l ON l.id = a.label_id WHERE d.name = ? ORDER BY r.id", (dataset,)).fetchall()
    db.close()
    return rows


def featurize(bench, config, texts):
    out, _ = run_with_input([bench, "--featurize", json.dumps(config)], "\n".join(t.replace("\n", " ") for t in texts))
    lines = out.split("\n")[: len(texts)]
    return [[int(x) for x in line.split()] if line else [] for line in lines]


def run_with_input(cmd, text):
    proc = subprocess.run(cmd, input=text + "\n", capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr}")
    return proc.stdout, 0


def python_fasttext(config, threads, train_ids, train_y, val_ids, val_y, test_ids, test_y, num_classes):
    import torch
    import torch.nn.functional as F
    from sklearn.metrics import f1_score

    torch.set_num_threads(threads)
    torch.manual_seed(config["seed"])
    dim = config["fast"]["dim"]
    buckets = 1 << config["fast"]["features"]["bucket_bits"]

    class FastText(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = torch.nn.EmbeddingBag(buckets, dim, mode="mean", sparse=True)
            self.fc = torch.nn.Linear(dim, num_classes)
            with torch.no_grad():
                self.embedding.weight.uniform_(-1.0 / dim, 1.0 / dim)
                self.fc.weight.zero_()
                self.fc.bias.zero_()
            self.dropout = torch.nn.Dropout(config["dropout"])

        def forward(self, ids, offsets):
            return self.fc(self.dropout(self.embedding(ids, offsets)))

    def batch_tensors(examples, indices):
        lengths = [len(examples[i]) for i in indices]
        offsets = torch.tensor([0] + lengths[:-1], dtype=torch.long).cumsum(0)
        ids = torch.tensor([x for i in indices for x in examples[i]], dtype=torch.long)
        return ids, offsets

    def predict(model, examples):
        model.eval()
        out = []
        with torch.no_grad():
            for start in range(0, len(examples), 512):
                ids, offsets = batch_tensors(examples, range(start, min(start + 512, len(examples))))
                out.append(model(ids, offsets))
        model.train()
        return torch.cat(out)

    batch = config["batch_size"]
    timing = {"seconds": 0.0, "examples": 0}

    def fit(examples, labels, epochs, validate):
        """One training phase; with `validate`, early stopping on validation macro-F1 keeping the best epoch."""
        model = FastText()
        sparse_opt = torch.optim.SparseAdam([model.embedding.weight], lr=config["learning_rate"],
                                            betas=(config["beta1"], config["beta2"]), eps=config["epsilon"])
        dense_opt = torch.optim.AdamW(model.fc.parameters(), lr=config["learning_rate"],
                                      betas=(config["beta1"], config["beta2"]), eps=config["epsilon"],
                                      weight_decay=config["weight_decay"])
        steps_per_epoch = (len(examples) + batch - 1) // batch
        total = steps_per_epoch * epochs
        warmup = round(config["warmup_fraction"] * total)

        def lr_at(step):
            if step < warmup:
                return (step + 1) / warmup
            if not config["linear_decay"]:
                return 1.0
            return max(total - step, 0) / max(total - warmup, 1)

        schedulers = [torch.optim.lr_scheduler.LambdaLR(o, lr_at) for o in (sparse_opt, dense_opt)]
        y = torch.tensor(labels)
        best_f1, best_state, best_epoch, bad_epochs, epochs_run = -1.0, None, 0, 0, 0
        for epoch in range(epochs):
            order = torch.randperm(len(examples), generator=generator).tolist()
            for b in range(steps_per_epoch):
                started = time.perf_counter()
                indices = order[b * batch:(b + 1) * batch]
                ids, offsets = batch_tensors(examples, indices)
                logits = model(ids, offsets)
                loss = F.cross_entropy(logits, y[indices], label_smoothing=config["label_smoothing"])
                sparse_opt.zero_grad()
                dense_opt.zero_grad()
                loss.backward()
                sparse_opt.step()
                dense_opt.step()
                for s in schedulers:
                    s.step()
                timing["seconds"] += time.perf_counter() - started
                timing["examples"] += len(indices)
            epochs_run += 1
            if not validate:
                continue
            f1 = f1_score(val_y, predict(model, val_ids).argmax(1).tolist(), average="macro")
            if f1 > best_f1:
                best_f1, best_epoch, bad_epochs = f1, epoch + 1, 0
                best_state = {k: v.clone() for k, v in model.state_dict().items()}
            else:
                bad_epochs += 1
            patience = config["early_stopping_patience"]
            if patience > 0 and bad_epochs >= patience:
                break
        if validate:
            model.load_state_dict(best_state)
        return model, best_f1, best_epoch, epochs_run

    generator = torch.Generator().manual_seed(config["seed"])
    model, best_f1, best_epoch, epochs_run = fit(train_ids, train_y, config["epochs"], True)
    refit_epochs = 0
    if config.get("refit", False):
        # The same final pass as Bankbench: a fresh model on training + validation for the best epoch count.
        refit_epochs = best_epoch
        model, _, _, _ = fit(train_ids + val_ids, list(train_y) + list(val_y), best_epoch, False)
    test_pred = predict(model, test_ids).argmax(1).tolist()
    accuracy = sum(int(p == t) for p, t in zip(test_pred, test_y)) / len(test_y)
    return {"train_seconds": timing["seconds"], "examples_per_second": timing["examples"] / timing["seconds"],
            "epochs_run": epochs_run, "refit_epochs": refit_epochs, "validation_macro_f1": best_f1,
            "test_accuracy": accuracy,
            "test_macro_f1": f1_score(test_y, test_pred, average="macro"), "torch": torch.__version__}


TRANSFORMER = {"layers": 4, "hidden": 256, "heads": 4, "ffn": 1024, "max_length": 64, "vocab_size": 8000}


def python_transformer(config, threads, train_ids, train_y, vocab):
    """Training-step throughput of the same BERT encoder + classifier in Python (python3-torch)."""
    import math
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(threads)
    torch.manual_seed(config["seed"])
    t = config["transformer"]
    hidden, heads, p = t["hidden"], t["heads"], config["dropout"]
    num_classes = max(train_y) + 1

    class Layer(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.query, self.key, self.value = (torch.nn.Linear(hidden, hidden) for _ in range(3))
            self.attention_output = torch.nn.Linear(hidden, hidden)
            self.norm1 = torch.nn.LayerNorm(hidden, eps=1e-12)
            self.intermediate = torch.nn.Linear(hidden, t["ffn"])
            self.output = torch.nn.Linear(t["ffn"], hidden)
            self.norm2 = torch.nn.LayerNorm(hidden, eps=1e-12)
            self.dropout = torch.nn.Dropout(p)

        def forward(self, x, bias):
            b, n, _ = x.shape
            # One [H, 3H] product, as Bankbench's BertSelfAttention runs it.
            qkv = F.linear(x, torch.cat([self.query.weight, self.key.weight, self.value.weight]),
                           torch.cat([self.query.bias, self.key.bias, self.value.bias]))
            q, k, v = qkv.view(b, n, 3, heads, hidden // heads).permute(2, 0, 3, 1, 4)
            scores = q @ k.transpose(-1, -2) / math.sqrt(hidden // heads) + bias
            context = (self.dropout(scores.softmax(-1)) @ v).transpose(1, 2).reshape(b, n, hidden)
            a = self.norm1(self.dropout(self.attention_output(context)) + x)
            return self.norm2(self.dropout(self.output(F.gelu(self.intermediate(a)))) + a)

    class Bert(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.words = torch.nn.Embedding(vocab, hidden)
            self.positions = torch.nn.Embedding(t["max_length"], hidden)
            self.types = torch.nn.Embedding(2, hidden)
            self.norm = torch.nn.LayerNorm(hidden, eps=1e-12)
            self.layers = torch.nn.ModuleList(Layer() for _ in range(t["layers"]))
            self.pooler = torch.nn.Linear(hidden, hidden)
            self.classifier = torch.nn.Linear(hidden, num_classes)
            self.dropout = torch.nn.Dropout(p)

        def forward(self, ids, mask):
            x = self.words(ids) + self.positions.weight[: ids.shape[1]] + self.types.weight[0]
            x = self.dropout(self.norm(x))
            bias = ((1.0 - mask.float()) * torch.finfo(torch.float32).min)[:, None, None, :]
            for layer in self.layers:
                x = layer(x, bias)
            return self.classifier(self.dropout(torch.tanh(self.pooler(x[:, 0]))))

    model = Bert()
    decay = [q for n, q in model.named_parameters() if q.dim() > 1 and "norm" not in n]
    no_decay = [q for n, q in model.named_parameters() if not (q.dim() > 1 and "norm" not in n)]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": config["weight_decay"]},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=config["learning_rate"],
                                  betas=(config["beta1"], config["beta2"]), eps=config["epsilon"])
    batch = config["batch_size"]
    steps = (len(train_ids) + batch - 1) // batch * config["epochs"]
    warmup = round(config["warmup_fraction"] * steps)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: (s + 1) / warmup if s < warmup else max(steps - s, 0) / max(steps - warmup, 1))
    y = torch.tensor(train_y)
    seconds, examples, losses = 0.0, 0, []
    generator = torch.Generator().manual_seed(config["seed"])
    for epoch in range(config["epochs"]):
        order = torch.randperm(len(train_ids), generator=generator).tolist()
        window = batch * 50  # length buckets as Bankbench makes them
        order = [i for w in range(0, len(order), window) for i in sorted(order[w:w + window],
                                                                            key=lambda i: len(train_ids[i]))]
        batches = [order[b:b + batch] for b in range(0, len(order), batch)]
        full = [batches[i] for i in torch.randperm(len(batches) - (len(order) % batch != 0),
                                                    generator=generator).tolist()]
        for indices in full + batches[len(full):]:
            started = time.perf_counter()
            longest = max(len(train_ids[i]) for i in indices)
            ids = torch.zeros(len(indices), longest, dtype=torch.long)
            mask = torch.zeros(len(indices), longest, dtype=torch.long)
            for r, i in enumerate(indices):
                ids[r, : len(train_ids[i])] = torch.tensor(train_ids[i])
                mask[r, : len(train_ids[i])] = 1
            loss = F.cross_entropy(model(ids, mask), y[indices])
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), config["gradient_clip"])
            optimizer.step()
            scheduler.step()
            seconds += time.perf_counter() - started
            examples += len(indices)
            losses.append(loss.item())
    return {"train_seconds": seconds, "examples_per_second": examples / seconds, "steps": len(losses),
            "first_loss": losses[0], "last_loss": sum(losses[-20:]) / len(losses[-20:]), "torch": torch.__version__,
            "intra_op_threads": torch.get_num_threads(), "blas_threads": openblas_threads()}


def transformer_bench(args, project, env):
    # Throughput only: half of train.csv is enough for a few hundred steps per epoch.
    overrides = {"model": "transformer", "epochs": args.epochs, "threads": args.threads, "refit": False,
                 "validation_fraction": args.validation_fraction, "transformer": TRANSFORMER}
    out, _ = run([args.bench, project, "train", "--set", json.dumps(overrides), "--run", "cpp-transformer"], env)
    cpp = json.loads(out)
    labels, config, split = load_run(project, "cpp-transformer")
    label_id = {name: i for i, name in enumerate(labels)}
    rows = {rid: (text, label) for rid, text, label in dataset_rows(project, "train")}
    model_dir = project + ".runs/cpp-transformer"
    out, _ = run_with_input([args.bench, "--tokenize", model_dir, str(TRANSFORMER["max_length"])],
                            "\n".join(rows[r][0].replace("\n", " ") for r in split["train"]))
    ids = [[int(x) for x in line.split()] for line in out.split("\n")[: len(split["train"])]]
    with open(model_dir + "/vocab.txt", encoding="utf-8") as f:
        vocab = sum(1 for _ in f)
    py = python_transformer(config, args.threads, ids, [label_id[rows[r][1]] for r in split["train"]], vocab)
    results = {"threads": args.threads, "model": TRANSFORMER, "epochs": args.epochs,
               "bankbench": {"examples_per_second": cpp["examples_per_second"], "train_seconds": cpp["train_seconds"],
                             "validation_accuracy": cpp["validation_accuracy"]},
               "python_torch": py,
               "throughput_ratio_cpp_over_python": cpp["examples_per_second"] / py["examples_per_second"]}
    print(f"transformer {TRANSFORMER}, {args.epochs} epoch(s), threads {args.threads}, {len(ids)} training examples")
    print(f"Bankbench (C++): {cpp['examples_per_second']:.1f} examples/s ({cpp['train_seconds']:.1f} s)")
    print(f"PyTorch (Python): {py['examples_per_second']:.1f} examples/s ({py['train_seconds']:.1f} s, "
          f"loss {py['first_loss']:.3f} -> {py['last_loss']:.3f})")
    print(f"Python threads: {py['intra_op_threads']} intra-op, {py['blas_threads']} OpenBLAS")
    print(f"C++/Python throughput: {results['throughput_ratio_cpp_over_python']:.2f}x")
    return results


def sklearn_svc(data):
    import csv
    import sklearn
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    def read(name):
        with open(os.path.join(data, name), newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        return [r["text"] for r in rows], [r["category"] for r in rows]

    train_x, train_y = read("train.csv")
    test_x, test_y = read("test.csv")
    started = time.perf_counter()
    cpu_started = time.process_time()
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    features = vectorizer.fit_transform(train_x)
    model = LinearSVC(C=1.0).fit(features, train_y)
    fit_seconds = time.perf_counter() - started
    fit_cpu_seconds = time.process_time() - cpu_started
    predicted = model.predict(vectorizer.transform(test_x))
    accuracy = sum(int(p == t) for p, t in zip(predicted, test_y)) / len(test_y)
    return {"fit_seconds": fit_seconds, "fit_cpu_seconds": fit_cpu_seconds, "test_accuracy": accuracy,
            "sklearn": sklearn.__version__}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--bench", required=True, help="build/tests/bench/train_bench (for --featurize)")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/data/banking77"))
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--config", help="training config JSON (default: the shipped defaults)")
    parser.add_argument("--workdir")
    parser.add_argument("--json", help="write the results here as well")
    parser.add_argument("--transformer", action="store_true",
                        help="after the fast model, the transformer throughput comparison in the same run")
    parser.add_argument("--transformer-only", action="store_true", help="only the transformer comparison")
    parser.add_argument("--epochs", type=int, default=1, help="--transformer: epochs on each side")
    parser.add_argument("--validation-fraction", type=float, default=0.2,
                        help="--transformer: share of train.csv held out (not trained on by either side); "
                             "0.2 leaves ~8,000 texts, 250 steps of 32 per epoch")
    args = parser.parse_args()
    args.transformer = args.transformer or args.transformer_only
    # torch.set_num_threads() does not reach OpenBLAS's own thread pool (Debian's libopenblas0-pthread starts
    # one thread per core), while bankbench-cli sets both; without this the Python side's matrix products
    # ran on two cores against Bankbench's one. OpenBLAS reads it when it loads, so before torch is imported.
    os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)

    workdir = args.workdir or tempfile.mkdtemp(prefix="bankbench-train-bench-")
    os.makedirs(workdir, exist_ok=True)
    project = os.path.join(workdir, "b77.bbproj")
    if os.path.exists(project):
        sys.exit(f"{project} exists; use an empty --workdir")
    env = dict(os.environ, OMP_WAIT_POLICY="passive")
    run([args.cli, "init", project])
    for name in ("train", "test"):
        run([args.cli, "import", project, os.path.join(args.data, name + ".csv"), "--dataset", name,
             "--text-col", "text", "--label-col", "category", "--no-progress"])
    if args.transformer_only:
        results = {"transformer": transformer_bench(args, project, env)}
        if args.json:
            with open(args.json, "w") as f:
                json.dump(results, f, indent=2)
        return

    train_cmd = [args.cli, "train", project, "--dataset", "train", "--model", "fast", "--run", "cpp",
                 "--threads", str(args.threads), "--json"]
    if args.config:
        train_cmd += ["--config", args.config]
    cpp_cpu = {}
    out, cpp_wall = run(train_cmd, env, cpp_cpu)
    cpp = json.loads(out)
    out, _ = run([args.cli, "eval", project, "--run", "cpp", "--dataset", "test", "--json"], env)
    cpp_eval = json.loads(out)

    labels, config, split = load_run(project, "cpp")
    label_id = {name: i for i, name in enumerate(labels)}
    train_rows = {rid: (text, label) for rid, text, label in dataset_rows(project, "train")}
    test_rows = dataset_rows(project, "test")
    texts = [train_rows[r][0] for r in split["train"]] + [train_rows[r][0] for r in split["validation"]] + \
            [t for _, t, _ in test_rows]
    ids = featurize(args.bench, config, texts)
    n_train, n_val = len(split["train"]), len(split["validation"])
    py = python_fasttext(config, args.threads,
                         ids[:n_train], [label_id[train_rows[r][1]] for r in split["train"]],
                         ids[n_train:n_train + n_val], [label_id[train_rows[r][1]] for r in split["validation"]],
                         ids[n_train + n_val:], [label_id.get(l, -1) for _, _, l in test_rows], len(labels))
    svc = sklearn_svc(args.data)

    results = {
        "threads": args.threads,
        "config": config,
        "bankbench": {"train_seconds": cpp["train_seconds"], "examples_per_second": cpp["examples_per_second"],
                      "cli_wall_seconds": cpp_wall, "cli_cpu_seconds": cpp_cpu["seconds"],
                      "epochs_run": cpp["epochs_run"], "best_epoch": cpp["best_epoch"],
                      "refit_epochs": cpp["refit_epochs"],
                      "validation_macro_f1": cpp["validation"]["macro_f1"],
                      "test_accuracy": cpp_eval["accuracy"], "test_macro_f1": cpp_eval["macro_f1"]},
        "python_torch": py,
        "sklearn_tfidf_linearsvc": svc,
        "throughput_ratio_cpp_over_python": cpp["examples_per_second"] / py["examples_per_second"],
        "cli_wall_over_sklearn_fit": cpp_wall / svc["fit_seconds"],
        # The machine is shared: CPU time (user + system) is the steadier comparison.
        "cli_cpu_over_sklearn_fit_cpu": cpp_cpu["seconds"] / svc["fit_cpu_seconds"],
        "train_seconds_over_sklearn_fit": cpp["train_seconds"] / svc["fit_seconds"],
    }
    print(f"threads {args.threads}; {n_train} training, {n_val} validation, {len(test_rows)} test examples")
    print(f"{'':28} {'test acc':>9} {'macro-F1':>9} {'train s':>9} {'examples/s':>11} {'epochs+refit':>13}")
    b = results["bankbench"]
    print(f"{'Bankbench fast (C++)':28} {b['test_accuracy']:9.4f} {b['test_macro_f1']:9.4f} {b['train_seconds']:9.2f} "
          f"{b['examples_per_second']:11.0f} {b['epochs_run']:>7}+{b['refit_epochs']:<5}")
    print(f"{'PyTorch fastText (Python)':28} {py['test_accuracy']:9.4f} {py['test_macro_f1']:9.4f} "
          f"{py['train_seconds']:9.2f} {py['examples_per_second']:11.0f} {py['epochs_run']:>7}+{py['refit_epochs']:<5}")
    print(f"{'TF-IDF + LinearSVC':28} {svc['test_accuracy']:9.4f} {'':>9} {svc['fit_seconds']:9.2f}")
    print(f"C++/Python throughput: {results['throughput_ratio_cpp_over_python']:.2f}x; "
          f"bankbench-cli train wall {cpp_wall:.2f} s = {results['cli_wall_over_sklearn_fit']:.2f}x the sklearn fit; "
          f"CPU {cpp_cpu['seconds']:.2f} s = {results['cli_cpu_over_sklearn_fit_cpu']:.2f}x the sklearn fit's "
          f"{svc['fit_cpu_seconds']:.2f} s")
    if args.transformer:
        # Same run, same machine state: the transformer comparison right after the fast model's.
        results["transformer"] = transformer_bench(args, project, env)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
