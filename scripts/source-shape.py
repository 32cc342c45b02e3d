#!/usr/bin/env python3
"""Fails when a Swift file under Sources has more than 500 lines or a line longer than 120
characters (characters, not bytes: a Chinese string literal counts as it reads). swift-format
breaks code to 120 columns but cannot break a string literal or a comment's long word, and it has
no rule for a file's length: issue 23 set both limits, and this keeps them."""
import pathlib
import sys

MAX_LINES, MAX_COLUMNS = 500, 120
root = pathlib.Path(__file__).resolve().parent.parent
problems = []
for path in sorted((root / "Sources").rglob("*.swift")):
    lines = path.read_text(encoding="utf-8").splitlines()
    name = path.relative_to(root)
    if len(lines) > MAX_LINES:
        problems.append(f"{name}: {len(lines)} lines (at most {MAX_LINES}; split it by concern)")
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_COLUMNS:
            problems.append(f"{name}:{number}: {len(line)} characters (at most {MAX_COLUMNS})")
for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
