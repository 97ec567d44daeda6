package com.kitesession.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.service.ProfileStatus;
import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code profile list [--json]}: every saved profile with its app details and session state,
 * as a table (the state in the words of the window's list) or as a JSON array of
 * {@code {"name","id","api_key","redirect_url","user_id","default","state","state_label"}}
 * ({@code state} is the stable name, e.g. NOT_LOGGED_IN). Never prints a secret.
 */
final class ProfileListCommand {
    static final String USAGE = "kite-session profile list [--json]";

    private ProfileListCommand() {}

    static int run(String[] args, CliContext context, PrintStream out, PrintStream err) {
        boolean json;
        try {
            json = CommandFlags.parse(args, Set.of(), Set.of("--json")).has("--json");
        } catch (IllegalArgumentException e) {
            return ProfileCommand.usage(err, "list", e.getMessage(), USAGE);
        }
        SessionService service = context.sessionService();
        service.loadProblem().ifPresent(p -> err.println("Note: " + p));
        List<ProfileStatus> rows;
        try {
            rows = service.statuses();
        } catch (SecretStoreException e) {
            err.println("The sessions could not be read from the " + context.secrets().describe() + ": " + e.getMessage()
                    + ProfileCommand.unlockHint(context.secrets()));
            return ProfileCommand.SECRETS_UNREADABLE;
        }
        Instant now = service.clock().instant();
        out.print(json ? json(rows, now) : table(rows, now));
        return ProfileCommand.OK;
    }

    private static String json(List<ProfileStatus> rows, Instant now) {
        JsonArray array = new JsonArray();
        for (ProfileStatus row : rows) {
            KiteProfile p = row.profile();
            JsonObject o = new JsonObject();
            o.addProperty("name", p.name());
            o.addProperty("id", p.id());
            o.addProperty("api_key", p.apiKey());
            o.addProperty("redirect_url", p.redirectUrl());
            o.addProperty("user_id", p.userId());
            o.addProperty("default", row.isDefault());
            o.addProperty("state", row.state(now).name());
            o.addProperty("state_label", row.state(now).label());
            array.add(o);
        }
        return CommandOutput.json(array);
    }

    private static String table(List<ProfileStatus> rows, Instant now) {
        if (rows.isEmpty()) return "No profiles yet. Add one with `kite-session profile add` or in Kite Session Manager.\n";
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"PROFILE", "ID", "API KEY", "REDIRECT URL", "SESSION"});
        for (ProfileStatus row : rows) {
            KiteProfile p = row.profile();
            lines.add(new String[] {p.name() + (row.isDefault() ? " (default)" : ""), p.id(), p.apiKey(), p.redirectUrl(),
                    row.stateWords(now)});
        }
        return CommandOutput.table(lines);
    }
}
