#!/bin/sh
# save-file.sh -- every file carecal writes for the user (export -o,
# export --split-by --dir, summary -o) is made safely (issue 15, items 1,
# 6 and 14): never over the database, its -wal or -shm or another SQLite
# file (found by identity and by header, not by name), never through a
# symbolic link planted at the name, never over a file or into a FIFO of
# another user; a device stays a device; a file with notes is 0600
# (0660 in the sharing group) whatever the umask. A refusal is exit
# status 2 with the database and the named file exactly as they were.
. "$TESTS_SRCDIR/lib.sh"

need_tool sqlite3 sqlite3
carecal init --demo >/dev/null || exit 99
# Someone has the database open (a reading sqlite3): its -wal and -shm
# stay, the -wal with the frames of the next change.
mkfifo "$TMP/hold"
sqlite3 "$DB" <"$TMP/hold" >/dev/null 2>&1 &
holder=$!
exec 3>"$TMP/hold"
echo "BEGIN; SELECT count(*) FROM meetings;" >&3
i=0
while [ ! -e "$DB-shm" ] && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
carecal add --type kobetsu --center 明第1 --date 2021-08-03 >/dev/null ||
	exit 99

hash_of()
{
	sha256sum "$1" 2>/dev/null | cut -d" " -f1
}

# refused DESCRIPTION TARGET MESSAGE COMMAND...: exit 2, the message, the
# target (its text, or for a -shm that SQLite itself writes, its inode
# and that no calendar went into it) and the database unchanged, no
# temporary file left beside it
refused()
{
	d=$1
	target=$2
	message=$3
	shift 3
	t_before=$(hash_of "$target")
	i_before=$(stat -L -c %i "$target" 2>/dev/null)
	db_before=$(db_hash)
	check_error "$d" 2 "$message" "$@"
	case $target in
	*-shm)
		[ "$(stat -L -c %i "$target")" = "$i_before" ] &&
			! grep -q VCALENDAR "$target" ;;
	*)
		[ "$(hash_of "$target")" = "$t_before" ] ;;
	esac && ok "$d: the file is as it was" ||
		not_ok "$d: the file is as it was"
	[ "$(db_hash)" = "$db_before" ] &&
		carecal fsck >/dev/null 2>&1 &&
		ok "$d: the database is as it was" ||
		not_ok "$d: the database is as it was"
	ls "$target".?????? >/dev/null 2>&1 &&
		not_ok "$d: a temporary file was left" ||
		ok "$d: no temporary file left"
}

# what each refusal says, in the test's locale
IS_DB=$(L 'is the database' 'またはその -wal・-shm ファイルです')
IS_SQLITE=$(L 'is an SQLite database' 'SQLite のデータベースです')
IS_LINK=$(L 'is a symbolic link' 'シンボリックリンクです。たどらず')

[ -s "$DB-wal" ] && ok "(the database has a -wal file)" ||
	not_ok "(the database has a -wal file)"
refused "export -o the database" "$DB" "$IS_DB" \
	carecal export -o "$DB"
refused "export -o its -wal" "$DB-wal" "$IS_DB" \
	carecal export -o "$DB-wal"
refused "export -o its -shm" "$DB-shm" "$IS_DB" \
	carecal export -o "$DB-shm"
refused "summary -o the database" "$DB" "$IS_DB" \
	carecal summary --fy 2021 -o "$DB"
refused "summary --format pdf -o the database" "$DB" "$IS_DB" \
	carecal summary --fy 2021 --format pdf -o "$DB"
refused "summary --format csv -o its -wal" "$DB-wal" "$IS_DB" \
	carecal summary --for 2022-01-27 --format csv -o "$DB-wal"
ln "$DB" "$TMP/hard.ics"
refused "export -o a hard link to the database" "$TMP/hard.ics" \
	"$IS_DB" carecal export -o "$TMP/hard.ics"
ln -s "$DB" "$TMP/link.ics"
refused "export -o a symbolic link to the database" "$DB" \
	"$IS_DB" carecal export -o "$TMP/link.ics"
mkdir "$TMP/sub"
refused "export -o the database by another path" "$DB" \
	"$IS_DB" carecal export -o "$TMP/sub/../test.db"
rm -f "$DB-journal"
refused "export -o its -journal (not there yet)" "$DB" "$IS_DB" \
	carecal export -o "$DB-journal"
[ ! -e "$DB-journal" ] && ok "and no -journal was made" ||
	not_ok "and no -journal was made"
