package com.kitesession.kite;

/**
 * Base of every failure talking to Kite. Messages are plain sentences for a trader and never
 * carry the api_secret, a token or the checksum; for that reason no subclass keeps a cause
 * (OkHttp's exceptions can name the request URL, and a logout URL holds the access token).
 */
public abstract class KiteException extends Exception {
    protected KiteException(String message) {
        super(message);
    }

    /** What failed, in one word for the logs; Kite's error_type for an error Kite reported. */
    public String failureName() {
        return getClass().getSimpleName();
    }
}
