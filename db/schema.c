/*
 * schema.c -- the tables, their CHECK constraints and triggers, and the
 * migrations between versions. The database checks what it can itself:
 * a bad row is refused by SQLite even if the program has a bug.
 */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "schema.h"

/*
 * Version 1: the catalog and the meetings.
 * Dates are ISO text checked by date() (with a '+0 days' modifier, without
 * which SQLite does not normalise 2021-02-29 and so would accept it),
 * times "HH:MM" checked by time(),
 * reporting windows "YYYY-MM".
 */
static const char migration_1[] =
"CREATE TABLE settings ("
"  key   TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 64),"
"  value TEXT NOT NULL"
");"
"CREATE TABLE centers ("
"  id       INTEGER PRIMARY KEY,"
"  name     TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),"
"  position INTEGER NOT NULL,"
"  retired  INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))"
");"
"CREATE TABLE meeting_types ("
"  id           INTEGER PRIMARY KEY,"
"  code         TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32"
"               AND code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_-]*'),"
"  name         TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),"
"  short_name   TEXT NOT NULL CHECK (length(short_name) BETWEEN 1 AND 30),"
"  level        TEXT NOT NULL CHECK (level IN ('regional', 'city')),"
"  target_min   INTEGER CHECK (target_min >= 0),"
"  target_max   INTEGER CHECK (target_max >= coalesce(target_min, 0)),"
"  counts_cases INTEGER NOT NULL CHECK (counts_cases IN (0, 1)),"
"  position     INTEGER NOT NULL"
");"
"CREATE TABLE meetings ("
"  id          INTEGER PRIMARY KEY,"
"  uid         TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 1 AND 255),"
"  type_id     INTEGER NOT NULL REFERENCES meeting_types (id),"
"  center_id   INTEGER REFERENCES centers (id),"
"  date        TEXT NOT NULL CHECK (date(date, '+0 days') IS date),"
"  start_time  TEXT CHECK (start_time IS NULL OR"
"              (length(start_time) = 5 AND"
"              time(start_time) IS start_time || ':00')),"
"  end_time    TEXT CHECK (end_time IS NULL OR"
"              (length(end_time) = 5 AND"
"              time(end_time) IS end_time || ':00')),"
"  mode        TEXT NOT NULL DEFAULT 'in-person'"
"              CHECK (mode IN ('in-person', 'hybrid', 'online')),"
"  status      TEXT NOT NULL DEFAULT 'planned'"
"              CHECK (status IN ('planned', 'held', 'cancelled')),"
"  cases       INTEGER CHECK (cases BETWEEN 0 AND 999),"
"  venue       TEXT CHECK (length(venue) BETWEEN 1 AND 200),"
"  url         TEXT CHECK (length(url) BETWEEN 1 AND 1000),"
"  note        TEXT CHECK (length(note) BETWEEN 1 AND 4000),"
"  window_from TEXT CHECK (window_from IS NULL OR (length(window_from) = 7"
"              AND date(window_from || '-01', '+0 days') IS"
"              window_from || '-01')),"
"  window_to   TEXT CHECK (window_to IS NULL OR (length(window_to) = 7"
"              AND date(window_to || '-01', '+0 days') IS"
"              window_to || '-01')),"
"  sequence    INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),"
"  version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
"  created_at  TEXT NOT NULL,"
"  created_by  TEXT NOT NULL,"
"  updated_at  TEXT NOT NULL,"
"  updated_by  TEXT NOT NULL,"
"  CHECK (end_time IS NULL OR (start_time IS NOT NULL AND"
"         end_time > start_time)),"
"  CHECK ((window_from IS NULL) = (window_to IS NULL)),"
"  CHECK (window_to IS NULL OR window_to >= window_from)"
");"
"CREATE INDEX meetings_by_date ON meetings (date);"
"CREATE INDEX meetings_by_center ON meetings (center_id, date);"
"CREATE INDEX meetings_by_type ON meetings (type_id, date);"
/* What a CHECK cannot see, because it lives in another table. */
"CREATE TRIGGER meetings_check_insert BEFORE INSERT ON meetings BEGIN"
"  SELECT RAISE(ABORT, 'cases on a meeting type that does not count them')"
"   WHERE NEW.cases IS NOT NULL AND (SELECT counts_cases FROM meeting_types"
"   WHERE id = NEW.type_id) = 0;"
"  SELECT RAISE(ABORT, 'a city-level meeting has no center')"
"   WHERE NEW.center_id IS NOT NULL AND (SELECT level FROM meeting_types"
"   WHERE id = NEW.type_id) = 'city';"
"  SELECT RAISE(ABORT, 'a regional meeting needs a center')"
"   WHERE NEW.center_id IS NULL AND (SELECT level FROM meeting_types"
"   WHERE id = NEW.type_id) = 'regional';"
"  SELECT RAISE(ABORT, 'only city-level meetings have a reporting window')"
"   WHERE NEW.window_from IS NOT NULL AND (SELECT level FROM meeting_types"
"   WHERE id = NEW.type_id) = 'regional';"
"END;"
"CREATE TRIGGER meetings_check_update BEFORE UPDATE ON meetings BEGIN"
"  SELECT RAISE(ABORT, 'cases on a meeting type that does not count them')"
"   WHERE NEW.cases IS NOT NULL AND (SELECT counts_cases FROM meeting_types"
"   WHERE id = NEW.type_id) = 0;"
"  SELECT RAISE(ABORT, 'a city-level meeting has no center')"
"   WHERE NEW.center_id IS NOT NULL AND (SELECT level FROM meeting_types"
"   WHERE id = NEW.type_id) = 'city';"
"  SELECT RAISE(ABORT, 'a regional meeting needs a center')"
"   WHERE NEW.center_id IS NULL AND (SELECT level FROM meeting_types"
"   WHERE id = NEW.type_id) = 'regional';"
"  SELECT RAISE(ABORT, 'only city-level meetings have a reporting window')"
"   WHERE NEW.window_from IS NOT NULL AND (SELECT level FROM meeting_types"
"   WHERE id = NEW.type_id) = 'regional';"
"END;"
"CREATE TRIGGER meeting_types_check_update BEFORE UPDATE ON meeting_types"
" BEGIN"
"  SELECT RAISE(ABORT, 'meetings of this type have cases recorded')"
"   WHERE NEW.counts_cases = 0 AND EXISTS (SELECT 1 FROM meetings"
"   WHERE type_id = NEW.id AND cases IS NOT NULL);"
"  SELECT RAISE(ABORT, 'meetings of this type exist; its level is fixed')"
"   WHERE NEW.level <> OLD.level AND EXISTS (SELECT 1 FROM meetings"
"   WHERE type_id = NEW.id);"
"END;";

