package com.kitesession.kite;

/**
 * Kite's error_type {@code NetworkException}: Kite could not reach its own backend, or too many
 * requests (429 "Too many requests", 502/503).
 */
public class NetworkException extends KiteApiException {
    public NetworkException(int httpStatus, String errorType, String kiteMessage) {
        super(httpStatus, errorType, kiteMessage);
    }
}
