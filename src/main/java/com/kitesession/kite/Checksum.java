package com.kitesession.kite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The checksum that proves to Kite we hold the api_secret without sending it. */
public final class Checksum {
    private Checksum() {}

    /** Lowercase hex SHA-256 of {@code apiKey + requestToken + apiSecret} (UTF-8). */
    public static String sha256Hex(String apiKey, String requestToken, String apiSecret) {
        if (apiKey == null || requestToken == null || apiSecret == null) {
            throw new IllegalArgumentException("The API key, request token and API secret are all needed for the checksum.");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((apiKey + requestToken + apiSecret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime must provide SHA-256.
            throw new IllegalStateException("This Java runtime has no SHA-256.", e);
        }
    }
}
