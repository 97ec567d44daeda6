package com.kitesession.kite;

/** Kite did not answer in time (connect, read or whole-call timeout). */
public class KiteTimeoutException extends KiteException {
    public KiteTimeoutException(String message) {
        super(message);
    }
}
