// ical-check.js -- reads iCalendar files with ical.js, a reader independent
// of libical, and checks what office calendars rely on: the file parses,
// every VEVENT has UID, DTSTAMP and DTSTART, every TZID has its VTIMEZONE,
// no line is longer than 75 octets, every line is whole UTF-8, every line
// ends in CRLF, and the calendar properties are there.
//
// Usage: NODE_PATH=... node ical-check.js FILE...
// Prints one line per event, its times in Asia/Tokyo as ical.js computes
// them from the file's own VTIMEZONE:
//   2021-07-29 13:30 15:00 SUMMARY [CATEGORIES,...]
//   2021-04-13 - - SUMMARY [...]          (all day, ending the next day)
// and "problem: FILE: ..." for each problem (exit status 1).
'use strict';

const fs = require('fs');
const ICAL = require('ical.js');

let problems = 0;

function problem(file, what) {
	problems++;
	console.log(`problem: ${file}: ${what}`);
}

function pad(n) {
	return String(n).padStart(2, '0');
}

// An instant as a date and time in Japan (UTC+9, no summer time since 1951).
function tokyo(unix) {
	const d = new Date((unix + 9 * 3600) * 1000);
	return {
		date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-` +
		    `${pad(d.getUTCDate())}`,
		time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
	};
}

function checkLines(file, bytes) {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	let start = 0, n = 0;

	if (bytes.length < 2 || bytes[bytes.length - 2] !== 13 ||
	    bytes[bytes.length - 1] !== 10)
		problem(file, 'does not end with CRLF');
	while (start < bytes.length) {
		let end = bytes.indexOf(10, start);
		if (end === -1)
			end = bytes.length;
		n++;
		if (end === start || bytes[end - 1] !== 13)
			problem(file, `line ${n}: a line feed without a carriage return`);
		const line = bytes.subarray(start, end > start &&
		    bytes[end - 1] === 13 ? end - 1 : end);
		if (line.indexOf(13) !== -1)
			problem(file, `line ${n}: a lone carriage return`);
		if (line.length > 75)
			problem(file, `line ${n}: ${line.length} octets (over 75)`);
		try {
			decoder.decode(line);
		} catch (e) {
			problem(file, `line ${n}: not whole UTF-8 (a character split by folding?)`);
		}
		start = end + 1;
	}
}

function checkFile(file) {
	const bytes = fs.readFileSync(file);
	let cal;

	checkLines(file, bytes);
	try {
		cal = new ICAL.Component(ICAL.parse(bytes.toString('utf8')));
	} catch (e) {
		problem(file, `ical.js cannot parse it: ${e.message}`);
		return;
	}
	for (const name of ['prodid', 'version', 'calscale', 'method',
	    'x-wr-calname', 'x-wr-timezone'])
		if (!cal.hasProperty(name))
			problem(file, `no ${name.toUpperCase()}`);
	if (cal.getFirstPropertyValue('version') !== '2.0')
		problem(file, 'VERSION is not 2.0');
	if (cal.getFirstPropertyValue('method') !== 'PUBLISH')
		problem(file, 'METHOD is not PUBLISH');
	const zones = new Set();
	for (const vtz of cal.getAllSubcomponents('vtimezone')) {
		zones.add(vtz.getFirstPropertyValue('tzid'));
		ICAL.TimezoneService.register(vtz);
	}
	for (const ev of cal.getAllSubcomponents('vevent')) {
		const uid = ev.getFirstPropertyValue('uid');
		for (const name of ['uid', 'dtstamp', 'dtstart'])
			if (!ev.hasProperty(name))
				problem(file, `${uid}: a VEVENT without ${name.toUpperCase()}`);
		for (const prop of ev.getAllProperties()) {
			const tzid = prop.getParameter('tzid');
			if (tzid !== undefined && !zones.has(tzid))
				problem(file, `${uid}: TZID ${tzid} has no VTIMEZONE`);
		}
		const e = new ICAL.Event(ev);
		const categories = ev.getAllProperties('categories')
		    .map((p) => p.getValues()).flat().join(',');
		const s = e.startDate, end = e.endDate;
		if (s.isDate) {
			const next = s.clone();
			next.adjust(1, 0, 0, 0);
			if (!end.isDate || end.compare(next) !== 0)
				problem(file, `${uid}: an all-day event not ending the next day`);
			console.log(`${s.toString()} - - ${e.summary} [${categories}]`);
		} else {
			const a = tokyo(s.toUnixTime()), b = tokyo(end.toUnixTime());
			if (a.date !== b.date)
				problem(file, `${uid}: ends on another day`);
			console.log(`${a.date} ${a.time} ${b.time} ${e.summary} [${categories}]`);
		}
	}
}

for (const file of process.argv.slice(2))
	checkFile(file);
process.exit(problems > 0 ? 1 : 0);
