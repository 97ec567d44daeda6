package com.kitesession.kite;

/** Kite's error_type {@code InputException}: A missing or bad parameter (400). */
public class InputException extends KiteApiException {
    public InputException(int httpStatus, String errorType, String kiteMessage) {
        super(httpStatus, errorType, kiteMessage);
    }
}
