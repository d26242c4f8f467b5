#!/usr/bin/env python3
"""Compares the miner with logparser3's Drain and Brain through one scorer.

Runs Drain and Brain (PyPI `logparser3`) on the `Content` column of
  * the eight tuned Loghub-2k systems in logmine/testdata/loghub_2k, each with logparser3's
    published benchmark setting for that system (read from the installed package's
    `benchmark.py`; only these eight entries are taken), and
  * our own corpora in logmine/testdata (dev_corpus, heldout, validation, fresh, blind, round3-7, final,
    sealed, sealed2-22, round8-23: those present), with
    one generic setting for all;
writes each parser's per-line templates in the JSON-lines format `loghub-eval --per-line` writes,
scores them with `loghub-eval --score-per-line`, scores the miner itself (`Content` and raw
lines) with `loghub-eval`, and prints a Markdown table of GA and PA per dataset and the means.

Run it with the Python that has logparser3 (see README.md), from anywhere:
    /tmp/lp/bin/python bench/parser_compare/compare.py [--loghub-eval PATH] [--work DIR]
"""

import argparse
import ast
import contextlib
import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TUNED = ["Apache", "BGL", "HDFS", "Hadoop", "HealthApp", "Linux", "Spark", "Zookeeper"]
# One setting for every dev-corpus system: logparser3's most common defaults, and only a regex
# that is about no system in particular (IPv4 addresses with an optional port).
GENERIC_REGEX = [r"(\d+\.){3}\d+(:\d+)?"]
GENERIC_DRAIN = {"regex": GENERIC_REGEX, "st": 0.5, "depth": 4}
GENERIC_BRAIN = {"regex": GENERIC_REGEX, "delimiter": [], "theshold": 4}
# Brain changes its preprocessing for some dataset names; a name that is none of them.
GENERIC_BRAIN_NAME = "generic"


def published_settings(parser):
    """The tuned eight's entries of logparser3's `<parser>/benchmark.py`, read without running it."""
    import logparser

    path = Path(logparser.__file__).parent / parser / "benchmark.py"
    tree = ast.parse(path.read_text())
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and getattr(node.targets[0], "id", "") == "benchmark_settings"
        ):
            settings = ast.literal_eval(node.value)
            return {name: settings[name] for name in TUNED}
    raise SystemExit(f"no benchmark_settings in {path}")


def structured_csv(folder):
    found = sorted(folder.glob("*_structured.csv"))
    if len(found) != 1:
        raise SystemExit(f"{folder}: expected one *_structured.csv, found {len(found)}")
    return found[0]


def dataset_name(csv_path):
    """`HDFS_2k.log_structured.csv` -> `HDFS`, as loghub-eval names it."""
    stem = csv_path.name[: -len("_structured.csv")]
    stem = stem[: -len(".log")] if stem.endswith(".log") else stem
    system, _, size = stem.rpartition("_")
    if system and size.endswith("k") and size[:-1].isdigit():
        return system
    return stem


def contents(csv_path):
    with open(csv_path, newline="", encoding="utf-8", errors="replace") as f:
        return [row["Content"] for row in csv.DictReader(f)]


