#!/bin/sh
# capture.sh -- text screenshots of the full-screen view for the README:
# each view of the R3 demo at 80x24, as tmux capture-pane shows them.
# Usage: sh doc/screens/capture.sh [BUILDDIR]   (default: .)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "${1:-.}" && pwd)
carecal=$build/carecal
socket=carecal-screens-$$
tmp=$(mktemp -d)
export CARECAL_DATADIR="$top/share" CARECAL_MODULEDIR="$build" LC_ALL=C.UTF-8 CARECAL_TODAY=2021-10-01
unset TMUX
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

tmux_() {
	tmux -L "$socket" -f /dev/null "$@"
}

# wait PATTERN: until the screen shows it (5 s at most)
wait_for() {
	i=0
	while ! tmux_ capture-pane -p -t tui | grep -Eq -- "$1"; do
		i=$((i + 1))
		[ $i -lt 100 ] || { echo "capture.sh: no '$1'" >&2; exit 1; }
		sleep 0.05
	done
}

shot() {	# shot NAME: the screen without trailing blanks
	tmux_ capture-pane -p -t tui | sed 's/ *$//' >"$here/$1.txt"
	echo "$here/$1.txt"
}

"$carecal" --db "$tmp/demo.db" init --demo >/dev/null
tmux_ -u new-session -d -x 80 -y 24 -s tui \
    "cd '$tmp' && '$carecal' --db demo.db; sleep 600"
wait_for '^馬橋 '
shot grid
tmux_ send-keys -t tui 2
wait_for '令和3年11月'
shot month
tmux_ send-keys -t tui 3
wait_for 'Date +Time'
shot agenda
tmux_ send-keys -t tui 4
wait_for '全54回'
shot summary
tmux_ send-keys -t tui 5
wait_for 'findings'
shot checks
tmux_ send-keys -t tui 6 g R3.11.17 Enter Down
wait_for '^令和3年11月14日'
shot week
tmux_ send-keys -t tui 3 e
wait_for 'Meeting [0-9]+'
shot form
tmux_ send-keys -t tui Escape '?'
wait_for 'carecal: keys'
shot help
tmux_ send-keys -t tui Escape q
