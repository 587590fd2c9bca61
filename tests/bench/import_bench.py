#!/usr/bin/python3
"""Import benchmark: bankbench-cli import versus sqlite3's own .import of the same CSV.

Generates a deterministic 5-column CSV (id, created_at, channel, text, label; mixed Chinese and English
text, quoted fields with commas and quotes, ~40% of rows unlabelled), then times, alternating and
repeated, `bankbench-cli import P.bbproj FILE --dataset bench --json` into a fresh project and
`sqlite3 DB '.import --csv FILE t'` into a fresh plain table. Wall time and peak resident memory are
measured per child process (os.wait4). Both results are checked: every row must arrive.

Targets (issue 2): Bankbench's median time at most 2x sqlite3's, peak memory under 300 MB.

Usage: import_bench.py BANKBENCH_CLI [--rows N] [--reps R] [--workdir DIR] [--json OUT]
       import_bench.py --sqlite-only [...]   (checks the generator and the sqlite3 side alone)
Standard library only; run with /usr/bin/python3.
"""

import argparse
import csv
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GENERATOR_VERSION = 1
TIME_RATIO_TARGET = 2.0
MEMORY_TARGET_MB = 300

CHANNELS = ["app", "wechat", "web", "phone", "branch"]

# (intent, Chinese message, English message); slots in braces are filled per row.
MESSAGES = [
    ("card_lost", "我的银行卡丢了，尾号{card}，麻烦帮我挂失", "I lost my card ending {card}, please block it"),
    ("transfer_failed", "转账{amount}显示失败但是钱已经扣了", "my transfer of {amount} failed but the money left my account"),
    ("bill_dispute", "信用卡账单上有一笔{amount}的消费不是我刷的", "there's a {amount} charge on my statement that I didn't make"),
    ("mobile_app_login", "手机银行登录不了，一直提示\"网络异常\"", "I can't log in to the mobile app, it says \"network error\""),
    ("credit_limit_increase", "想申请提高信用卡额度到{wan}万", "can you raise my credit limit to {amount}"),
    ("mortgage_rate", "房贷利率什么时候调整，我的月供一直没变", "when will existing mortgage rates be adjusted"),
    ("atm_cash_not_dispensed", "在ATM取{amount}，机器没出钞但余额少了", "the ATM didn't dispense {amount} but my balance went down"),
    ("fee_refund", "{month}月{day}日被扣了{fee}元手续费，能退吗", "why was I charged a {fee} yuan fee on {month}/{day}"),
    ("wealth_product_inquiry", "想买点理财，{wan}万左右有什么推荐", "I have {amount} to invest, what do you recommend"),
    ("card_activation", "新卡收到了怎么激活", "how do I activate my new card"),
    ("password_reset", "忘记交易密码了，能在线重置吗", "I forgot my transaction password, can I reset it online"),
    ("exchange_rate", "今天美元汇率多少，想换{amount}", "what's today's rate for US dollars, I want to change {amount}"),
    ("address_change", "我搬家了，想改一下账单地址", "I've moved, please update my billing address"),
    ("statement_request", "怎么打印{month}月份的银行流水", "how do I print my statement for last month"),
    ("branch_hours", "网点周末营业吗，{month}月{day}号想去办业务", "is the branch open on weekends, I want to come on {month}/{day}"),
    ("fraud_report", "有人冒充客服让我提供验证码，怎么办", "someone asked for my verification code and I gave it to them"),
    ("account_opening", "开户需要带什么证件", "what ID do I need to open an account"),
    ("loan_application", "贷款申请提交三天了，审批进度怎么查", "how do I check the status of my loan application"),
    ("complaint", "你们网点服务态度太差了，排队两个小时", "the staff were rude, and I waited two hours"),
    ("balance_inquiry", "帮我查一下尾号{card}的卡还有多少钱", "what's the balance on my card ending {card}"),
]
ZH_OPENERS = ["", "", "你好，", "您好，", "客服你好，", "在吗？", "请问一下，"]
ZH_TAILS = ["", "", "，谢谢！", "，急！", "，麻烦尽快处理。", "。", "，在线等"]
EN_OPENERS = ["", "", "Hi, ", "Hello, ", "Hi there, ", "Good morning, "]
EN_TAILS = [".", ".", ". Thanks.", ". Please help, it's urgent.", ". Thank you!", ". Regards, David"]


def fill(template, rng, chinese):
    amount = rng.choice([100, 250, 500, 800, 1000, 1200, 2000, 3500, 5000, 8000, 12000, 20000, 50000])
    formats = ["{:,}元", "¥{:,}", "{}元", "{}块"] if chinese else ["${:,}", "¥{:,}", "{:,} yuan", "RMB {:,}"]
    return template.format(card="%04d" % rng.randrange(10000), amount=rng.choice(formats).format(amount),
                           wan=rng.choice([1, 2, 3, 5, 10]), fee=rng.choice([5, 10, 20, 50, 100]),
                           month=rng.randint(1, 12), day=rng.randint(1, 28))


