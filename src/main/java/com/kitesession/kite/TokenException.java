package com.kitesession.kite;

/**
 * Kite's error_type {@code TokenException}: Session expired or invalid (403): a used or stale request
 * token, a wrong checksum (api_secret), or an access token past 06:00 IST or logged out. Log in again.
 */
public class TokenException extends KiteApiException {
    public TokenException(int httpStatus, String errorType, String kiteMessage) {
        super(httpStatus, errorType, kiteMessage);
    }
}