/*
 * Version 2: every change is kept. An action is one user command (one
 * transaction); history holds each meeting row before and after it, as
 * JSON, written by triggers so that no code path can forget it.
 */
#define MEETING_JSON(row)						\
	"json_object('id', " row ".id, 'uid', " row ".uid,"		\
	" 'type_id', " row ".type_id, 'center_id', " row ".center_id,"	\
	" 'date', " row ".date, 'start_time', " row ".start_time,"	\
	" 'end_time', " row ".end_time, 'mode', " row ".mode,"		\
	" 'status', " row ".status, 'cases', " row ".cases,"		\
	" 'venue', " row ".venue, 'url', " row ".url,"			\
	" 'note', " row ".note, 'window_from', " row ".window_from,"	\
	" 'window_to', " row ".window_to, 'sequence', " row ".sequence,"	\
	" 'version', " row ".version, 'created_at', " row ".created_at,"	\
	" 'created_by', " row ".created_by,"				\
	" 'updated_at', " row ".updated_at,"				\
	" 'updated_by', " row ".updated_by)"

static const char migration_2[] =
"CREATE TABLE actions ("
"  id      INTEGER PRIMARY KEY,"
"  at      TEXT NOT NULL,"
"  login   TEXT NOT NULL,"
"  command TEXT NOT NULL,"
"  undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))"
");"
"CREATE TABLE history ("
"  id         INTEGER PRIMARY KEY,"
"  action_id  INTEGER REFERENCES actions (id),"
"  meeting_id INTEGER NOT NULL,"
"  op         TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),"
"  before     TEXT CHECK (before IS NULL OR json_valid(before)),"
"  after      TEXT CHECK (after IS NULL OR json_valid(after))"
");"
"CREATE INDEX history_by_meeting ON history (meeting_id);"
"CREATE INDEX history_by_action ON history (action_id);"
"CREATE TRIGGER meetings_history_insert AFTER INSERT ON meetings BEGIN"
"  INSERT INTO history (action_id, meeting_id, op, after)"
"  VALUES ((SELECT max(id) FROM actions), NEW.id, 'insert', "
	MEETING_JSON("NEW") ");"
