package com.kitesession.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A value a command takes from standard input rather than from an argument, which process lists
 * and shell history would show: {@code exchange}'s request_token, {@code profile add}'s api_secret.
 */
final class StandardInput {
    /** Far more than any Kite value (a request token is 32 characters, an api_secret 32). */
    static final int MAX_BYTES = 1024;

    private StandardInput() {}

    /**
     * The first line, without its line ending ({@code \n} or {@code \r\n}), at most
     * {@link #MAX_BYTES} bytes: a person who pastes the value and presses Enter is not left
     * waiting for Ctrl-D. {@code what} names the value when there is too much ("a request token");
     * the message never echoes what was read.
     */
    static String firstLine(InputStream in, String what) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (line.size() == MAX_BYTES) {
                throw new IllegalArgumentException("standard input held more than " + MAX_BYTES + " bytes, far more than " + what);
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
