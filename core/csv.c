/*
 * csv.c -- reading and writing CSV.
 *
 * Written by hand rather than with libcsv: we need the physical line of
 * every record for error messages, strict UTF-8 and NUL checks and a
 * record-size bound, and libcsv (last released 2013) gives none of them.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "csv.h"
#include "i18n.h"
#include "text.h"

/*
 * The reader: bytes come from a memory buffer (csv_parse) or from a file
 * in blocks (csv_reader_open), so a large file is never held whole.
 */
struct csv_reader {
	FILE		*fp;
	char		*name;
	const char	*data;		/* the bytes at hand */
	size_t		 len, pos;
	char		*block;		/* what data points to, from a file */
	int		 started;	/* the BOM was looked for */
	long		 line;		/* physical line of the next byte */
	unsigned long	 offset;	/* bytes read before data[pos] */
	char		*text;		/* the fields, NUL-separated */
	size_t		 text_len, text_cap;
	size_t		*starts;	/* where each field starts in text */
	long		*lines;		/* the line each field starts on */
	char		**fields;	/* handed out in a csv_record */
	size_t		 count, cap;
	time_t		 modified;	/* the file's mtime */
};

#define READ_BLOCK	65536

/* The next byte, -1 at the end (or after a read error, with errno). */
static int
reader_peek(struct csv_reader *r)
{
	size_t	n;

	if (r->pos < r->len)
		return (unsigned char)r->data[r->pos];
	if (r->fp == NULL)
		return -1;
	r->offset += r->len;
	n = fread(r->block, 1, READ_BLOCK, r->fp);
	r->data = r->block;
	r->len = n;
	r->pos = 0;
	return n == 0 ? -1 : (unsigned char)r->data[0];
}

static int
reader_get(struct csv_reader *r)
{
	int	c = reader_peek(r);

	if (c != -1)
		r->pos++;
	return c;
}

static void
text_add(struct csv_reader *r, char c)
{
	if (r->text_len + 1 >= r->text_cap) {
		r->text_cap = r->text_cap == 0 ? 256 : r->text_cap * 2;
		r->text = xreallocarray(r->text, r->text_cap, 1);
	}
	r->text[r->text_len++] = c;
}

static void
field_begin(struct csv_reader *r)
{
	if (r->count == r->cap) {
		r->cap = r->cap == 0 ? 16 : r->cap * 2;
		r->starts = xreallocarray(r->starts, r->cap,
		    sizeof *r->starts);
		r->lines = xreallocarray(r->lines, r->cap, sizeof *r->lines);
		r->fields = xreallocarray(r->fields, r->cap,
		    sizeof *r->fields);
	}
	r->starts[r->count] = r->text_len;
	r->lines[r->count++] = r->line;
}

/*
 * End the field being read: it must be UTF-8 without NUL. Every byte
 * that is not a separator, quote or line end is in a field, so checking
 * the fields checks the file; a line break inside the field moves the
 * line of the message along.
 */
static int
field_end(struct csv_reader *r, struct error *err)
{
	const char	*f, *p, *nl;
	size_t		 len = r->text_len - r->starts[r->count - 1];
	long		 line = r->lines[r->count - 1];

	/* first: the text may move, and is still NULL if all is empty */
	text_add(r, '\0');
	f = r->text + r->starts[r->count - 1];
	for (p = f; p < f + len; p = nl + 1, line++) {
		if ((nl = memchr(p, '\n', (size_t)(f + len - p))) == NULL)
			nl = f + len;
		if (memchr(p, '\0', (size_t)(nl - p)) != NULL)
			return error_set(err, ERROR_INPUT, _("%s:%ld: "
			    "contains a NUL byte; not a text file"), r->name,
			    line);
		if (!text_utf8_valid(p, (size_t)(nl - p)))
			return error_set(err, ERROR_INPUT, _("%s:%ld: not "
			    "valid UTF-8 (save the file as UTF-8)"), r->name,
			    line);
	}
	return 0;
}

int
csv_reader_next(struct csv_reader *r, struct csv_record *out,
    struct error *err)
{
	unsigned long	 start;
	long		 record_line = r->line;
	size_t		 i;
	int		 c, quoted = 0, after_quote = 0;

