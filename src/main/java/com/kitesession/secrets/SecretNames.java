package com.kitesession.secrets;

import java.util.List;

/** The names secrets are filed under, per profile id: one place so GUI and CLI agree. */
public final class SecretNames {
    private SecretNames() {}

    public static String apiSecret(String profileId) {
        return "profile." + profileId + ".api_secret";
    }

    public static String accessToken(String profileId) {
        return "profile." + profileId + ".access_token";
    }

    public static String password(String profileId) {
        return "profile." + profileId + ".password";
    }

    public static String totpSecret(String profileId) {
        return "profile." + profileId + ".totp_secret";
    }

    /** Every name a profile's secrets may be filed under: what deleting the profile removes. */
    public static List<String> all(String profileId) {
        return List.of(apiSecret(profileId), accessToken(profileId), password(profileId), totpSecret(profileId));
    }
}