cp "$DB-wal" "$TMP/old-wal.txt"
cp "$DB-shm" "$TMP/old-shm.txt"
# the reader goes: the -wal is checkpointed and removed, not its name
exec 3>&-
wait $holder
[ ! -e "$DB-wal" ] && ok "(no -wal once nobody has it open)" ||
	not_ok "(no -wal once nobody has it open)"
refused "export -o its -wal (not there now)" "$DB" "$IS_DB" \
	carecal export -o "$DB-wal"
[ ! -e "$DB-wal" ] && ok "and no -wal was made" ||
	not_ok "and no -wal was made"

# --db names a link: SQLite keeps the -wal beside the file it points to
mkdir "$TMP/real"
cp "$DB" "$TMP/real/r.db"
ln -s "$TMP/real/r.db" "$TMP/via-link.db"
check_error "--db a link, export -o the -wal beside its file" 2 \
	"$IS_DB" carecal --db "$TMP/via-link.db" export \
	-o "$TMP/real/r.db-wal"
[ ! -e "$TMP/real/r.db-wal" ] && ok "and no -wal was made there" ||
	not_ok "and no -wal was made there"

# another database, by its header: a backup under any name
cp "$DB" "$TMP/backup.ics"
refused "export -o another SQLite database" "$TMP/backup.ics" \
	"$IS_SQLITE" carecal export -o "$TMP/backup.ics"
refused "summary -o another database's -wal" "$TMP/old-wal.txt" \
	"$IS_SQLITE" carecal summary --fy 2021 -o "$TMP/old-wal.txt"
refused "summary -o another database's -shm" "$TMP/old-shm.txt" \
	"$IS_SQLITE" carecal summary --fy 2021 -o "$TMP/old-shm.txt"

# a planted link to someone's file is never followed
echo "someone's file" >"$TMP/victim.txt"
ln -s "$TMP/victim.txt" "$TMP/planted.ics"
refused "export -o a planted symbolic link" "$TMP/victim.txt" \
	"$IS_LINK" carecal export -o "$TMP/planted.ics"
[ -L "$TMP/planted.ics" ] && ok "the link is still a link" ||
	not_ok "the link is still a link"
refused "summary -o a planted symbolic link" "$TMP/victim.txt" \
	"$IS_LINK" carecal summary --fy 2021 --format csv \
	-o "$TMP/planted.ics"
ln -s "$TMP/nowhere.ics" "$TMP/dangling.ics"
check_error "export -o a dangling symbolic link" 2 "$IS_LINK" \
	carecal export -o "$TMP/dangling.ics"
[ ! -e "$TMP/nowhere.ics" ] && ok "creates nothing where it points" ||
	not_ok "creates nothing where it points"

# --split-by --dir: a link as the directory, a link as one of its files
mkdir "$TMP/elsewhere"
ln -s "$TMP/elsewhere" "$TMP/linkdir"
check_error "--dir a symbolic link" 2 "$IS_LINK" \
	carecal export --split-by type --dir "$TMP/linkdir"
[ -z "$(ls "$TMP/elsewhere")" ] && ok "nothing written where it points" ||
	not_ok "nothing written where it points"
mkdir "$TMP/split"
ln -s "$TMP/victim.txt" "$TMP/split/kobetsu.ics"
expect_status "--split-by type with a link planted at kobetsu.ics" 2 \
	carecal export --split-by type --dir "$TMP/split"
contains "names it" "$TMP/err" "kobetsu.ics: $IS_LINK"
[ "$(cat "$TMP/victim.txt")" = "someone's file" ] &&
	ok "the file it points to is as it was" ||
	not_ok "the file it points to is as it was"
ln "$DB" "$TMP/split/jiritsu.ics" 2>/dev/null
rm -f "$TMP/split/kobetsu.ics"
refused "--split-by type with the database linked in as jiritsu.ics" \
	"$DB" "jiritsu.ics: $(L 'is the database' "データベース $DB または")" \
	carecal export --split-by type --dir "$TMP/split"

# a device stays a device; the file it replaces is a new one
check "export -o /dev/null" carecal export -o /dev/null
[ -c /dev/null ] && ok "/dev/null is still a device" ||
	not_ok "/dev/null is still a device"
echo old >"$TMP/out.ics"
ln "$TMP/out.ics" "$TMP/out-link.txt"
check "export -o over a file of one's own" carecal export -o "$TMP/out.ics"
grep -q BEGIN:VCALENDAR "$TMP/out.ics" && [ "$(cat "$TMP/out-link.txt")" = old ] &&
	ok "replaced by a new file: its other name keeps the old text" ||
	not_ok "replaced by a new file: its other name keeps the old text"

