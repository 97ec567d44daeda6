package com.kitesession.sim;

import com.kitesession.kite.KiteTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Everything the simulator remembers: login sessions, failed attempts, request tokens and access tokens. */
final class SimulatorState {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A browser's way through the login pages, keyed by its session cookie. */
    static final class LoginSession {
        final String cookie = randomToken(32);
        final String sessId = randomToken(32);
        final DemoAccount account;
        final String redirectParams; // raw query string, may be null
        final Instant expiresAt;
        volatile boolean passwordOk;
        volatile String requestId; // the single-page login's handle from the password step to the code step
        volatile boolean twofaOk;

        LoginSession(DemoAccount account, String redirectParams, Instant expiresAt) {
            this.account = account;
            this.redirectParams = redirectParams;
            this.expiresAt = expiresAt;
        }
    }

    /** What a login attempt checks; each counts its failures apart, as Kite's support page describes. */
    enum Factor { PASSWORD, CODE }

    /** Kite blocks the account at the fifth wrong password, or the fifth wrong code (support.zerodha.com). */
    static final int MAX_FAILURES = 5;
    /** Every typed user id counts, known or not: a bound keeps a flood of made-up ids from growing the map. */
    static final int MAX_TRACKED_USERS = 10_000;

    /** One user's failures so far; guarded by the state's lock on {@code failures}. */
    private static final class Failures {
        int passwords;
        int codes;
        boolean blocked;
    }

    record RequestToken(DemoAccount account, Instant issuedAt) {}

    record AccessSession(DemoAccount account, String accessToken, String publicToken, String enctoken,
                         Instant loginTime, Instant expiresAt) {}

    /**
     * Login sessions kept at most: each page load of /connect/login starts one, so a script hitting it
     * in a loop would otherwise grow the map until the sessions expire. Past this, the oldest goes.
     */
    static final int MAX_LOGIN_SESSIONS = 1000;

    private final Clock clock;
    private final Duration requestTokenTtl;
    private final Duration loginSessionTtl;
    private final LocalTime expiryTime;
    private final Map<String, DemoAccount> accountsByKey = new LinkedHashMap<>();
    private final Map<String, LoginSession> loginSessions = new ConcurrentHashMap<>();
    private final Map<String, RequestToken> requestTokens = new ConcurrentHashMap<>();
    private final Map<String, AccessSession> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Failures> failures = new LinkedHashMap<>(); // by user id in upper case

    SimulatorState(SimulatorConfig config) {
        clock = config.clock();
        requestTokenTtl = config.requestTokenTtl();
        loginSessionTtl = config.loginSessionTtl();
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
        Instant now = clock.instant();
        LoginSession s = new LoginSession(account, redirectParams, now.plus(loginSessionTtl));
        synchronized (loginSessions) {
            loginSessions.values().removeIf(old -> !now.isBefore(old.expiresAt));
            if (loginSessions.size() >= MAX_LOGIN_SESSIONS) {
                loginSessions.values().stream().min(Comparator.comparing(old -> old.expiresAt))
                        .ifPresent(oldest -> loginSessions.remove(oldest.cookie));
            }
            loginSessions.put(s.cookie, s);
        }
        return s;
    }

    /** The login session of this cookie, or null if unknown, ended or expired. */
    LoginSession loginSession(String cookie) {
        LoginSession s = cookie == null ? null : loginSessions.get(cookie);
        if (s != null && !clock.instant().isBefore(s.expiresAt)) {
            loginSessions.remove(cookie);
            return null;
        }
        return s;
    }

    void endLogin(LoginSession s) {
        loginSessions.remove(s.cookie);
    }

    boolean isBlocked(String userId) {
        synchronized (failures) {
            Failures f = failures.get(key(userId));
            return f != null && f.blocked;
        }
    }

    /**
     * Counts a failure against the user id as typed (known or not, as Kite counts per user id) and
     * returns the attempts that remain; 0 means this failure blocked the account.
     */
    int recordFailure(String userId, Factor factor) {
        synchronized (failures) {
            if (!failures.containsKey(key(userId)) && failures.size() >= MAX_TRACKED_USERS) forgetOldestUnblocked();
            Failures f = failures.computeIfAbsent(key(userId), k -> new Failures());
            int count = factor == Factor.PASSWORD ? ++f.passwords : ++f.codes;
            if (count >= MAX_FAILURES) f.blocked = true;
            return Math.max(0, MAX_FAILURES - count);
        }
    }

    /** How many user ids have failures counted; for tests. */
    int trackedUsers() {
        synchronized (failures) {
            return failures.size();
        }
    }

    /** The oldest user with failures but no block; a block is kept until reset, as on Kite. Under the lock. */
    private void forgetOldestUnblocked() {
        failures.values().stream().filter(f -> !f.blocked).findFirst()
                .ifPresent(oldest -> failures.values().remove(oldest));
    }

    /**
     * A right password clears the wrong passwords counted so far, and a right code the wrong codes;
     * neither clears the other's count. Kite's own rule is not documented; this is the usual lockout.
     */
    void recordSuccess(String userId, Factor factor) {
        synchronized (failures) {
            Failures f = failures.get(key(userId));
            if (f == null) return;
            if (factor == Factor.PASSWORD) f.passwords = 0;
            else f.codes = 0;
        }
    }

    /** Kite's credential reset: unblocks the user, forgets the failures and logs out every session. */
    void resetAccount(String userId) {
        synchronized (failures) {
            failures.remove(key(userId));
        }
        invalidateUser(userId);
    }

    private static String key(String userId) {
        return userId.toUpperCase(Locale.ROOT);
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
        ZonedDateTime at = login.atZone(KiteTime.IST);
        ZonedDateTime expiry = at.toLocalDate().atTime(expiryTime).atZone(KiteTime.IST);
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
        accessTokens.values().removeIf(s -> s.account().userId().equalsIgnoreCase(userId));
    }

    static String randomToken(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        return sb.toString();
    }
}
