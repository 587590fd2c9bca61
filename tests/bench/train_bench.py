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
"""

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

# As for bankbench-cli (README: BLAS and threads): idle OpenMP threads must not spin. Set before torch loads.
os.environ.setdefault("OMP_WAIT_POLICY", "passive")


def run(cmd, env=None):
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
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
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    features = vectorizer.fit_transform(train_x)
    model = LinearSVC(C=1.0).fit(features, train_y)
    fit_seconds = time.perf_counter() - started
    predicted = model.predict(vectorizer.transform(test_x))
    accuracy = sum(int(p == t) for p, t in zip(predicted, test_y)) / len(test_y)
    return {"fit_seconds": fit_seconds, "test_accuracy": accuracy, "sklearn": sklearn.__version__}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--bench", required=True, help="build/tests/bench/train_bench (for --featurize)")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "../../../shared/data/banking77"))
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--config", help="training config JSON (default: the shipped defaults)")
    parser.add_argument("--workdir")
    parser.add_argument("--json", help="write the results here as well")
    args = parser.parse_args()

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

    train_cmd = [args.cli, "train", project, "--dataset", "train", "--model", "fast", "--run", "cpp",
                 "--threads", str(args.threads), "--json"]
    if args.config:
        train_cmd += ["--config", args.config]
    out, cpp_wall = run(train_cmd, env)
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
                      "cli_wall_seconds": cpp_wall, "epochs_run": cpp["epochs_run"], "best_epoch": cpp["best_epoch"],
                      "refit_epochs": cpp["refit_epochs"],
                      "validation_macro_f1": cpp["validation"]["macro_f1"],
                      "test_accuracy": cpp_eval["accuracy"], "test_macro_f1": cpp_eval["macro_f1"]},
        "python_torch": py,
        "sklearn_tfidf_linearsvc": svc,
        "throughput_ratio_cpp_over_python": cpp["examples_per_second"] / py["examples_per_second"],
        "cli_wall_over_sklearn_fit": cpp_wall / svc["fit_seconds"],
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
          f"bankbench-cli train wall {cpp_wall:.2f} s = {results['cli_wall_over_sklearn_fit']:.2f}x the sklearn fit")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
