"""Speed-up of extraction on two local worker processes (Dask) over one process, same texts, same run.

The texts are PolNeAR training articles from ../shared/eval (real political news, read for
measuring only). One process runs the pipeline as `dragoman extract` does; the other run is
`extract --dask processes` (Dask's local process pool, one worker per core). Worker start-up
(loading the model once per worker) is left out: every worker loads it before the timing,
as a long run amortises it.

Wall time follows how busy the machine is: with other processes on the cores, two
workers get less than two cores (the bench prints how many the runs got). So the CPU
time each worker spent is read too (from /proc): the one process's CPU time over the
workers' mean is the speed-up free cores would give with the work shared evenly, and
the workers' total over the one process's is the overhead of going parallel.

    python bench/parallel.py [--limit 96] [--partition 8]
"""

from __future__ import annotations

import argparse
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "polnear" / "train" / "text"


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _load_model(hold: float, text: str) -> int:
    """In a worker: load the pipeline and what it reads on first use (as the one process
    is warmed by a first article), then stay busy a moment so that the pool hands the
    next warm-up task to another worker; its pid."""
    from dragoman.ingest.readers import make_article
    from dragoman.pipeline import default_pipeline

    default_pipeline().analyse(make_article(text, id="warm-up", published="2016-10-01"))
    time.sleep(hold)
    return os.getpid()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=96)
    parser.add_argument("--partition", type=int, default=8, help="articles per Dask partition")
    args = parser.parse_args()

    import dask

    from dragoman.ingest.readers import make_article
    from dragoman.parallel import run_dask
    from dragoman.pipeline import Pipeline

    paths = sorted(args.dir.glob("*.txt"))[: args.limit]
    if not paths:
        raise SystemExit(f"{args.dir}: no .txt files to benchmark")
    articles = [make_article(p.read_text(encoding="utf-8"), id=p.stem, published="2016-10-01") for p in paths]

    pipeline = Pipeline()
    pipeline.analyse(articles[0])
    start, cpu_start = time.perf_counter(), time.process_time()
    one = [a.to_record() for a in pipeline.run(articles)]
    one_wall = time.perf_counter() - start
    one_rate = len(articles) / one_wall
    one_cpu = time.process_time() - cpu_start

    workers = os.cpu_count() or 1
    with ProcessPoolExecutor(workers) as pool, dask.config.set(pool=pool, num_workers=workers):
        # every worker loads the model before the timing (a first small job could leave one
        # worker cold: it would load the model inside the timed run and take fewer articles)
        pids = sorted(set(pool.map(_load_model, [2.0] * workers, [articles[0].text] * workers)))
        if len(pids) != workers:
            raise SystemExit(f"only {len(pids)} of {workers} workers warmed up")
        before = [cpu_seconds(pid) for pid in pids]
        start, cpu_start = time.perf_counter(), time.process_time()
        two = list(run_dask(articles, "processes", partition_size=args.partition))
        two_wall = time.perf_counter() - start
        two_rate = len(articles) / two_wall
        driver_cpu = time.process_time() - cpu_start
        worker_cpu = [cpu_seconds(pid) - b for pid, b in zip(pids, before)]
    if [r.events for r in one] != [r.events for r in two]:
        raise SystemExit("the two runs coded different events: not comparable")

    print(f"articles: {len(articles)}, cores: {workers}")
    print(f"one process:            {one_rate:6.2f} articles/s")
    print(f"Dask, {workers} worker processes: {two_rate:6.2f} articles/s")
    print(f"speed-up: {two_rate / one_rate:.2f}x (wall)")
    print(f"CPU: one process {one_cpu:.1f} s; workers {' + '.join(f'{c:.1f}' for c in worker_cpu)} s, "
          f"driver {driver_cpu:.1f} s")
    print(f"cores the run got (CPU time / wall time): one process {one_cpu / one_wall:.2f}, "
          f"Dask {(sum(worker_cpu) + driver_cpu) / two_wall:.2f} of {workers}")
    print(f"speed-up a free core per worker would give (CPU): {one_cpu * workers / sum(worker_cpu):.2f}x "
          f"with the work shared evenly, {one_cpu / max(worker_cpu):.2f}x as this run shared it")
    print(f"overhead: the workers' CPU time is {sum(worker_cpu) / one_cpu:.2f}x the one process's")


if __name__ == "__main__":
    main()
