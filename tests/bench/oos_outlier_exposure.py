#!/usr/bin/python3
"""Out-of-scope screen: does a "none of these" class of other banking text help? (BENCHMARKS.md, "Chatbot",
"Outlier exposure"). Development protocol only, never the test intents: the 10 test intents (seed 77) are
dropped, 10 of the 67 kept ones (seed 2024) play out of scope (their 1,355 training queries), the other 57
are split 85/15 per intent (seed 5) into training and in-scope evaluation rows.

Fast-model runs through bankbench-cli: `base` on the 57 intents, `oe` on the same plus every distinct
bank_faq_en question under one extra label, `splice` with as many splices of two training queries of
different intents instead (first half of one, second half of the other), `oe+splice` with both. A query is turned away when its top label is that extra label
or its best in-scope probability is below a threshold; reported: the most out-of-scope recall at any
threshold whose in-scope accuracy (answered and right / all) is within 2 or 3 points of `base` without a
threshold. The threshold is read off the same rows (an upper bound, for screening only).

Usage: /usr/bin/python3 tests/bench/oos_outlier_exposure.py --cli build/app/bankbench-cli --data ../shared/data
"""

import argparse
import collections
import json
import os
import random
import shutil
import subprocess
import sys

from benchcsv import read_rows, write_rows

EXTRA = "zz_out_of_scope"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--workdir", default="/tmp/oos-oe")
    args = parser.parse_args()
    cli = os.path.abspath(args.cli)

    def run(*command, stdin=None):
        proc = subprocess.run([cli, *command], input=stdin, capture_output=True, text=True)
        if proc.returncode:
            sys.exit(f"bankbench-cli {' '.join(command)} failed:\n{proc.stderr}{proc.stdout[-1500:]}")
        return proc.stdout

    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    train = read_rows(os.path.join(args.data, "banking77", "train.csv"))
    intents = sorted({r["category"] for r in train})
    test_intents = set(random.Random(77).sample(intents, 10))
    kept = [c for c in intents if c not in test_intents]
    dev_out = set(random.Random(2024).sample(kept, 10))
    by_intent = collections.defaultdict(list)
    for r in train:
        if r["category"] in kept and r["category"] not in dev_out:
            by_intent[r["category"]].append(r)
    rng = random.Random(5)
    fit, in_scope = [], []
    for intent, rows in sorted(by_intent.items()):
        rng.shuffle(rows)
        n = round(len(rows) * 0.15)
        in_scope += rows[:n]
        fit += rows[n:]
    out_of_scope = [r for r in train if r["category"] in dev_out]
    faq = read_rows(os.path.join(args.data, "bank_faq_en", "BankFAQs.csv"))
    background = [{"text": q, "category": EXTRA} for q in sorted({r["Question"].strip() for r in faq})]

    project = os.path.join(args.workdir, "oe.bbproj")
    run("init", project)
    figures = {"development_out_of_scope_intents": sorted(dev_out), "in_scope_rows": len(in_scope),
               "out_of_scope_rows": len(out_of_scope), "background_rows": len(background), "runs": {}}
    curves = {}
    # Splices of two training queries of different intents (first half of one, second half of the other):
    # near misses in Banking77's own style, as a second kind of background.
    splice_rng = random.Random(9)
    spliced = []
    while len(spliced) < len(background):
        a, b = splice_rng.sample(fit, 2)
        if a["category"] == b["category"]:
            continue
        wa, wb = a["text"].split(), b["text"].split()
        if len(wa) < 2 or len(wb) < 2:
            continue
        spliced.append({"text": " ".join(wa[:len(wa) // 2] + wb[len(wb) // 2:]), "category": EXTRA})
    figures["spliced_rows"] = len(spliced)
    for name, rows in (("base", fit), ("oe", fit + background), ("splice", fit + spliced),
                       ("oe+splice", fit + background + spliced)):
        path = os.path.join(args.workdir, name + ".csv")
        write_rows(path, rows)
        run("import", project, path, "--dataset", name, "--text-col", "text", "--label-col", "category")
        run("train", project, "--dataset", name, "--run", name, "--threads", "1", "--json")

        def predict(rows):
            texts = "".join(r["text"].replace("\n", " ") + "\n" for r in rows)
            out = json.loads(run("predict", project, "--run", name, "--top", "3", "--json", "-", stdin=texts))
            result = []
            for p in out["predictions"]:
                best = next(t for t in p["top"] if t["label"] != EXTRA)
                result.append((best["label"], best["probability"], p["top"][0]["label"] == EXTRA))
            return result

        got_in, got_out = predict(in_scope), predict(out_of_scope)
        gold = [r["category"] for r in in_scope]
        points = []
        for threshold in sorted({0.0} | {p for _, p, _ in got_in}):
            right = sum(1 for (label, p, extra), g in zip(got_in, gold) if label == g and not extra and p >= threshold)
            caught = sum(1 for _, p, extra in got_out if extra or p < threshold)
            points.append((right / len(got_in), caught / len(got_out)))
        curves[name] = points
        figures["runs"][name] = {"in_scope_accuracy_no_threshold": points[0][0],
                                 "out_of_scope_caught_by_label_alone": sum(1 for *_, x in got_out if x) / len(got_out)}
    reference = figures["runs"]["base"]["in_scope_accuracy_no_threshold"]
    for name, points in curves.items():
        for budget in (2, 3):
            figures["runs"][name][f"oos_recall_within_{budget}_points"] = max(
                (recall for accuracy, recall in points if accuracy >= reference - budget / 100), default=0.0)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
