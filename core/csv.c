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

struct field_buffer {
	char	*data;
	size_t	 len, cap;
};

static void
buffer_add(struct field_buffer *b, char c)
{
	if (b->len + 1 >= b->cap) {
		b->cap = b->cap == 0 ? 64 : b->cap * 2;
		b->data = xreallocarray(b->data, b->cap, 1);
	}
	b->data[b->len++] = c;
}

static void
record_add_field(struct csv_record *r, struct field_buffer *b)
{
	r->fields = xreallocarray(r->fields, r->count + 1, sizeof *r->fields);
	r->fields[r->count++] = xstrndup(b->data != NULL ? b->data : "",
	    b->len);
	b->len = 0;
}

static struct csv_record *
table_add_record(struct csv_table *t, long line)
{
	struct csv_record	*r;

	t->records = xreallocarray(t->records, t->count + 1,
	    sizeof *t->records);
	r = &t->records[t->count++];
	memset(r, 0, sizeof *r);
	r->line = line;
	return r;
}

/* The line a byte offset is on, for errors found before parsing. */
static long
line_of(const char *data, size_t offset)
{
	long	line = 1;
	size_t	i;

	for (i = 0; i < offset; i++)
		if (data[i] == '\n')
			line++;
	return line;
}

static int
check_bytes(const char *data, size_t len, const char *name,
    struct error *err)
{
	const char	*nul = memchr(data, '\0', len);
	size_t		 start, i;

	if (nul != NULL)
		return error_set(err, ERROR_INPUT, _("%s:%ld: contains a NUL "
		    "byte; not a text file"), name,
		    line_of(data, (size_t)(nul - data)));
	/* check line by line so the message can name the line */
	for (start = 0, i = 0; i <= len; i++) {
		if (i == len || data[i] == '\n') {
			if (!text_utf8_valid(data + start, i - start))
				return error_set(err, ERROR_INPUT, _("%s:%ld: "
				    "not valid UTF-8 (save the file as UTF-8)"),
				    name, line_of(data, start));
			start = i + 1;
		}
	}
	return 0;
}

int
csv_parse(const char *data, size_t len, const char *name,
    struct csv_table *t, struct error *err)
{
	struct field_buffer	 b = { NULL, 0, 0 };
	struct csv_record	*r = NULL;
	size_t			 i = 0, record_start = 0;
	long			 line = 1, record_line = 1;
	int			 quoted = 0, after_quote = 0;

	memset(t, 0, sizeof *t);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = record_start = 3;
	if (check_bytes(data, len, name, err) == -1)
		return -1;
	for (; i < len; i++) {
		char	c = data[i];

		if (i - record_start > CSV_MAX_RECORD) {
			error_set(err, ERROR_INPUT, _("%s:%ld: record longer "
			    "than %d bytes"), name, record_line,
			    CSV_MAX_RECORD);
			goto fail;
		}
		if (r == NULL) {
			r = table_add_record(t, line);
			record_line = line;
			record_start = i;
		}
		if (quoted) {
			if (c == '"') {
				if (i + 1 < len && data[i + 1] == '"') {
					buffer_add(&b, '"');
					i++;
				} else {
					quoted = 0;
					after_quote = 1;
				}
			} else if (c == '\r' && i + 1 < len &&
			    data[i + 1] == '\n') {
				/* a line break in a cell is kept as LF */
				continue;
			} else {
				if (c == '\n')
					line++;
				buffer_add(&b, c);
			}
			continue;
		}
		switch (c) {
		case '"':
			if (b.len != 0 || after_quote) {
				error_set(err, ERROR_INPUT, _("%s:%ld: field "
				    "%zu: a quote inside an unquoted field "
				    "(quote the whole field and double the "
				    "quote)"), name, line, r->count + 1);
				goto fail;
			}
			quoted = 1;
			break;
		case ',':
			record_add_field(r, &b);
			after_quote = 0;
			break;
		case '\r':
			if (i + 1 < len && data[i + 1] == '\n')
				break;
			/* a lone CR ends a line too */
			/* FALLTHROUGH */
		case '\n':
			record_add_field(r, &b);
			after_quote = 0;
			r = NULL;
			line++;
			break;
		default:
			if (after_quote) {
				error_set(err, ERROR_INPUT, _("%s:%ld: field "
				    "%zu: text after the closing quote"), name,
				    line, r->count + 1);
				goto fail;
			}
			buffer_add(&b, c);
		}
	}
	if (quoted) {
		error_set(err, ERROR_INPUT, _("%s:%ld: a quoted field is never "
		    "closed"), name, record_line);
		goto fail;
	}
	if (r != NULL)
		record_add_field(r, &b);
	free(b.data);
	return 0;
fail:
	free(b.data);
	csv_table_free(t);
	return -1;
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
	char	*data;
	size_t	 len;
	int	 rc;

	memset(t, 0, sizeof *t);
	if (file_read_all(path, CSV_MAX_FILE, &data, &len, err) == -1)
		return -1;
	if (len == 0) {
		free(data);
		return error_set(err, ERROR_INPUT, _("%s: empty file; "
		    "expected a header line"), path);
	}
	rc = csv_parse(data, len, path, t, err);
	free(data);
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

void
csv_write_field(FILE *fp, const char *s)
{
	const char	*p;

	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			fputc('"', fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
}
