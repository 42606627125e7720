# tests/tui/lib.sh -- sourced by the TUI tests: carecal running in a
# private tmux server (its own socket, no config), keys sent with
# send-keys, the screen read with capture-pane, and TAP output.
# Without tmux the test is skipped (a failure under CARECAL_TEST_ALL=1:
# CI installs it, .ci/setup); see tests/need.sh.
#
# CARECAL_VALGRIND=1 (make check-valgrind): carecal runs under valgrind,
# each run logging to its own file; tui_stop and tap_done wait for it to
# exit and fail the test when a log shows a memory error or a definite
# leak. Valgrind is 20-50 times slower: every wait is TUI_SLOW times
# longer, and waits poll the screen rather than sleep a fixed time.

set -u
unset TMUX
. "$TESTS_SRCDIR/need.sh"

tap_n=0
tap_failed=0
TUI_SOCKET=carecal-test-$$

need_tool tmux tmux
if [ "${CARECAL_VALGRIND:-0}" = 1 ]; then
	need_tool valgrind valgrind
fi

TUI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/carecal-tui.XXXXXX")
TUI_SLOW=1
TUI_RUN="'$CARECAL'"
# carecal-bench: carecal with CARECAL_BENCH_KEYS (Makefile.am), run alike
CARECAL_BENCH=${CARECAL_BENCH:-$CARECAL-bench}
TUI_BENCH_RUN="'$CARECAL_BENCH'"
if [ "${CARECAL_VALGRIND:-0}" = 1 ]; then
	TUI_SLOW=30
	mkdir "$TUI_TMP/valgrind"
	# -q: a log stays empty unless there is something to report
	TUI_RUN="valgrind -q --leak-check=full --show-leak-kinds=definite \
	    --errors-for-leak-kinds=definite --error-exitcode=99 \
	    --log-file='$TUI_TMP/valgrind/%p.log' '$CARECAL'"
	TUI_BENCH_RUN="${TUI_RUN%"'$CARECAL'"}'$CARECAL_BENCH'"
fi

# L TEXT-IN-C TEXT-IN-JA: what the user reads in the test's locale (make
# check-ja runs the tests under ja_JP.UTF-8 as well, issue 13)
L()
{
	case ${LC_ALL:-} in
	ja_JP*) printf '%s\n' "$2" ;;
	*) printf '%s\n' "$1" ;;
	esac
}

tmux_() {
	tmux -L "$TUI_SOCKET" -f /dev/null "$@"
}

tui_cleanup() {
	tmux_ kill-server 2>/dev/null
	rm -rf "$TUI_TMP"
}
trap tui_cleanup EXIT
trap 'exit 1' INT TERM

# A session that outlives carecal's, so that the server never exits
# between two of them (a new session could reach a server going away).
tmux_ -u new-session -d -s keep "sleep 3600" ||
    echo "# tmux could not start (no pseudo-terminal?)"

# tui_start DB [VAR=VALUE...]: carecal on DB in a 100x30 window; when it
# ends the pane shows "carecal-exit=STATUS" and stays.
tui_start() {
	db=$1
	shift
	tmux_ -u new-session -d -x 100 -y 30 -s tui \
	    "env $* $TUI_RUN --db '$db'; echo carecal-exit=\$?; sleep 600" ||
	    echo "# tmux could not open a session (no pseudo-terminal?)"
}

# The screen as text, or (tui_screen_e) with attributes as SGR codes.
tui_screen() {
	tmux_ capture-pane -p -t tui 2>/dev/null
}
tui_screen_e() {
	tmux_ capture-pane -p -e -t tui 2>/dev/null
}

tui_keys() {
	tmux_ send-keys -t tui "$@"
}

# tui_wait PATTERN [SECONDS]: poll until the screen matches the grep -E
# pattern; 1 if it does not within SECONDS (default 5).
tui_wait() {
	tui_wait_in tui_screen "$@"
}
tui_wait_e() {
	tui_wait_in tui_screen_e "$@"
}
tui_wait_in() {
	capture=$1
	pattern=$2
	limit=$(( ${3:-5} * 20 * TUI_SLOW ))
	i=0
	while [ "$i" -lt "$limit" ]; do
		if $capture | grep -Eq -- "$pattern"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	echo "# waited in vain for: $pattern"
	return 1
}

# tui_wait_gone PATTERN [SECONDS]: until the screen no longer matches.
tui_wait_gone() {
	limit=$(( ${2:-5} * 20 * TUI_SLOW ))
	i=0
	while [ "$i" -lt "$limit" ]; do
		if ! tui_screen | grep -Eq -- "$1"; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	echo "# waited in vain for the screen to lose: $1"
	return 1
}