"END;"
"CREATE TRIGGER meetings_history_update AFTER UPDATE ON meetings BEGIN"
"  INSERT INTO history (action_id, meeting_id, op, before, after)"
"  VALUES ((SELECT max(id) FROM actions), NEW.id, 'update', "
	MEETING_JSON("OLD") ", " MEETING_JSON("NEW") ");"
"END;"
"CREATE TRIGGER meetings_history_delete AFTER DELETE ON meetings BEGIN"
"  INSERT INTO history (action_id, meeting_id, op, before)"
"  VALUES ((SELECT max(id) FROM actions), OLD.id, 'delete', "
	MEETING_JSON("OLD") ");"
"END;";

/*
 * Version 3: undo. An action that undoes another names it, and each
 * action is undone at most once. The history and the actions only grow.
 * A meeting id never names two meetings (a new one gets an id above any
 * in the history), so the history of an id is the story of one meeting
 * and a deleted meeting can come back under its own id.
 */
static const char migration_3[] =
"ALTER TABLE actions ADD COLUMN undoes INTEGER REFERENCES actions (id);"
"CREATE UNIQUE INDEX actions_by_undoes ON actions (undoes)"
"  WHERE undoes IS NOT NULL;"
"CREATE INDEX actions_by_login ON actions (login, id);"
"CREATE TRIGGER history_kept_update BEFORE UPDATE ON history BEGIN"
"  SELECT RAISE(ABORT, 'the history of changes is never rewritten');"
"END;"
"CREATE TRIGGER history_kept_delete BEFORE DELETE ON history BEGIN"
"  SELECT RAISE(ABORT, 'the history of changes is never deleted');"
"END;"
"CREATE TRIGGER actions_kept_delete BEFORE DELETE ON actions BEGIN"
"  SELECT RAISE(ABORT, 'the history of changes is never deleted');"
"END;"
"CREATE TRIGGER actions_kept_update BEFORE UPDATE ON actions BEGIN"
"  SELECT RAISE(ABORT, 'an action is only ever marked undone')"
"   WHERE NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at"
"   OR NEW.login IS NOT OLD.login OR NEW.command IS NOT OLD.command"
"   OR NEW.undone < OLD.undone"
"   OR (OLD.undoes IS NOT NULL AND NEW.undoes IS NOT OLD.undoes);"
"END;"
"CREATE TRIGGER meetings_id_kept AFTER INSERT ON meetings BEGIN"
"  SELECT RAISE(ABORT, 'this meeting id belonged to another meeting')"
"   WHERE EXISTS (SELECT 1 FROM history WHERE meeting_id = NEW.id"
"   AND json_extract(coalesce(after, before), '$.uid') IS NOT NEW.uid);"
"END;";

/*
 * Version 4: the same tables, triggers and history, quicker to write.
 * SQLite checks "x IN (a, b, c)" (three or more values) by building a
 * temporary index each time a statement runs, and the CHECKs on mode,
 * status and op ran three of them for every meeting written: a quarter
 * of the time of a large import. They become comparisons, which cannot
 * be changed in place, so meetings and history are copied into new
 * tables, row for row with their ids. The check triggers look the type
 * up once instead of four times. Everything else is as in versions 1-3;
 * the triggers are created in their old order, as SQLite runs the newest
 * first: meetings_id_kept must look before a history row is written.
 */
