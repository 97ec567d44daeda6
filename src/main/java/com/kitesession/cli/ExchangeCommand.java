package com.kitesession.cli;

import com.kitesession.explain.ErrorExplainer;
import com.kitesession.explain.Explanation;
import com.kitesession.kite.KiteApiException;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteException;
import com.kitesession.kite.KiteHosts;
import com.kitesession.kite.UserSession;
import com.kitesession.logging.LogRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/**
 * {@code exchange --api-key K --request-token T [--api-base URL]}: swaps a request_token for an
 * access token and prints only the token. {@code --request-token -} reads the token from standard input. The secret comes from {@code KITE_API_SECRET}, never
 * from an argument (arguments show up in process lists and shell history).
 * Exit codes: 0 ok, 2 usage, 3 Kite said no, 4 network / timeout / not JSON.
 */
public final class ExchangeCommand {
    private static final Logger LOG = Logger.getLogger(ExchangeCommand.class.getName());
    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int KITE_ERROR = 3;
    public static final int NETWORK_ERROR = 4;
    static final int MAX_STDIN_BYTES = StandardInput.MAX_BYTES;

    private ExchangeCommand() {}

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, InputStream.nullInputStream(), out, err, KiteClient.defaultHttpClient());
    }

    /** {@code in} is read only for {@code --request-token -}; {@code http} is Kite's client (tests shorten its timeouts). */
    public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
            OkHttpClient http) {
        if (List.of(args).contains("--api-secret")) {
            return usage(err, "unknown option --api-secret (the secret is read from KITE_API_SECRET, never from an argument)");
        }
        CommandFlags flags;
        try {
            flags = CommandFlags.parse(args, Set.of("--api-key", "--request-token", "--api-base"), Set.of());
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        String apiKey = flags.value("--api-key");
        String requestToken = flags.value("--request-token");
        if (apiKey == null || requestToken == null) return usage(err, "--api-key and --request-token are required");
        if (requestToken.equals("-")) {
            try {
                requestToken = readToken(in);
            } catch (IOException | IllegalArgumentException e) {
                return usage(err, "--request-token -: " + (e instanceof IllegalArgumentException ? e.getMessage()
                        : "standard input could not be read"));
            }
        }
        String secret = env.get("KITE_API_SECRET");
        if (secret == null || secret.isBlank()) return usage(err, "set the environment variable KITE_API_SECRET to the app's api_secret");

        // From the environment, the arguments and Kite, never a secret store: masked here, for this short process.
        LogRedactor.registerSecret(secret);
        LogRedactor.registerSecret(requestToken);
        try {
            KiteClient client = new KiteClient(flags.value("--api-base", KiteHosts.API_BASE), http);
            UserSession session = client.generateSession(apiKey, requestToken, secret);
            LogRedactor.registerSecret(session.accessToken());
            LOG.info(() -> "exchange: session of " + session.userId() + " created");
            out.println(session.accessToken());
            return OK;
        } catch (KiteException e) {
            LOG.warning(() -> "exchange failed: " + e.failureName() + ": " + e.getMessage());
            Explanation explanation = new ErrorExplainer().explainExchange(e);
            err.print(explanation.toPlainText());
            return e instanceof KiteApiException ? KITE_ERROR : NETWORK_ERROR;
        } catch (IllegalArgumentException e) {
            // The client's own checks (blank or non-printable values, a bad URL); they never echo the value.
            return usage(err, e.getMessage());
        }
    }

    /**
     * The token from standard input, so it stays out of the process list: its first line, at most
     * {@link #MAX_STDIN_BYTES} bytes (a request token is 32 characters), surrounding whitespace stripped.
     */
    static String readToken(InputStream in) throws IOException {
        String token = StandardInput.firstLine(in, "a request token").strip();
        if (token.isEmpty()) throw new IllegalArgumentException("standard input held no request token");
        return token;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("exchange: " + problem);
        err.println("usage: KITE_API_SECRET=... kite-session exchange --api-key K --request-token T|- [--api-base URL]"
                + " (- reads the token from standard input)");
        return USAGE;
    }
}
