# generate.awk -- the meetings of N centers over Y fiscal years as carecal
# CSV, spread as a real city plans them: each center holds each regional
# type as often as the profile's yearly target says, the city-level
# meetings come twice a year (July and January, so their reporting windows
# meet), and everything falls on working days.
#
# Usage (bench/generate runs it):
#   awk -v first=2016 -v years=10 -v today=2025-10-01 -v seed=1 \
#       -v closure=12-29..01-03 -f generate.awk PROFILE HOLIDAYS > meetings.csv
# PROFILE is a carecal profile (its type and center lines are used);
# HOLIDAYS holds the national holidays, a YYYY-MM-DD first on each line
# (`carecal holidays YEAR`); closure is the office closure (`carecal
# config closure`, 12-29..01-03), days off too. Meetings before today
# are held, the others
# planned; about one in twenty was first called off and moved to another
# day (the cancelled one is kept), and every other year a city-level
# meeting is called and then cancelled. So `carecal check` finds nothing
# in any generated year: no target missed, no clash (a center meets at
# most once a day), no weekend or holiday, no gap between the windows.
#
# The random numbers are our own (Park-Miller) rather than rand(), so
# that every awk gives the same file for the same seed.

BEGIN {
	FS = "\t"
	if (seed == "" || seed + 0 < 1)
		seed = 20210729
	state = seed % 2147483647
	if (first == "")
		first = 2016
	if (years == "")
		years = 10
	if (today == "")
		today = "9999-12-31"
	today_days = days_of(today)
	nslots = split("10:00 11:30|13:30 15:00|14:00 16:00|15:00 16:30|" \
	    "18:30 20:00", slots, "|")
	ntypes = ncenters = 0
}

# the profile: tab-separated type and center lines
FILENAME == ARGV[1] && $1 == "type" {
	ntypes++
	tcode[ntypes] = $2
	tcity[ntypes] = $5 == "city"
	tmin[ntypes] = $6 == "-" ? 0 : $6 + 0
	tmax[ntypes] = $7 == "-" ? tmin[ntypes] + 2 : $7 + 0
	tcases[ntypes] = $8 == "cases"
	next
}
FILENAME == ARGV[1] && $1 == "center" {
	center[++ncenters] = $2
	next
}
# what a type summons: a profession a field, the first of its alternatives
FILENAME == ARGV[1] && $1 == "summons" {
	for (i = 3; i <= NF; i++) {
		split($i, alt, "|")
		summons[$2, ++nsummons[$2]] = alt[1]
	}
	next
}
FILENAME == ARGV[1] { next }
{
	split($0, w, /[ \t]/)
	holiday[days_of(w[1])] = 1
}

END {
	closed(days_of(first "-04-01"), days_of(first + years "-03-31"))
	print "id,uid,date,start,end,center,type,mode,status,cases,venue," \
	    "url,note"
	for (fy = first; fy < first + years; fy++) {
		fy_start = days_of(fy "-04-01")
		for (t = 1; t <= ntypes; t++)
			if (tcity[t])
				city_year(t, fy)
		for (c = 1; c <= ncenters; c++)
			for (t = 1; t <= ntypes; t++)
				if (!tcity[t])
					center_year(c, t, fy)
	}
	printf "%d meetings (%d cancelled) of %d centers over fiscal " \
	    "years %d-%d\n", counted + cancelled, cancelled, ncenters,
	    first, first + years - 1 > "/dev/stderr"
}

# Marks the days lo..hi that fall in the office closure (MM-DD..MM-DD,
# perhaps across the new year) as days off, with the holidays.
function closed(lo, hi,    from, to, d, md)
{
	if (closure !~ /^[0-9][0-9]-[0-9][0-9]\.\.[0-9][0-9]-[0-9][0-9]$/)
		return
	from = substr(closure, 1, 5)
	to = substr(closure, 8, 5)
	for (d = lo; d <= hi; d++) {
		md = substr(ymd(d), 6)
		if (from <= to ? md >= from && md <= to : \
		    md >= from || md <= to)
			holiday[d] = 1
	}
}

# A uniform integer in 0..n-1.
function rnd(n)
{
	state = (state * 16807) % 2147483647
	return int(state / 2147483647 * n)
}

# Days since 1970-01-01 of YYYY-MM-DD (days-from-civil).
function days_of(s,    y, m, d, era, yoe, doy, doe)
{
	y = substr(s, 1, 4) + 0
	m = substr(s, 6, 2) + 0
	d = substr(s, 9, 2) + 0
	if (m <= 2)
		y--
	era = int(y / 400)
	yoe = y - era * 400
	doy = int((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
	doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
	return era * 146097 + doe - 719468
}

# YYYY-MM-DD of days since 1970-01-01 (civil-from-days).
function ymd(z,    era, doe, yoe, y, doy, mp, d, m)
{
	z += 719468
	era = int(z / 146097)
	doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - \
	    int(doe / 146096)) / 365)
	y = yoe + era * 400
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153)
	d = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9
	return sprintf("%04d-%02d-%02d", m <= 2 ? y + 1 : y, m, d)
}

