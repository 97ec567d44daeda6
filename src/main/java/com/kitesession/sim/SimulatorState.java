package com.kitesession.sim;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Everything the simulator remembers: login sessions, request tokens and access tokens. */
final class SimulatorState {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A browser's way through the login pages, keyed by its session cookie. */
    static final class LoginSession {
        final String cookie = randomToken(32);
        final String sessId = randomToken(32);
        final DemoAccount account;
        final String redirectParams; // raw query string, may be null
        volatile boolean passwordOk;
        volatile boolean twofaOk;

        LoginSession(DemoAccount account, String redirectParams) {
            this.account = account;
            this.redirectParams = redirectParams;
        }
    }

    record RequestToken(DemoAccount account, Instant issuedAt) {}

    record AccessSession(DemoAccount account, String accessToken, String publicToken, String enctoken,
                         Instant loginTime, Instant expiresAt) {}

    private final Clock clock;
    private final Duration requestTokenTtl;
    private final LocalTime expiryTime;
    private final Map<String, DemoAccount> accountsByKey = new LinkedHashMap<>();
    private final Map<String, LoginSession> loginSessions = new ConcurrentHashMap<>();
    private final Map<String, RequestToken> requestTokens = new ConcurrentHashMap<>();
    private final Map<String, AccessSession> accessTokens = new ConcurrentHashMap<>();

    SimulatorState(SimulatorConfig config) {
        clock = config.clock();
        requestTokenTtl = config.requestTokenTtl();
        expiryTime = config.expiryTime();
        config.accounts().forEach(a -> accountsByKey.put(a.apiKey(), a));
    }

    Clock clock() {
        return clock;
    }

    /** The account registered under this api key, or null. */
    DemoAccount account(String apiKey) {
        return apiKey == null ? null : accountsByKey.get(apiKey);
    }

    LoginSession startLogin(DemoAccount account, String redirectParams) {
        LoginSession s = new LoginSession(account, redirectParams);
        loginSessions.put(s.cookie, s);
        return s;
    }

    LoginSession loginSession(String cookie) {
        return cookie == null ? null : loginSessions.get(cookie);
    }

    void endLogin(LoginSession s) {
        loginSessions.remove(s.cookie);
    }

    String issueRequestToken(DemoAccount account) {
        String token = randomToken(32);
        requestTokens.put(token, new RequestToken(account, clock.instant()));
        return token;
    }

    /**
     * Trades a request token for an access session. The token is burnt by this call whatever the
     * outcome; callers check the checksum first, so a wrong checksum leaves the token usable.
     */
    AccessSession exchange(DemoAccount account, String requestToken) throws ApiError {
        RequestToken issued = requestTokens.remove(requestToken); // atomic: one winner per token
        Instant now = clock.instant();
        if (issued == null || !issued.account().apiKey().equals(account.apiKey())
                || now.isAfter(issued.issuedAt().plus(requestTokenTtl))) {
            throw ApiError.token("Token is invalid or has expired.");
        }
        AccessSession s = new AccessSession(account, randomToken(32), randomToken(32), randomToken(40),
                now, expiryAfter(now));
        accessTokens.put(s.accessToken(), s);
        return s;
    }

    /** The first {@code expiryTime} in IST strictly after {@code login}. */
    Instant expiryAfter(Instant login) {
        ZonedDateTime at = login.atZone(IST);
        ZonedDateTime expiry = at.toLocalDate().atTime(expiryTime).atZone(IST);
        return expiry.isAfter(at) ? expiry.toInstant() : expiry.plusDays(1).toInstant();
    }

    /** The live session for this key and token, or null if unknown, for another app, expired or killed. */
    AccessSession liveSession(String apiKey, String accessToken) {
        AccessSession s = accessToken == null ? null : accessTokens.get(accessToken);
        if (s == null || !s.account().apiKey().equals(apiKey)) return null;
        if (!clock.instant().isBefore(s.expiresAt())) {
            accessTokens.remove(accessToken);
            return null;
        }
        return s;
    }

    void logout(String apiKey, String accessToken) {
        accessTokens.computeIfPresent(accessToken, (t, s) -> s.account().apiKey().equals(apiKey) ? null : s);
    }

    /** Kills every access token of this user, in every app ("logged out elsewhere"). */
    void invalidateUser(String userId) {
        accessTokens.values().removeIf(s -> s.account().userId().equals(userId));
    }

    static String randomToken(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        return sb.toString();
    }
}
