package com.kitesession.kite;

/** Kite's error_type {@code HoldingException}: Not enough holdings for a sell order. */
public class HoldingException extends KiteApiException {
    public HoldingException(int httpStatus, String errorType, String kiteMessage) {
        super(httpStatus, errorType, kiteMessage);
    }
}
