package com.kitesession.desktop;

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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xx");

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        line.append(TIME.format(record.getInstant().atZone(ZoneId.systemDefault())))
                .append(' ').append(record.getLevel().getName())
                .append(' ').append(record.getLoggerName() == null ? "" : record.getLoggerName())
                .append(": ");
        try {
            line.append(formatMessage(record));
        } catch (RuntimeException e) {
            // A parameter whose toString() fails must not lose the record.
            line.append(record.getMessage()).append(" (could not format: ").append(e.getClass().getName()).append(')');
        }
        line.append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            try (PrintWriter out = new PrintWriter(trace)) {
                record.getThrown().printStackTrace(out);
            }
            line.append(trace);
        }
        return LogRedactor.redact(line.toString());
    }
}
