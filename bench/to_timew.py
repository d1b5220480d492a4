#!/usr/bin/env python3
"""Writes the sessions of a selfcare log as a Timewarrior database, for the
side-by-side benchmark (bench/versus_timew.sh).

  to_timew.py LOG_DIR TIMEWARRIORDB

Each session becomes one closed interval, from its start for its active
time, tagged with its routine, in the data file of its month (UTC), sorted
as Timewarrior keeps them. Comments and damaged lines are skipped.
"""
import datetime
import os
import sys


def intervals(log_dir):
    for name in sorted(os.listdir(log_dir)):
        if not name.endswith(".log") or name.startswith("goals."):
            continue
        with open(os.path.join(log_dir, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                fields = line.rstrip("\n").split("\t")
                if len(fields) != 15:
                    continue
                start = datetime.datetime.fromisoformat(fields[1]).astimezone(datetime.timezone.utc)
                yield start, start + datetime.timedelta(seconds=int(fields[4])), fields[2]


def main():
    log_dir, db = sys.argv[1], sys.argv[2]
    data = os.path.join(db, "data")
    os.makedirs(data, exist_ok=True)
    open(os.path.join(db, "timewarrior.cfg"), "w").close()
    months = {}
    for start, end, tag in intervals(log_dir):
        months.setdefault(start.strftime("%Y-%m"), []).append((start, end, tag))
    fmt = "%Y%m%dT%H%M%SZ"
    for month, rows in months.items():
        rows.sort()
        with open(os.path.join(data, f"{month}.data"), "w", encoding="utf-8") as f:
            for start, end, tag in rows:
                f.write(f"inc {start.strftime(fmt)} - {end.strftime(fmt)} # {tag}\n")
    with open(os.path.join(data, "tags.data"), "w", encoding="utf-8") as f:
        f.write("{}\n")


if __name__ == "__main__":
    main()
