/*
 * feed-index.c -- the page of feeds `carecal serve` shows at "/"
 * (feed-index.h): plain HTML, no script, no image, every name and the
 * host escaped.
 */
#include <stdio.h>
#include <stdlib.h>

#include "alloc.h"
#include "feed-index.h"

/* s with & < > " ' as entities, to fp. */
static void
put_escaped(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		default:
			fputc(*s, fp);
		}
}

static void
put_section(FILE *fp, const char *heading, enum feed_kind kind,
    const char *base, const struct feed_link *links, size_t n)
{
	size_t	i;
	int	any = 0;

	for (i = 0; i < n; i++) {
		if (links[i].kind != kind)
			continue;
		if (!any) {
			fprintf(fp, "<h2>%s</h2>\n<table>\n<tr><th>カレンダー"
			    "</th><th>URL</th></tr>\n", heading);
			any = 1;
		}
		fputs("<tr><td>", fp);
		put_escaped(fp, links[i].name);
		if (links[i].retired)
			fputs("（廃止）", fp);
		fputs("</td><td><a href=\"", fp);
		put_escaped(fp, base);
		put_escaped(fp, links[i].path);
		fputs("\"><code>", fp);
		put_escaped(fp, base);
		put_escaped(fp, links[i].path);
		fputs("</code></a></td></tr>\n", fp);
	}
	if (any)
		fputs("</table>\n", fp);
}

char *
feed_index_html(const char *title, const char *base,
    const struct feed_link *links, size_t n, size_t *len)
{
	FILE	*fp;
	char	*text = NULL;
	size_t	 size = 0;

	if ((fp = open_memstream(&text, &size)) == NULL)
		return NULL;
	fputs("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>", fp);
	put_escaped(fp, title);
	fputs("</title>\n<style>body{font-family:sans-serif;margin:2em;"
	    "max-width:60em}th,td{padding:.2em .8em;text-align:left}"
	    "code{user-select:all}</style>\n</head>\n<body>\n<h1>", fp);
	put_escaped(fp, title);
	fputs("</h1>\n<p>次の URL を予定表に登録すると、会議の予定が自動で"
	    "更新されます。Outlook は「予定表を追加」→「インターネットから"
	    "」、Google カレンダーは「他のカレンダー」→「URL で追加」、"
	    "Thunderbird は「新しいカレンダー」→「ネットワークのサーバーに"
	    "保存」で URL を貼り付けます。</p>\n<p>中止になった会議と削除され"
	    "た会議は「【中止】」として表示されます。個人のメモは含まれません"
	    "。</p>\n", fp);
	put_section(fp, "すべての会議", FEED_ALL, base, links, n);
	put_section(fp, "センター別", FEED_CENTER, base, links, n);
	put_section(fp, "会議種別", FEED_TYPE, base, links, n);
	fputs("</body>\n</html>\n", fp);
	if (fclose(fp) == EOF) {
		free(text);
		return NULL;
	}
	*len = size;
	return text;
}
