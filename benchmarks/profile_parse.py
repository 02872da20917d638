"""In-process parse+print throughput: ``python benchmarks/profile_parse.py FILE... [--repeat K] [--profile]``.

Prints the median of K runs (MB/s of source text, parse + print, CPU time) per file;
``--profile`` prints a cProfile of one parse instead.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import statistics
import time
from pathlib import Path

from prisma_tools.parser import parse_file_text
from prisma_tools.printer import print_file


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    parse_file_text("model A {\n  id Int @id\n}\n")  # build the parser outside the timings
    for name in args.files:
        text = Path(name).read_text(encoding="utf-8")
        size = len(text.encode("utf-8")) / 1e6
        if args.profile:
            prof = cProfile.Profile()
            prof.enable()
            parse_file_text(text, name, strict=False)
            prof.disable()
            pstats.Stats(prof).sort_stats("tottime").print_stats(25)
            continue
        parse_s: list[float] = []
        total_s: list[float] = []
        for _ in range(args.repeat):
            f = None
            gc.collect()  # the same heap for every run: the deferred GC work is then comparable
            t0 = time.process_time()
            f = parse_file_text(text, name, strict=False)
            t1 = time.process_time()
            print_file(f)
            t2 = time.process_time()
            parse_s.append(t1 - t0)
            total_s.append(t2 - t0)
        med = statistics.median(total_s)
        print(
            f"{name}: {size:.2f} MB  parse {statistics.median(parse_s):.3f}s  "
            f"parse+print {med:.3f}s  {size / med:.2f} MB/s (best {size / min(total_s):.2f})"
        )


if __name__ == "__main__":
    main()
