#!/usr/bin/python3
"""Chinese sentiment benchmark on FinFE (BENCHMARKS.md, "Training: Chinese sentiment").

FinFE (../shared/data/finfe_sentiment_zh, see its SOURCE.md) holds short Chinese stock-forum posts labelled
negative / neutral / positive. Its files repeat texts, give some texts conflicting labels, and share 1,096
texts between train and eval, so the benchmark first cleans them:
  * train: one row per distinct text, labelled by majority vote; texts whose votes tie are dropped;
  * test (eval_list.json): the same, then every text that also occurs in train is dropped.
Both sides train on the cleaned train set and are scored once on the cleaned test set:
  1. bankbench-cli: import both as CSV into a fresh project, `train --model fast` (the shipped defaults, or
     --config), then `eval` on test;
  2. scikit-learn: character n-gram TF-IDF (1-3 grams, sublinear tf) + logistic regression, C chosen on a
     stratified 10% validation split of train (seed 42), then refit on all of train.

Usage (Debian: apt-get install python3-sklearn):
  /usr/bin/python3 tests/bench/zh_sentiment_bench.py --cli build/app/bankbench-cli [--threads 1]
      [--config cfg.json] [--json out.json]
"""

import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile
import time

LABELS = {0: "negative", 1: "neutral", 2: "positive"}


def run(cmd, env=None):
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    return proc.stdout, wall


def majority(pairs):
    """{text: label} with one row per text, labelled by majority vote; ties are dropped."""
    votes = collections.defaultdict(collections.Counter)
    order = []
    for text, label in pairs:
        text = text.strip()
        if not text:
            continue
        if text not in votes:
            order.append(text)
        votes[text][int(label)] += 1
    out = {}
    for text in order:
        ranked = votes[text].most_common()
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            continue
        out[text] = ranked[0][0]
    return out


def clean(data_dir):
    with open(os.path.join(data_dir, "train_list.json"), encoding="utf-8") as f:
        raw_train = json.load(f)
    with open(os.path.join(data_dir, "eval_list.json"), encoding="utf-8") as f:
        raw_eval = json.load(f)
    train = majority(raw_train)
    all_train_texts = {t.strip() for t, _ in raw_train}
    test = {t: l for t, l in majority(raw_eval).items() if t not in all_train_texts}
    stats = {"train_rows": len(raw_train), "train_clean": len(train), "eval_rows": len(raw_eval),
             "test_clean": len(test)}
    return train, test, stats


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "label"])
        for text, label in rows.items():
            writer.writerow([text, LABELS[label]])


def sklearn_baseline(train, test):
    import sklearn
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import train_test_split

    texts, labels = list(train.keys()), list(train.values())
    fit_x, val_x, fit_y, val_y = train_test_split(texts, labels, test_size=0.1, stratify=labels, random_state=42)

    def model(c):
        vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
        return vectorizer, LogisticRegression(C=c, max_iter=2000)

    scores = {}
    for c in (0.3, 1.0, 3.0, 10.0, 30.0):
        vectorizer, clf = model(c)
        clf.fit(vectorizer.fit_transform(fit_x), fit_y)
        scores[c] = f1_score(val_y, clf.predict(vectorizer.transform(val_x)), average="macro")
    best_c = max(scores, key=scores.get)
    vectorizer, clf = model(best_c)
    started = time.perf_counter()
    clf.fit(vectorizer.fit_transform(texts), labels)
    fit_seconds = time.perf_counter() - started
    predicted = clf.predict(vectorizer.transform(list(test.keys())))
    truth = list(test.values())
    return {"C": best_c, "validation_macro_f1_by_C": {str(k): v for k, v in scores.items()},
            "fit_seconds": fit_seconds, "test_accuracy": accuracy_score(truth, predicted),
            "test_macro_f1": f1_score(truth, predicted, average="macro"), "sklearn": sklearn.__version__}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__),
                                                       "../../../shared/data/finfe_sentiment_zh"))
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--config", help="training config JSON (default: the shipped defaults)")
    parser.add_argument("--workdir")
    parser.add_argument("--json", help="write the results here as well")
    args = parser.parse_args()

    train, test, stats = clean(args.data)
    workdir = args.workdir or tempfile.mkdtemp(prefix="bankbench-zh-bench-")
    os.makedirs(workdir, exist_ok=True)
    project = os.path.join(workdir, "finfe.bbproj")
    if os.path.exists(project):
        sys.exit(f"{project} exists; use an empty --workdir")
    for name, rows in (("train", train), ("test", test)):
        write_csv(os.path.join(workdir, name + ".csv"), rows)
    env = dict(os.environ, OMP_WAIT_POLICY="passive")
    run([args.cli, "init", project])
    for name in ("train", "test"):
        run([args.cli, "import", project, os.path.join(workdir, name + ".csv"), "--dataset", name,
             "--text-col", "text", "--label-col", "label", "--no-progress"])
    train_cmd = [args.cli, "train", project, "--dataset", "train", "--model", "fast", "--run", "fast",
                 "--threads", str(args.threads), "--json"]
    if args.config:
        train_cmd += ["--config", args.config]
    out, cpp_wall = run(train_cmd, env)
    cpp = json.loads(out)
    out, _ = run([args.cli, "eval", project, "--run", "fast", "--dataset", "test", "--json"], env)
    cpp_eval = json.loads(out)
    svc = sklearn_baseline(train, test)

    results = {
        "data": stats,
        "threads": args.threads,
        "bankbench_fast": {"train_seconds": cpp["train_seconds"], "cli_wall_seconds": cpp_wall,
                           "epochs_run": cpp["epochs_run"], "best_epoch": cpp["best_epoch"],
                           "validation_macro_f1": cpp["validation"]["macro_f1"],
                           "test_accuracy": cpp_eval["accuracy"], "test_macro_f1": cpp_eval["macro_f1"]},
        "sklearn_char_tfidf_logreg": svc,
    }
    print(f"FinFE cleaned: {stats['train_clean']} train texts (of {stats['train_rows']} rows), "
          f"{stats['test_clean']} test texts (of {stats['eval_rows']} eval rows)")
    b = results["bankbench_fast"]
    print(f"{'':36} {'test acc':>9} {'macro-F1':>9} {'train s':>9}")
    print(f"{'Bankbench fast (C++)':36} {b['test_accuracy']:9.4f} {b['test_macro_f1']:9.4f} {b['train_seconds']:9.2f}")
    print(f"{'char 1-3 TF-IDF + LogisticRegression':36} {svc['test_accuracy']:9.4f} {svc['test_macro_f1']:9.4f} "
          f"{svc['fit_seconds']:9.2f}  (C={svc['C']})")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
