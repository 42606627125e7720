#!/bin/sh
# import-csv.sh -- CSV in: the format of `list --format csv` round-trips,
# a known uid updates its meeting, --dry-run changes nothing, Excel's
# byte-order mark and Japanese words are understood.
. "$TESTS_SRCDIR/lib.sh"

carecal --db "$DB" init --demo >/dev/null || exit 99
carecal --db "$DB" list --format csv >"$TMP/all.csv"

# into a fresh database of the same profile, and out again
carecal --db "$TMP/copy.db" init >/dev/null
expect_status "the demo's CSV imports into a fresh database" 0 \
	carecal --db "$TMP/copy.db" import "$TMP/all.csv"
contains "all 104 are added" "$TMP/out" "$(L "added 104, updated 0, cancelled 0; 0 unchanged" "追加 104 件、更新 0 件、中止 0 件。変更なし 0 件")"
carecal --db "$TMP/copy.db" list --format csv >"$TMP/copy.csv"
cut -d, -f2- "$TMP/all.csv" >"$TMP/all-noid.csv"
cut -d, -f2- "$TMP/copy.csv" >"$TMP/copy-noid.csv"
same_text "and list the same, UIDs included (ids are the new file's)" \
	"$TMP/all-noid.csv" "$TMP/copy-noid.csv"
expect_status "importing the same file again" 0 \
	carecal --db "$TMP/copy.db" import "$TMP/all.csv"
contains "changes nothing" "$TMP/out" "$(L "added 0, updated 0, cancelled 0; 104 unchanged" "追加 0 件、更新 0 件、中止 0 件。変更なし 104 件")"

# an edited export updates in place
sed -e 's/^\(30,[^,]*,2021-07-27,\),,\(.*\),held,2,/\113:30,15:00,\2,held,4,/' \
    -e 's/^\(48,[^,]*,2021-09-28,.*\),held,/\1,cancelled,/' \
    "$TMP/all.csv" >"$TMP/edited.csv"
expect_status "--dry-run of an edited export" 0 \
	carecal --db "$TMP/copy.db" import --dry-run "$TMP/edited.csv"
contains "reports the update" "$TMP/out" "$(L "update 2021-07-27 kobetsu 明第1" "更新 2021-07-27 kobetsu 明第1")"
contains "reports the cancellation" "$TMP/out" "$(L "cancel 2021-09-28 kobetsu 明第1" "中止 2021-09-28 kobetsu 明第1")"
contains "and the totals" "$TMP/out" "$(L "would add 0, update 1, cancel 1; 102 unchanged" "追加 0 件、更新 1 件、中止 1 件を行います。変更なし 102 件")"
carecal --db "$TMP/copy.db" list --format csv >"$TMP/after-dry.csv"
same_text "--dry-run changed nothing" "$TMP/all.csv" "$TMP/after-dry.csv"
expect_status "the edited export imports" 0 \
	carecal --db "$TMP/copy.db" import "$TMP/edited.csv"
contains "updating one and cancelling one" "$TMP/out" \
	"$(L "added 0, updated 1, cancelled 1; 102 unchanged" "追加 0 件、更新 1 件、中止 1 件。変更なし 102 件")"
# the row version (the last column) aside: an update is a new one
carecal --db "$TMP/copy.db" list --format csv | cut -d, -f1,3- |
	sed 's/,[0-9]*\r$/\r/' >"$TMP/e1"
cut -d, -f1,3- "$TMP/edited.csv" | sed 's/,[0-9]*\r$/\r/' >"$TMP/e2"
same_text "the database now lists the edited file" "$TMP/e2" "$TMP/e1"
n=$(carecal --db "$TMP/copy.db" list --format csv | tail -n +2 | wc -l)
[ "$n" = 104 ] && ok "no duplicates" || not_ok "no duplicates ($n meetings)"

# the window column is read when present, kept when absent
carecal --db "$TMP/copy.db" list --type city --format csv >"$TMP/city.csv"
printf 'id,uid,date,start,end,center,type,mode,status,cases,venue,url,note,window\n' >"$TMP/w.csv"
printf ',new-city@test,2022-07-28,14:00,16:00,,city,hybrid,planned,,市役所,,,2022-01..2022-06\n' >>"$TMP/w.csv"
check "a city meeting with a window imports" \
	carecal --db "$TMP/copy.db" import "$TMP/w.csv"
carecal --db "$TMP/copy.db" history >/dev/null 2>&1 || :
carecal --db "$TMP/copy.db" edit "$(carecal --db "$TMP/copy.db" list \
	--from 2022-07-28 --to 2022-07-28 --format csv | tail -1 | cut -d, -f1)" \
	--status held >/dev/null
sed -n '1p;/new-city@test/p' "$TMP/w.csv" | cut -d, -f1-13 >"$TMP/nowin.csv"
check "the same meeting from a file without windows imports" \
	carecal --db "$TMP/copy.db" import "$TMP/nowin.csv"
if have_tool sqlite3; then
	sqlite3 "$TMP/copy.db" "SELECT window_from || '..' || window_to FROM meetings WHERE uid = 'new-city@test'" >"$TMP/win"
	contains "and its stored window is kept" "$TMP/win" "2022-01..2022-06"
else
	skip "and its stored window is kept" \
	    "sqlite3 is not installed (apt-get install sqlite3)"
fi

# what Excel on Japanese Windows writes: BOM, CRLF, Japanese words, quotes
printf '\357\273\277# exported from Excel\r\nid,uid,date,start,end,center,type,mode,status,cases,venue,url,note\r\n' >"$TMP/excel.csv"
printf ',,令和3年12月1日,10:00,11:30,明第1,kobetsu,一部オンライン,予定,3,"会議室A, 2階",https://example.jp/m,"二行の\r\nメモ"\r\n' >>"$TMP/excel.csv"
check "an Excel CSV with a BOM, CRLF and Japanese words imports" \
	carecal --db "$TMP/copy.db" import "$TMP/excel.csv"
carecal --db "$TMP/copy.db" list --from 2021-12-01 --to 2021-12-01 \
	--center 明第1 --format csv | tail -n +2 | sed 's/,1\r$/\r/' |
	cut -d, -f3- >"$TMP/x"	# its row version, 1, aside
printf '2021-12-01,10:00,11:30,明第1,kobetsu,hybrid,planned,3,"会議室A, 2階",https://example.jp/m,"二行の\nメモ"\r\n' >"$TMP/x.want"
same_text "and reads back with every field (a CRLF in a cell as LF)" \
	"$TMP/x.want" "$TMP/x"

done_testing
