"""The "Speed and memory" benchmark: one command, one table, the targets (six of speed, two of `check`).

Usage (from anywhere; the repository's virtualenv active)::

    python benchmarks/run.py                      # sizes 50,500,5000, 5 repeats
    python benchmarks/run.py --quick              # sizes 50,500, 3 repeats
    python benchmarks/run.py --sizes 50,500 --repeat 7 --no-oracle --json figures.json

For each size N the schema ``generate.generate(N, seed)`` is written to a
temporary folder and measured:

* whole process: ``prisma-tools format FILE`` on a fresh copy of the
  unformatted file (start-up, parse, print, write), alternated in the same
  loop with the official formatter (``prisma-oracle format FILE``, its output
  written to a file) and with ``prisma-tools fix FILE``. The order rotates
  every round, so drift on a noisy machine hits every contender alike. Each
  process is waited for with ``os.wait4``, which gives its own peak RSS.
* in process: ``print_schema(parse(text))`` (and, when ``prisma_tools.fixer``
  exists, ``print_schema(fix(parse(text)))``; and ``check``: a lenient parse
  and every validation), after one untimed warm-up run on the same text whose
  output is the reference. The generated schemas are valid: ``check`` must
  find nothing in them.

Every output is compared with the reference (and the oracle's output with the
reference), so the benchmark measures correct work; the ``ok`` column says so.
Figures are medians. Timings are reported, never asserted by the test-suite.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

DEFAULT_ORACLE = REPO.parent / "shared" / "tools" / "prisma-oracle" / "prisma-oracle"
MIB = 1024 * 1024

# The issue's figures for the official formatter, for reference.
OFFICIAL = {50: (276, 80), 500: (409, 95), 5000: (1434, 288)}  # whole process ms, MiB


# ---------------------------------------------------------------- processes


@dataclass
class Proc:
    wall: float  # seconds
    rss_mib: float | None
    cpu: float | None  # user + system seconds
    rc: int
    err: str


# Linux counts, in a child's peak RSS, the memory of the process that spawned it (exec records
# the old address space's high-water mark), and this benchmark grows to hundreds of MiB with the
# in-process runs: each command is started by this small launcher, which reports the command's
# own wall time, peak RSS and CPU time through a pipe.
_LAUNCHER = """\
import os, sys, time
fd, cmd = int(sys.argv[1]), sys.argv[2:]
t0 = time.perf_counter()
pid = os.posix_spawnp(cmd[0], cmd, os.environ)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t0
os.write(fd, f"{wall} {ru.ru_maxrss} {ru.ru_utime + ru.ru_stime} {os.waitstatus_to_exitcode(status)}".encode())
"""


def run_process(cmd: Sequence[str], stdout: Path | None = None) -> Proc:
    """Run ``cmd`` to completion: wall time, its own peak RSS and CPU time (``os.wait4``, in a launcher)."""
    with (
        open(stdout if stdout is not None else os.devnull, "wb") as out,
        tempfile.TemporaryFile() as err,
    ):
        t0 = time.perf_counter()
        if hasattr(os, "wait4") and hasattr(os, "posix_spawnp"):
            read, write = os.pipe()
            launcher = [sys.executable, "-S", "-c", _LAUNCHER, str(write), *cmd]
            proc = subprocess.Popen(launcher, stdin=subprocess.DEVNULL, stdout=out, stderr=err, pass_fds=(write,))
            os.close(write)
            proc.wait()
            with os.fdopen(read, "rb") as report:
                fields = report.read().split()
            if proc.returncode != 0 or len(fields) != 4:
                raise RuntimeError(f"the launcher failed for {cmd!r} (exit {proc.returncode})")
            wall, maxrss, cpu_s, rc_s = fields
            wall_s, rc = float(wall), int(rc_s)
            # ru_maxrss: KiB on Linux, bytes on macOS
            rss = int(maxrss) / (MIB if sys.platform == "darwin" else 1024)
            cpu: float | None = float(cpu_s)
            err.seek(0)
            return Proc(wall_s, rss, cpu, rc, err.read().decode("utf-8", "replace"))
        if hasattr(os, "wait4"):  # pragma: no cover - no posix_spawnp
            proc = subprocess.Popen(list(cmd), stdin=subprocess.DEVNULL, stdout=out, stderr=err)
            _, status, ru = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - t0
            proc.returncode = rc = os.waitstatus_to_exitcode(status)
            rss = ru.ru_maxrss / (MIB if sys.platform == "darwin" else 1024)
            cpu = ru.ru_utime + ru.ru_stime
        else:  # pragma: no cover - no wait4 (Windows)
            rc = proc.wait()
            wall = time.perf_counter() - t0
            rss, cpu = None, None
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return Proc(wall, rss, cpu, rc, text)


def find_cli() -> list[str] | None:
    """``prisma-tools`` when it is on PATH (or beside this Python) and works, else ``python -m prisma_tools``."""
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    candidates = []
    script = shutil.which("prisma-tools", path=path)
    if script:
        candidates.append([script])
    candidates.append([sys.executable, "-m", "prisma_tools"])
    for cmd in candidates:
        if run_process([*cmd, "--version"]).rc == 0:
            return cmd
    return None


def byte_compile() -> str:
    """Compile the package's modules to ``.pyc``, as ``pip install`` does, so that the whole-process
    figures are a user's: a checkout used with PYTHONDONTWRITEBYTECODE=1 has none, and every run
    would compile every module from source again (30 ms more on a 50-model schema here).
    Returns the folder compiled."""
    import compileall

    import prisma_tools

    folder = os.path.dirname(prisma_tools.__file__)
    compileall.compile_dir(folder, quiet=1)
    return folder


def find_oracle(explicit: str | None, work: Path) -> list[str] | None:
    oracle = Path(explicit or os.environ.get("PRISMA_ORACLE") or DEFAULT_ORACLE)
    if not oracle.exists() or shutil.which("node") is None:
        return None
    probe = work / "probe.prisma"
    probe.write_text("model A {\n  id Int @id\n}\n", encoding="utf-8")
    if run_process([str(oracle), "format", str(probe)]).rc != 0:  # also installs the engines on first use
        return None
    return [str(oracle)]


# ---------------------------------------------------------------- in process


def load_check() -> Callable[[str], str] | None:
    """``check(text)``: Prisma's validation of the text (lenient parse + every validation), when it exists."""
    try:
        validate = importlib.import_module("prisma_tools.validation")
    except ImportError:
        return None
    from prisma_tools.nodes import Schema, construct
    from prisma_tools.parser import parse_file_text

    def check(text: str) -> str:
        schema = construct(Schema, {"files": (parse_file_text(text, "schema.prisma", strict=False),)})
        findings = validate.check_schema(schema, sources={"schema.prisma": text})
        return "\n".join(f"{f.code} {f.start} {f.message}" for f in findings)

    return check