def run_parser(parser, name, lines, setting, work):
    """Parses `lines` with `<Content>` as the log format; returns (group, template) per line."""
    from logparser.Brain import LogParser as Brain
    from logparser.Drain import LogParser as Drain

    indir = work / "in"
    outdir = work / f"{parser}_out"
    indir.mkdir(parents=True, exist_ok=True)
    outdir.mkdir(parents=True, exist_ok=True)
    log_file = f"{name}.log"
    # One message per line: a message holding a line break would shift every later line.
    (indir / log_file).write_text(
        "".join(line.replace("\r", " ").replace("\n", " ") + "\n" for line in lines),
        encoding="utf-8",
    )
    if parser == "Drain":
        p = Drain(
            log_format="<Content>",
            indir=str(indir),
            outdir=str(outdir),
            rex=setting["regex"],
            depth=setting["depth"],
            st=setting["st"],
            keep_para=False,
        )
    else:
        p = Brain(
            logname=setting.get("logname", name),
            log_format="<Content>",
            indir=str(indir),
            outdir=str(outdir),
            rex=setting["regex"],
            delimeter=setting["delimiter"],
            threshold=setting["theshold"],
        )
    # Brain writes a side file relative to the working directory; the parsers print progress.
    cwd = os.getcwd()
    os.makedirs(work / "cwd" / "Parseresult", exist_ok=True)
    os.chdir(work / "cwd")
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            p.parse(log_file)
    finally:
        os.chdir(cwd)
    with open(outdir / f"{log_file}_structured.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != len(lines):
        raise SystemExit(f"{parser} on {name}: {len(rows)} rows for {len(lines)} lines")
    return [(row["EventId"], row["EventTemplate"]) for row in rows]


def eval_rows(loghub_eval, args):
    out = subprocess.run(
        [loghub_eval, *map(str, args)], check=True, capture_output=True, text=True
    ).stdout
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    return {row["dataset"]: row for row in rows if "dataset" in row}


def corpus(loghub_eval, root, parsers_settings, work):
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    results = {
        "ours": eval_rows(loghub_eval, folders),
        "ours raw": eval_rows(loghub_eval, ["--raw", *folders]),
    }
    work.mkdir(parents=True, exist_ok=True)
    for parser, settings_of in parsers_settings.items():
        per_line = work / f"{root.name}-{parser}.jsonl"
        with open(per_line, "w", encoding="utf-8") as out:
            for folder in folders:
                csv_path = structured_csv(folder)
                name = dataset_name(csv_path)
                parsed = run_parser(
                    parser, name, contents(csv_path), settings_of(name), work / parser
                )
                for i, (group, template) in enumerate(parsed, start=1):
                    out.write(
                        json.dumps(
                            {"dataset": name, "line": i, "template": template, "group": group}
                        )
                        + "\n"
                    )
        results[parser] = eval_rows(loghub_eval, ["--score-per-line", per_line, *folders])
    return results


def table(title, results):
    columns = list(results)
    names = sorted(next(iter(results.values())))
    head = ["dataset"] + [f"GA {c}" for c in columns] + [f"PA {c}" for c in columns]
    lines = [f"### {title}", "", "| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    means = {c: [0.0, 0.0] for c in columns}
    for name in names:
        cells = [name]
        for metric, index in (("grouping_accuracy", 0), ("parsing_accuracy", 1)):
            for c in columns:
                value = results[c][name][metric] or 0.0
                means[c][index] += value / len(names)
                cells.append(f"{value:.4f}")
        lines.append("| " + " | ".join(cells) + " |")
    cells = ["MEAN"] + [f"{means[c][0]:.4f}" for c in columns] + [f"{means[c][1]:.4f}" for c in columns]
    lines.append("| " + " | ".join(f"**{x}**" for x in cells) + " |")
    return "\n".join(lines) + "\n"


# Our corpora scored with the generic setting, in this order.
GENERIC_CORPORA = (
    "dev_corpus", "heldout", "validation", "fresh", "blind", "round3", "round4", "round5", "sealed",
    "final", "round6", "sealed2", "round7", "sealed3", "sealed4", "round8", "sealed5", "sealed6",
    "round9", "sealed7", "round10", "sealed8", "round11", "sealed9", "round12", "sealed10",
    "round13", "sealed11", "sealed12", "round14", "sealed13", "sealed14", "round15", "sealed15",
    "round16", "sealed16", "round17", "sealed17", "round18", "sealed18", "round19",
    "sealed20", "round20", "sealed19", "round21", "sealed21", "round22", "sealed22", "round23",
    "round24", "sealed23", "round25", "sealed24", "sealed25", "round26", "sealed26", "round27", "round28", "round29", "sealed27",
    "round30", "round31", "sealed28", "sealed29", "round32", "sealed30", "round33", "sealed31", "round34", "sealed32", "round35", "sealed33", "round36", "sealed34", "round37", "sealed35",
    "sealed36", "round38", "round39", "sealed37",
    "round40",
    "round41",
    "sealed38",
    "sealed39",
    "round43",
    "sealed40",
    "sealed41",
    "round42",
    "round44",
    "sealed42",
    "sealed43",
    "round45",
    "round47",
    "round48",
    "round46",
    "sealed44",
    "sealed46",
    "sealed45",
    "round49",
    "sealed47",
    "sealed48",
    "round50",
    "sealed49",
    "sealed50",
    "round52",
    "round51",
    "round54",
    "round55",
    "round56",
    "sealed51",
    "sealed52",
    "sealed53",
    "sealed54",
    "round53",
    "sealed56",
    "round59",
    "round57",
    "round58",
    "sealed55",
    "sealed57",
    "round60",
    "round61",
    "round62",
    "round63",
    "sealed58",
    "sealed59",
    "sealed60",
    "sealed61",
    "round64",
    "round65",
    "sealed62",
    "sealed63",
    "round66",
    "round67",
    "sealed64",
    "sealed65",
    "round68",
    "sealed66",
    "sealed67",
    "round69",
    "round70",
    "round71",
    "sealed68",
    "sealed69",
    "round72",
    "round74",
    "round75",
    "sealed70",
    "sealed71",
    "sealed72",
    "sealed73",
    "round73",
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    parser.add_argument("--loghub-eval", default=str(target / "release" / "loghub-eval"))
    parser.add_argument("--work", default="/tmp/parser_compare")
    args = parser.parse_args()
    if not Path(args.loghub_eval).is_file():
        sys.exit(
            f"{args.loghub_eval} not found: cargo build --release -p cyberbrain-logmine --bins"
        )
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    drain, brain = published_settings("Drain"), published_settings("Brain")
    tuned = corpus(
        args.loghub_eval,
        REPO / "logmine/testdata/loghub_2k",
        {"Drain": lambda n: drain[n], "Brain": lambda n: brain[n]},
        work / "loghub_2k",
    )
    print(table("loghub_2k, tuned eight (Drain/Brain: published per-dataset settings)", tuned))
    generic = {
        "Drain": lambda n: GENERIC_DRAIN,
        "Brain": lambda n: dict(GENERIC_BRAIN, logname=GENERIC_BRAIN_NAME),
    }
    # Our own corpora (those present): one generic setting for Drain and Brain on each.
    for name in GENERIC_CORPORA:
        root = REPO / "logmine/testdata" / name
        if root.is_dir():
            scores = corpus(args.loghub_eval, root, generic, work / name)
            print(table(f"{name} (Drain/Brain: one generic setting)", scores))


if __name__ == "__main__":
    main()
