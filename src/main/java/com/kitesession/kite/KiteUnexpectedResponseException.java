package com.kitesession.kite;

/**
 * Kite answered, but not with data this app understands: an HTML gateway page, an empty body,
 * or JSON without the expected shape.
 */
public class KiteUnexpectedResponseException extends KiteException {
    private final int httpStatus;
    private final String contentType;

    public KiteUnexpectedResponseException(int httpStatus, String contentType, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.contentType = contentType;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The Content-Type header as received, or null when absent. */
    public String contentType() {
        return contentType;
    }
}
