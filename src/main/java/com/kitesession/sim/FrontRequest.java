package com.kitesession.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request as the front reads it from a client: the head and the whole body, within one deadline
 * and a size cap, before anything reaches the server behind. So the server's few threads never wait on
 * a slow client, and no body larger than the cap is ever read. Sent on with its body framed by
 * Content-Length (a chunked body is decoded), and without "Expect: 100-continue" (answered here).
 */
final class FrontRequest {
    static final int MAX_HEAD = 64 * 1024;
    private static final String CRLF = "\r\n";

    /** A request the front answers itself, with Kite's error envelope, and then closes the connection. */
    static final class Refused extends Exception {
        final ApiError error;

        Refused(int status, String errorType, String message) {
            super(message, null, false, false);
            error = new ApiError(status, errorType, message);
        }
    }

    private FrontRequest() {}

    /** Waits up to the idle timeout for the next request to begin; false when the client closed or sat idle too long. */
    static boolean awaitStart(Socket client, InputStream in, FrontLimits limits) throws IOException {
        client.setSoTimeout(millis(limits.idleTimeout().toNanos()));
        in.mark(1);
        try {
            if (in.read() < 0) return false;
        } catch (SocketTimeoutException idle) {
            return false;
        }
        in.reset();
        return true;
    }

    /** Reads the request that has begun, whole, by the deadline; returns the bytes to send on. */
    static byte[] read(Socket client, InputStream in, FrontLimits limits) throws IOException, Refused {
        long deadline = System.nanoTime() + limits.requestDeadline().toNanos();
        try {
            return readWhole(client, in, limits, deadline);
        } catch (SocketTimeoutException slow) {
            throw new Refused(408, "NetworkException", "Request not received in time");
        }
    }

    private static byte[] readWhole(Socket client, InputStream in, FrontLimits limits, long deadline)
            throws IOException, Refused {
        List<String> lines = new ArrayList<>();
        int headLeft = MAX_HEAD; // for the whole head, not each line: 200 lines of 64 KB would be 13 MB
        for (String line = readLine(client, in, deadline, headLeft); !line.isEmpty(); line = readLine(client, in, deadline, headLeft)) {
            lines.add(line);
            headLeft -= line.length() + 2;
            if (lines.size() > 200) throw new Refused(431, "InputException", "Too many request headers");
        }
        if (lines.isEmpty() || !lines.get(0).contains(" HTTP/")) throw new Refused(400, "InputException", "Not an HTTP request");
        long length = -1;
        boolean chunked = false;
        boolean expectsContinue = false;
        StringBuilder head = new StringBuilder(lines.get(0)).append(CRLF);
        for (String line : lines.subList(1, lines.size())) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = contentLength(line.substring(15).trim(), length);
            } else if (lower.startsWith("transfer-encoding:")) {
                chunked = lower.contains("chunked");
            } else if (lower.startsWith("expect:")) {
                expectsContinue = lower.contains("100-continue");
            } else {
                head.append(line).append(CRLF);
            }
        }
        if (length > limits.maxBodyBytes()) throw tooLarge(limits);
        if (expectsContinue) client.getOutputStream().write(("HTTP/1.1 100 Continue" + CRLF + CRLF).getBytes(StandardCharsets.ISO_8859_1));
        byte[] body = chunked ? dechunk(client, in, limits, deadline) : readBody(client, in, (int) Math.max(0, length), deadline);
        if (chunked || length >= 0) head.append("Content-Length: ").append(body.length).append(CRLF);
        ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + 2 + body.length);
        request.writeBytes(head.append(CRLF).toString().getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return request.toByteArray();
    }

    private static long contentLength(String value, long seen) throws Refused {
        try {
            long length = Long.parseLong(value);
            if (length < 0 || seen >= 0 && seen != length) throw new NumberFormatException();
            return length;
        } catch (NumberFormatException e) {
            throw new Refused(400, "InputException", "Bad Content-Length");
        }
    }

    private static Refused tooLarge(FrontLimits limits) {
        return new Refused(413, "InputException", "Request body larger than " + limits.maxBodyBytes() / 1024 + " KB");
    }

    private static byte[] readBody(Socket client, InputStream in, int length, long deadline) throws IOException {
        byte[] body = new byte[length];
        for (int read = 0; read < length; ) {
            setTimeout(client, deadline);
            int n = in.read(body, read, length - read);
            if (n < 0) throw new IOException("connection closed inside a request body");
            read += n;
        }
        return body;
    }

    /** A chunked body, decoded; refused as soon as it passes the cap, its rest unread. */
    private static byte[] dechunk(Socket client, InputStream in, FrontLimits limits, long deadline) throws IOException, Refused {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(client, in, deadline, 1024);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new Refused(400, "InputException", "Bad chunk size");
            }
            if (size < 0 || body.size() + size > limits.maxBodyBytes()) throw tooLarge(limits);
            if (size == 0) break;
            body.writeBytes(readBody(client, in, (int) size, deadline));
            readLine(client, in, deadline, 2); // the chunk's CRLF
        }
        while (!readLine(client, in, deadline, MAX_HEAD).isEmpty()) {
            // trailers: dropped, the body is sent on with a Content-Length
        }
        return body.toByteArray();
    }

    /** One line without its CRLF, of at most {@code max} bytes (ISO-8859-1, as HTTP heads are). */
    private static String readLine(Socket client, InputStream in, long deadline, int max) throws IOException, Refused {
        StringBuilder line = new StringBuilder();
        while (true) {
            setTimeout(client, deadline);
            int b = in.read();
            if (b < 0) throw new IOException("connection closed inside a request");
            if (b == '\n') return line.toString();
            if (b == '\r') continue;
            if (line.length() >= max) throw new Refused(431, "InputException", "Request head too large");
            line.append((char) b);
        }
    }

    /** The socket's read timeout set to what is left until the deadline; past it, a timeout at once. */
    private static void setTimeout(Socket client, long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) throw new SocketTimeoutException("request deadline passed");
        client.setSoTimeout(millis(left));
    }

    private static int millis(long nanos) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / 1_000_000));
    }
}
