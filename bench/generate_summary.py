#!/usr/bin/env python3
"""Prints the Markdown tables of bench/generate.sh from its raw results.

  generate_summary.py compare runs.csv
  generate_summary.py scale runs.csv scalerun.txt
  generate_summary.py jmh jmh.json
  generate_summary.py profile profile.collapsed scalerun.txt
  generate_summary.py profile-mvn profile-mvn.collapsed
"""
import csv
import json
import statistics
import sys

OURS_MVN = "ours: mvn generate-resources"
JKUBE = "JKube: mvn k8s:resource k8s:helm"
OURS_JAVA = "ours: java Main (no Maven)"
OURS_FLOOR = "Maven floor: mvn validate (our reactor)"
JKUBE_FLOOR = "Maven floor: mvn validate (JKube project)"
COMPARE_ORDER = [OURS_MVN, JKUBE, OURS_JAVA, OURS_FLOOR, JKUBE_FLOOR, "helm template (our chart)",
                 "kubectl kustomize (our dev overlay)", "helm template (JKube chart)"]


def read_runs(path, phase):
    runs = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["phase"] != phase:
                continue
            r = runs.setdefault(row["command"], {"wall": [], "cpu": [], "rss": []})
            r["wall"].append(float(row["wall_s"]))
            r["cpu"].append(float(row["user_s"]) + float(row["sys_s"]))
            r["rss"].append(int(row["max_rss_kb"]) / 1024)
    return runs


def med(xs):
    return statistics.median(xs)


def verdict(ok):
    return "met" if ok else "MISSED"


