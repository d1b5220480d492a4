#!/usr/bin/env python3
"""Writes a synthetic selfcare log for the benchmarks (see bench/run.sh).

  gen_log.py realistic DIR   10 years, ~3,650 sessions over two devices,
                             every week meeting the default goal
  gen_log.py stress DIR      1,000,000 sessions over 19 years, two devices

Files are written as selfcare writes them: one per device and month, each
starting with the version line, one tab-separated line per session. The
last day is 2026-11-19, the "today" run.sh fixes with SELFCARE_NOW.
"""
import datetime
import os
import random
import sys

HEADER = ("# selfcare log v1\n# date\tstart\troutine\ttitle\tactive_s\tplanned_min_s\t"
          "planned_max_s\tsegments_done\tsegments_total\tpain_before\tpain_after\tsource\t"
          "device\tid\toutcome\n")
ROUTINES = [("home-session", "Home session", 509, 659, 22),
            ("neck-release", "Neck release", 65, 65, 3),
            ("breathing-426", "4-2-6 breathing", 300, 300, 1),
            ("tennis-ball-release", "Tennis-ball release", 196, 276, 9)]
DEVICES = ["laptop-3f9a2c", "desktop-81d0e4"]
LAST = datetime.date(2026, 11, 19)


def line(rng, day, seconds_of_day, device, routine):
    name, title, lo, hi, segments = routine
    # Short routines are done long enough to count minutes toward the goal.
    active = max(hi, 600) + rng.randrange(0, 60)
    hh, mm, ss = seconds_of_day // 3600, seconds_of_day // 60 % 60, seconds_of_day % 60
    pain = rng.random() < 0.3
    before = str(rng.randrange(3, 8)) if pain else "-"
    after = str(max(0, int(before) - rng.randrange(0, 3))) if pain else "-"
    return (f"{day.isoformat()}\t{day.isoformat()}T{hh:02}:{mm:02}:{ss:02}+01:00\t{name}\t{title}\t"
            f"{active}\t{lo}\t{max(hi, lo)}\t{segments}\t{segments}\t{before}\t{after}\ttimer\t"
            f"{device}\t{rng.getrandbits(64):016x}\tcompleted\n")


def sessions(kind, rng):
    """Yields (day, seconds_of_day, device_index) in date order."""
    if kind == "realistic":
        first = LAST - datetime.timedelta(days=3650 - 1)
        for i in range(3650):
            yield first + datetime.timedelta(days=i), 7 * 3600 + rng.randrange(0, 3600), i % 2
    else:
        days = 19 * 365
        first = LAST - datetime.timedelta(days=days - 1)
        total = 1_000_000
        for i in range(total):
            day = first + datetime.timedelta(days=i * days // total)
            yield day, (i * 86399 // total * days) % 86400, i % 2


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind not in ("realistic", "stress"):
        sys.exit("usage: gen_log.py realistic|stress DIR")
    os.makedirs(out, mode=0o700, exist_ok=True)
    rng = random.Random(2026)
    files = {}
    for day, sod, dev in sessions(kind, rng):
        key = (f"{day.year:04}-{day.month:02}", dev)
        f = files.get(key)
        if f is None:
            for old in list(files):
                if old[0] != key[0]:
                    files.pop(old).close()
            path = os.path.join(out, f"{key[0]}.{DEVICES[dev]}.log")
            f = files[key] = open(path, "w", encoding="utf-8")
            f.write(HEADER)
        f.write(line(rng, day, sod, DEVICES[dev], ROUTINES[rng.randrange(len(ROUTINES))]))
    for f in files.values():
        f.close()


if __name__ == "__main__":
    main()
