package com.kitesession.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.service.SessionService;
import com.kitesession.storage.TokenExportWriter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code status [--json]}: every profile, its session state and the time left, as a table or
 * as a JSON array of {@code {"profile","id","state","state_label","user_id","expires_at","seconds_left"}}
 * ({@code state} is the stable name, e.g. EXPIRING_SOON; {@code state_label} the words the window shows).
 * Never prints a secret. Exit codes: 0 ok; 2 usage; 5 the secret store could not be read; 1 an internal error.
 */
public final class StatusCommand {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int SECRETS_UNREADABLE = 5;

    private StatusCommand() {}

    public static int run(String[] args, CliContext context, PrintStream out, PrintStream err) {
        try {
            return status(args, context, out, err);
        } catch (RuntimeException e) {
            err.println("status: an internal error (" + e.getClass().getSimpleName() + ") stopped the command.");
            return INTERNAL_ERROR;
        }
    }

    private static int status(String[] args, CliContext context, PrintStream out, PrintStream err) {
        boolean json;
        try {
            json = CommandFlags.parse(args, Set.of(), Set.of("--json")).has("--json");
        } catch (IllegalArgumentException e) {
            err.println("status: " + e.getMessage());
            err.println("usage: kite-session status [--json]");
            return USAGE;
        }

        SessionService service = context.sessionService();
        service.loadProblem().ifPresent(p -> err.println("Note: " + p));
        List<ProfileSession> sessions;
        try {
            sessions = ProfileSession.all(service, false);
        } catch (SecretStoreException e) {
            err.println("The access tokens could not be read from " + context.secrets().describe() + ": " + e.getMessage());
            return SECRETS_UNREADABLE;
        }
        out.print(json ? json(sessions) : table(sessions));
        return OK;
    }

    private static String json(List<ProfileSession> sessions) {
        JsonArray array = new JsonArray();
        for (ProfileSession s : sessions) {
            JsonObject o = new JsonObject();
            o.addProperty("profile", s.profile().name());
            o.addProperty("id", s.profile().id());
            o.addProperty("state", s.state().name());
            o.addProperty("state_label", s.state().label());
            o.addProperty("user_id", s.record() == null ? null : s.record().userId());
            o.addProperty("expires_at", s.record() == null ? null : TokenExportWriter.isoIst(s.record().expiresAt()));
            Duration left = s.left();
            // Whole seconds, rounded up like the countdown, so 0 only at the expiry itself.
            o.addProperty("seconds_left", left == null ? null : left.getSeconds() + (left.getNano() > 0 ? 1 : 0));
            array.add(o);
        }
        return CommandOutput.json(array);
    }

    private static String table(List<ProfileSession> sessions) {
        if (sessions.isEmpty()) return "No profiles yet. Add one with `kite-session profile add` or in Kite Session Manager.\n";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PROFILE", "STATE", "USER", "TIME LEFT", "EXPIRES"});
        for (ProfileSession s : sessions) {
            String name = s.profile().name() + (s.status().isDefault() ? " (default)" : "");
            String user = s.record() == null || s.record().userId() == null ? "-" : s.record().userId();
            String expires = s.record() == null ? "-" : ProfileSession.IST_TIME.format(s.record().expiresAt());
            rows.add(new String[] {name, s.state().label(), user, s.leftText(), expires});
        }
        return CommandOutput.table(rows);
    }
}
