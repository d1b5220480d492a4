# Reads a selfcare --events stream of a run with no pauses or adjustments and
# prints how late each transition came against the schedule, in ms:
#   transitions N median_ms M max_ms X end_ms E
# The schedule is rebuilt from the stream itself: the first segment is due
# get_ready_ms after routine_start, each next one when the one before has
# had its planned_ms, and each breathing phase when the phases before it have.
function num(key,    m) {
    if (match($0, "\"" key "\": -?[0-9.]+")) {
        m = substr($0, RSTART, RLENGTH)
        sub(/.*: /, "", m)
        return m + 0
    }
    return -1
}
/"event": "routine_start"/ { due = num("get_ready_ms") }
/"event": "segment_start"/ {
    late[n++] = num("t_ms") - due
    segment_due = due
    phase_due = due
    due += num("planned_ms")
}
/"event": "phase"/ {
    # The first phase of a breath begins with the segment itself.
    if (num("t_ms") - segment_due > 1) late[n++] = num("t_ms") - phase_due
    phase_due += num("planned_ms")
}
/"event": "routine_end"/ { end = num("t_ms") - due }
END {
    if (n == 0) { print "no transitions"; exit 1 }
    # Insertion sort: a routine has at most a few hundred transitions.
    for (i = 1; i < n; i++) {
        v = late[i]
        for (j = i - 1; j >= 0 && late[j] > v; j--) late[j + 1] = late[j]
        late[j + 1] = v
    }
    median = n % 2 ? late[int(n / 2)] : (late[n / 2 - 1] + late[n / 2]) / 2
    printf "transitions %d median_ms %.3f max_ms %.3f end_ms %.3f\n", n, median, late[n - 1], end
}