def load_api() -> tuple[Callable[[str], str], Callable[[str], str] | None]:
    """``format(text)`` and, when ``prisma_tools.fixer`` exists, ``fix(text)``."""
    from prisma_tools.parser import parse
    from prisma_tools.printer import print_schema

    def fmt(text: str) -> str:
        return print_schema(parse(text, "schema.prisma"))

    try:
        fixer = importlib.import_module("prisma_tools.fixer")
    except ImportError:
        return fmt, None
    fix_fn = fixer.fix

    def fix(text: str) -> str:
        result = fix_fn(parse(text, "schema.prisma"))
        for attr in ("schema", "result"):
            result = getattr(result, attr, result)
        if isinstance(result, tuple):
            result = result[0]
        return print_schema(result)

    return fmt, fix


def time_call(fn: Callable[[str], str], text: str) -> tuple[float, float]:
    """Wall and CPU seconds of ``fn(text)``."""
    gc.collect()
    c0, t0 = time.process_time(), time.perf_counter()
    fn(text)
    return time.perf_counter() - t0, time.process_time() - c0


# ---------------------------------------------------------------- measuring


@dataclass
class SizeResult:
    models: int
    bytes: int
    lines: int
    inproc_format: list[float] = field(default_factory=list)
    inproc_fix: list[float] = field(default_factory=list)
    inproc_format_cpu: list[float] = field(default_factory=list)  # CPU seconds of the same runs
    inproc_fix_cpu: list[float] = field(default_factory=list)
    inproc_check: list[float] = field(default_factory=list)
    inproc_check_cpu: list[float] = field(default_factory=list)
    whole_format: list[float] = field(default_factory=list)
    whole_format_rss: list[float] = field(default_factory=list)
    whole_oracle: list[float] = field(default_factory=list)
    whole_oracle_rss: list[float] = field(default_factory=list)
    whole_fix: list[float] = field(default_factory=list)
    whole_fix_rss: list[float] = field(default_factory=list)
    whole_cpu: dict[str, list[float]] = field(default_factory=dict)  # CPU seconds (user + system) by contender
    errors: list[str] = field(default_factory=list)
    fix_changes: bool | None = None  # did fix change the formatted output?