def compare(path):
    runs = read_runs(path, "compare")
    n = len(next(iter(runs.values()))["wall"])
    print(f"Whole processes, {n} interleaved runs each (seconds; CPU = user + sys; RSS = peak of the largest process):")
    print()
    print("| command | median | min | max | CPU median | peak RSS median (MiB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for label in sorted(runs, key=lambda l: COMPARE_ORDER.index(l) if l in COMPARE_ORDER else len(COMPARE_ORDER)):
        r = runs[label]
        print(f"| {label} | {med(r['wall']):.3f} | {min(r['wall']):.3f} | {max(r['wall']):.3f} "
              f"| {med(r['cpu']):.2f} | {med(r['rss']):.0f} |")
    print()
    jk = runs[JKUBE]
    print("| ratio | median | min | max | CPU median |")
    print("|---|---:|---:|---:|---:|")
    for label in (OURS_MVN, OURS_JAVA):
        o = runs[label]
        print(f"| {label} / JKube | {med(o['wall']) / med(jk['wall']):.2f} | {min(o['wall']) / min(jk['wall']):.2f} "
              f"| {max(o['wall']) / max(jk['wall']):.2f} | {med(o['cpu']) / med(jk['cpu']):.2f} |")
    if OURS_FLOOR in runs and JKUBE_FLOOR in runs:
        net = lambda cmd, floor, key: med(runs[cmd][key]) - med(runs[floor][key])
        print(f"| beyond each project's `mvn validate`: ours / JKube | "
              f"{net(OURS_MVN, OURS_FLOOR, 'wall'):.2f} s / {net(JKUBE, JKUBE_FLOOR, 'wall'):.2f} s = "
              f"{net(OURS_MVN, OURS_FLOOR, 'wall') / net(JKUBE, JKUBE_FLOOR, 'wall'):.2f} | | | "
              f"{net(OURS_MVN, OURS_FLOOR, 'cpu') / net(JKUBE, JKUBE_FLOOR, 'cpu'):.2f} |")
    ratio = med(runs[OURS_MVN]["wall"]) / med(jk["wall"])
    print()
    print(f"Target: our regeneration <= 1/3 of JKube's wall time: {ratio:.2f} -> {verdict(ratio <= 1 / 3)}")


def read_split(path):
    splits = {}
    with open(path) as f:
        for line in f:
            fields = dict(kv.split("=", 1) for kv in line.split())
            splits.setdefault(int(fields["services"]), []).append({k: float(v) for k, v in fields.items()})
    return splits


def spread(r):
    return f"{med(r['wall']):.2f} ({min(r['wall']):.2f}-{max(r['wall']):.2f})" if r else "n/a"


def scale(path, split_path):
    runs = read_runs(path, "scale")
    splits = read_split(split_path)
    ns = sorted(splits)
    count = len(runs[f"fresh/disk/{ns[0]}"]["wall"])
    print(f"N synthetic services, one JVM each (`java ... cli.Main out --catalog=...SyntheticCatalog`), no Maven; "
          f"medians of {count} runs (min-max), seconds. Fresh: into a new directory; unchanged: again over it; "
          f"changed: one service's release bump over it (last, after every other run):")
    print()
    print("| N | files | fresh (disk) | fresh (tmpfs) | unchanged | changed | CPU (fresh, disk) "
          "| peak RSS MiB (fresh / unchanged) | JVM start to main, ms | model+render, ms | write, ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in ns:
        f, u, s = runs[f"fresh/disk/{n}"], runs[f"unchanged/disk/{n}"], splits[n]
        t, c = runs.get(f"fresh/tmpfs/{n}"), runs.get(f"changed/disk/{n}")
        col = lambda key: med([x[key] for x in s])
        print(f"| {n} | {col('files'):.0f} | {spread(f)} | {spread(t)} | {spread(u)} | {spread(c)} "
              f"| {med(f['cpu']):.2f} | {med(f['rss']):.0f} / {med(u['rss']):.0f} | {col('jvm_ms'):.0f} "
              f"| {col('model_ms') + col('render_ms'):.0f} | {col('write_ms'):.0f} |")
    if 1 in splits and 100 in splits:
        print()
        cases = [(label, runs.get(f"{kind}/100")) for label, kind in
                 (("fresh tree on disk", "fresh/disk"), ("fresh tree on tmpfs", "fresh/tmpfs"),
                  ("unchanged tree", "unchanged/disk"), ("changed tree", "changed/disk"))]
        print("Target: 100 services < 2 s in one JVM (the whole java process): " + "; ".join(
            f"{label} {med(r['wall']):.2f} s -> {verdict(med(r['wall']) < 2)}" for label, r in cases if r))
        render = lambda n: med([x["model_ms"] + x["render_ms"] for x in splits[n]])
        print(f"Cold model+render, 100 / 1: {render(100) / render(1):.1f}x "
              f"(JVM warm-up makes cold ratios flatter; the JMH table is the linearity check)")


def jmh(path):
    with open(path) as f:
        results = json.load(f)
    table = {}
    for r in results:
        name = r["benchmark"].rsplit(".", 1)[1]
        # bench/generate.sh passes two scratch directories: "tmpdir" (on disk) and one on tmpfs.
        scratch = r["params"].get("scratch")
        if scratch:
            name += " (disk)" if scratch == "tmpdir" else " (tmpfs)"
        n = int(r["params"]["services"])
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        error = r["primaryMetric"]["scoreError"]
        error = float("nan") if isinstance(error, str) else error
        table.setdefault(name, {})[n] = (r["primaryMetric"]["score"], error, alloc)
    first = results[0]
    print(f"JMH {first['jmhVersion']}, {first['jvm'].split('/bin')[0]} {first['vmVersion']}, "
          f"{first['forks']} fork(s) x {first['measurementIterations']} x {first['measurementTime']} "
          f"after {first['warmupIterations']} x {first['warmupTime']}; average ms/op +- 99.9% error:")
    print()
    ns = sorted({n for v in table.values() for n in v})
    print("| benchmark | " + " | ".join(f"N={n}" for n in ns) + " | ms per service at N=100 | time 100/1 "
          "| alloc/op N=1 | alloc/op N=100 | alloc 100/1 |")
    print("|---|" + "---:|" * (len(ns) + 5))
    verdicts = []
    names = [f"{b}{where}" for b in ("render", "validate", "checkCurrent", "writeUnchanged", "writeFresh")
             for where in ("", " (disk)", " (tmpfs)")]
    for name in names:
        if name not in table:
            continue
        v = table[name]
        cells = [f"{v[n][0]:.3f} +- {v[n][1]:.3f}" if n in v else "" for n in ns]
        ratio = v[100][0] / v[1][0] if 1 in v and 100 in v else float("nan")
        alloc1 = v.get(1, (0, 0, None))[2]
        alloc100 = v.get(100, (0, 0, None))[2]
        mb = lambda b: f"{b / 1e6:.2f} MB" if b is not None else "n/a"
        aratio = f"{alloc100 / alloc1:.1f}" if alloc1 and alloc100 else "n/a"
        per = f"{v[100][0] / 100:.3f}" if 100 in v else "n/a"
        print(f"| {name} | " + " | ".join(cells) + f" | {per} | {ratio:.1f} | {mb(alloc1)} | {mb(alloc100)} | {aratio} |")
        if ratio == ratio:
            verdicts.append(f"{name} {ratio:.0f}x -> {verdict(ratio <= 110)}")
    print()
    print("Target: cost linear in N, time(100) <= 110 x time(1): " + "; ".join(verdicts))
    if "render" in table and 100 in table["render"]:
        t = table["render"][100][0]
        print(f"Target: 100 services rendered in one JVM < 2 s (warm, in memory): {t:.0f} ms -> {verdict(t < 2000)}")


# Where a CPU sample counts: a stack belongs to the first category whose test it passes.
def _has(*patterns):
    return lambda stack: any(p in stack for p in patterns)


PROFILE_CATEGORIES = [
    ("write: creating directories and files (mkdir, open)",
     lambda s: "FileTreeWriter" in s and ("mkdir" in s or "libc_open" in s)),
    ("write: the rest of FileTreeWriter", _has("FileTreeWriter")),
    ("validation (ModelValidator)", _has("ModelValidator")),
    ("render: fabric8 objects to Jackson trees (valueToTree)", _has("valueToTree")),
    ("render: the rest (renderers, YAML writer, model)", _has("Generator.render", "SyntheticCatalog")),
    ("JIT compilers (C1, C2)", _has("CompileBroker", "C2Compiler", "C1Compiler")),
    ("garbage collection", _has("G1", "GCTaskThread", "GangWorker", "WorkerThread")),
    ("class loading and linking", _has("ClassLoader", "SystemDictionary", "ClassFileParser")),
]


def read_collapsed(path, keep=lambda stack: True):
    """(stack, samples) pairs of an async-profiler collapsed file, for the stacks that pass keep."""
    stacks = []
    with open(path) as f:
        for line in f:
            stack, n = line.rstrip("\n").rsplit(" ", 1)
            if keep(stack):
                stacks.append((stack, int(n)))
    return stacks


def classify(stacks, categories):
    """Samples per category name, in the categories' order; a stack counts for the first that it passes."""
    shares = {name: 0 for name, _ in categories}
    for stack, n in stacks:
        shares[next(name for name, test in categories if test(stack))] += n
    return shares


OTHER = "other (JVM start, interpreter, runtime)"


def profile(path, scalerun):
    stacks = read_collapsed(path)
    total = sum(n for _, n in stacks)
    shares = classify(stacks, PROFILE_CATEGORIES + [(OTHER, lambda s: True)])
    other = shares.pop(OTHER)
    with open(scalerun) as f:
        run = next((l for l in f if l.startswith("services=")), "").strip()
    print(f"CPU samples of one cold 100-service run into an empty directory, all threads "
          f"(async-profiler, itimer, 5 ms): {total} samples")
    print(f"  {run}")
    print()
    print("| where | share of CPU samples |")
    print("|---|---:|")
    for name, n in sorted(shares.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {100 * n / total:.0f}% |")
    print(f"| {OTHER} | {100 * other / total:.0f}% |")


# Where the wall time of `mvn generate-resources` goes, by the frames on Maven's main thread. A stack
# belongs to the first category whose test it passes; the order goes from specific to general.
MAVEN_CATEGORIES = [
    ("the generator (exec:java; Maven's main thread waits for it)", _has("AbstractExecJavaBase")),
    ("enforcer rules", _has("EnforceMojo")),
    ("compiler: is the model compiled and current?", _has("CompilerMojo")),
    ("resolving each plugin's own dependencies and class realm",
     _has("setupPluginRealm", "DefaultPluginDependenciesResolver", "calculateLifecycleMappings")),
    ("resolving the project's dependencies (compile, exec:java)", _has("LifecycleDependencyResolver")),
    ("the rest of the build: plans, mojo set-up, other modules", _has("LifecycleStarter")),
    ("reading the POMs of the reactor", _has("ProjectBuilder", "DefaultGraphBuilder")),
    ("Maven's start-up: launcher, Sisu/Guice container, settings", lambda s: True),
]


def profile_mvn(path):
    main = read_collapsed(path, keep=lambda stack: stack.startswith("[main tid="))
    total = sum(n for _, n in main)
    shares = classify(main, MAVEN_CATEGORIES)
    print(f"Wall time of `./mvnw -q -o generate-resources`, Maven's main thread (async-profiler, wall, 2 ms): "
          f"{total} samples")
    print()
    print("| where | share of wall time |")
    print("|---|---:|")
    for name, _ in MAVEN_CATEGORIES:
        print(f"| {name} | {100 * shares[name] / total:.0f}% |")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"compare": compare, "scale": scale, "jmh": jmh, "profile": profile, "profile-mvn": profile_mvn}[cmd](*args)