def message(rng):
    """Returns (text, intent)."""
    intent, zh, en = rng.choice(MESSAGES)
    if rng.random() < 0.5:
        return rng.choice(ZH_OPENERS) + fill(zh, rng, True) + rng.choice(ZH_TAILS), intent
    body = fill(en, rng, False)
    opener = rng.choice(EN_OPENERS)
    if not opener:
        body = body[0].upper() + body[1:]
    return opener + body + rng.choice(EN_TAILS), intent


def generate_csv(path, rows, seed):
    """Same rows and seed, same bytes. Reuses an existing file made with the same parameters."""
    marker = path + ".params"
    params = "generator=%d rows=%d seed=%d" % (GENERATOR_VERSION, rows, seed)
    if os.path.exists(path) and os.path.exists(marker) and open(marker).read() == params:
        return False
    rng = random.Random(seed)
    start = 1767196800  # 2026-01-01T00:00:00+08:00
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "created_at", "channel", "text", "label"])
        for i in range(1, rows + 1):
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S+08:00", time.gmtime(start + 8 * 3600 + rng.randrange(365 * 86400)))
            text, intent = message(rng)
            writer.writerow([i, stamp, rng.choice(CHANNELS), text, intent if rng.random() < 0.6 else ""])
    with open(marker, "w") as m:
        m.write(params)
    return True


def run_measured(argv):
    """Runs argv; returns (seconds, peak RSS in MiB, CPU seconds, exit code, stdout, stderr)."""
    os.sync()  # earlier runs' dirty pages must not be written back on this run's clock
    # Output goes to files, not pipes: the child never blocks on us, and wait4 can reap exactly this child
    # and return its own rusage (RUSAGE_CHILDREN would mix in every earlier child).
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return seconds, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime, child.returncode, out.read(), err.read()


