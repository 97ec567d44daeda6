package com.kitesession.login;

import com.kitesession.session.RedirectUrlCheck;
import java.io.IOException;
import java.net.BindException;
import java.util.Locale;

/**
 * Why the loopback listener of the browser road could not wait for Kite's redirect, in the
 * person's words with the fix. Carries no secret: only the registered address and its port.
 */
public final class RedirectListenerProblem extends IOException {
    /** What went wrong; the window and the command line choose their fallback from it. */
    public enum Kind {
        /** The redirect URL is not on this computer: there is nothing to listen on; paste the address instead. */
        NOT_LOOPBACK,
        /** https on a loopback address: a listener here has no certificate the browser would accept. */
        NOT_HTTP,
        /** A port below 1024, which an ordinary user may not open (port 80 when the URL names none). */
        PRIVILEGED_PORT,
        /** Another program listens on that address and port. */
        PORT_TAKEN,
        /** Any other failure to listen. */
        CANNOT_LISTEN
    }

    private final Kind kind;

    RedirectListenerProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Names the cause of a failed bind to {@code address}'s {@code port}. */
    static RedirectListenerProblem bindFailed(String address, int port, IOException cause) {
        String text = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        boolean forbidden = text.contains("permission") || text.contains("access");
        if (port < 1024 && forbidden) {
            return new RedirectListenerProblem(Kind.PRIVILEGED_PORT, "The redirect URL " + address + " uses port " + port
                    + (port == 80 ? " (the default when an address names no port)" : "") + ", which only the system"
                    + " administrator may open, so the app cannot wait there for your browser. Register an address with"
                    + " a port of 1024 or above on developers.kite.trade (e.g. " + RedirectUrlCheck.SUGGESTED + "), save it"
                    + " in the profile, and log in again; or paste the address after logging in.");
        }
        if (forbidden) {
            // Windows refuses ports in its reserved ranges (Hyper-V, WSL, Docker) this way, whoever asks.
            return new RedirectListenerProblem(Kind.CANNOT_LISTEN, "The system does not let the app listen at " + address
                    + " (on Windows, the port may be in a range the system reserves). Register another port on"
                    + " developers.kite.trade, save it in the profile, and log in again; or paste the address after"
                    + " logging in.");
        }
        // "Cannot assign requested address": the address is not on this computer's loopback (macOS has only 127.0.0.1).
        if (cause instanceof BindException && !text.contains("assign")) {
            return new RedirectListenerProblem(Kind.PORT_TAKEN, address + " is taken by another program (perhaps"
                    + " another login still waiting, or another app using port " + port + "). Close it and try again,"
                    + " or register another port on developers.kite.trade; or paste the address after logging in.");
        }
        return new RedirectListenerProblem(Kind.CANNOT_LISTEN, "The app could not wait for your browser at " + address
                + " (" + cause.getClass().getSimpleName() + (text.isEmpty() ? "" : ": " + cause.getMessage())
                + "). Paste the address from the browser after logging in.");
    }
}