def med(xs: Sequence[float]) -> float | None:
    return statistics.median(xs) if xs else None


def enough(samples: list[float], repeat: int, budget: float) -> bool:
    """Stop at ``repeat`` samples, or earlier (but with at least 3) once ``budget`` seconds are spent."""
    return len(samples) >= repeat or (len(samples) >= min(3, repeat) and sum(samples) >= budget)


def measure_size(
    n: int,
    seed: int,
    work: Path,
    repeat: int,
    budget: float,
    cli: list[str] | None,
    cli_fix: bool,
    oracle: list[str] | None,
    fmt: Callable[[str], str],
    fix: Callable[[str], str] | None,
    log: Callable[[str], None],
    check: Callable[[str], str] | None = None,
) -> SizeResult:
    text = generate(n, seed)
    data = text.encode("utf-8")
    src = work / f"models-{n}.prisma"
    src.write_bytes(data)
    res = SizeResult(models=n, bytes=len(data), lines=text.count("\n"))
    log(f"{n} models: {len(data) / 1000:.0f} KB, {res.lines} lines")

    # in process: the warm-up runs give the reference outputs; format and fix alternate
    expected = fmt(text).encode("utf-8")
    if expected == data:
        res.errors.append("generated schema is already formatted")
    fixed = None
    if fix is not None:
        try:
            fixed = fix(text).encode("utf-8")
        except Exception as e:  # a fixer under construction must not stop the benchmark
            res.errors.append(f"in-process fix failed: {e!r}")
            fix = None
        else:
            res.fix_changes = fixed != expected
    if check is not None:
        found = check(text)
        if found:  # the generated schemas are valid: check must agree
            res.errors.append(f"check reports errors on a valid schema: {found[:200]}")
    calls = [("format", fmt, res.inproc_format, res.inproc_format_cpu)]
    if fix is not None:
        calls.append(("fix", fix, res.inproc_fix, res.inproc_fix_cpu))
    if check is not None:
        calls.append(("check", check, res.inproc_check, res.inproc_check_cpu))
    rounds = 0
    while any(not enough(walls, repeat, budget) for _, _, walls, _ in calls):
        order = calls[rounds % len(calls) :] + calls[: rounds % len(calls)]
        rounds += 1
        for _, fn, walls, cpus in order:
            if not enough(walls, repeat, budget):
                wall, cpu = time_call(fn, text)
                walls.append(wall)
                cpus.append(cpu)
    for name, _, walls, _ in calls:
        log(f"  in-process {name}: {med(walls):.3f} s")

    # whole process, alternating
    contenders: list[tuple[str, list[str], bool]] = []  # name, argv before FILE, writes in place
    if cli is not None:
        contenders.append(("format", [*cli, "format"], True))
    if oracle is not None:
        contenders.append(("oracle", [*oracle, "format"], False))
    if cli is not None and cli_fix:
        contenders.append(("fix", [*cli, "fix"], True))
    active = {name for name, _, _ in contenders}
    out = work / "out.prisma"
    rounds = 0
    while active:
        order = contenders[rounds % len(contenders) :] + contenders[: rounds % len(contenders)]
        rounds += 1
        for name, argv, in_place in order:
            if name not in active:
                continue
            target = work / f"copy-{n}.prisma"
            target.write_bytes(data)
            p = run_process([*argv, str(target)], stdout=None if in_place else out)
            produced = (target if in_place else out).read_bytes()
            walls, rss = {
                "format": (res.whole_format, res.whole_format_rss),
                "oracle": (res.whole_oracle, res.whole_oracle_rss),
                "fix": (res.whole_fix, res.whole_fix_rss),
            }[name]
            if p.rc != 0:
                res.errors.append(f"{name}: exit {p.rc}: {p.err.strip()[:300]}")
                active.discard(name)
                continue
            reference = fixed if name == "fix" else expected
            message = f"{name}: output differs from the in-process reference"
            if reference is not None and produced != reference and message not in res.errors:
                res.errors.append(message)
            walls.append(p.wall)
            if p.cpu is not None:
                res.whole_cpu.setdefault(name, []).append(p.cpu)
            if p.rss_mib is not None:
                rss.append(p.rss_mib)
            if enough(walls, repeat, budget):
                active.discard(name)
    for name, walls in (("format", res.whole_format), ("oracle", res.whole_oracle), ("fix", res.whole_fix)):
        if walls:
            log(f"  whole-process {name}: {med(walls):.3f} s")
    return res


