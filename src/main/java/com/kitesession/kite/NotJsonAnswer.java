package com.kitesession.kite;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Says what Kite sent instead of JSON (an empty body, an HTML gateway page, other text), in one sentence. */
final class NotJsonAnswer {
    private static final Pattern HTML_TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private NotJsonAnswer() {}

    static KiteUnexpectedResponseException describe(int code, String contentType, String body) {
        String start = "Kite answered HTTP " + code;
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (body.isBlank()) {
            return new KiteUnexpectedResponseException(code, contentType, start + " with an empty body instead of data.");
        }
        if (ct.contains("html") || body.stripLeading().startsWith("<")) {
            Matcher title = HTML_TITLE.matcher(body);
            String titled = title.find() ? " Page title: \"" + shorten(title.group(1)) + "\"." : "";
            return new KiteUnexpectedResponseException(code, contentType, start
                    + " with an HTML page instead of data (often a gateway or maintenance page)." + titled);
        }
        return new KiteUnexpectedResponseException(code, contentType, start + " with something that is not JSON"
                + (contentType == null ? "." : " (" + contentType + ")."));
    }

    /** One line, at most 80 characters: enough to recognise a gateway page, not enough to dump it. */
    private static String shorten(String s) {
        String line = s.replaceAll("\\s+", " ").trim();
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }
}
