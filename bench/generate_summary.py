#!/usr/bin/env python3
"""Prints the Markdown tables of bench/generate.sh from its raw results.

  generate_summary.py compare runs.csv
  generate_summary.py scale runs.csv scalerun.txt
  generate_summary.py jmh jmh.json
  generate_summary.py profile profile.collapsed scalerun.txt
  generate_summary.py profile-mvn profile-mvn.collapsed [profile-mvn-cpu.collapsed]
"""
import csv
import json
import random
import statistics
import sys

# The command names of bench/generate.sh compare (its CSV's "command" column); keep the two in step.
OURS = "ours: mvn generate-resources (consumer)"
JKUBE = "JKube: mvn k8s:resource k8s:helm"
OURS_JAVA = "ours: java GenerateCatalog (no Maven)"
OURS_FLOOR = "Maven floor: mvn validate (consumer)"
JKUBE_FLOOR = "Maven floor: mvn validate (JKube project)"
OURS_SKIP = "ours: mvn generate-resources -Dchartascode.skip (consumer)"
OURS_CLEAN = "ours: the same after deleting target/ (first run)"
OURS_REACTOR = "ours: mvn generate-resources (the repository's reactor)"
OURS_FORCE = "ours: the same with -Dchartascode.force (renders and compares every file)"
COMPARE_ORDER = [OURS, JKUBE, OURS_FLOOR, JKUBE_FLOOR, OURS_SKIP, OURS_FORCE, OURS_CLEAN, OURS_JAVA, OURS_REACTOR,
                 "helm template (our chart)", "kubectl kustomize (our dev overlay)", "helm template (JKube chart)"]


def read_runs(path, phase):
    """Per command: wall, cpu and rss lists in CSV order, and by_round: round -> (wall, cpu)."""
    runs = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row["phase"] != phase:
                continue
            r = runs.setdefault(row["command"], {"wall": [], "cpu": [], "rss": [], "by_round": {}})
            wall, cpu = float(row["wall_s"]), float(row["user_s"]) + float(row["sys_s"])
            r["wall"].append(wall)
            r["cpu"].append(cpu)
            r["rss"].append(int(row["max_rss_kb"]) / 1024)
            r["by_round"][int(row["round"])] = (wall, cpu)
    return runs


def med(xs):
    return statistics.median(xs)


def verdict(ok):
    return "met" if ok else "MISSED"


def paired(a, b, op):
    """op(a, b) for each round that both commands ran in (they ran in the same round, interleaved)."""
    return [op(a["by_round"][k][0], b["by_round"][k][0]) for k in sorted(a["by_round"]) if k in b["by_round"]]


