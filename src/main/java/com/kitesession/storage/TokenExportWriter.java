package com.kitesession.storage;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.kitesession.kite.KiteTime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes a profile's fresh token to the file the person chose, for their scripts, atomically
 * and owner-only (rw-------). Times are ISO-8601 with the IST offset, e.g. 2026-11-24T06:00:00+05:30.
 *
 * <p>JSON: {@code {"api_key", "access_token", "user_id", "login_time", "expires_at"}}.
 * <p>ENV: {@code KITE_API_KEY=...}, {@code KITE_ACCESS_TOKEN=...}, {@code KITE_USER_ID=...},
 * {@code KITE_LOGIN_TIME=...}, {@code KITE_EXPIRES_AT=...}, one per line, unquoted: Kite's keys, tokens and
 * user ids are alphanumeric and the times hold only digits, '-', ':', '+' and 'T', so the file can be
 * read by {@code source}, {@code set -a; . file}, docker's {@code --env-file} and dotenv libraries alike.
 * Values with any other character are refused rather than quoted, so no reader can misread them.
 */
public final class TokenExportWriter {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
    private static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx")
            .withZone(KiteTime.IST);
    /** What an unquoted value may hold in every env-file dialect. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9_.:+\\-]*");

    private TokenExportWriter() {}

    public static void write(AppSettings.TokenExport export, String apiKey, String accessToken, String userId,
            Instant loginTime, ZonedDateTime expiresAt) throws IOException {
        Objects.requireNonNull(export, "export");
        if (export.path() == null || export.path().isBlank()) throw new IllegalArgumentException("No export file chosen.");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(accessToken, "accessToken");
        String login = isoIst(Objects.requireNonNull(loginTime, "loginTime"));
        String expires = isoIst(Objects.requireNonNull(expiresAt, "expiresAt").toInstant());
        String content = export.format() == AppSettings.ExportFormat.ENV
                ? env(apiKey, accessToken, userId, login, expires)
                : json(apiKey, accessToken, userId, login, expires);
        AtomicFiles.write(Path.of(export.path()), content);
    }

    private static String json(String apiKey, String accessToken, String userId, String login, String expires) {
        JsonObject o = new JsonObject();
        o.addProperty("api_key", apiKey);
        o.addProperty("access_token", accessToken);
        o.addProperty("user_id", userId);
        o.addProperty("login_time", login);
        o.addProperty("expires_at", expires);
        return GSON.toJson(o) + "\n";
    }

    private static String env(String apiKey, String accessToken, String userId, String login, String expires) {
        return line("KITE_API_KEY", apiKey) + line("KITE_ACCESS_TOKEN", accessToken)
                + line("KITE_USER_ID", userId == null ? "" : userId)
                + line("KITE_LOGIN_TIME", login) + line("KITE_EXPIRES_AT", expires);
    }

    private static String line(String name, String value) {
        // The message names the variable only: the value may be the token.
        if (!SAFE_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " holds characters an env file cannot carry unquoted.");
        }
        return name + "=" + value + "\n";
    }

    /** "2026-11-24T06:00:00+05:30": how times reach scripts, here and in {@code status --json}. */
    public static String isoIst(Instant time) {
        return ISO_WITH_OFFSET.format(time);
    }
}
