package com.kitesession.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A stand-in for Kite on 127.0.0.1: the login pages (kite.zerodha.com) and the session API
 * (api.kite.trade) on one port. Start with {@link #start(SimulatorConfig)}, stop with {@link #close()}.
 * Every response carries an HTTP Date header from the simulator's clock, as a real server's carries
 * its own clock's time: a skewed simulator shows its skew.
 */
public final class KiteSimulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KiteSimulator.class.getName());

    static {
        // The JDK server writes headers and body apart; with Nagle on, each reply waits ~40 ms for a
        // delayed ACK. Read once, when the first HttpServer starts; a value set by the user wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One endpoint: its handler and whether it counts against the rate limit. */
    private interface Handler {
        void handle(HttpExchange ex) throws IOException, ApiError;
    }

    private record Route(Handler handler, boolean limited) {}

    private final SimulatorConfig config;
    private final SimulatorState state;
    private final RateLimiter limiter;
    private final Map<String, Map<String, Route>> routes = new HashMap<>(); // path -> method -> route
    private final HttpServer server;
    private final ExecutorService executor;
    private final DateStampingFront front;

    private KiteSimulator(SimulatorConfig config) throws IOException {
        this.config = config;
        state = new SimulatorState(config);
        limiter = new RateLimiter(config.rateLimitPerSecond(), config.nanoTime());
        LoginGuard guard = new LoginGuard(state, config);
        LoginEndpoints login = new LoginEndpoints(state, guard, config.loginPage());
        LoginApi loginApi = new LoginApi(state, guard);
        SessionApi api = new SessionApi(state);
        route("GET", "/connect/login", login::start, false);
        route("POST", "/connect/login", login::password, false);
        route("POST", "/connect/twofa", login::twofa, false);
        // The single-page login's XHRs: part of the login pages, not of the rate-limited API.
        route("POST", "/api/login", loginApi::login, false);
        route("POST", "/api/twofa", loginApi::twofa, false);
        route("GET", "/connect/finish", login::finish, false);
        route("GET", "/connect/cancel", login::cancel, false);
        route("POST", "/session/token", api::generateSession, true);
        route("DELETE", "/session/token", api::logout, true);
        route("GET", "/user/profile", api::profile, true);

        // The server listens on a free port behind the front, which owns the public one (see DateStampingFront).
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "kite-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
        try {
            front = new DateStampingFront(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()),
                    server.getAddress(), config.clock(), FrontLimits.of(config));
        } catch (IOException e) {
            server.stop(0);
            executor.shutdownNow();
            throw e;
        }
        LOG.info(() -> "Kite simulator listening on " + baseUrl() + " (its clock reads " + config.clock().instant() + ")");
    }

    /** Starts a simulator bound to 127.0.0.1 only. */
    public static KiteSimulator start(SimulatorConfig config) throws IOException {
        return new KiteSimulator(config);
    }

    private void route(String method, String path, Handler handler, boolean limited) {
        routes.computeIfAbsent(path, p -> new HashMap<>()).put(method, new Route(handler, limited));
    }

    private void dispatch(HttpExchange ex) {
        try {
            Map<String, Route> byMethod = routes.get(ex.getRequestURI().getPath());
            Route route = byMethod == null ? null : byMethod.get(ex.getRequestMethod());
            try {
                if (byMethod == null) throw new ApiError(404, "GeneralException", "Route not found");
                if (route == null) {
                    ex.getResponseHeaders().set("Allow", String.join(", ", byMethod.keySet()));
                    throw new ApiError(405, "GeneralException", "Method not allowed");
                }
                if (route.limited() && !limiter.tryAcquire()) throw new ApiError(429, "NetworkException", "Too many requests");
                route.handler().handle(ex);
            } catch (ApiError e) {
                Http.error(ex, e);
            } catch (RuntimeException e) {
                // Only the type: messages could carry request data.
                LOG.log(Level.WARNING, "simulator handler failed: " + e.getClass().getName());
                Http.error(ex, new ApiError(500, "GeneralException", "Internal error"));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away: " + e.getClass().getName());
        } finally {
            ex.close();
        }
    }

    /** "http://127.0.0.1:PORT": the login pages and the API alike. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return front.address().getPort();
    }

    /** The first (default) account. */
    public DemoAccount account() {
        return config.account();
    }

    public Clock clock() {
        return config.clock();
    }

    /** The login page it serves at /connect/login. */
    public LoginPageStyle loginPage() {
        return config.loginPage();
    }

    /** Kills every access token of this user, as a logout elsewhere (Kite web, another app) would. */
    public void invalidateAccessTokens(String userId) {
        state.invalidateUser(userId);
    }

    /**
     * Kite's credential reset: unblocks a user blocked after five wrong passwords or codes, forgets the
     * failures counted so far, and kills the user's access tokens, as Kite's reset logs out every session.
     */
    public void resetAccount(String userId) {
        state.resetAccount(userId);
    }

    /** For tests: the address the server listens on. */
    InetSocketAddress address() {
        return front.address();
    }

    @Override
    public void close() {
        front.close();
        server.stop(0);
        executor.shutdownNow();
    }
}
