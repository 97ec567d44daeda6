package com.kitesession.kite;

/**
 * Kite's address answered in a way the app refuses to read on: a redirect, or a body far too
 * large. Keeps the status and the API host that answered, never what the answer pointed to or held.
 */
public abstract class KiteRefusedAnswerException extends KiteException {
    private final int httpStatus;
    private final String host;

    protected KiteRefusedAnswerException(int httpStatus, String host, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.host = host;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The API host that answered. */
    public String host() {
        return host;
    }
}
