package com.kitesession.kite;

/** Kite's error_type {@code DataException}: Kite could not read its own backend's answer (502). */
public class DataException extends KiteApiException {
    public DataException(int httpStatus, String errorType, String kiteMessage) {
        super(httpStatus, errorType, kiteMessage);
    }
}
