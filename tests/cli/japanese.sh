#!/bin/sh
# japanese.sh -- the command line in Japanese: under ja_JP.UTF-8 with the
# build's catalog, help, the list's headers, input errors and the plan
# check's findings read in Japanese; po/ja.po leaves nothing untranslated.
. "$TESTS_SRCDIR/lib.sh"
# Without the locale every check below would pass over English text: the
# test is skipped (a failure under CARECAL_TEST_ALL=1, as in CI).
need_locale ja_JP.UTF-8

: "${CARECAL_LOCALEDIR:?CARECAL_LOCALEDIR must name the built catalogs}"
export CARECAL_LOCALEDIR
po=$TESTS_SRCDIR/../po/ja.po

mo=$CARECAL_LOCALEDIR/ja/LC_MESSAGES/carecal.mo
[ -f "$mo" ] && ok "the Japanese catalog is built" ||
	not_ok "the Japanese catalog is built ($mo is missing)"

# the same help in C.UTF-8 stays English: the locale picks the language
expect_status "--help in C.UTF-8" 0 env LC_ALL=C.UTF-8 "$CARECAL" --help
contains "is English" "$TMP/out" "usage: carecal [--db PATH]"

LC_ALL=ja_JP.UTF-8
expect_status "--help" 0 carecal --help
cp "$TMP/out" "$TMP/help"
contains "--help says how to use it in Japanese" "$TMP/help" \
	"使い方: carecal [--db PATH] [COMMAND [ARGS...]]"
contains "--help describes the commands in Japanese" "$TMP/help" \
	"  list             会議を日付順に一覧表示"
contains "--help keeps the option names" "$TMP/help" \
	"  --db PATH   データベース (既定: \$CARECAL_DB、なければ"
lacks "--help has no English heading left" "$TMP/help" "usage:"
expect_status "list --help" 0 carecal list --help
contains "a command's options are explained in Japanese" "$TMP/out" \
	"  --type TYPE        1 つの会議種別: コード、名前、略称のどれか"

expect_status "init --demo" 0 carecal init --demo
contains "init reports in Japanese" "$TMP/out" \
	"を作成しました (松戸市、センター 15、会議種別 4、デモ用の会議 104 件)"

carecal list --fy 2021 >"$TMP/list"
head -3 "$TMP/list" >"$TMP/list.head"
cat >"$TMP/list.want" <<'END'
 ID  日付                 時間  センター    種別                    開催形態        状況    事例数  会場
  1  令和3年4月13日(火)   終日  明第2西     自立支援型個別ケア会議  対面            実施済       3
  2  令和3年5月11日(火)   終日  小金原      地域包括ケア推進会議    対面            実施済
END
same_text "list: Japanese headers (日付, センター...) aligned by width" \
	"$TMP/list.want" "$TMP/list.head"
[ "$(tail -1 "$TMP/list")" = "会議 104 件" ] && ok "list counts in Japanese" ||
	not_ok "list counts in Japanese: '$(tail -1 "$TMP/list")'"

# input errors: Japanese, exit status 2, nothing stored
before=$(db_hash)
expect_status "add on 2021-02-29 is an input error" 2 carecal add \
	--type kobetsu --center 明第1 --date 2021-02-29
echo "carecal: --date: 日付「2021-02-29」が正しくありません: 2021年2月は28日までです" \
	>"$TMP/err.want"
same_text "the date error is Japanese and names the value" \
	"$TMP/err.want" "$TMP/err"
[ "$(db_hash)" = "$before" ] && ok "and the database is unchanged" ||
	not_ok "and the database is unchanged"
expect_status "a regional type without a center" 2 carecal add \
	--type kobetsu --date 2021-07-29
contains "says so in Japanese" "$TMP/err" \
	"kobetsu は各センターが開催する会議です。--center を指定してください"
expect_status "an unknown command" 2 carecal frobnicate
contains "is reported in Japanese" "$TMP/err" \
	"carecal: 不明なコマンド「frobnicate」です"

# the plan check of the R3 demo as of its city meeting: its four real
# shortfalls, in Japanese
CARECAL_TODAY=2022-01-27 carecal check --fy 2021 >"$TMP/check" 2>&1
cat >"$TMP/check.want" <<'END'
目標未達  明第1   自立支援型個別ケア会議  令和3年度  -  年度内の実施・予定が0回で、目標の年1～2回を下回っています
目標未達  常盤平  自立支援型個別ケア会議  令和3年度  -  年度内の実施・予定が0回で、目標の年1～2回を下回っています
目標未達  小金    地域包括ケア推進会議    令和3年度  -  年度内の実施・予定が1回で、目標の年2回を下回っています
目標未達  馬橋西  自立支援型個別ケア会議  令和3年度  -  年度内の実施・予定が0回で、目標の年1～2回を下回っています
指摘 4 件
END
same_text "check --fy 2021: Japanese findings" "$TMP/check.want" "$TMP/check"

# the catalog itself: valid, and every message translated
if msgfmt --check -o /dev/null "$po" >"$TMP/msgfmt" 2>&1; then
	ok "msgfmt --check accepts po/ja.po"
else
	not_ok "msgfmt --check accepts po/ja.po"
	sed 's/^/#   /' "$TMP/msgfmt" | head -20
fi
LC_ALL=C.UTF-8 msgfmt --statistics -o /dev/null "$po" >"$TMP/stats" 2>&1
untranslated=$(sed -n 's/.* \([0-9][0-9]*\) untranslated message.*/\1/p' \
	"$TMP/stats")
fuzzy=$(sed -n 's/.* \([0-9][0-9]*\) fuzzy translation.*/\1/p' "$TMP/stats")
if grep -q 'translated message' "$TMP/stats" &&
	[ "${untranslated:-0}" -eq 0 ] && [ "${fuzzy:-0}" -eq 0 ]; then
	ok "po/ja.po: every message translated ($(cat "$TMP/stats"))"
else
	not_ok "po/ja.po: ${untranslated:-0} untranslated, ${fuzzy:-0} fuzzy"
	sed 's/^/#   /' "$TMP/stats"
fi

done_testing
