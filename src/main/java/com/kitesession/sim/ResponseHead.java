package com.kitesession.sim;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The status line and header lines of one response, and how its body is framed. */
record ResponseHead(String[] lines, int status, long contentLength, boolean chunked) {
    private static final String CRLF = "\r\n";

    static ResponseHead parse(String text) {
        String[] lines = text.substring(0, text.length() - 4).split(CRLF, -1);
        String[] statusParts = lines[0].split(" ", 3);
        int status = statusParts.length > 1 ? parseIntOr(statusParts[1], 200) : 200;
        long contentLength = 0;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String lower = lines[i].toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) contentLength = Long.parseLong(lower.substring(15).trim());
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        boolean noBody = status < 200 || status == 204 || status == 304;
        return new ResponseHead(lines, status, noBody ? 0 : contentLength, chunked && !noBody);
    }

    /** The server closes the connection after this response ("Connection: close"). */
    boolean closes() {
        for (int i = 1; i < lines.length; i++) {
            String lower = lines[i].toLowerCase(Locale.ROOT);
            if (lower.startsWith("connection:") && lower.contains("close")) return true;
        }
        return false;
    }

    long bodyLength() {
        return contentLength;
    }

    /** The head again, its Date line (added after the status line if missing) set to {@code date}. */
    String withDate(String date) {
        StringBuilder out = new StringBuilder(lines[0]).append(CRLF).append("Date: ").append(date).append(CRLF);
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].regionMatches(true, 0, "Date:", 0, 5)) out.append(lines[i]).append(CRLF);
        }
        return out.append(CRLF).toString();
    }

    private static int parseIntOr(String s, int fallback) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Bytes up to and including the blank line; null at a clean end between responses. */
    static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0; // how much of CRLF CRLF has been seen
        while (head.size() < FrontRequest.MAX_HEAD) {
            int b = in.read();
            if (b < 0) return head.size() == 0 ? null : head.toByteArray();
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) break;
        }
        return head.toByteArray();
    }

    /** Copies the body that follows this head, as it is framed. */
    void copyBody(InputStream in, OutputStream out) throws IOException {
        if (chunked) copyChunked(in, out);
        else copy(in, out, contentLength);
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            out.write((sizeLine + CRLF).getBytes(StandardCharsets.ISO_8859_1));
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) break;
            copy(in, out, size + 2); // the chunk and its CRLF
        }
        String trailer;
        do {
            trailer = readLine(in);
            out.write((trailer + CRLF).getBytes(StandardCharsets.ISO_8859_1));
        } while (!trailer.isEmpty());
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new EOFException("connection closed inside a chunked body");
            if (line.length() > FrontRequest.MAX_HEAD) throw new IOException("chunk line too long");
            if (b != '\r') line.append((char) b);
        }
        return line.toString();
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        for (long left = length; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) throw new EOFException("connection closed inside a body");
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
