package com.kitesession.kite;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A value made for one login and sent to Kite in {@code redirect_params}; Kite echoes it as the
 * top-level query parameter {@value #PARAM} on a successful redirect (not on cancel). A success
 * that carries another login's value came from an older login (an old tab): its request_token is
 * never exchanged by mistake. 128 random bits, URL-safe.
 */
public final class LoginState {
    public static final String PARAM = "ks_state";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private LoginState(String value) {
        this.value = value;
    }

    public static LoginState fresh() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return new LoginState(Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
    }

    /** A known value (tests; a value read back from a redirect is compared with {@link #matches}). */
    public static LoginState of(String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("A login state is not empty.");
        return new LoginState(value);
    }

    public String value() {
        return value;
    }

    /** What the login URL carries in {@code redirect_params}. */
    public String redirectParams() {
        return PARAM + "=" + value;
    }

    /** Whether {@code echoed} (the redirect's {@value #PARAM}) is this login's. */
    public boolean matches(String echoed) {
        return value.equals(echoed);
    }

    @Override
    public String toString() {
        return PARAM + "=" + value;
    }
}