def bootstrap_ratio(a, b, rounds=10000, seed=13):
    """A 95% interval of median(a) / median(b), resampling whole rounds (a round's two runs stay
    paired, so a noisy round moves both). A fixed seed: the same CSV gives the same interval."""
    keys = [k for k in sorted(a["by_round"]) if k in b["by_round"]]
    rng = random.Random(seed)
    ratios = []
    for _ in range(rounds):
        sample = [rng.choice(keys) for _ in keys]
        ratios.append(med([a["by_round"][k][0] for k in sample]) / med([b["by_round"][k][0] for k in sample]))
    ratios.sort()
    return ratios[int(0.025 * rounds)], ratios[int(0.975 * rounds) - 1]


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
    print("Against JKube (median / median; per round: the two runs of the same round):")
    print()
    print("| ratio | median | per round: median (min-max) | CPU median |")
    print("|---|---:|---:|---:|")
    for label in (OURS, OURS_FORCE, OURS_CLEAN, OURS_JAVA, OURS_REACTOR):
        if label not in runs:
            continue
        o = runs[label]
        per = paired(o, jk, lambda x, y: x / y)
        print(f"| {label} / JKube | {med(o['wall']) / med(jk['wall']):.2f} "
              f"| {med(per):.2f} ({min(per):.2f}-{max(per):.2f}) | {med(o['cpu']) / med(jk['cpu']):.2f} |")
    print()
    print("Beyond the project's own `mvn validate` (seconds; median - median; per round: paired differences):")
    print()
    print("| difference | wall | per round: median (min-max) | CPU |")
    print("|---|---:|---:|---:|")
    rows = [("ours: generate-resources - validate (consumer)", OURS, OURS_FLOOR),
            ("JKube: k8s:resource k8s:helm - validate", JKUBE, JKUBE_FLOOR),
            ("ours: generate-resources - the JKube project's validate (a floor with no goal to plan)", OURS, JKUBE_FLOOR),
            ("ours: the consumer's validate - the JKube project's (planning our goals: the plugin's POM and descriptor)",
             OURS_FLOOR, JKUBE_FLOOR),
            ("ours: the plugin with its goal skipped - validate (resolution, class realm, set-up)", OURS_SKIP, OURS_FLOOR),
            ("ours: generate-resources - the same skipped (the goal's own work)", OURS, OURS_SKIP),
            ("ours: -Dchartascode.force - validate (rendering every time)", OURS_FORCE, OURS_FLOOR),
            ("ours: first run - steady state (compiling the model)", OURS_CLEAN, OURS)]
    net = {}
    for name, a, b in rows:
        if a not in runs or b not in runs:
            continue
        per = paired(runs[a], runs[b], lambda x, y: x - y)
        net[(a, b)] = med(runs[a]["wall"]) - med(runs[b]["wall"])
        print(f"| {name} | {net[(a, b)]:.3f} | {med(per):.3f} ({min(per):.3f}-{max(per):.3f}) "
              f"| {med(runs[a]['cpu']) - med(runs[b]['cpu']):.2f} |")
    ours_net, jk_net = net[(OURS, OURS_FLOOR)], net[(JKUBE, JKUBE_FLOOR)]
    print(f"| ours / JKube, beyond each floor | {ours_net / jk_net:.2f} | | |")
    ratio = med(runs[OURS]["wall"]) / med(jk["wall"])
    low, high = bootstrap_ratio(runs[OURS], jk)
    where = ("the whole interval below 1/3" if high <= 1 / 3 else
             "the whole interval above 1/3" if low > 1 / 3 else "the interval spans 1/3: at the line")
    print()
    print(f"Target: our whole `mvn -q -o generate-resources` <= 1/3 of JKube's wall time: "
          f"{med(runs[OURS]['wall']):.2f} s / {med(jk['wall']):.2f} s = {ratio:.3f} -> {verdict(ratio <= 1 / 3)} "
          f"(95% bootstrap interval over rounds {low:.3f}-{high:.3f}, {where})")
    # Maven's own start-up bounds the first target from below: no plugin can make the whole run
    # cheaper than the project's `validate`, so say where that floor fell in this run.
    for label in (OURS_FLOOR, JKUBE_FLOOR):
        if label in runs:
            floor = med(runs[label]["wall"]) / med(jk["wall"])
            f_low, f_high = bootstrap_ratio(runs[label], jk)
            print(f"  under it, {label} / JKube: {floor:.3f} ({f_low:.3f}-{f_high:.3f})"
                  + (": Maven alone is above 1/3 in this run" if floor > 1 / 3 else ""))
    print(f"Target: our generation beyond the consumer's `mvn validate` <= 0.5 s: "
          f"{med(runs[OURS]['wall']):.2f} - {med(runs[OURS_FLOOR]['wall']):.2f} = {ours_net:.2f} s -> {verdict(ours_net <= 0.5)}")


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
    print(f"N synthetic services, one JVM each (`java ... GenerateCatalog out ...SyntheticCatalog`), no Maven; "
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


# Frames that load, verify and link classes (Java's class loaders, HotSpot's loader and verifier).
CLASS_LOADING = ("ClassLoader.loadClass", "ClassLoader.defineClass", "ClassLoader.findClass", "ClassRealm.",
                 "URLClassPath", "SystemDictionary::", "ClassFileParser", "Verifier::", "link_class",
                 "Rewriter::", "ClassLoader::load_class")


def _in_goal(*patterns):
    return lambda stack: "GenerateMojo.execute" in stack and any(p in stack for p in patterns)


# Where the wall time of the consumer's `mvn generate-resources` goes, by the frames on Maven's main
# thread, which also runs the plugin's goal. A stack belongs to the first category whose test it
# passes; the order goes from specific to general.
MAVEN_CATEGORIES = [
    ("goal: loading, verifying and linking classes (Jackson, fabric8, chart-as-code)", _in_goal(*CLASS_LOADING)),
    ("goal: handing methods to the JIT compiler (CompileBroker)", _in_goal("CompileBroker")),
    ("goal: the model's fingerprint (ModelCompiler)", _in_goal("ModelCompiler")),
    ("goal: validation (ModelValidator)", _in_goal("ModelValidator")),
    ("goal: render, fabric8 objects to Jackson trees (valueToTree)", _in_goal("valueToTree")),
    ("goal: render, the rest (renderers, YAML writer)", _in_goal("Generator.render")),
    ("goal: loading the catalog, building the model (CatalogLoader)", _in_goal("CatalogLoader")),
    ("goal: comparing with the tree (FileTreeWriter)", _in_goal("FileTreeWriter")),
    ("goal: the rest (GenerateMojo)", _has("GenerateMojo.execute")),
    ("the plugin's dependencies, class realm and mojo set-up",
     _has("setupPluginRealm", "DefaultPluginDependenciesResolver", "calculateLifecycleMappings", "getConfiguredMojo",
          "DefaultMavenPluginManager", "PluginDescriptor")),
    ("resolving the project's dependencies", _has("LifecycleDependencyResolver")),
    ("the rest of the build: plans, other mojo steps", _has("LifecycleStarter")),
    ("reading the POM", _has("ProjectBuilder", "DefaultGraphBuilder")),
    ("Maven's start-up: launcher, Sisu/Guice container, settings", lambda s: True),
]

# CPU of the same run, all threads.
MAVEN_CPU_CATEGORIES = [
    ("JIT compiler threads (C1)", _has("compiler_thread_loop")),
    ("garbage collection", _has("G1", "GCTaskThread", "GangWorker", "WorkerThread")),
    ("goal: loading, verifying and linking classes", _in_goal(*CLASS_LOADING)),
    ("goal: the rest", _has("GenerateMojo.execute")),
    ("Maven: everything else (start-up, POM, resolution, realms)", lambda s: True),
]


def profile_mvn(path, cpu_path=None):
    main = read_collapsed(path, keep=lambda stack: stack.startswith("[main tid="))
    total = sum(n for _, n in main)
    shares = classify(main, MAVEN_CATEGORIES)
    goal = sum(n for name, n in shares.items() if name.startswith("goal:"))
    print(f"Wall time of the consumer's `mvn -q -o generate-resources` (steady state), Maven's main thread, which "
          f"runs the goal (async-profiler, wall, 2 ms): {total} samples, about {total * 0.002:.2f} s")
    print()
    print("| where | share of wall time | about (s) |")
    print("|---|---:|---:|")
    for name, _ in MAVEN_CATEGORIES:
        print(f"| {name} | {100 * shares[name] / total:.0f}% | {shares[name] * 0.002:.2f} |")
    print(f"| **the goal in all** | **{100 * goal / total:.0f}%** | **{goal * 0.002:.2f}** |")
    if cpu_path:
        stacks = read_collapsed(cpu_path)
        cpu_total = sum(n for _, n in stacks)
        cpu = classify(stacks, MAVEN_CPU_CATEGORIES)
        print()
        print(f"CPU of the same command, all threads (async-profiler, itimer, 2 ms): {cpu_total} samples "
              f"(shares only: the profiler sees less CPU than GNU time counts for the whole process)")
        print()
        print("| where | share of CPU samples |")
        print("|---|---:|")
        for name, _ in MAVEN_CPU_CATEGORIES:
            print(f"| {name} | {100 * cpu[name] / cpu_total:.0f}% |")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"compare": compare, "scale": scale, "jmh": jmh, "profile": profile, "profile-mvn": profile_mvn}[cmd](*args)