def measure_startup(cli: list[str] | None, repeat: int) -> dict[str, list[float]]:
    runs: dict[str, list[float]] = {"python": [], "--version": [], "--help": []}
    if cli is None:
        return {}
    cmds = {"python": [sys.executable, "-c", "pass"], "--version": [*cli, "--version"], "--help": [*cli, "--help"]}
    for r in range(max(repeat, 10)):
        names = list(cmds)
        names = names[r % 3 :] + names[: r % 3]
        for name in names:
            p = run_process(cmds[name])
            if p.rc == 0:
                runs[name].append(p.wall)
    return runs


# ---------------------------------------------------------------- report


def fmt_num(x: float | None, spec: str, scale: float = 1.0) -> str:
    return "-" if x is None else format(x * scale, spec)


def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None or b == 0 else a / b


def table(results: list[SizeResult]) -> str:
    head = [
        ("models", ">6"),
        ("KB", ">6"),
        ("lines", ">7"),
        ("format ms", ">9"),
        ("oracle ms", ">9"),
        ("/oracle", ">7"),
        ("RSS MiB", ">7"),
        ("orc MiB", ">7"),
        ("in-proc ms", ">10"),
        ("MB/s", ">6"),
        ("fix ms", ">7"),
        ("fix/fmt", ">7"),
        ("chk/fmt", ">7"),
        ("ok", "<3"),
    ]
    rows = []
    for r in results:
        inproc = med(r.inproc_format)
        rows.append(
            [
                str(r.models),
                f"{r.bytes / 1000:.0f}",
                str(r.lines),
                fmt_num(med(r.whole_format), ".0f", 1000),
                fmt_num(med(r.whole_oracle), ".0f", 1000),
                fmt_num(ratio(med(r.whole_format), med(r.whole_oracle)), ".2f"),
                fmt_num(max(r.whole_format_rss, default=None), ".0f"),
                fmt_num(max(r.whole_oracle_rss, default=None), ".0f"),
                fmt_num(inproc, ".1f", 1000),
                fmt_num(None if inproc is None else r.bytes / 1e6 / inproc, ".2f"),
                fmt_num(med(r.whole_fix), ".0f", 1000),
                fmt_num(ratio(med(r.inproc_fix), inproc), ".2f"),
                fmt_num(ratio(med(r.inproc_check), inproc), ".2f"),
                "no" if r.errors else "yes",
            ]
        )
    lines = ["  ".join(format(h, spec) for h, spec in head)]
    for row in rows:
        lines.append("  ".join(format(c, spec) for c, (_, spec) in zip(row, head, strict=True)))
    return "\n".join(lines)


