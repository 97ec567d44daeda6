package com.kitesession.sim;

import java.time.Clock;
import java.time.Duration;
import java.text.MessageFormat;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/** How a {@link KiteSimulator} behaves; build with {@link #builder()}. */
public final class SimulatorConfig {
    /** A client gets this long to send a whole request, head and body, once it has begun. */
    static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(10);
    /** A kept-alive connection with no request for this long is closed. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final Clock clock;
    private final Duration requestTokenTtl;
    private final LocalTime expiryTime;
    private final int rateLimitPerSecond;
    private final List<DemoAccount> accounts;
    private final LongSupplier nanoTime;
    private final LoginPageStyle loginPage;
    private final String wrongPasswordMessage;
    private final String wrongCodeMessage;
    private final String blockedMessage;
    private final Duration loginSessionTtl;
    private final Duration requestDeadline;
    private final Duration idleTimeout;

    private SimulatorConfig(Builder b) {
        port = b.port;
        clock = b.clock != null ? b.clock : SimulatorClock.system();
        requestTokenTtl = b.requestTokenTtl;
        expiryTime = b.expiryTime;
        rateLimitPerSecond = b.rateLimitPerSecond;
        List<DemoAccount> all = new ArrayList<>();
        all.add(b.account);
        all.addAll(b.moreAccounts);
        accounts = List.copyOf(all);
        nanoTime = b.nanoTime;
        loginPage = b.loginPage;
        wrongPasswordMessage = b.wrongPasswordMessage;
        wrongCodeMessage = b.wrongCodeMessage;
        blockedMessage = b.blockedMessage;
        loginSessionTtl = b.loginSessionTtl;
        requestDeadline = b.requestDeadline;
        idleTimeout = b.idleTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() { return port; }
    public Clock clock() { return clock; }
    public Duration requestTokenTtl() { return requestTokenTtl; }
    /** Access tokens die at this time of day, Asia/Kolkata. */
    public LocalTime expiryTime() { return expiryTime; }
    public int rateLimitPerSecond() { return rateLimitPerSecond; }
    /** The default account first, then those added. */
    public List<DemoAccount> accounts() { return accounts; }
    public DemoAccount account() { return accounts.get(0); }
    LongSupplier nanoTime() { return nanoTime; }
    public LoginPageStyle loginPage() { return loginPage; }
    /** A {@link MessageFormat} pattern; {0} is the number of attempts that remain (1 to 4). */
    public String wrongPasswordMessage() { return wrongPasswordMessage; }
    /** A {@link MessageFormat} pattern; {0} is the number of attempts that remain (1 to 4). */
    public String wrongCodeMessage() { return wrongCodeMessage; }
    public String blockedMessage() { return blockedMessage; }
    /** How long a browser's way through the login pages lives, from its first page, on the simulator's clock. */
    public Duration loginSessionTtl() { return loginSessionTtl; }
    public Duration requestDeadline() { return requestDeadline; }
    public Duration idleTimeout() { return idleTimeout; }

    public static final class Builder {
        private int port = 0;
        private Clock clock;
        private Duration requestTokenTtl = Duration.ofMinutes(5);
        private LocalTime expiryTime = LocalTime.of(6, 0);
        private int rateLimitPerSecond = 10;
        private DemoAccount account = DemoAccount.standard();
        private final List<DemoAccount> moreAccounts = new ArrayList<>();
        private LongSupplier nanoTime = System::nanoTime;
        private LoginPageStyle loginPage = LoginPageStyle.SPA;
        private Duration loginSessionTtl = Duration.ofMinutes(10);
        private Duration requestDeadline = DEFAULT_REQUEST_DEADLINE;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        // Kite's exact words are unverified (staff wording on the forum, and what the app detects),
        // hence settings. "1 attempt remains." for one, "N attempts remain." otherwise.
        private String wrongPasswordMessage = "Invalid account credentials. {0,choice,1#1 attempt remains|1<{0} attempts remain}.";
        private String wrongCodeMessage = "Invalid TOTP. {0,choice,1#1 attempt remains|1<{0} attempts remain}.";
        private String blockedMessage = "Your account is blocked after too many failed login attempts. Reset your password to unblock it.";

        private Builder() {}

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
            this.port = port;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder requestTokenTtl(Duration ttl) {
            this.requestTokenTtl = positive(ttl, "requestTokenTtl");
            return this;
        }

        /** Kite documents 06:00 IST; one staff reply says 07:30 (unverified), hence a setting. */
        public Builder expiryTime(LocalTime expiryTime) {
            this.expiryTime = Objects.requireNonNull(expiryTime, "expiryTime");
            return this;
        }

        /** A login started longer ago than this is forgotten: its cookie leads back to the start. 10 minutes unless told. */
        public Builder loginSessionTtl(Duration ttl) {
            this.loginSessionTtl = positive(ttl, "loginSessionTtl");
            return this;
        }

        /** The time a client has to send a whole request once it has begun (10 s unless told); then 408. */
        public Builder requestDeadline(Duration deadline) {
            this.requestDeadline = positive(deadline, "requestDeadline");
            return this;
        }

        /** How long a kept-alive connection may wait for its next request (30 s unless told). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        private static Duration positive(Duration d, String name) {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
            return d;
        }

        public Builder rateLimitPerSecond(int limit) {
            if (limit < 1) throw new IllegalArgumentException("rateLimitPerSecond must be at least 1");
            this.rateLimitPerSecond = limit;
            return this;
        }

        /** Replaces the default (first) account. */
        public Builder account(DemoAccount account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        /** Registers one more app and user. */
        public Builder addAccount(DemoAccount account) {
            moreAccounts.add(Objects.requireNonNull(account, "account"));
            return this;
        }

        /** The page /connect/login serves; SPA, Kite's own single-page login, unless told otherwise. */
        public Builder loginPage(LoginPageStyle style) {
            this.loginPage = Objects.requireNonNull(style, "style");
            return this;
        }

        /**
         * What a wrong password answers while attempts remain: a {@link MessageFormat} pattern whose
         * {0} is the number left (1 to 4); a literal apostrophe is written twice ('').
         */
        public Builder wrongPasswordMessage(String pattern) {
            this.wrongPasswordMessage = pattern(pattern);
            return this;
        }

        /** As {@link #wrongPasswordMessage(String)}, for a wrong 2FA code. */
        public Builder wrongCodeMessage(String pattern) {
            this.wrongCodeMessage = pattern(pattern);
            return this;
        }

        /** What a blocked account answers, to the password and to the code alike (plain text). */
        public Builder blockedMessage(String message) {
            this.blockedMessage = Objects.requireNonNull(message, "message");
            return this;
        }

        private static String pattern(String pattern) {
            new MessageFormat(Objects.requireNonNull(pattern, "pattern")); // a bad pattern fails here, not at login
            return pattern;
        }

        /** Tests only: the monotonic source the rate limiter measures its 1 s windows with. */
        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
            return this;
        }

        public SimulatorConfig build() {
            Set<String> keys = new HashSet<>(Set.of(account.apiKey()));
            for (DemoAccount a : moreAccounts) {
                if (!keys.add(a.apiKey())) throw new IllegalArgumentException("two accounts share api key " + a.apiKey());
            }
            return new SimulatorConfig(this);
        }
    }
}
