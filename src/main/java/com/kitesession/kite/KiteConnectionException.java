package com.kitesession.kite;

/** Kite could not be reached at all: refused, unknown host, connection reset, TLS failure. */
public class KiteConnectionException extends KiteException {
    private final String host;

    public KiteConnectionException(String message) {
        this(null, message);
    }

    /** {@code host} is the API host that was tried, so the person can see which address failed. */
    public KiteConnectionException(String host, String message) {
        super(message);
        this.host = host;
    }

    /** The host the app tried to reach, or null when unknown. */
    public String host() {
        return host;
    }
}