static const char migration_4[] =
"DROP TRIGGER meetings_check_insert;"
"DROP TRIGGER meetings_check_update;"
"DROP TRIGGER meeting_types_check_update;"
"DROP TRIGGER meetings_history_insert;"
"DROP TRIGGER meetings_history_update;"
"DROP TRIGGER meetings_history_delete;"
"DROP TRIGGER meetings_id_kept;"
"CREATE TABLE history_v4 ("
"  id         INTEGER PRIMARY KEY,"
"  action_id  INTEGER REFERENCES actions (id),"
"  meeting_id INTEGER NOT NULL,"
"  op         TEXT NOT NULL"
"             CHECK (op = 'insert' OR op = 'update' OR op = 'delete'),"
"  before     TEXT CHECK (before IS NULL OR json_valid(before)),"
"  after      TEXT CHECK (after IS NULL OR json_valid(after))"
");"
"INSERT INTO history_v4 (id, action_id, meeting_id, op, before, after)"
"  SELECT id, action_id, meeting_id, op, before, after FROM history"
"  ORDER BY id;"
/* no trigger fires on DROP TABLE: history_kept_delete goes with it */
"DROP TABLE history;"
"ALTER TABLE history_v4 RENAME TO history;"
"CREATE INDEX history_by_meeting ON history (meeting_id);"
"CREATE INDEX history_by_action ON history (action_id);"
"CREATE TABLE meetings_v4 ("
"  id          INTEGER PRIMARY KEY,"
"  uid         TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 1 AND 255),"
"  type_id     INTEGER NOT NULL REFERENCES meeting_types (id),"
"  center_id   INTEGER REFERENCES centers (id),"
"  date        TEXT NOT NULL CHECK (date(date, '+0 days') IS date),"
"  start_time  TEXT CHECK (start_time IS NULL OR"
"              (length(start_time) = 5 AND"
"              time(start_time) IS start_time || ':00')),"
"  end_time    TEXT CHECK (end_time IS NULL OR"
"              (length(end_time) = 5 AND"
"              time(end_time) IS end_time || ':00')),"
"  mode        TEXT NOT NULL DEFAULT 'in-person'"
"              CHECK (mode = 'in-person' OR mode = 'hybrid' OR"
"              mode = 'online'),"
"  status      TEXT NOT NULL DEFAULT 'planned'"
"              CHECK (status = 'planned' OR status = 'held' OR"
"              status = 'cancelled'),"
"  cases       INTEGER CHECK (cases BETWEEN 0 AND 999),"
"  venue       TEXT CHECK (length(venue) BETWEEN 1 AND 200),"
"  url         TEXT CHECK (length(url) BETWEEN 1 AND 1000),"
"  note        TEXT CHECK (length(note) BETWEEN 1 AND 4000),"
"  window_from TEXT CHECK (window_from IS NULL OR (length(window_from) = 7"
"              AND date(window_from || '-01', '+0 days') IS"
"              window_from || '-01')),"
"  window_to   TEXT CHECK (window_to IS NULL OR (length(window_to) = 7"
"              AND date(window_to || '-01', '+0 days') IS"
"              window_to || '-01')),"
"  sequence    INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),"
"  version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),"
"  created_at  TEXT NOT NULL,"
"  created_by  TEXT NOT NULL,"
"  updated_at  TEXT NOT NULL,"
"  updated_by  TEXT NOT NULL,"
"  CHECK (end_time IS NULL OR (start_time IS NOT NULL AND"
"         end_time > start_time)),"
"  CHECK ((window_from IS NULL) = (window_to IS NULL)),"
"  CHECK (window_to IS NULL OR window_to >= window_from)"
");"
"INSERT INTO meetings_v4 (id, uid, type_id, center_id, date, start_time,"
"  end_time, mode, status, cases, venue, url, note, window_from, window_to,"
"  sequence, version, created_at, created_by, updated_at, updated_by)"
"  SELECT id, uid, type_id, center_id, date, start_time, end_time, mode,"
"  status, cases, venue, url, note, window_from, window_to, sequence,"
"  version, created_at, created_by, updated_at, updated_by FROM meetings"
"  ORDER BY id;"
"DROP TABLE meetings;"
"ALTER TABLE meetings_v4 RENAME TO meetings;"
"CREATE INDEX meetings_by_date ON meetings (date);"
"CREATE INDEX meetings_by_center ON meetings (center_id, date);"
"CREATE INDEX meetings_by_type ON meetings (type_id, date);"
"CREATE TRIGGER meetings_check_insert BEFORE INSERT ON meetings BEGIN"
"  SELECT CASE"
"   WHEN NEW.cases IS NOT NULL AND t.counts_cases = 0 THEN"
"    RAISE(ABORT, 'cases on a meeting type that does not count them')"
"   WHEN NEW.center_id IS NOT NULL AND t.level = 'city' THEN"
"    RAISE(ABORT, 'a city-level meeting has no center')"
"   WHEN NEW.center_id IS NULL AND t.level = 'regional' THEN"
"    RAISE(ABORT, 'a regional meeting needs a center')"
"   WHEN NEW.window_from IS NOT NULL AND t.level = 'regional' THEN"
"    RAISE(ABORT, 'only city-level meetings have a reporting window')"
"   END FROM meeting_types t WHERE t.id = NEW.type_id;"
"END;"
"CREATE TRIGGER meetings_check_update BEFORE UPDATE ON meetings BEGIN"
"  SELECT CASE"
"   WHEN NEW.cases IS NOT NULL AND t.counts_cases = 0 THEN"
"    RAISE(ABORT, 'cases on a meeting type that does not count them')"
"   WHEN NEW.center_id IS NOT NULL AND t.level = 'city' THEN"
"    RAISE(ABORT, 'a city-level meeting has no center')"
"   WHEN NEW.center_id IS NULL AND t.level = 'regional' THEN"
"    RAISE(ABORT, 'a regional meeting needs a center')"
"   WHEN NEW.window_from IS NOT NULL AND t.level = 'regional' THEN"
"    RAISE(ABORT, 'only city-level meetings have a reporting window')"
"   END FROM meeting_types t WHERE t.id = NEW.type_id;"
"END;"
"CREATE TRIGGER meeting_types_check_update BEFORE UPDATE ON meeting_types"
" BEGIN"
"  SELECT RAISE(ABORT, 'meetings of this type have cases recorded')"
"   WHERE NEW.counts_cases = 0 AND EXISTS (SELECT 1 FROM meetings"
"   WHERE type_id = NEW.id AND cases IS NOT NULL);"
"  SELECT RAISE(ABORT, 'meetings of this type exist; its level is fixed')"
"   WHERE NEW.level <> OLD.level AND EXISTS (SELECT 1 FROM meetings"
"   WHERE type_id = NEW.id);"
"END;"
"CREATE TRIGGER meetings_history_insert AFTER INSERT ON meetings BEGIN"
"  INSERT INTO history (action_id, meeting_id, op, after)"
"  VALUES ((SELECT max(id) FROM actions), NEW.id, 'insert', "
	MEETING_JSON("NEW") ");"
