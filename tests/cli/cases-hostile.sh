#!/bin/sh
# cases-hostile.sh -- a case reference is the secretariat's number, never
# a name or anything else about the person (issue 17): whatever could be
# one -- kana or kanji, full-width digits, a romanised name, a telephone,
# insurance or My Number, a date of birth, a space, control characters
# -- is refused by case add, remove and list before the database is
# opened, with a message naming the value (its control characters
# escaped), exit status 2, and nothing written anywhere. A case has no
# free text: no note, no name.
. "$TESTS_SRCDIR/lib.sh"

carecal init --demo >/dev/null || exit 99
# meeting 30 is 明第1's 地域個別ケア会議 of 令和3年7月27日
hash=$(db_hash)

# refused DESCRIPTION VALUE MESSAGE-C MESSAGE-JA: by add, remove and list
refused()
{
	message=$(L "$3" "$4")
	check_error "$1: case add" 2 "$message" \
	    carecal case add "$2" --meeting 30 --stage 初回
	check_error "$1: case remove" 2 "$message" carecal case remove "$2"
	check_error "$1: case list" 2 "$message" carecal case list "$2"
}

refused "full-width digits" "２０２１－０１５" "is a full-width character" \
	"全角文字です"
refused "a full-width hyphen" "2021－015" "'－' is a full-width character" \
	"「－」は全角文字です"
refused "a name in kanji" "山田太郎" \
	"case reference '山田太郎': '山' may not be used" \
	"事例番号「山田太郎」:「山」は使えません"
refused "a name in hiragana" "やまだ" "never a name or other personal details" \
	"氏名などの個人情報は使えません"
refused "a name in katakana with a number" "ヤマダ1" \
	"never a name or other personal details" "氏名などの個人情報は使えません"
refused "a name in half-width katakana" "ﾔﾏﾀﾞ" \
	"never a name or other personal details" "氏名などの個人情報は使えません"
refused "a romanised name" "Yamada" "has a word in it" "続く語があり"
refused "a romanised name with a number" "TANAKA-1" "which may be a name" \
	"氏名かもしれません"
refused "a name and a space" "Ito 3" "has a space" "空白があります"
refused "a short name alone" "Abe" "has no digit" "数字がありません"
refused "a mobile number" "090-1234-5678" "it may be a telephone" \
	"電話番号"
refused "a telephone number" "0743-74-1111" "it may be a telephone" \
	"電話番号"
refused "an insured person's number" "1234567890" "has 10 digits, more than 9" \
	"10 桁で、9 桁を超えています"
refused "a My Number" "1234-5678-9012" "My Number" "マイナンバー"
refused "a date of birth" "1948-03-15" "may be a date of birth" \
	"生年月日かもしれません"
refused "a date of birth in its era" "S23.3.15" "may be a date of birth" \
	"生年月日かもしれません"
refused "a date of birth as digits" "19480315" "may be a date of birth" \
	"生年月日かもしれません"
refused "an e-mail address" "a1@b.jp" "'@' may not be used" "「@」は使えません"
refused "an empty reference" "" "may not be empty" "事例番号が空です"
refused "a very long value" "$(printf '%0500d' 7)" "longer than 16 characters" \
	"16 文字を超えています"

# control characters are shown escaped, never sent to the terminal
esc=$(printf '\033')
for v in "$(printf '1\033]0;owned\007')" "$(printf '2021\r015')" \
    "$(printf '12\342\200\256')"; do
	check_error "control characters in a reference" 2 \
	    "$(L "case reference" "事例番号")" \
	    carecal case add "$v" --meeting 30 --stage 初回
	if LC_ALL=C grep -q "[$esc$(printf '\r\a')]" "$TMP/err" ||
	    grep -q "$(printf '\342\200\256')" "$TMP/err"; then
		not_ok "stderr holds no raw control character"
	else
		ok "stderr holds no raw control character"
	fi
done

# no free text goes with a case
check_error "a note with a case" 2 "--note" \
	carecal case add 2021-015 --meeting 30 --stage 初回 --note 山田太郎様
check_error "a name with a case" 2 "--name" \
	carecal case add 2021-015 --meeting 30 --stage 初回 --name 山田太郎
check_error "a name as the stage" 2 "$(L "invalid stage '山田太郎'" "段階「山田太郎」")" \
	carecal case add 2021-015 --meeting 30 --stage 山田太郎
check_error "a name as a second reference" 2 \
	"$(L "add takes one case reference" "add に指定できる事例番号は 1 つです")" \
	carecal case add 2021-015 山田太郎 --meeting 30 --stage 初回

[ "$(db_hash)" = "$hash" ] &&
	ok "none of them changed the database (or opened it to write)" ||
	not_ok "none of them changed the database (or opened it to write)"
for v in 山田 やまだ ヤマダ Yamada YAMADA TANAKA 090-1234 1948-03-15 owned; do
	if LC_ALL=C grep -a -q -- "$v" "$DB" "$DB-wal" 2>/dev/null; then
		not_ok "'$v' is nowhere in the database files"
	else
		ok "'$v' is nowhere in the database files"
	fi
done

# what is left: the secretariat's numbers
check "2021-015 is a reference" \
	carecal case add 2021-015 --meeting 30 --stage 初回
check "R3-K12 too" carecal case add R3-K12 --meeting 30 --stage 初回
expect_status "case list" 0 carecal case list
contains "lists them" "$TMP/out" "R3-K12"

done_testing
