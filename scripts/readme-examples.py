#!/usr/bin/env python3
"""Refresh the example outputs in README.md from the real program.

Every block of the form

    <!-- example: renewal ARGS... -->
    ```text
    (output)
    ```

is replaced by what `renewal ARGS...` prints today (stdout, then stderr), run from the
repository root with the debug build (`swift build` first). Long outputs can be cut with
`| head -N` or `| tail -N` at the end of the example line. The examples run in order against one fresh store
(RENEWAL_DB in a temporary folder, USER=staff), so writing examples build on each other and
their output (entry numbers) is the same on every run.

Usage: scripts/readme-examples.py [--check]
  --check  exit 1 if README.md would change (nothing is written)
"""
import os, pathlib, re, shlex, subprocess, sys, tempfile

root = pathlib.Path(__file__).resolve().parent.parent
binary = root / ".build" / "debug" / "renewal"
readme = root / "README.md"
pattern = re.compile(r"(<!-- example: (.+?) -->\n```text\n)(.*?)(```)", re.S)


scratch = tempfile.TemporaryDirectory(prefix="renewal-readme-")
environment = dict(os.environ, RENEWAL_DB=os.path.join(scratch.name, "store.sqlite"), USER="staff")
environment.pop("RENEWAL_PLAN", None)


def run(command: str) -> str:
    head = tail = None
    if "| head -" in command:
        command, _, count = command.partition("| head -")
        head = int(count)
    if "| tail -" in command:
        command, _, count = command.partition("| tail -")
        tail = int(count)
    args = shlex.split(command)
    assert args[0] == "renewal", command
    result = subprocess.run([str(binary)] + args[1:], cwd=root, capture_output=True, text=True, env=environment)
    text = result.stdout + result.stderr
    # The store lives in a temporary folder; show it where a task force would keep it.
    text = text.replace(environment["RENEWAL_DB"], "/srv/renewal/renewal.sqlite")
    lines = text.rstrip("\n").split("\n")
    if head is not None and len(lines) > head:
        lines = lines[:head] + ["…"]
    if tail is not None and len(lines) > tail:
        lines = ["…"] + lines[-tail:]
    return "\n".join(lines) + "\n"


def main() -> int:
    original = readme.read_text(encoding="utf-8")
    updated = pattern.sub(lambda m: m.group(1) + run(m.group(2)) + m.group(4), original)
    if "--check" in sys.argv:
        if updated != original:
            print("README.md examples are out of date: run scripts/readme-examples.py", file=sys.stderr)
            return 1
        return 0
    readme.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
