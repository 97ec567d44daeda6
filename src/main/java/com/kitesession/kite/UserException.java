package com.kitesession.kite;

/** Kite's error_type {@code UserException}: A problem with the user's account. */
public class UserException extends KiteApiException {
    public UserException(int httpStatus, String errorType, String kiteMessage) {
        super(httpStatus, errorType, kiteMessage);
    }
}