# The first day of month index i of fiscal year fy (0 = April).
function month_start(fy, i)
{
	return days_of(sprintf("%04d-%02d-01", i < 9 ? fy : fy + 1,
	    (i + 3) % 12 + 1))
}

function working(d,    wd)
{
	wd = (d + 4) % 7	# 1970-01-01 was a Thursday; 0 is Sunday
	return wd != 0 && wd != 6 && !(d in holiday)
}

# A working day in lo..hi, from a random one on, on which who (a center,
# or "city") has no meeting yet; it is taken.
function pick_day(who, lo, hi,    d, n)
{
	d = lo + rnd(hi - lo + 1)
	for (n = 0; n <= hi - lo; n++) {
		if (working(d) && !((who, d) in taken))
			break
		d = d < hi ? d + 1 : lo
	}
	taken[who, d] = 1
	return d
}

function emit(d, who, t, status,    times, mode, cases, venue, url, note, r)
{
	r = rnd(100)
	times = r < 3 ? "," : slots[1 + rnd(nslots)]
	sub(/ /, ",", times)
	r = rnd(100)
	mode = r < 65 ? "in-person" : r < 90 ? "hybrid" : "online"
	if (status == "")
		status = d < today_days ? "held" : "planned"
	cases = tcases[t] && status == "held" ? 1 + rnd(3) : ""
	if (mode == "online")
		venue = ""
	else if (who == "")
		venue = "市役所 議会棟 特別委員会室"
	else
		venue = who "地域包括支援センター 会議室"
	url = mode == "in-person" ? "" : \
	    sprintf("https://meet.example.jp/%d", counted + cancelled + 1)
	note = rnd(10) == 0 ? "\"議事録は共有フォルダ, 次回は事例2件\"" : ""
	printf ",,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", ymd(d), times, who,
	    tcode[t], mode, status, cases, venue, url, note
	if (status == "cancelled")
		cancelled++
	else
		counted++
	if (bookings != "" && status != "cancelled" && who != "")
		book(d, who, tcode[t])
}

# With bookings=FILE: the advisors a meeting's type summons, booked, as
# "DATE<tab>CENTER<tab>ADVISOR" lines (advisors=FILE gets each advisor
# once, "NAME<tab>PROFESSION"). Four neighbouring centers share two
# advisors of each profession; an advisor takes one meeting a day, so
# that no booking clashes, and when both have one that day the center's
# own stand-in comes: every summons is met.
function book(d, who, code,    k, p, i, name)
{
	for (k = 1; k <= nsummons[code]; k++) {
		p = summons[code, k]
		name = ""
		for (i = 1; i <= 2 && name == ""; i++) {
			name = sprintf("区%04d-%s-%d", int((cur_center - 1) / 4) + 1,
			    p, i)
			if ((name, d) in busy)
				name = ""
		}
		if (name == "")
			name = sprintf("%s-%s-代理", who, p)
		busy[name, d] = 1
		if (!(name in advisor)) {
			advisor[name] = 1
			printf "%s\t%s\n", name, p > advisors
		}
		printf "%s\t%s\t%s\n", ymd(d), who, name > bookings
	}
}

# One center's meetings of type t in fiscal year fy: a count within the
# target, one in each equal share of the year, now and then after a
# cancelled date in the same share.
function center_year(c, t, fy,    k, i, lo, hi)
{
	cur_center = c
	k = tmin[t] + rnd(tmax[t] - tmin[t] + 1)
	for (i = 0; i < k; i++) {
		lo = month_start(fy, int(i * 12 / k))
		hi = month_start(fy, int((i + 1) * 12 / k)) - 1
		if (rnd(20) == 0)
			emit(pick_day(c, lo, hi), center[c], t, "cancelled")
		emit(pick_day(c, lo, hi), center[c], t, "")
	}
}

# The city-level meetings of type t: the target's minimum, spaced
# evenly from July (two: July and January, in their last two weeks, so
# that each one's default window starts where the previous one's ends);
# every other year one more, called and then cancelled.
function city_year(t, fy,    k, i, m, hi)
{
	k = tmin[t] > 0 ? tmin[t] : 1
	for (i = 0; i < k; i++) {
		m = 3 + int(i * 12 / k)
		hi = month_start(fy, m + 1) - 1
		emit(pick_day("city", hi - 13, hi), "", t, "")
	}
	if (rnd(2) == 0)
		emit(pick_day("city", month_start(fy, 11),
		    month_start(fy, 12) - 1), "", t, "cancelled")
}