"END;"
"CREATE TRIGGER meetings_history_update AFTER UPDATE ON meetings BEGIN"
"  INSERT INTO history (action_id, meeting_id, op, before, after)"
"  VALUES ((SELECT max(id) FROM actions), NEW.id, 'update', "
	MEETING_JSON("OLD") ", " MEETING_JSON("NEW") ");"
"END;"
"CREATE TRIGGER meetings_history_delete AFTER DELETE ON meetings BEGIN"
"  INSERT INTO history (action_id, meeting_id, op, before)"
"  VALUES ((SELECT max(id) FROM actions), OLD.id, 'delete', "
	MEETING_JSON("OLD") ");"
"END;"
"CREATE TRIGGER history_kept_update BEFORE UPDATE ON history BEGIN"
"  SELECT RAISE(ABORT, 'the history of changes is never rewritten');"
"END;"
"CREATE TRIGGER history_kept_delete BEFORE DELETE ON history BEGIN"
"  SELECT RAISE(ABORT, 'the history of changes is never deleted');"
"END;"
"CREATE TRIGGER meetings_id_kept AFTER INSERT ON meetings BEGIN"
"  SELECT RAISE(ABORT, 'this meeting id belonged to another meeting')"
"   WHERE EXISTS (SELECT 1 FROM history WHERE meeting_id = NEW.id"
"   AND json_extract(coalesce(after, before), '$.uid') IS NOT NEW.uid);"
"END;";

