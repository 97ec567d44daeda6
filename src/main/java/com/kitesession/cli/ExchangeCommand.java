package com.kitesession.cli;

import com.kitesession.desktop.LogRedactor;
import com.kitesession.explain.ErrorExplainer;
import com.kitesession.explain.Explanation;
import com.kitesession.kite.KiteApiException;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteConnect;
import com.kitesession.kite.KiteException;
import com.kitesession.kite.UserSession;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@code exchange --api-key K --request-token T [--api-base URL]}: swaps a request_token for an
 * access token and prints only the token. The secret comes from {@code KITE_API_SECRET}, never
 * from an argument (arguments show up in process lists and shell history).
 * Exit codes: 0 ok, 2 usage, 3 Kite said no, 4 network / timeout / not JSON.
 */
public final class ExchangeCommand {
    private static final Logger LOG = Logger.getLogger(ExchangeCommand.class.getName());
    public static final int OK = 0;
    public static final int USAGE = 2;
    public static final int KITE_ERROR = 3;
    public static final int NETWORK_ERROR = 4;

    private ExchangeCommand() {}

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.equals("--api-key") && !name.equals("--request-token") && !name.equals("--api-base")) {
                return usage(err, "unknown option " + name + (name.equals("--api-secret")
                        ? " (the secret is read from KITE_API_SECRET, never from an argument)" : ""));
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) return usage(err, name + " needs a value");
            options.put(name, args[++i]);
        }
        String apiKey = options.get("--api-key");
        String requestToken = options.get("--request-token");
        if (apiKey == null || requestToken == null) return usage(err, "--api-key and --request-token are required");
        String secret = env.get("KITE_API_SECRET");
        if (secret == null || secret.isBlank()) return usage(err, "set the environment variable KITE_API_SECRET to the app's api_secret");

        LogRedactor.registerSecret(secret);
        LogRedactor.registerSecret(requestToken);
        try {
            KiteClient client = new KiteClient(options.getOrDefault("--api-base", KiteConnect.API_BASE));
            UserSession session = client.generateSession(apiKey, requestToken, secret);
            LogRedactor.registerSecret(session.accessToken());
            LOG.info(() -> "exchange: session of " + session.userId() + " created");
            out.println(session.accessToken());
            return OK;
        } catch (KiteException e) {
            LOG.warning(() -> "exchange failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            Explanation explanation = new ErrorExplainer().explainExchange(e);
            err.print(explanation.toPlainText());
            return e instanceof KiteApiException ? KITE_ERROR : NETWORK_ERROR;
        } catch (IllegalArgumentException e) {
            // The client's own checks (blank or non-printable values, a bad URL); they never echo the value.
            return usage(err, e.getMessage());
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("exchange: " + problem);
        err.println("usage: KITE_API_SECRET=... kite-session exchange --api-key K --request-token T [--api-base URL]");
        return USAGE;
    }
}
