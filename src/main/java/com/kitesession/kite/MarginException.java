package com.kitesession.kite;

/** Kite's error_type {@code MarginException}: Not enough funds for an order. */
public class MarginException extends KiteApiException {
    public MarginException(int httpStatus, String errorType, String kiteMessage) {
        super(httpStatus, errorType, kiteMessage);
    }
}