/*
 * Version 5: meetings come out of the date index already in the order
 * they are shown in, date then start time (no time first), so a read of
 * a fiscal year needs no sort by SQLite: that sort, and the joins to the
 * types and centers it needed for their positions, were a third of
 * reading a year of 10,000 meetings. The store puts meetings of the
 * same day and time in catalog order itself (db/store-meetings.c). The
 * index also holds what the summary and the plan checks read of each
 * meeting (MEETING_FIELDS_PLAN) and the venue that `list` shows
 * (MEETING_FIELDS_SHOWN), so that they never look up the row: a
 * quarter of the summary's read, and for `list` 500 fewer pages read
 * (10,000 meetings), for a few per cent more time to import.
 */
static const char migration_5[] =
"DROP INDEX meetings_by_date;"
"CREATE INDEX meetings_by_date_time ON meetings (date, start_time,"
"  type_id, center_id, end_time, mode, status, cases, window_from,"
"  window_to, venue);";

/*
 * Version 6: when a center was set up (設置; Takamatsu's 地区 set up
 * their network meetings year by year), and the rows a type is grouped
 * under in the multi-year table (地域ケア小会議/個別課題).
 */
static const char migration_6[] =
"ALTER TABLE centers ADD COLUMN started TEXT"
"  CHECK (started IS NULL OR date(started, '+0 days') IS started);"
"ALTER TABLE meeting_types ADD COLUMN grp TEXT"
"  CHECK (grp IS NULL OR length(grp) BETWEEN 1 AND 100);";

/*
 * Version 7: how a meeting type is scheduled (its usual length in
 * minutes, the cases a meeting takes and whether a mini lecture comes
 * besides, its cadence, the professions it summons), the advisors
 * (専門職) with their dates unavailable, and their bookings for
 * meetings. A booking is made or taken back, never changed; each one is
 * kept as the meetings' changes are, by triggers, in assignment_history
 * under its action, so that undo takes bookings back as it takes back
 * meetings (db/store-history.c). A meeting deleted takes its bookings
 * with it (recorded as taken back): undoing the deletion brings them
 * back. Advisors are retired, never deleted: the history names them.
 */
static const char migration_7[] =
"ALTER TABLE meeting_types ADD COLUMN length INTEGER"
"  CHECK (length IS NULL OR length BETWEEN 1 AND 1440);"
"ALTER TABLE meeting_types ADD COLUMN capacity INTEGER"
"  CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 999);"
"ALTER TABLE meeting_types ADD COLUMN lecture INTEGER NOT NULL DEFAULT 0"
"  CHECK (lecture = 0 OR lecture = 1);"
"ALTER TABLE meeting_types ADD COLUMN cadence TEXT NOT NULL"
"  DEFAULT 'yearly' CHECK (cadence = 'yearly' OR cadence = 'monthly' OR"
"  cadence = 'ad-hoc');"
"ALTER TABLE meeting_types ADD COLUMN summons TEXT"
"  CHECK (summons IS NULL OR length(summons) BETWEEN 1 AND 400);"
"CREATE TABLE advisors ("
"  id          INTEGER PRIMARY KEY,"
"  name        TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),"
"  profession  TEXT NOT NULL CHECK (length(profession) BETWEEN 1 AND 50),"
"  affiliation TEXT CHECK (affiliation IS NULL OR"
"              length(affiliation) BETWEEN 1 AND 200),"
"  contact     TEXT CHECK (contact IS NULL OR"
"              length(contact) BETWEEN 1 AND 200),"
"  weekdays    INTEGER NOT NULL DEFAULT 62 CHECK (weekdays BETWEEN 1 AND 127),"
"  retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired = 0 OR retired = 1)"
");"
"CREATE TABLE advisor_unavailable ("
"  advisor_id INTEGER NOT NULL REFERENCES advisors (id),"
"  date       TEXT NOT NULL CHECK (date(date, '+0 days') IS date),"
"  PRIMARY KEY (advisor_id, date)"
") WITHOUT ROWID;"
"CREATE TABLE assignments ("
"  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,"
"  advisor_id INTEGER NOT NULL REFERENCES advisors (id),"
"  PRIMARY KEY (meeting_id, advisor_id)"
") WITHOUT ROWID;"
"CREATE INDEX assignments_by_advisor ON assignments (advisor_id, meeting_id);"
"CREATE TABLE assignment_history ("
"  id         INTEGER PRIMARY KEY,"
"  action_id  INTEGER REFERENCES actions (id),"
"  meeting_id INTEGER NOT NULL,"
"  advisor_id INTEGER NOT NULL,"
"  op         TEXT NOT NULL CHECK (op = 'assign' OR op = 'unassign')"
");"
"CREATE INDEX assignment_history_by_action ON assignment_history"
"  (action_id);"
"CREATE INDEX assignment_history_by_meeting ON assignment_history"
"  (meeting_id);"
"CREATE TRIGGER assignments_history_insert AFTER INSERT ON assignments BEGIN"
"  INSERT INTO assignment_history (action_id, meeting_id, advisor_id, op)"
"  VALUES ((SELECT max(id) FROM actions), NEW.meeting_id, NEW.advisor_id,"
"  'assign');"
"END;"
"CREATE TRIGGER assignments_history_delete AFTER DELETE ON assignments BEGIN"
"  INSERT INTO assignment_history (action_id, meeting_id, advisor_id, op)"
"  VALUES ((SELECT max(id) FROM actions), OLD.meeting_id, OLD.advisor_id,"
"  'unassign');"
"END;"
"CREATE TRIGGER assignments_kept_update BEFORE UPDATE ON assignments BEGIN"
"  SELECT RAISE(ABORT, 'a booking is made or taken back, never changed');"
"END;"
"CREATE TRIGGER assignment_history_kept_update BEFORE UPDATE ON"
"  assignment_history BEGIN"
"  SELECT RAISE(ABORT, 'the history of changes is never rewritten');"
"END;"
"CREATE TRIGGER assignment_history_kept_delete BEFORE DELETE ON"
"  assignment_history BEGIN"
"  SELECT RAISE(ABORT, 'the history of changes is never deleted');"
"END;";

