package com.kitesession.sim;

import java.time.Duration;

/**
 * What the simulator's front allows one peer: time to send a whole request (head and body), time
 * to sit idle between requests, connections at once, and body size. In the demo it runs inside
 * the app, so a slow or greedy local client must cost it little.
 */
record FrontLimits(Duration requestDeadline, Duration idleTimeout, int maxConnections, int maxBodyBytes) {
    /** Kite's own bodies are a few hundred bytes; 64 KB is room for any form the login pages post. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Enough for a browser's few parallel connections and the app's pool, many times over. */
    static final int MAX_CONNECTIONS = 32;

    /** As {@link SimulatorConfig}'s defaults. */
    static final FrontLimits DEFAULT = new FrontLimits(SimulatorConfig.DEFAULT_REQUEST_DEADLINE, SimulatorConfig.DEFAULT_IDLE_TIMEOUT,
            MAX_CONNECTIONS, MAX_BODY_BYTES);

    static FrontLimits of(SimulatorConfig config) {
        return new FrontLimits(config.requestDeadline(), config.idleTimeout(), MAX_CONNECTIONS, MAX_BODY_BYTES);
    }
}
