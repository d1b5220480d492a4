#pragma once
// The report to bring to an appointment: one self-contained HTML page that
// prints on one or two A4 pages. No script, no fonts or images fetched, no
// link out: the charts are inline SVG and the look is inline CSS. Nothing
// depends on colour alone: met weeks are solid and missed ones hatched,
// the two pain lines differ in dash and marker, and every number is also
// written in a table.

#include <string>

#include "report.hpp"

namespace selfcare {

// The page for `r`: the period and the goal(s) in force, a bar per week of
// sessions against the goal with the minutes, the pain before and after as
// a line chart, a table of the weeks, the routines done and how often, and
// the notes. Every text from the log is escaped. REQUIRES: r.sessions holds
// the sessions of the range (Sessions::keep).
std::string render_html(const Report& r);

// `text` with &, <, >, " and ' written as entities.
std::string html_escape(std::string_view text);

}  // namespace selfcare
