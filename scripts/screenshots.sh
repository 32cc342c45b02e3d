#!/usr/bin/env bash
# Regenerates the PNG screenshots in screenshots/ from the real dashboard: renewal runs in tmux
# on the sample data at a fixed date, each view is captured with its colours (capture-pane -e),
# turned into HTML by aha and photographed by headless Chromium.
#
# Needs: tmux, aha, chromium, fonts-noto-cjk, fonts-dejavu-core, and for the bulletin workbook
# libreoffice-calc-nogui and poppler-utils (apt-get install them).
# Usage: scripts/screenshots.sh            (builds first; writes screenshots/*.png)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in tmux aha chromium soffice pdftoppm; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install tmux aha chromium fonts-noto-cjk fonts-dejavu-core)" >&2; exit 1; }
done
swift build >/dev/null
binary="$(swift build --show-bin-path)/renewal"
work="$(mktemp -d)"
socket=""
trap 'for s in "$work"/sockets/*; do if [ -e "$s" ]; then tmux -L "$(basename "$s")" kill-server 2>/dev/null || true; fi; done; rm -rf "$work"' EXIT
mkdir -p "$work/sockets"
printf 'set -g default-terminal tmux-256color\nset -g status off\nset -g escape-time 10\n' > "$work/tmux.conf"

cols=120
rows=40

# wait_for TEXT: polls the pane until TEXT shows (20 s at most).
wait_for() {
    for _ in $(seq 1 200); do
        if tmux -L "$socket" capture-pane -p -t shot | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
    done
    echo "screenshots: timed out waiting for '$1'" >&2
    tmux -L "$socket" capture-pane -p -t shot >&2
    exit 1
}

# shoot NAME LANG WAIT_TEXT [KEYS...]: one screenshot of the view reached by KEYS.
shoot() {
    local name="$1" lang="$2" ready="$3"
    shift 3
    # A fresh tmux server per view: reusing one right after kill-server races its shutdown.
    [ -n "$socket" ] && tmux -L "$socket" kill-server 2>/dev/null || true
    socket="renewal-shot-$$-$name"
    touch "$work/sockets/$socket"
    tmux -L "$socket" -f "$work/tmux.conf" new-session -d -s shot -x "$cols" -y "$rows" \
        "env LANG=C.UTF-8 LC_ALL=C.UTF-8 RENEWAL_DB=$work/store.sqlite '$binary' --demo --as-of 2026-11-29 --lang $lang; sleep 60"
    wait_for "$( [ "$lang" = en ] && echo "12. Safeguards" || echo "十二、保障措施")"
    for key in "$@"; do tmux -L "$socket" send-keys -t shot "$key"; sleep 0.2; done
    wait_for "$ready"
    sleep 0.3
    # tmux follows a reset with redundant "default colour" codes (ESC[0;7m ESC[39m ESC[49m); aha
    # reads those as undoing reverse video, so selected rows would lose their highlight.
    tmux -L "$socket" capture-pane -e -p -t shot \
        | sed -E 's/(\x1b\[0(;[0-9]+)*m)\x1b\[39m\x1b\[49m/\1/g' \
        | aha --black --no-header > "$work/$name.body"
    {
        cat <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"><style>
/* Box drawing, bars and the status marks from DejaVu Sans Mono, scaled to the CJK font's half
   width; the rest from Noto Sans Mono CJK SC, whose Latin is exactly half as wide as its
   Chinese (DESIGN §6). The CJK font draws these symbols full width, which breaks alignment. */
@font-face { font-family: "RenewalBox"; src: local("DejaVu Sans Mono"); size-adjust: 83.05%;
  unicode-range: U+203A, U+2190-21FF, U+2200-22FF, U+2500-25FF, U+2600-26FF, U+2700-27BF; }
html, body { margin: 0; background: #000; }
pre { margin: 10px; font-family: "RenewalBox", "Noto Sans Mono CJK SC", monospace; font-size: 16px; line-height: 1.25; color: #e8e8e8; }
</style></head><body><pre>
HTML
        cat "$work/$name.body"
        echo '</pre></body></html>'
    } > "$work/$name.html"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size=$((cols * 8 + 40)),$((rows * 20 + 24)) --screenshot="screenshots/$name.png" "file://$work/$name.html" 2>/dev/null
    echo "screenshots/$name.png"
}

mkdir -p screenshots
shoot overview zh "十二、保障措施"
shoot programme zh "总览 › 工业技改提升工程" 2
shoot measure zh "所属工程" 3 Enter
shoot overdue zh "30 天内到期" o
shoot units zh "单位亮灯" d
shoot target zh "逐月" 1 j Enter
shoot reporting zh "最近一次报送" b
shoot changes zh "【新增逾期】" t C-u 2027-01-15 Enter c
shoot overview-en en "12. Safeguards"
shoot legend zh "阈值" "?" NPage
# u on another day offers today first (writes happen today): Enter goes there and opens the form.
shoot form zh "上次报送" 3 Enter u Enter
shoot ledger zh "尚无反馈" L

# The bulletin workbook as LibreOffice prints it: its 逾期滞后及临期 sheet (the third page).
"$binary" report --demo --as-of 2026-12-05 -o "$work/通报.xlsx" 2>/dev/null
HOME="$work" soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to pdf \
    --outdir "$work" "$work/通报.xlsx" >/dev/null 2>&1
pdftoppm -png -r 110 -f 3 -l 3 -singlefile "$work/通报.pdf" screenshots/bulletin-xlsx
echo screenshots/bulletin-xlsx.png