@dataclass
class Target:
    number: int
    what: str
    value: str
    threshold: str
    status: str  # PASS | FAIL | n/a


def judge(results: list[SizeResult], startup: dict[str, list[float]]) -> list[Target]:
    by = {r.models: r for r in results}

    def verdict(ok: bool | None) -> str:
        return "n/a" if ok is None else ("PASS" if ok else "FAIL")

    out = []
    r50 = by.get(50)
    q = ratio(med(r50.whole_format), med(r50.whole_oracle)) if r50 else None
    out.append(
        Target(
            1,
            "whole-process format, 50 models, / official",
            fmt_num(q, ".2f") + "x",
            "<= 0.60x",
            verdict(None if q is None else q <= 0.6),
        )
    )
    v, h = med(startup.get("--version", [])), med(startup.get("--help", []))
    worst = None if v is None or h is None else max(v, h)
    out.append(
        Target(
            2,
            "--version / --help whole process",
            f"{fmt_num(v, '.0f', 1000)} / {fmt_num(h, '.0f', 1000)} ms",
            "< 60 ms",
            verdict(None if worst is None else worst < 0.060),
        )
    )
    r5k = by.get(5000)
    t5k = med(r5k.inproc_format) if r5k else None
    mbs = None if r5k is None or t5k is None else r5k.bytes / 1e6 / t5k
    status = verdict(None if mbs is None else mbs >= 1.0)
    if mbs is not None and mbs >= 1.0:
        status += " (goal 2.3: " + ("met" if mbs >= 2.3 else "not met") + ")"
    out.append(Target(3, "in-process parse+print, 5000 models", fmt_num(mbs, ".2f") + " MB/s", ">= 1 MB/s", status))
    rss = max(r5k.whole_format_rss, default=None) if r5k else None
    out.append(
        Target(
            4,
            "peak RSS of `format`, 5000 models",
            fmt_num(rss, ".0f") + " MiB",
            "< 288 MiB",
            verdict(None if rss is None else rss < 288),
        )
    )
    r500 = by.get(500)
    g = ratio(t5k, med(r500.inproc_format) if r500 else None)
    out.append(
        Target(
            5,
            "linear growth t(5000)/t(500), in process",
            fmt_num(g, ".2f") + "x",
            "<= 11x",
            verdict(None if g is None else g <= 11),
        )
    )
    largest = max((r for r in results if r.inproc_fix and r.inproc_format), key=lambda r: r.models, default=None)
    f = ratio(med(largest.inproc_fix), med(largest.inproc_format)) if largest else None
    out.append(
        Target(
            6,
            "fix / format, in process" + (f", {largest.models} models" if largest else ""),
            fmt_num(f, ".2f") + "x",
            "<= 1.30x",
            verdict(None if f is None else f <= 1.3),
        )
    )
    largest = max((r for r in results if r.inproc_check and r.inproc_format), key=lambda r: r.models, default=None)
    c = ratio(med(largest.inproc_check), med(largest.inproc_format)) if largest else None
    out.append(
        Target(
            7,
            "check / format, in process" + (f", {largest.models} models" if largest else ""),
            fmt_num(c, ".2f") + "x",
            "<= 1.50x",
            verdict(None if c is None else c <= 1.5),
        )
    )
    gc_ = ratio(med(r5k.inproc_check) if r5k else None, med(r500.inproc_check) if r500 else None)
    out.append(
        Target(
            8,
            "check growth t(5000)/t(500), in process",
            fmt_num(gc_, ".2f") + "x",
            "<= 11x",
            verdict(None if gc_ is None else gc_ <= 11),
        )
    )
    return out


