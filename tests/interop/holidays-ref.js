// holidays-ref.js -- prints the holidays of @holiday-jp/holiday_jp for a
// range of years as "YYYY-MM-DD<TAB>name", like tests/unit/dump-holidays.
//
// It reads the package's `holidays` object (keyed by "YYYY-MM-DD") rather
// than between(), which turns local-time Dates into UTC ones and so
// depends on the time zone the test runs in.
'use strict';

const holidayJp = require('@holiday-jp/holiday_jp');

const first = Number(process.argv[2]);
const last = Number(process.argv[3]);
if (!Number.isInteger(first) || !Number.isInteger(last)) {
	process.stderr.write('usage: node holidays-ref.js FIRST LAST\n');
	process.exit(2);
}

const lines = [];
for (const key of Object.keys(holidayJp.holidays).sort()) {
	const year = Number(key.slice(0, 4));
	if (year >= first && year <= last)
		lines.push(key + '\t' + holidayJp.holidays[key].name + '\n');
}
process.stdout.write(lines.join(''));
