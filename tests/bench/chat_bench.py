#!/usr/bin/python3
"""Chatbot acceptance figures (BENCHMARKS.md, "Chatbot"), all through bankbench-cli on Banking77:

1. Intent accuracy through the chatbot path (chat-test, one single-turn conversation per test query)
   against the model's own `eval` on the same test set: they must be equal.
2. Out-of-scope: 10 intents held out from training (seeded choice); their test queries are out of scope.
   The bot's policy is tuned on the run's validation split (no out-of-scope data); reported: in-scope
   accuracy without and with the policy (understood and right / all in-scope), out-of-scope recall (not
   answered as an intent / all out-of-scope), for the default policy (confidence margin + out-of-scope gate
   on sentence embeddings) and for the confidence-only policy (`bot create --no-oos-gate`). With
   `--background-faq`, also a run trained on the kept intents plus every distinct bank_faq_en question
   under a "none of these" label (`bot create --none-intent`), its drop counted against the run without.
3. Latency per turn (intent + knowledge-base retrieval with embedding re-ranking + slots + response), from
   the engine's own timer (`elapsed_ms` of `chat --json --no-log`), p50/p99 over the test queries, with the
   bank_faq_en FAQ as the bot's knowledge base.

Usage:
  /usr/bin/python3 tests/bench/chat_bench.py --cli build/app/bankbench-cli --data ../shared/data \
      --workdir /tmp/chat-bench [--models fast,transformer] [--threads 1] [--json out.json]
      [--config-transformer s.json]   (a training config for the transformer runs, e.g. few epochs)
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

from benchcsv import read_rows, write_rows

NONE_LABEL = "none_of_these"


def run(cli, args, stdin=None, check=True):
    proc = subprocess.run([cli] + args, input=stdin, capture_output=True, text=True)
    if check and proc.returncode != 0:
        sys.exit(f"bankbench-cli {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}\n{proc.stdout[-2000:]}")
    return proc


def conversations(path, rows, with_intent):
    convs = [{"turns": [{"user": r["text"], **({"intent": r["category"]} if with_intent else {})}]} for r in rows]
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"conversations": convs}, f, ensure_ascii=False)


def percentile(values, q):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(q / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[index]


def oos_figures(cli, project, bot, conv_in, conv_oos):
    in_scope = json.loads(run(cli, ["chat-test", project, "--bot", bot, conv_in, "--json"], check=False).stdout)
    oos = json.loads(run(cli, ["chat-test", project, "--bot", bot, conv_oos, "--json"], check=False).stdout)
    answered = lambda t: t["decision"] in ("answer", "follow_up")
    n_in = len(in_scope["turns"])
    f = {"in_scope_queries": n_in, "oos_queries": len(oos["turns"]),
         "in_scope_accuracy_no_threshold": in_scope["intent_accuracy"]}
    f["in_scope_accuracy_at_threshold"] = sum(
        1 for t in in_scope["turns"] if answered(t) and t["intent"] == t["expected"]["intent"]) / n_in
    f["in_scope_answered"] = sum(1 for t in in_scope["turns"] if answered(t)) / n_in
    f["accuracy_drop_points"] = 100 * (f["in_scope_accuracy_no_threshold"] - f["in_scope_accuracy_at_threshold"])
    f["oos_recall"] = sum(1 for t in oos["turns"] if not answered(t)) / len(oos["turns"])
    return f


def train(cli, project, dataset, run_name, model, threads, config=None):
    args = ["train", project, "--dataset", dataset, "--model", model, "--run", run_name, "--threads",
            str(threads), "--json"]
    if config:
        args += ["--config", config]
    started = time.time()
    result = json.loads(run(cli, args).stdout)
    return result, time.time() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--data", required=True, help="the shared data folder (banking77, bank_faq_en)")
    parser.add_argument("--workdir", default="/tmp/chat-bench")
    parser.add_argument("--models", default="fast", help="comma-separated: fast, transformer")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--held-out", type=int, default=10)
    parser.add_argument("--seed", type=int, default=77)
    parser.add_argument("--max-accuracy-drop", default="0.02")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--config-transformer", help="training config (JSON) for the transformer runs")
    parser.add_argument("--background-faq", action="store_true",
                        help="also measure a 'none of these' label of bank_faq_en questions (bot create --none-intent)")
    args = parser.parse_args()

    cli = os.path.abspath(args.cli)
    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    w = lambda name: os.path.join(args.workdir, name)
    b77 = os.path.join(args.data, "banking77")
    train_rows, test_rows = read_rows(os.path.join(b77, "train.csv")), read_rows(os.path.join(b77, "test.csv"))
    categories = sorted({r["category"] for r in train_rows})
    held_out = sorted(random.Random(args.seed).sample(categories, args.held_out))
    write_rows(w("train-in.csv"), [r for r in train_rows if r["category"] not in held_out])
    write_rows(w("test-in.csv"), [r for r in test_rows if r["category"] not in held_out])
    faq_questions = sorted({r["Question"].strip() for r in read_rows(os.path.join(args.data, "bank_faq_en", "BankFAQs.csv"))})
    write_rows(w("train-in-bg.csv"), [r for r in train_rows if r["category"] not in held_out] +
               [{"text": q, "category": NONE_LABEL} for q in faq_questions])
    test_in = [r for r in test_rows if r["category"] not in held_out]
    test_oos = [r for r in test_rows if r["category"] in held_out]
    conversations(w("conv-test.json"), test_rows, True)
    conversations(w("conv-in.json"), test_in, True)
    conversations(w("conv-oos.json"), test_oos, False)

    project = w("bench.bbproj")
    run(cli, ["init", project])
    for name, path in [("train", os.path.join(b77, "train.csv")), ("test", os.path.join(b77, "test.csv")),
                       ("train-in", w("train-in.csv")), ("test-in", w("test-in.csv")),
                       ("train-in-bg", w("train-in-bg.csv"))]:
        run(cli, ["import", project, path, "--dataset", name, "--text-col", "text", "--label-col", "category"])

    figures = {"held_out_intents": held_out, "threads": args.threads, "models": {}}
    for model in [m for m in args.models.split(",") if m]:
        f = {}
        # 1. Accuracy through the chatbot path equals eval.
        config = args.config_transformer if model == "transformer" else None
        if config:
            with open(config) as src, open(w(f"{model}-all.json"), "w") as dst:
                json.dump({**json.load(src), "model": model}, dst)
            config = w(f"{model}-all.json")
        trained, seconds = train(cli, project, "train", f"{model}-all", model, args.threads, config)
        f["train_seconds_all"] = round(seconds, 1)
        evaluated = json.loads(run(cli, ["eval", project, "--run", f"{model}-all", "--dataset", "test", "--json"]).stdout)
        run(cli, ["bot", "create", project, "--name", f"{model}-bot", "--run", f"{model}-all", "--kb",
                  os.path.join(args.data, "bank_faq_en", "BankFAQs.csv"), "--json"])
        tested = json.loads(run(cli, ["chat-test", project, "--bot", f"{model}-bot", w("conv-test.json"), "--json"],
                                check=False).stdout)
        f["eval_accuracy"] = evaluated["accuracy"]
        f["eval_samples"] = evaluated["samples"]
        f["chat_intent_accuracy"] = tested["intent_accuracy"]
        f["chat_intent_correct"] = tested["intent_correct"]
        f["accuracy_equal"] = abs(evaluated["accuracy"] - tested["intent_accuracy"]) < 1e-12

        # 3. Latency per turn with the FAQ as knowledge base (retrieval + embedding re-ranking on every turn).
        queries = "".join(r["text"].replace("\n", " ") + "\n" for r in test_rows)
        chat = run(cli, ["chat", project, "--bot", f"{model}-bot", "--json", "--no-log", "--language", "en"],
                   stdin=queries)
        lines = [json.loads(line) for line in chat.stdout.splitlines() if line.strip()]
        elapsed = [t["elapsed_ms"] for t in lines]
        cpu = [t["cpu_ms"] for t in lines[20:]]
        warm = elapsed[20:]  # the first turns fill the FAQ embedding cache
        f["latency_turns"] = len(warm)
        f["cpu_p50_ms"] = round(percentile(cpu, 50), 3)
        f["cpu_p99_ms"] = round(percentile(cpu, 99), 3)
        f["latency_p50_ms"] = round(percentile(warm, 50), 3)
        f["latency_p99_ms"] = round(percentile(warm, 99), 3)
        f["latency_mean_ms"] = round(statistics.mean(warm), 3)
        f["latency_first_turn_ms"] = round(elapsed[0], 3)

        # 2. Out-of-scope with 10 intents held out.
        # No refit: the policy is tuned on the validation split, which the final model must not have seen.
        base = {}
        if config:
            with open(config) as src:
                base = json.load(src)
        with open(w(f"{model}-norefit.json"), "w") as cfg:
            json.dump({**base, "model": model, "refit": False}, cfg)
        _, seconds = train(cli, project, "train-in", f"{model}-in", model, args.threads, w(f"{model}-norefit.json"))
        f["train_seconds_in_scope"] = round(seconds, 1)
        created = json.loads(run(cli, ["bot", "create", project, "--name", f"{model}-oos", "--run", f"{model}-in",
                                       "--max-accuracy-drop", args.max_accuracy_drop, "--json"]).stdout)
        policy = created["policy"]
        # The same per-turn timing on a bot without a knowledge base (intent + slots + response only).
        chat = run(cli, ["chat", project, "--bot", f"{model}-oos", "--json", "--no-log", "--language", "en"],
                   stdin=queries)
        lines = [json.loads(line) for line in chat.stdout.splitlines() if line.strip()][20:]
        f["no_kb_p50_ms"] = round(percentile([t["elapsed_ms"] for t in lines], 50), 3)
        f["no_kb_p99_ms"] = round(percentile([t["elapsed_ms"] for t in lines], 99), 3)
        f["no_kb_cpu_p50_ms"] = round(percentile([t["cpu_ms"] for t in lines], 50), 3)
        f["no_kb_cpu_p99_ms"] = round(percentile([t["cpu_ms"] for t in lines], 99), 3)
        f["policy"] = {k: policy[k] for k in ("threshold", "margin", "temperature")}
        f["policy"]["per_intent_thresholds"] = len(policy["intent_thresholds"])
        f["policy"]["out_of_scope"] = policy.get("out_of_scope")
        f["policy"]["validation"] = policy["tuning"]
        f.update(oos_figures(cli, project, f"{model}-oos", w("conv-in.json"), w("conv-oos.json")))
        # The same run with the confidence-only policy (threshold + margin, no gate), side by side.
        created = json.loads(run(cli, ["bot", "create", project, "--name", f"{model}-conf", "--run", f"{model}-in",
                                       "--max-accuracy-drop", args.max_accuracy_drop, "--no-oos-gate",
                                       "--json"]).stdout)
        f["confidence_only"] = oos_figures(cli, project, f"{model}-conf", w("conv-in.json"), w("conv-oos.json"))
        f["confidence_only"]["policy"] = {k: created["policy"][k] for k in ("threshold", "margin", "temperature")}
        if args.background_faq:
            _, seconds = train(cli, project, "train-in-bg", f"{model}-bg", model, args.threads,
                               w(f"{model}-norefit.json"))
            created = json.loads(run(cli, ["bot", "create", project, "--name", f"{model}-none", "--run",
                                           f"{model}-bg", "--max-accuracy-drop", args.max_accuracy_drop,
                                           "--none-intent", NONE_LABEL, "--json"]).stdout)
            g = oos_figures(cli, project, f"{model}-none", w("conv-in.json"), w("conv-oos.json"))
            # Against the run without the extra label: its in-scope accuracy is the reference.
            g["accuracy_drop_vs_plain_run_points"] = 100 * (f["in_scope_accuracy_no_threshold"] -
                                                            g["in_scope_accuracy_at_threshold"])
            g["train_seconds"] = round(seconds, 1)
            g["background_questions"] = len(faq_questions)
            g["policy"] = {k: created["policy"].get(k) for k in ("threshold", "margin", "temperature", "none_intent")}
            g["policy"]["validation"] = created["policy"]["tuning"]
            f["none_of_these"] = g
        figures["models"][model] = f
        print(json.dumps({model: f}, indent=2), flush=True)

    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(figures, out, indent=2)


if __name__ == "__main__":
    main()
