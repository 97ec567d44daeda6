package com.kitesession.kite;

/**
 * Kite's error_type {@code GeneralException}: An unclassified error (500); also used when the error
 * envelope names no error_type.
 */
public class GeneralException extends KiteApiException {
    public GeneralException(int httpStatus, String errorType, String kiteMessage) {
        super(httpStatus, errorType, kiteMessage);
    }
}
