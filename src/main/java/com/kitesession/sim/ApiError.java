package com.kitesession.sim;

/** A Kite error reply: HTTP status plus the envelope's error_type and message. */
final class ApiError extends Exception {
    final int status;
    final String errorType;

    ApiError(int status, String errorType, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
    }

    static ApiError token(String message) {
        return new ApiError(403, "TokenException", message);
    }

    static ApiError input(String message) {
        return new ApiError(400, "InputException", message);
    }
}