	if (!r->started) {
		r->started = 1;
		if (reader_peek(r) == 0xEF && r->pos + 3 <= r->len &&
		    memcmp(r->data + r->pos, "\xEF\xBB\xBF", 3) == 0)
			r->pos += 3;
	}
	r->count = 0;
	r->text_len = 0;
	if (reader_peek(r) == -1)
		goto end;
	start = r->offset + r->pos;
	record_line = r->line;
	field_begin(r);
	for (;;) {
		if (r->offset + r->pos - start > CSV_MAX_RECORD)
			return error_set(err, ERROR_INPUT, _("%s:%ld: record "
			    "longer than %d bytes"), r->name, record_line,
			    CSV_MAX_RECORD);
		if ((c = reader_get(r)) == -1)
			break;
		if (quoted) {
			if (c == '"') {
				if (reader_peek(r) == '"') {
					text_add(r, '"');
					reader_get(r);
				} else {
					quoted = 0;
					after_quote = 1;
				}
			} else if (c == '\r' && reader_peek(r) == '\n') {
				/* a line break in a cell is kept as LF */
				continue;
			} else {
				if (c == '\n')
					r->line++;
				text_add(r, (char)c);
			}
			continue;
		}
		switch (c) {
		case '"':
			if (r->text_len != r->starts[r->count - 1] ||
			    after_quote)
				return error_set(err, ERROR_INPUT, _("%s:%ld: "
				    "field %zu: a quote inside an unquoted "
				    "field (quote the whole field and double "
				    "the quote)"), r->name, r->line, r->count);
			quoted = 1;
			break;
		case ',':
			if (field_end(r, err) == -1)
				return -1;
			field_begin(r);
			after_quote = 0;
			break;
		case '\r':
			if (reader_peek(r) == '\n')
				break;
			/* a lone CR ends a line too */
			/* FALLTHROUGH */
		case '\n':
			r->line++;
			goto record;
		default:
			if (after_quote)
				return error_set(err, ERROR_INPUT, _("%s:%ld: "
				    "field %zu: text after the closing quote"),
				    r->name, r->line, r->count);
			text_add(r, (char)c);
		}
	}
end:
	if (r->fp != NULL && ferror(r->fp))
		return error_set(err, ERROR_INPUT, _("%s: cannot read: %s"),
		    r->name, strerror(errno));
	if (quoted)
		return error_set(err, ERROR_INPUT, _("%s:%ld: a quoted field "
		    "is never closed"), r->name, record_line);
	if (r->count == 0)
		return 0;
record:
	if (field_end(r, err) == -1)
		return -1;
	for (i = 0; i < r->count; i++)
		r->fields[i] = r->text + r->starts[i];
	out->line = record_line;
	out->count = r->count;
	out->fields = r->fields;
	return 1;
}

static struct csv_reader *
reader_new(const char *name)
{
	struct csv_reader	*r = xcalloc(1, sizeof *r);

	r->name = xstrdup(name);
	r->line = 1;
	return r;
}

void
csv_reader_close(struct csv_reader *r)
{
	if (r == NULL)
		return;
	if (r->fp != NULL)
		fclose(r->fp);
	free(r->name);
	free(r->block);
	free(r->text);
	free(r->starts);
	free(r->lines);
	free(r->fields);
	free(r);
}

int
csv_reader_open(const char *path, struct csv_reader **out, struct error *err)
{
	struct csv_reader	*r;
	struct stat		 st;
	int			 fd;

	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return error_set(err, ERROR_INPUT, _("%s: cannot read: %s"),
		    path, strerror(errno));
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		close(fd);
		return error_set(err, ERROR_INPUT, _("%s: not a regular "
		    "file"), path);
	}
	if ((size_t)st.st_size > CSV_MAX_FILE) {
		close(fd);
		return error_set(err, ERROR_INPUT, _("%s: larger than %zu "
		    "MiB; split it"), path, (size_t)CSV_MAX_FILE /
		    (1024 * 1024));
	}
	if (st.st_size == 0) {
		close(fd);
		return error_set(err, ERROR_INPUT, _("%s: empty file; "
		    "expected a header line"), path);
	}
	r = reader_new(path);
	r->modified = st.st_mtime;
	if ((r->fp = fdopen(fd, "rb")) == NULL) {
		close(fd);
		csv_reader_close(r);
		return error_set(err, ERROR_FAILURE, "%s: %s", path,
		    strerror(errno));
	}
	r->block = xmalloc(READ_BLOCK);
	r->data = r->block;
	*out = r;
	return 0;
}

