package com.kitesession.cli;

import com.kitesession.sim.ClockSkew;
import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.LoginPageStyle;
import com.kitesession.sim.SimulatorClock;
import com.kitesession.sim.SimulatorConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code sim [--port N] [--now ISO-8601-instant] [--skew 45s] [--login-page spa]}: runs the Kite
 * simulator in the foreground. Its clock ticks from --now (default: real time) plus --skew, so
 * {@code --skew 45s} alone plays a Kite whose clock is 45 s ahead of this computer's, and every
 * reply's Date header says so. --login-page picks the login page's style (default spa, as Kite).
 */
public final class SimCommand {
    static final String USAGE = "usage: sim [--port N] [--now ISO-8601-instant, e.g. 2026-11-23T04:30:00Z]"
            + " [--skew DURATION, e.g. 45s, -45s, 2m: the simulator's clock runs that far from --now or real time]"
            + " [--login-page spa|spa-userid|classic|renamed: Kite's single-page login (the default), the same with"
            + " id=userid on the code field, plain form posts, or single-page with fields renamed]";
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private SimCommand() {}

    /** 0 for --help (otherwise it blocks until the JVM is killed), 1 if the server cannot start, 2 for bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        KiteSimulator sim;
        try {
            sim = startFromArgs(args, out);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("could not start the simulator: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "kite-sim-shutdown"));
        try {
            new CountDownLatch(1).await(); // until killed; the hook closes the server
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sim.close();
        }
        return 0;
    }

    /**
     * Parses the arguments (a leading "sim" is skipped), starts the simulator and prints its
     * {@code name: value} lines. Throws IllegalArgumentException with a plain message for bad usage.
     */
    static KiteSimulator startFromArgs(String[] args, PrintStream out) throws IOException {
        SimulatorConfig.Builder config = SimulatorConfig.builder();
        boolean named = args.length > 0 && args[0].equals("sim");
        CommandFlags flags = CommandFlags.parse(named ? Arrays.copyOfRange(args, 1, args.length) : args,
                Set.of("--port", "--now", "--skew", "--login-page"), Set.of());
        if (flags.has("--port")) config.port(port(flags.value("--port")));
        Instant now = flags.has("--now") ? instant(flags.value("--now")) : null;
        String skew = flags.value("--skew");
        LoginPageStyle loginPage = flags.has("--login-page") ? LoginPageStyle.fromCliName(flags.value("--login-page")) : null;
        Duration skewBy = skew == null ? Duration.ZERO : skew(skew);
        if (now != null || skew != null) {
            config.clock(SimulatorClock.startingAt(start(now != null ? now : Instant.now(), skewBy)));
        }
        if (loginPage != null) config.loginPage(loginPage);
        KiteSimulator sim = KiteSimulator.start(config.build());
        DemoAccount a = sim.account();
        out.println("base-url: " + sim.baseUrl());
        out.println("api-key: " + a.apiKey());
        out.println("api-secret: " + a.apiSecret());
        out.println("redirect-url: " + a.redirectUrl());
        out.println("user-id: " + a.userId());
        out.println("password: " + a.password());
        out.println("totp-secret: " + a.totpSecretBase32());
        if (skew != null) out.println("skew: " + skew);
        if (loginPage != null) out.println("login-page: " + loginPage.cliName());
        out.flush();
        return sim;
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, not " + value);
    }

    /**
     * {@code now} plus the skew, within the years the simulator's dates can be written in: an
     * instant near Instant.MAX plus 999999h overflowed and printed a stack trace.
     */
    private static Instant start(Instant now, Duration skew) {
        try {
            Instant start = now.plus(skew);
            if (!start.isBefore(LATEST) || start.isBefore(Instant.EPOCH)) throw new DateTimeException("out of range");
            return start;
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("--now plus --skew must fall between 1970 and 9999");
        }
    }

    /** The --skew value; a bad one's message names the option. */
    private static Duration skew(String value) {
        try {
            return ClockSkew.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--skew: " + e.getMessage());
        }
    }

    /** An instant such as 2026-11-23T04:30:00Z, or with an offset such as 2026-11-23T10:00:00+05:30. */
    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--now must be an ISO-8601 instant such as 2026-11-23T04:30:00Z, not " + value);
            }
        }
    }
}
