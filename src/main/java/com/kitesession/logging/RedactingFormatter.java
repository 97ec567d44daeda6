package com.kitesession.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line a record ({@code 2026-11-23 10:02:13.123 +0530 INFO com.kitesession.X: message}),
 * then the stack trace of a thrown exception with its causes, the whole text passed through
 * {@link LogRedactor} last: whatever a message, a parameter, an exception message or a cause
 * carries, no secret reaches the handler's output.
 */
public final class RedactingFormatter extends Formatter {
    /**
     * A message longer than this is cut (and marked) before masking: a peer's error text may be
     * megabytes, and the log would keep all of it for nothing.
     */
    static final int MAX_MESSAGE_CHARS = 4 * 1024;
    /** The stack trace's cap: room for a few causes, with the exception messages inside it. */
    static final int MAX_TRACE_CHARS = 16 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xx");

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        line.append(TIME.format(record.getInstant().atZone(ZoneId.systemDefault())))
                .append(' ').append(record.getLevel().getName())
                .append(' ').append(record.getLoggerName() == null ? "" : record.getLoggerName())
                .append(": ");
        try {
            line.append(LogRedactor.cut(formatMessage(record), MAX_MESSAGE_CHARS));
        } catch (RuntimeException e) {
            // A parameter whose toString() fails must not lose the record.
            line.append(LogRedactor.cut(record.getMessage(), MAX_MESSAGE_CHARS))
                    .append(" (could not format: ").append(e.getClass().getName()).append(')');
        }
        line.append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            try (PrintWriter out = new PrintWriter(trace)) {
                record.getThrown().printStackTrace(out);
            }
            String whole = trace.toString();
            String kept = LogRedactor.cut(whole, MAX_TRACE_CHARS);
            line.append(kept);
            if (kept.length() != whole.length()) line.append(System.lineSeparator());
        }
        return LogRedactor.redact(line.toString());
    }
}