time_t
csv_reader_modified(const struct csv_reader *r)
{
	return r->modified;
}

/* The records of a reader, copied into a table. */
static int
table_read(struct csv_reader *r, struct csv_table *t, struct error *err)
{
	struct csv_record	 rec, *copy;
	size_t			 cap = 0, i;
	int			 rc;

	memset(t, 0, sizeof *t);
	while ((rc = csv_reader_next(r, &rec, err)) == 1) {
		if (t->count == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			t->records = xreallocarray(t->records, cap,
			    sizeof *t->records);
		}
		copy = &t->records[t->count++];
		copy->line = rec.line;
		copy->count = rec.count;
		copy->fields = xreallocarray(NULL, rec.count,
		    sizeof *copy->fields);
		for (i = 0; i < rec.count; i++)
			copy->fields[i] = xstrdup(rec.fields[i]);
	}
	if (rc == -1)
		csv_table_free(t);
	return rc;
}

int
csv_parse(const char *data, size_t len, const char *name,
    struct csv_table *t, struct error *err)
{
	struct csv_reader	*r = reader_new(name);
	int			 rc;

	r->data = data;
	r->len = len;
	rc = table_read(r, t, err);
	csv_reader_close(r);
	return rc;
}

int
file_read_all(const char *path, size_t max, char **out, size_t *outlen,
    struct error *err)
{
	struct stat	 st;
	char		*buf;
	size_t		 got = 0;
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return error_set(err, ERROR_INPUT, _("%s: cannot read: %s"),
		    path, strerror(errno));
	if (fstat(fd, &st) == -1 || S_ISDIR(st.st_mode) ||
	    !S_ISREG(st.st_mode)) {
		close(fd);
		return error_set(err, ERROR_INPUT, _("%s: not a regular "
		    "file"), path);
	}
	if ((size_t)st.st_size > max) {
		close(fd);
		return error_set(err, ERROR_INPUT, _("%s: larger than %zu "
		    "MiB; split it"), path, max / (1024 * 1024));
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		n = read(fd, buf + got, (size_t)st.st_size - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			free(buf);
			close(fd);
			return error_set(err, ERROR_INPUT, _("%s: cannot "
			    "read: %s"), path, n == 0 ? _("file shrank") :
			    strerror(errno));
		}
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	*out = buf;
	*outlen = got;
	return 0;
}

int
csv_load_file(const char *path, struct csv_table *t, struct error *err)
{
	struct csv_reader	*r;
	int			 rc;

	memset(t, 0, sizeof *t);
	if (csv_reader_open(path, &r, err) == -1)
		return -1;
	rc = table_read(r, t, err);
	csv_reader_close(r);
	return rc;
}

void
csv_table_free(struct csv_table *t)
{
	size_t	i, j;

	for (i = 0; i < t->count; i++) {
		for (j = 0; j < t->records[i].count; j++)
			free(t->records[i].fields[j]);
		free(t->records[i].fields);
	}
	free(t->records);
	memset(t, 0, sizeof *t);
}

/*
 * 1 if a cell s could start a formula in Excel or LibreOffice: apostrophes
 * skipped, so that a value that itself begins with "'=" gets one more and
 * reads back whole.
 */
static int
formula_start(const char *s)
{
	while (*s == '\'')
		s++;
	return *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

const char *
csv_field_value(const char *s)
{
	return s[0] == '\'' && formula_start(s + 1) ? s + 1 : s;
}

void
csv_write_field(FILE *fp, const char *s)
{
	const char	*p;
	int		 neutral;

	if (s == NULL)
		return;
	neutral = formula_start(s);
	if (strpbrk(s, ",\"\r\n") == NULL) {
		if (neutral)
			fputc('\'', fp);
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	if (neutral)
		fputc('\'', fp);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			fputc('"', fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
}
