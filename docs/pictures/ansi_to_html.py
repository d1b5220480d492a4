#!/usr/bin/env python3
"""Turns a terminal capture with its escape codes (tmux capture-pane -e -p)
into an HTML page that shows it as the terminal did: the 16 standard
colours, the 256-colour and true-colour forms, bold, dim and reverse.

Usage: ansi_to_html.py COLUMNS ROWS < capture.txt > page.html
"""
import html
import re
import sys

# A dark terminal's palette (black .. white, then the bright ones).
PALETTE = ["#1d1f21", "#cc6666", "#8fb85c", "#e0b75f", "#6f9bd1", "#b294bb", "#5fb3b3", "#c5c8c6",
           "#666666", "#ff7b72", "#b5e07a", "#f7d57a", "#8fbaf0", "#d2a8ff", "#7ee0e0", "#ffffff"]
FOREGROUND, BACKGROUND = PALETTE[7], PALETTE[0]
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def colour_256(n):
    if n < 16:
        return PALETTE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    grey = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (grey, grey, grey)


class Pen:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = self.bg = None
        self.bold = self.dim = self.reverse = False

    def apply(self, codes):
        codes = [int(c) if c else 0 for c in codes.split(";")] if codes else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 7:
                self.reverse = True
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37 or 90 <= c <= 97:
                self.fg = PALETTE[c - 30 if c < 90 else c - 90 + 8]
            elif 40 <= c <= 47 or 100 <= c <= 107:
                self.bg = PALETTE[c - 40 if c < 100 else c - 100 + 8]
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    value, i = colour_256(codes[i + 2]), i + 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    value, i = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5]), i + 4
                else:
                    value = None
                if c == 38:
                    self.fg = value
                else:
                    self.bg = value
            i += 1

    def style(self):
        fg, bg = self.fg or FOREGROUND, self.bg or BACKGROUND
        if self.reverse:
            fg, bg = bg, fg
        parts = ["color:" + fg]
        if bg != BACKGROUND:
            parts.append("background:" + bg)
        if self.bold:
            parts.append("font-weight:bold")
        if self.dim:
            parts.append("opacity:0.6")
        return ";".join(parts)


def convert(text):
    pen, out = Pen(), []
    for line in text.rstrip("\n").split("\n"):
        pos = 0
        for match in SGR.finditer(line):
            if match.start() > pos:
                out.append('<span style="%s">%s</span>' % (pen.style(), html.escape(line[pos:match.start()])))
            pen.apply(match.group(1))
            pos = match.end()
        if pos < len(line):
            out.append('<span style="%s">%s</span>' % (pen.style(), html.escape(line[pos:])))
        out.append("\n")
    return "".join(out)


def main():
    columns, rows = int(sys.argv[1]), int(sys.argv[2])
    body = convert(sys.stdin.read())
    sys.stdout.write(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>
html, body {{ margin: 0; background: {BACKGROUND}; }}
pre {{ margin: 0; padding: 12px 16px; font: 15px/20px "DejaVu Sans Mono", monospace;
       color: {FOREGROUND}; width: {columns}ch; height: {rows * 20}px; }}
</style></head><body><pre>{body}</pre></body></html>
""")


if __name__ == "__main__":
    main()
