#!/bin/sh
# guide.sh -- the Japanese guide (doc/guide-ja.md) cannot go stale: every
# carecal command line of its ```sh blocks is run, in order, as a user
# would type it (the command carecal on PATH, a fresh home, no CARECAL_DB,
# under ja_JP.UTF-8), from its first `carecal init --demo` on; each must
# exit 0 unless the comment before its block says otherwise (issue 13):
#   <!-- test: exit N -->       each line of the block exits N
#   <!-- test: background -->   a server: started, asked for its page of
#                               feeds, stopped by SIGTERM (exit 0); on a
#                               free port (--listen 127.0.0.1:0 added)
#   <!-- test: needs plan -->   run when `carecal help plan` succeeds,
#                               reported as skipped before (the plan
#                               command comes with issue 17)
#   <!-- test: not-run WHY -->  not run (the full-screen view, a Unix
#                               group): its command and every --option it
#                               shows must be in `carecal help COMMAND`
# A file a line writes with -o or --dir must be there afterwards.
. "$TESTS_SRCDIR/lib.sh"
need_locale ja_JP.UTF-8
need_tool curl curl

guide=$TESTS_SRCDIR/../doc/guide-ja.md
mkdir "$TMP/bin" "$TMP/home" "$TMP/work" || exit 99
ln -s "$CARECAL" "$TMP/bin/carecal" || exit 99
unset CARECAL_DB
user_env()
{
	env HOME="$TMP/home" LC_ALL=ja_JP.UTF-8 LANG=ja_JP.UTF-8 \
	    PATH="$TMP/bin:$PATH" "$@"
}

# MARK<tab>LINE<tab>COMMAND for each command line of a sh block, lines
# ending in \ joined; a line of a block that is not a carecal command is
# reported with the mark "stray"
awk '/^<!-- test: .* -->$/ {
		mark = $0; sub(/^<!-- test: /, "", mark); sub(/ -->$/, "", mark)
		next
	}
	/^```sh$/ { inblock = 1; start = 0; next }
	/^```$/ && inblock { inblock = 0; mark = ""; next }
	!inblock { next }
	{
		if (cont == "") start = NR
		line = cont $0
		if (line ~ /\\$/) { sub(/\\$/, " ", line); cont = line; next }
		cont = ""
		if (line ~ /^[ \t]*$/) next
		if (line !~ /^carecal( |$)/) { print "stray\t" start "\t" line; next }
		print (mark == "" ? "run" : mark) "\t" start "\t" line
	}' "$guide" >"$TMP/lines"
[ "$(grep -c '^run' "$TMP/lines")" -ge 20 ] &&
    grep -q "^run	[0-9]*	carecal init --demo" "$TMP/lines" &&
    ok "the guide shows $(wc -l <"$TMP/lines") command lines, from init --demo" ||
    not_ok "the guide shows its command lines, from carecal init --demo"

# written LINE: each file the line names after -o or --dir is there
written()
{
	printf '%s\n' "$1" | sed 's/#.*//' | tr ' ' '\n' |
	    awk 'prev == "-o" || prev == "--dir" { print } { prev = $0 }' |
	    while read -r f; do
		[ -s "$TMP/work/$f" ] || [ -d "$TMP/work/$f" ] ||
		    echo "$f was not written"
	    done
}

# options_known LINE: the command of LINE and each --option it shows are
# in carecal help COMMAND [VERB]
options_known()
{
	set -- $(printf '%s\n' "$1" | sed 's/#.*//; s/--db [^ ]*//')
	shift
	[ $# -eq 0 ] && { user_env carecal --help >/dev/null; return; }
	cmd=$1
	verb=
	case ${2:-} in
	[a-z]*) verb=$2 ;;
	esac
	user_env carecal help "$cmd" $verb >"$TMP/help" 2>&1 || return 1
	for word; do
		case $word in
		--*)
			grep -qe "${word%%=*}" "$TMP/help" ||
			    { echo "$word is not in carecal help $cmd"; return 1; }
			;;
		esac
	done
}

plan_exists=no
user_env carecal help plan >/dev/null 2>&1 && plan_exists=yes

tab=$(printf '\t')
while IFS=$tab read -r mark at line; do
	# the line as the description, its comment left out (a # in it
	# would read as a TAP directive)
	what="guide line $at: $(printf '%s\n' "$line" | sed 's/[ ]*#.*//')"
	case $mark in
	stray)
		not_ok "$what: a code block holds only carecal command lines"
		continue
		;;
	"needs plan")
		if [ $plan_exists = no ]; then
			echo "ok $((tap_n += 1)) - $what # SKIP carecal plan" \
			    "does not exist yet (issue 17)"
			continue
		fi
		want=0
		;;
	not-run*)
		if options_known "$line" >"$TMP/out" 2>&1; then
			ok "$what: not run (${mark#not-run }), its options are" \
			    "in carecal help"
		else
			not_ok "$what: its options are in carecal help"
			sed 's/^/#   /' "$TMP/out" | head -5
		fi
		continue
		;;
	background)
		(cd "$TMP/work" && exec env HOME="$TMP/home" \
		    LC_ALL=ja_JP.UTF-8 LANG=ja_JP.UTF-8 PATH="$TMP/bin:$PATH" \
		    sh -c "exec $line --listen 127.0.0.1:0") \
		    >"$TMP/bg.out" 2>"$TMP/bg.err" </dev/null &
		pid=$!
		url=
		tries=0
		while [ -z "$url" ] && [ $tries -lt 300 ] &&
		    kill -0 "$pid" 2>/dev/null; do
			url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' \
			    "$TMP/bg.out" | head -1)
			[ -n "$url" ] || sleep 0.1
			tries=$((tries + 1))
		done
		if [ -n "$url" ] &&
		    curl -sf "$url" -o "$TMP/page" &&
		    grep -q 'calendar\.ics' "$TMP/page" &&
		    curl -sf "${url}calendar.ics" | grep -q 'BEGIN:VEVENT'; then
			got_page=yes
		else
			got_page=no
		fi
		kill -TERM "$pid" 2>/dev/null
		wait "$pid"
		status=$?
		if [ $got_page = yes ] && [ $status -eq 0 ]; then
			ok "$what: serves its feeds at $url, stops on SIGTERM"
		else
			not_ok "$what: serves its feeds ($url), stops on" \
			    "SIGTERM (exit $status)"
			sed 's/^/#   /' "$TMP/bg.out" "$TMP/bg.err" | head -10
		fi
		continue
		;;
	run) want=0 ;;
	"exit "[0-9]*) want=${mark#exit } ;;
	*)
		not_ok "$what: an unknown mark <!-- test: $mark -->"
		continue
		;;
	esac
	(cd "$TMP/work" && user_env sh -c "$line") \
	    >"$TMP/out" 2>&1 </dev/null
	status=$?
	written "$line" >>"$TMP/out"
	if [ $status -eq "$want" ] && ! grep -q ' was not written$' "$TMP/out"
	then
		ok "$what"
	else
		not_ok "$what (exit $status, not $want)"
		sed 's/^/#   /' "$TMP/out" | tail -10
	fi
done <"$TMP/lines"
done_testing