# tap STATUS DESCRIPTION: one TAP line; on failure the screen follows.
tap() {
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=1
		tui_screen 2>/dev/null | sed 's/^/# | /'
	fi
}

# tap_skip DESCRIPTION WHY: a check that cannot run here (a failure
# under CARECAL_TEST_ALL=1, tests/need.sh)
tap_skip() {
	if test_all; then
		tap 1 "$1: $2 (CARECAL_TEST_ALL=1: nothing may be skipped)"
	else
		tap_n=$((tap_n + 1))
		echo "ok $tap_n - $1 # SKIP $2"
	fi
}

# Under valgrind: 1 and the logs as TAP comments if any log has
# something in it (an error, a definite leak, a fatal signal).
tui_valgrind_check() {
	[ "${CARECAL_VALGRIND:-0}" = 1 ] || return 0
	bad=0
	for log in "$TUI_TMP"/valgrind/*.log; do
		[ -s "$log" ] || continue
		bad=1
		echo "# valgrind found problems (${log##*/}):"
		sed 's/^/# /' "$log"
	done
	return $bad
}

tap_done() {
	tui_stop
	tui_valgrind_check || tap_failed=1
	exit "$tap_failed"
}

# The demo database (the R3 calendar) at $TUI_TMP/NAME.db.
demo_db() {
	"$CARECAL" --db "$TUI_TMP/$1.db" init --demo >/dev/null
	echo "$TUI_TMP/$1.db"
}

# meeting_field DB ID COLUMN: one column of a meeting as `list --format
# csv` has it (3 date, 6 center, 9 status, 11 venue, ...)
meeting_field() {
	"$CARECAL" --db "$1" list --format csv | awk -F, -v id="$2" \
	    -v col="$3" '$1 == id { print $col }'
}

# meeting_count DB: how many meetings the database holds
meeting_count() {
	"$CARECAL" --db "$1" list --format csv | tail -n +2 | wc -l
}

# meeting_id DB DATE CENTER: the id of the meeting of that day and center
meeting_id() {
	"$CARECAL" --db "$1" list --format csv |
	    awk -F, -v d="$2" -v c="$3" '$3 == d && $6 == c { print $1 }'
}

ESC=$(printf '\033')

# End the carecal session (the server stays for the next one). Under
# valgrind, first give carecal (told to quit) the time to exit and write
# its leak report: a killed one reports nothing.
tui_stop() {
	if [ "${CARECAL_VALGRIND:-0}" = 1 ] &&
	    tmux_ has-session -t tui 2>/dev/null; then
		tui_wait 'carecal-exit=' 2 ||
		    echo "# carecal did not exit: its leaks are not checked"
	fi
	tmux_ kill-session -t tui 2>/dev/null
	return 0
}

# sgr_at TEXT: read a screen line with SGR codes on stdin and print the
# attributes in effect where TEXT starts (bold dim underline reverse and
# a foreground color: red, blue, cyan, yellow...), following the codes as
# a terminal does, or "missing".
sgr_at() {
	awk -v text="$1" -v esc="$ESC" '
	function reset() { bold = dim = ul = rev = 0; fg = "" }
	# one SGR parameter; returns the index of the last one used
	function apply(p, m,    c) {
		c = p[m] + 0
		if (c == 0) reset()
		else if (c == 1) bold = 1
		else if (c == 2) dim = 1
		else if (c == 4) ul = 1
		else if (c == 7) rev = 1
		else if (c == 22) bold = dim = 0
		else if (c == 24) ul = 0
		else if (c == 27) rev = 0
		else if (c >= 30 && c <= 37) fg = color[c - 29] " "
		else if (c == 39) fg = ""
		else if (c == 38 || c == 48) m += p[m + 1] == 5 ? 2 : 4
		return m
	}
	BEGIN {
		reset()
		split("black red green yellow blue magenta cyan white", color)
	}
	{
		plain = ""
		n = split($0, ch, "")
		for (i = 1; i <= n; i++) {
			if (ch[i] == esc && ch[i + 1] == "[") {
				j = i + 2
				params = ""
				while (j <= n && ch[j] !~ /[A-Za-z]/)
					params = params ch[j++]
				if (ch[j] == "m") {
					k = split(params, p, ";")
					if (k == 0)
						reset()
					for (m = 1; m <= k; m++)
						m = apply(p, m)
				}
				i = j
				continue
			}
			plain = plain ch[i]
			state[length(plain)] = (bold ? "bold " : "") \
			    (dim ? "dim " : "") (ul ? "underline " : "") \
			    (rev ? "reverse " : "") fg
		}
		at = index(plain, text)
		if (at == 0)
			print "missing"
		else
			print state[at] == "" ? "normal" : state[at]
	}'
}
