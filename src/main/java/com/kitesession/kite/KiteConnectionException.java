package com.kitesession.kite;

/** Kite could not be reached at all: refused, unknown host, connection reset, TLS failure. */
public class KiteConnectionException extends KiteException {
    public KiteConnectionException(String message) {
        super(message);
    }
}