/*
 * Version 8: case references (事例番号) and the stages of their review
 * (初回, 中間, 終了前), each recorded at one meeting. A reference is the
 * secretariat's number, never a name: the CHECK is the last guard of
 * the grammar of core/case.h (digits, A-Z and - / . between them, at
 * least one digit); there is no free text. A case has one 初回 and one
 * 終了前; 中間 may come more than once. A review is added or removed,
 * never changed, and each of those is kept in case_history for undo
 * (AUTOINCREMENT: a review id never names two reviews, as a meeting's
 * never names two meetings).
 * A meeting with reviews cannot be deleted (they say what it
 * discussed), and its number of cases is their count: the triggers set
 * it with each review added or removed, as a change of the meeting
 * (SEQUENCE and version go up, so that calendars and editors holding
 * the old number notice, and the meeting's history shows it), and
 * refuse another number while it has reviews. A meeting without them
 * keeps the number typed; the first review replaces it, and removing
 * the last leaves 0.
 */
#define CASE_COUNT_UPDATE(row)						\
	"  UPDATE meetings SET cases = (SELECT count(*)"		\
	"   FROM case_reviews WHERE meeting_id = " row ".meeting_id),"	\
	"   sequence = sequence + 1, version = version + 1,"		\
	"   updated_at = strftime('%Y-%m-%d %H:%M:%S', 'now'),"		\
	"   updated_by = coalesce((SELECT login FROM actions WHERE id ="	\
	"   (SELECT max(id) FROM actions)), 'sqlite3')"			\
	"   WHERE id = " row ".meeting_id;"

