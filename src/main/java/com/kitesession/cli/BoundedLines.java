package com.kitesession.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard input as lines of at most {@code limit} bytes each: a longer line is skipped to its end
 * and reported as too long, never kept whole in memory (a pasted file, a stuck key).
 */
final class BoundedLines {
    /** One line, without its line break; {@code tooLong} when it was over the limit (its text is then empty). */
    record Line(String text, boolean tooLong) {}

    private final InputStream in;
    private final int limit;

    BoundedLines(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        int b = in.read();
        if (b < 0) return null;
        for (; b >= 0 && b != '\n'; b = in.read()) {
            if (tooLong) continue;
            if (line.size() == limit) {
                tooLong = true;
                line.reset();
                continue;
            }
            line.write(b);
        }
        if (tooLong) return new Line("", true);
        String text = line.toString(StandardCharsets.UTF_8);
        return new Line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text, false);
    }
}