def remove_db(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def run_bankbench(cli, workdir, csv_path, rows, rep, extra_args=()):
    project = os.path.join(workdir, "bench-%d.bbproj" % rep)
    remove_db(project)
    init = subprocess.run([cli, "init", project], capture_output=True, text=True)
    if init.returncode != 0:
        sys.exit("bankbench-cli init failed (%d): %s" % (init.returncode, init.stderr.strip()))
    seconds, rss, cpu, code, out, err = run_measured([cli, "import", project, csv_path, "--dataset", "bench", "--json",
                                                     *extra_args])
    if code != 0:
        sys.exit("bankbench-cli import failed (%d): %s" % (code, err.decode(errors="replace").strip()))
    report = json.loads(out)
    if report.get("rows_imported") != rows:
        sys.exit("bankbench-cli imported %r rows, expected %d: %s" % (report.get("rows_imported"), rows, out[:500]))
    size = sum(os.path.getsize(project + s) for s in ("", "-wal") if os.path.exists(project + s))
    remove_db(project)
    return {"seconds": seconds, "peak_rss_mb": rss, "cpu_seconds": cpu, "file_mb": size / 2**20}


def run_sqlite(sqlite3, workdir, csv_path, rows, rep):
    db = os.path.join(workdir, "bench-%d.db" % rep)
    remove_db(db)
    seconds, rss, cpu, code, _, err = run_measured([sqlite3, db, '.import --csv "%s" t' % csv_path])
    if code != 0 or err.strip():
        sys.exit("sqlite3 .import failed (%d): %s" % (code, err.decode(errors="replace").strip()))
    count = subprocess.run([sqlite3, db, "SELECT count(*) FROM t"], capture_output=True, text=True, check=True)
    if int(count.stdout.strip()) != rows:
        sys.exit("sqlite3 imported %s rows, expected %d" % (count.stdout.strip(), rows))
    size = os.path.getsize(db)
    remove_db(db)
    return {"seconds": seconds, "peak_rss_mb": rss, "cpu_seconds": cpu, "file_mb": size / 2**20}


def machine(sqlite3, cli):
    info = {"platform": platform.platform(), "python": platform.python_version()}
    try:
        with open("/proc/cpuinfo") as f:
            models = [l.split(":", 1)[1].strip() for l in f if l.startswith("model name")]
        info["cpu"] = models[0] if models else platform.processor()
    except OSError:
        info["cpu"] = platform.processor()
    info["usable_cores"] = len(os.sched_getaffinity(0))
    try:
        with open("/proc/meminfo") as f:
            total_kb = int(next(l for l in f if l.startswith("MemTotal")).split()[1])
        info["memory_gb"] = round(total_kb / 2**20, 1)
    except (OSError, StopIteration):
        pass
    info["sqlite3"] = subprocess.run([sqlite3, "--version"], capture_output=True, text=True).stdout.split()[0]
    if cli:
        version = subprocess.run([cli, "--version"], capture_output=True, text=True)
        info["bankbench"] = version.stdout.strip().splitlines()[0] if version.returncode == 0 and version.stdout else "?"
    return info


def summarize(runs):
    times = [r["seconds"] for r in runs]
    return {
        "median_seconds": statistics.median(times),
        "min_seconds": min(times),
        "max_seconds": max(times),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "median_cpu_seconds": statistics.median(r["cpu_seconds"] for r in runs),
        "file_mb": runs[-1]["file_mb"],
        "runs": runs,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cli", nargs="?", help="path to the bankbench-cli binary")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=3, help="repetitions of each import (alternating)")
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--workdir", default="import-bench", help="where the CSV and databases go")
    parser.add_argument("--sqlite3", default=shutil.which("sqlite3") or "/usr/bin/sqlite3")
    parser.add_argument("--sqlite-only", action="store_true", help="skip bankbench-cli (test the harness)")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time `import --no-index` (no full-text index build) and `--help` (start-up alone)")
    parser.add_argument("--json", help="also write the results as JSON here")
    args = parser.parse_args()
    if not args.sqlite_only and not args.cli:
        parser.error("give the bankbench-cli path, or --sqlite-only")
    if args.cli and not os.access(args.cli, os.X_OK):
        parser.error("not an executable: %s" % args.cli)
    if args.rows < 1 or args.reps < 1:
        parser.error("--rows and --reps must be positive")

    os.makedirs(args.workdir, exist_ok=True)
    csv_path = os.path.abspath(os.path.join(args.workdir, "bench-%d-%d.csv" % (args.rows, args.seed)))
    started = time.perf_counter()
    made = generate_csv(csv_path, args.rows, args.seed)
    print("%s %s (%.1f MB, %d rows + header) in %.1f s" % ("generated" if made else "reusing", csv_path,
          os.path.getsize(csv_path) / 2**20, args.rows, time.perf_counter() - started), flush=True)
    with open(csv_path, "rb") as f:  # both tools then read the file from the page cache
        while f.read(1 << 24):
            pass

    tools = ["sqlite3"] if args.sqlite_only else ["bankbench", "sqlite3"]
    if args.breakdown and not args.sqlite_only:
        tools[1:1] = ["bankbench --no-index", "bankbench-cli --help"]
    results = {tool: [] for tool in tools}
    for rep in range(args.reps):
        shift = rep % len(tools)  # rotate the order so no tool always runs first
        for tool in tools[shift:] + tools[:shift]:
            if tool == "sqlite3":
                run = run_sqlite(args.sqlite3, args.workdir, csv_path, args.rows, rep)
            elif tool.endswith("--help"):  # start-up alone: loading LibTorch and the rest, no work
                seconds, rss, cpu, _, _, _ = run_measured([os.path.abspath(args.cli), "--help"])
                run = {"seconds": seconds, "peak_rss_mb": rss, "cpu_seconds": cpu, "file_mb": 0.0}
            else:
                extra = ["--no-index"] if tool.endswith("--no-index") else []
                run = run_bankbench(os.path.abspath(args.cli), args.workdir, csv_path, args.rows, rep, extra)
            results[tool].append(run)
            print("rep %d %-20s %7.2f s  peak RSS %6.1f MB  CPU %6.2f s" % (rep + 1, tool, run["seconds"],
                  run["peak_rss_mb"], run["cpu_seconds"]), flush=True)

    summary = {"rows": args.rows, "columns": 5, "csv_mb": os.path.getsize(csv_path) / 2**20, "reps": args.reps,
               "machine": machine(args.sqlite3, None if args.sqlite_only else os.path.abspath(args.cli))}
    for tool, runs in results.items():
        if runs:
            summary[tool] = summarize(runs)

    print()
    print("| tool | median time (s) | min-max (s) | peak RSS (MB) | CPU (s) | database (MB) |")
    print("|---|---|---|---|---|---|")
    for tool in tools:
        if tool in summary:
            s = summary[tool]
            print("| %s | %.2f | %.2f-%.2f | %.0f | %.2f | %.0f |" % (tool, s["median_seconds"], s["min_seconds"],
                  s["max_seconds"], s["peak_rss_mb"], s["median_cpu_seconds"], s["file_mb"]))
    status = 0
    if "bankbench" in summary:
        ratio = summary["bankbench"]["median_seconds"] / summary["sqlite3"]["median_seconds"]
        summary["time_ratio"] = ratio
        time_ok = ratio <= TIME_RATIO_TARGET
        memory_ok = summary["bankbench"]["peak_rss_mb"] < MEMORY_TARGET_MB
        summary["targets_met"] = {"time": time_ok, "memory": memory_ok}
        print("\ntime ratio bankbench/sqlite3: %.2fx (target <= %.1fx: %s); peak RSS %.0f MB (target < %d MB: %s)" % (
            ratio, TIME_RATIO_TARGET, "met" if time_ok else "MISSED", summary["bankbench"]["peak_rss_mb"],
            MEMORY_TARGET_MB, "met" if memory_ok else "MISSED"))
        status = 0 if time_ok and memory_ok else 1
    m = summary["machine"]
    print("machine: %s, %d usable cores, %s GB RAM, %s; sqlite3 %s" % (m.get("cpu"), m["usable_cores"],
          m.get("memory_gb", "?"), m["platform"], m["sqlite3"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(summary, f, indent=2)
    return status


if __name__ == "__main__":
    sys.exit(main())
