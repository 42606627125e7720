#!/bin/sh
# note-input.sh -- a note never needs the command line, which every user
# of the host can read in ps (issue 15, item 15): --note-file FILE and
# --note - (standard input) take it from elsewhere; the history records
# neither its text nor, for --note -, anything but ***.
. "$TESTS_SRCDIR/lib.sh"

carecal init --demo >/dev/null || exit 99
NOTE=PRIVATE-NOTE-$$
note_of()
{
	carecal history "$1" --include-notes | sed -n 's/^ *note  *.* → //p' |
	    tail -1
}

expect_status "add --help" 0 carecal add --help
contains "tells of --note -" "$TMP/out" "--note -, --note-file FILE"
contains "as the private way" "$TMP/out" \
	"$(L 'the private way' 'メモを人に見せない方法')"

printf '%s file\n' "$NOTE" >"$TMP/note.txt"
expect_status "add --note-file FILE" 0 carecal add --type kobetsu \
	--center 明第1 --date 2021-08-03 --note-file "$TMP/note.txt"
id=$(cat "$TMP/out")
carecal list --format csv | grep "^$id," >"$TMP/row"
contains "the note is the file's (its last newline aside)" "$TMP/row" \
	",$NOTE file,"
carecal history "$id" >"$TMP/history"
contains "the history records the file's name" "$TMP/history" \
	"--note-file $TMP/note.txt"
lacks "not the note" "$TMP/history" "$NOTE"

# while carecal waits for the note on its input, ps shows no note
mkfifo "$TMP/feed"
"$CARECAL" edit "$id" --note - <"$TMP/feed" >"$TMP/edit.out" 2>&1 &
pid=$!
exec 3>"$TMP/feed"
i=0
while ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "--note -" &&
    [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
{ tr '\0' ' ' <"/proc/$pid/cmdline"; echo; } >"$TMP/cmdline" 2>/dev/null
contains "edit --note - is running" "$TMP/cmdline" "edit $id --note -"
lacks "its command line holds no note" "$TMP/cmdline" "$NOTE"
printf '%s stdin\r\nsecond line\r\n' "$NOTE" >&3
exec 3>&-
wait $pid
[ $? -eq 0 ] && ok "edit --note - reads standard input" ||
	not_ok "edit --note - reads standard input: $(cat "$TMP/edit.out")"
carecal list --format csv | grep -A1 "^$id," >"$TMP/row"
printf '"%s stdin\nsecond line"' "$NOTE" >"$TMP/note.want"
contains "CRLF read as LF, the last line end taken off" "$TMP/row" \
	"$(cat "$TMP/note.want" | head -1)"
contains "(the second line)" "$TMP/row" 'second line",'
carecal history "$id" >"$TMP/history"
contains "the history records --note ***" "$TMP/history" \
	"edit $id --note ***"
lacks "never the note" "$TMP/history" "$NOTE"
carecal history "$id" --include-notes >"$TMP/history"
contains "history --include-notes shows it" "$TMP/history" "$NOTE stdin"

# what is refused, the database as it was
before=$(db_hash)
head -c 5000 /dev/zero | tr '\0' x >"$TMP/long.txt"
too_long=$(L 'longer than 4000 bytes' 'からのメモ: 4000 バイトを超えています')
check_error "a note file over 4000 bytes" 2 "$too_long" \
	carecal edit "$id" --note-file "$TMP/long.txt"
head -c 100000000 /dev/zero | tr '\0' y >"$TMP/huge.txt"
check_error "a 100 MB note file is refused as soon as it is too long" 2 \
	"$too_long" carecal edit "$id" --note-file "$TMP/huge.txt"
printf 'a\0b' >"$TMP/nul.txt"
check_error "a note with a NUL byte" 2 \
	"$(L 'contains a NUL byte' 'NUL バイトを含んでおり、テキストではありません')" \
	carecal edit "$id" --note-file "$TMP/nul.txt"
printf 'bell\007' >"$TMP/bell.txt"
check_error "a note with a control character" 2 \
	"$(L 'control character' '制御文字を含んでいます')" \
	carecal edit "$id" --note-file "$TMP/bell.txt"
check_error "a directory" 2 \
	"--note-file $TMP: $(L 'Is a directory' 'ディレクトリです')" \
	carecal edit "$id" --note-file "$TMP"
check_error "a file that is not there" 2 \
	"--note-file $TMP/none.txt: $(L 'cannot read' '読み込めません')" \
	carecal edit "$id" --note-file "$TMP/none.txt"
expect_status "--note - and --note-file together" 2 sh -c \
	'echo x | "$0" edit "$1" --note - --note-file "$2"' "$CARECAL" \
	"$id" "$TMP/note.txt"
contains "is a usage error" "$TMP/err" \
	"$(L 'give the note once' 'メモは 1 つだけ指定してください')"
[ "$(db_hash)" = "$before" ] && ok "the database is as it was" ||
	not_ok "the database is as it was"

# --not still means --note, and stays hidden in the history
check "--not=TEXT still sets the note" carecal edit "$id" --not="$NOTE-x"
carecal history "$id" >"$TMP/history"
lacks "hidden in the history" "$TMP/history" "$NOTE-x"
printf '' | carecal edit "$id" --note - &&
	[ -z "$(carecal list --format csv | grep "^$id," | cut -d, -f13)" ] &&
	ok "an empty standard input clears the note" ||
	not_ok "an empty standard input clears the note"
done_testing