def environment(cli: list[str] | None, oracle: list[str] | None) -> dict[str, Any]:
    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "commit": commit,
        "cli": cli,
        "oracle": oracle,
        "time": time.strftime("%Y-%m-%d %H:%M:%S"),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default=None, help="comma-separated model counts (default 50,500,5000)")
    ap.add_argument("--repeat", type=int, default=None, help="samples per figure (default 5; --quick: 3)")
    ap.add_argument("--budget", type=float, default=60.0, help="seconds per figure after which 3 samples suffice")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-oracle", action="store_true", help="do not run the official formatter")
    ap.add_argument("--oracle", default=None, help="path of prisma-oracle (default ../shared/tools/prisma-oracle)")
    ap.add_argument("--quick", action="store_true", help="sizes 50,500 and 3 repeats")
    ap.add_argument("--json", metavar="FILE", help="write the raw figures as JSON")
    args = ap.parse_args(argv)

    sizes = [int(s) for s in (args.sizes or ("50,500" if args.quick else "50,500,5000")).split(",") if s.strip()]
    repeat = args.repeat or (3 if args.quick else 5)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="prisma-tools-bench-") as tmp:
        work = Path(tmp)
        log(f"byte-compiled {byte_compile()}")
        cli = find_cli()
        oracle = None if args.no_oracle else find_oracle(args.oracle, work)
        fmt, fix = load_api()
        check = load_check()
        cli_fix = cli is not None and run_process([*cli, "fix", "--help"]).rc == 0
        env = environment(cli, oracle)
        log(f"prisma-tools command: {' '.join(cli) if cli else 'unavailable (whole-process columns skipped)'}")
        log(f"official formatter: {' '.join(oracle) if oracle else 'unavailable'}")
        log(f"fixer: in process {'yes' if fix else 'no'}, `prisma-tools fix` {'yes' if cli_fix else 'no'}")
        fmt(generate(5, args.seed))  # warm-up: builds the parser
        results = [
            measure_size(n, args.seed, work, repeat, args.budget, cli, cli_fix, oracle, fmt, fix, log, check)
            for n in sizes
        ]
        startup = measure_startup(cli, repeat)

    print(f"# prisma-tools benchmark  {env['time']}  commit {env['commit'] or '?'}")
    print(f"# Python {env['python']} on {env['platform']}, {env['cpus']} CPUs; medians of up to {repeat} runs")
    print(f"# prisma-tools: {' '.join(cli) if cli else 'n/a'}; official: {'prisma-oracle format' if oracle else 'n/a'}")
    print()
    print(table(results))
    print(
        "# the issue's figures for the official formatter (another machine): "
        + ", ".join(f"{n} models {ms} ms {mib} MiB" for n, (ms, mib) in OFFICIAL.items())
    )
    print()
    if startup:
        parts = [f"{k} {fmt_num(med(v), '.0f', 1000)} ms" for k, v in startup.items() if v]
        print("start-up (whole process): " + ", ".join(parts))
    else:
        print("start-up (whole process): n/a (no prisma-tools command)")
    by = {r.models: r for r in results}
    if 500 in by and 5000 in by:
        whole = ratio(med(by[5000].whole_format), med(by[500].whole_format))
        inproc = ratio(med(by[5000].inproc_format), med(by[500].inproc_format))
        cpu = ratio(med(by[5000].inproc_format_cpu), med(by[500].inproc_format_cpu))
        print(
            f"growth t(5000)/t(500): in process {fmt_num(inproc, '.2f')}x (CPU time {fmt_num(cpu, '.2f')}x),"
            f" whole process {fmt_num(whole, '.2f')}x"
        )
    for r in results:
        for e in r.errors:
            print(f"! {r.models} models: {e}")
        if r.fix_changes:
            print(f"! {r.models} models: fix changed the output of format on a valid schema")
    targets = judge(results, startup)
    print()
    print("targets")
    for t in targets:
        print(f"  {t.number}. {t.what:<46} {t.value:>16}  {t.threshold:<10} {t.status}")

    if args.json:
        payload = {
            "env": env,
            "repeat": repeat,
            "sizes": [asdict(r) for r in results],
            "startup": startup,
            "targets": [asdict(t) for t in targets],
        }
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
