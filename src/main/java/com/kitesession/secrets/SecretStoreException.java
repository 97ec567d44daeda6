package com.kitesession.secrets;

/** A secret could not be read or written; the message is plain words and never holds a secret. */
public class SecretStoreException extends Exception {
    public SecretStoreException(String message) {
        super(message);
    }
}