# private notes: 0600 whatever the umask; without notes the usual mode
mode_of()
{
	stat -c %a "$1"
}
(umask 000 && carecal export --include-notes -o "$TMP/notes.ics") \
	>/dev/null
[ "$(mode_of "$TMP/notes.ics")" = 600 ] &&
	ok "export --include-notes under umask 000: mode 600" ||
	not_ok "export --include-notes under umask 000: mode $(mode_of "$TMP/notes.ics")"
(umask 000 && carecal export --include-notes --split-by center \
	--dir "$TMP/notes") >/dev/null
modes=$(stat -c %a "$TMP"/notes/*.ics | sort -u)
[ "$modes" = 600 ] && ok "--split-by --include-notes: every file 600" ||
	not_ok "--split-by --include-notes: modes $modes"
(umask 000 && carecal export -o "$TMP/public.ics") >/dev/null
[ "$(mode_of "$TMP/public.ics")" = 666 ] &&
	ok "without notes the umask decides (666 under 000)" ||
	not_ok "without notes the umask decides: $(mode_of "$TMP/public.ics")"
chmod 644 "$TMP/public.ics"
(umask 000 && carecal export --include-notes -o "$TMP/public.ics") \
	>/dev/null
[ "$(mode_of "$TMP/public.ics")" = 600 ] &&
	ok "notes written over a file that was 644: 600" ||
	not_ok "notes written over a file that was 644: $(mode_of "$TMP/public.ics")"

# another user's files: only as root, with users of the test's own
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null ||
    ! command -v useradd >/dev/null; then
	for what in "a FIFO of another user" "a file of another user" \
	    "the sharing group's notes file"; do
		skip "$what" "needs root, setpriv and useradd"
	done
	done_testing
	exit
fi
tag=$$
G=csg$tag
U=csu$tag
V=csv$tag
cleanup()
{
	userdel $U 2>/dev/null
	userdel $V 2>/dev/null
	groupdel $G 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
groupadd $G && useradd -M -N -g users -G $G $U &&
	useradd -M -N -g users $V || { not_ok "adding users"; done_testing;
	exit 1; }
as()
{
	u=$1
	shift
	setpriv --reuid=$u --regid=users --init-groups \
	    sh -c 'umask 000; exec "$0" "$@"' "$CARECAL" "$@"
}
chmod 711 "$TMP"
mkdir -m 1777 "$TMP/shared"
mkfifo "$TMP/shared/feed.ics"
chown $V "$TMP/shared/feed.ics"
chmod 666 "$TMP/shared/feed.ics"
check_error "export -o a FIFO another user made" 2 \
	"$(L 'a device or pipe of another user' \
	'ほかの利用者のデバイスかパイプです')" carecal export --include-notes \
	-o "$TMP/shared/feed.ics"

as $U --db "$TMP/shared/u.db" init --demo >/dev/null
echo "V's file" >"$TMP/shared/theirs.ics"
chown $V "$TMP/shared/theirs.ics"
chmod 644 "$TMP/shared/theirs.ics"
mkdir -m 777 "$TMP/open"
cp -p "$TMP/shared/theirs.ics" "$TMP/open/theirs.ics"
expect_status "export -o a file another user owns and U may not write" 2 \
	as $U --db "$TMP/shared/u.db" export -o "$TMP/open/theirs.ics"
contains "says so" "$TMP/err" \
	"$(L 'belongs to another user' \
	'ほかの利用者のファイルで、書き込む権限がありません')"
[ "$(cat "$TMP/open/theirs.ics")" = "V's file" ] &&
	[ "$(stat -c %U "$TMP/open/theirs.ics")" = $V ] &&
	ok "the file is still V's, as it was" ||
	not_ok "the file is still V's, as it was"

mkdir -m 2770 "$TMP/group"
chgrp $G "$TMP/group"
chown $U "$TMP/group"
expect_status "a shared database" 0 as $U --db "$TMP/group/g.db" \
	init --group $G --demo
mkdir -m 700 "$TMP/mine"
chown $U "$TMP/mine"
expect_status "export --include-notes of a shared database, umask 000" 0 \
	as $U --db "$TMP/group/g.db" export --include-notes \
	-o "$TMP/mine/notes.ics"
[ "$(stat -c '%a %G' "$TMP/mine/notes.ics")" = "660 $G" ] &&
	ok "0660 in the sharing group, outside its directory too" ||
	not_ok "0660 in the sharing group: $(stat -c '%a %G' "$TMP/mine/notes.ics")"
done_testing
