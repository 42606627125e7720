# generate-meetings.awk -- N synthetic meetings as carecal CSV (the
# `list --format csv` columns) for the benchmarks, on the Matsudo profile.
# Usage: awk -v n=100000 -f bench/generate-meetings.awk > meetings.csv
# Deterministic (fixed seed), spread over fiscal years 1990..2089 so
# every day holds only a few meetings, with every mode, status, time
# shape and optional field represented.
BEGIN {
	if (n == "")
		n = 100000
	srand(20210729)
	split("明第1 明第2西 明第2東 本庁 矢切 東部 常盤平 常盤平団地 " \
	    "五香松飛台 六実六高台 小金 小金原 新松戸 馬橋西 馬橋", centers, " ")
	split("suishin kobetsu kobetsu kobetsu jiritsu", types, " ")
	split("in-person hybrid online", modes, " ")
	split("held held held planned cancelled", statuses, " ")
	print "id,uid,date,start,end,center,type,mode,status,cases,venue,url,note"
	start = 7305	# days from 1970-01-01 to 1990-01-01
	for (i = 0; i < n; i++) {
		d = start + int(rand() * 36500)
		date = ymd(d)
		if (i % 200 == 0) {
			# a city-level meeting now and then
			printf ",,%s,13:30,15:00,,city,hybrid,held,,市役所 議会棟 " \
			    "特別委員会室,https://meet.example.jp/city-%d,\n",
			    date, i
			continue
		}
		c = centers[1 + int(rand() * 15)]
		t = types[1 + int(rand() * 5)]
		m = modes[1 + int(rand() * 3)]
		s = statuses[1 + int(rand() * 5)]
		r = int(rand() * 4)
		times = r == 0 ? "," : r == 1 ? "09:30," : \
		    r == 2 ? "13:30,15:00" : "18:00,19:45"
		cases = (t == "kobetsu" || t == "jiritsu") ? \
		    1 + int(rand() * 4) : ""
		venue = rand() < 0.7 ? c "地域包括支援センター 会議室" : ""
		url = m != "in-person" ? "https://meet.example.jp/" c "-" i : ""
		note = rand() < 0.1 ? "\"議事録は共有フォルダ, 次回は" \
		    "事例2件\"" : ""
		printf ",,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", date, times, c,
		    t, m, s, cases, venue, url, note
	}
}

# Days since 1970-01-01 to YYYY-MM-DD (civil-from-days).
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
