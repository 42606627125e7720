#!/bin/sh
# commands.sh -- the command table (cli/cmd.h): every command answers
# --help and -h from its entry alike, and is parsed once, the same way:
# a usage error names the command and its usage and touches nothing;
# '--' ends the options; a value may begin with '-'; a prefix of an
# option names it; a command of actions takes --help before or after
# the action, and a center's name as given (issue 18).
. "$TESTS_SRCDIR/lib.sh"

carecal --db "$DB" init >/dev/null || exit 99

for c in init list add edit cancel delete import export summary center type \
    advisor assign unassign \
    holidays check config history undo restore-meeting backup restore fsck; do
	carecal "$c" --help >"$TMP/long" 2>&1
	expect_status "$c -h" 0 carecal "$c" -h
	if cmp -s "$TMP/long" "$TMP/out"; then
		ok "$c -h is $c --help"
	else
		not_ok "$c -h is $c --help"
	fi
done

# a usage error: the message, the usage, where the help is; nothing done
hash=$(db_hash)
expect_status "list --format nosuch is a usage error" 2 \
	carecal list --format nosuch
contains "naming the value" "$TMP/err" "$(L "'nosuch'" 「nosuch」)"
contains "with the command's usage" "$TMP/err" \
	"$(L usage 使い方): carecal [--db PATH] list [--from D]"
contains "and its help" "$TMP/err" "'carecal list --help'"
expect_status "an unknown option of add" 2 carecal add --type kobetsu \
	--center 明第1 --date 2021-08-02 --colour red
contains "is named" "$TMP/err" "--colour"
expect_status "add with an argument it does not take" 2 carecal add \
	--type kobetsu --center 明第1 --date 2021-08-02 extra
contains "is named" "$TMP/err" "$(L "'extra'" 「extra」)"
expect_status "edit without an id" 2 carecal edit --cases 1
contains "says what it needs" "$TMP/err" \
	"$(L "give one meeting id" "会議の ID を 1 つ指定してください")"
[ "$(db_hash)" = "$hash" ] && ok "and none of them changed the database" ||
	not_ok "and none of them changed the database"

# parsed once, the same way for every command
id=$(carecal add --type kobetsu --center 明第1 --date 2021-08-02 \
    --venue -会議室- --no 'a note' 2>"$TMP/err")
[ -n "$id" ] && ok "a value may begin with '-' (--venue -会議室-)" ||
	not_ok "a value may begin with '-': $(cat "$TMP/err")"
carecal list --format csv >"$TMP/csv"
contains "and is kept as given" "$TMP/csv" "-会議室-,"
contains "--no is --note, a prefix of it" "$TMP/csv" ",a note,"
expect_status "-- ends the options (history -- $id)" 0 carecal history -- "$id"
expect_status "an option's value after = (list --fy=2021)" 0 \
	carecal list --fy=2021

# a command of actions: --help before or after the action
expect_status "center --help" 0 carecal center --help
cp "$TMP/out" "$TMP/center-help"
expect_status "center add --help" 0 carecal center add --help
cmp -s "$TMP/out" "$TMP/center-help" && ok "is center's help" ||
	not_ok "is center's help"
carecal center list >"$TMP/centers"
lacks "and adds no center called --help" "$TMP/centers" "--help"
expect_status "type add --help" 0 carecal type add --help
contains "is type's help" "$TMP/out" "--no-cases"
expect_status "a center may be named -2+3 (as given)" 0 \
	carecal center add -2+3
carecal center list >"$TMP/centers"
contains "and is" "$TMP/centers" "-2+3"
expect_status "center with no action" 2 carecal center
contains "asks which" "$TMP/err" "$(L "which action?" "操作 (list、add など)")"
expect_status "an unknown action" 2 carecal type frobnicate
contains "is named" "$TMP/err" "$(L "'frobnicate'" 「frobnicate」)"

done_testing