static const char migration_8[] =
"CREATE TABLE case_reviews ("
"  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
"  ref        TEXT NOT NULL CHECK (length(ref) BETWEEN 1 AND 16"
"             AND ref NOT GLOB '*[^0-9A-Z./-]*' AND ref GLOB '[0-9A-Z]*'"
"             AND ref GLOB '*[0-9A-Z]' AND ref GLOB '*[0-9]*'),"
"  meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE RESTRICT,"
"  stage      TEXT NOT NULL CHECK (stage = 'initial' OR"
"             stage = 'interim' OR stage = 'final'),"
"  UNIQUE (ref, meeting_id)"
");"
"CREATE UNIQUE INDEX case_reviews_one_initial ON case_reviews (ref)"
"  WHERE stage = 'initial';"
"CREATE UNIQUE INDEX case_reviews_one_final ON case_reviews (ref)"
"  WHERE stage = 'final';"
"CREATE INDEX case_reviews_by_meeting ON case_reviews (meeting_id);"
"CREATE TABLE case_history ("
"  id         INTEGER PRIMARY KEY,"
"  action_id  INTEGER REFERENCES actions (id),"
"  review_id  INTEGER NOT NULL,"
"  op         TEXT NOT NULL CHECK (op = 'insert' OR op = 'delete'),"
"  ref        TEXT NOT NULL,"
"  meeting_id INTEGER NOT NULL,"
"  stage      TEXT NOT NULL"
");"
"CREATE INDEX case_history_by_action ON case_history (action_id);"
"CREATE TRIGGER case_reviews_kept BEFORE UPDATE ON case_reviews BEGIN"
"  SELECT RAISE(ABORT, 'a case review is added or removed, never changed');"
"END;"
"CREATE TRIGGER case_history_kept_update BEFORE UPDATE ON case_history"
" BEGIN"
"  SELECT RAISE(ABORT, 'the history of changes is never rewritten');"
"END;"
"CREATE TRIGGER case_history_kept_delete BEFORE DELETE ON case_history"
" BEGIN"
"  SELECT RAISE(ABORT, 'the history of changes is never deleted');"
"END;"
"CREATE TRIGGER case_reviews_insert AFTER INSERT ON case_reviews BEGIN"
"  INSERT INTO case_history (action_id, review_id, op, ref, meeting_id,"
"   stage) VALUES ((SELECT max(id) FROM actions), NEW.id, 'insert',"
"   NEW.ref, NEW.meeting_id, NEW.stage);"
	CASE_COUNT_UPDATE("NEW")
"END;"
"CREATE TRIGGER case_reviews_delete AFTER DELETE ON case_reviews BEGIN"
"  INSERT INTO case_history (action_id, review_id, op, ref, meeting_id,"
"   stage) VALUES ((SELECT max(id) FROM actions), OLD.id, 'delete',"
"   OLD.ref, OLD.meeting_id, OLD.stage);"
	CASE_COUNT_UPDATE("OLD")
"END;"
"CREATE TRIGGER meetings_cases_counted BEFORE UPDATE OF cases ON meetings"
" WHEN EXISTS (SELECT 1 FROM case_reviews WHERE meeting_id = NEW.id)"
" AND NEW.cases IS NOT (SELECT count(*) FROM case_reviews"
" WHERE meeting_id = NEW.id) BEGIN"
"  SELECT RAISE(ABORT, 'the number of cases of a meeting with case "
"references is their count');"
"END;";

static const char *migrations[] = {
	migration_1, migration_2, migration_3, migration_4, migration_5,
	migration_6, migration_7, migration_8
};

const char *
schema_migration(int n)
{
	if (n < 1 || n > SCHEMA_VERSION)
		return NULL;
	return migrations[n - 1];
}

int
schema_version(sqlite3 *db, int *version, struct error *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) !=
	    SQLITE_OK)
		return error_set(err, ERROR_FAILURE, "%s", sqlite3_errmsg(db));
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		error_set(err, ERROR_FAILURE, "%s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static int
exec(sqlite3 *db, const char *sql, struct error *err)
{
	char	*msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		error_set(err, ERROR_FAILURE, "%s",
		    msg != NULL ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int
schema_check_version(int version, const char *path, struct error *err)
{
	if (version > SCHEMA_VERSION)
		return error_set(err, ERROR_FAILURE,
		    _("%s: written by a newer carecal (schema version %d; "
		    "this program knows up to %d); not opened"), path,
		    version, SCHEMA_VERSION);
	if (version < 0)
		return error_set(err, ERROR_FAILURE, _("%s: schema version "
		    "%d is not one carecal ever wrote; not opened"), path,
		    version);
	return 0;
}

int
schema_migrate(sqlite3 *db, const char *path, int from, struct error *err)
{
	char	sql[64];
	int	v;

	if (schema_check_version(from, path, err) == -1)
		return -1;
	for (v = from + 1; v <= SCHEMA_VERSION; v++)
		if (exec(db, migrations[v - 1], err) == -1) {
			error_prefix(err, _("%s: upgrading to schema %d: "),
			    path, v);
			return -1;
		}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", SCHEMA_VERSION);
	if (exec(db, sql, err) == -1)
		return -1;
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
	    SCHEMA_APPLICATION_ID);
	return exec(db, sql, err);
}
