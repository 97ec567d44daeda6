package com.kitesession.storage;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import com.kitesession.kite.KiteHosts;
import com.kitesession.session.KiteProfile;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** {@code settings.json}'s text: reading it (version 1 migrated on the way) and writing it. */
final class SettingsJson {
    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .create();

    private SettingsJson() {}

    static String toJson(AppSettings settings) {
        return GSON.toJson(settings);
    }

    /** Any failure here means the text is not settings we can use; the caller reports it. */
    static AppSettings parse(String text) {
        return parse(text, new ArrayList<>());
    }

    /** As {@link #parse(String)}; hand-edited values the app cannot use are replaced, and said so in {@code notes}. */
    static AppSettings parse(String text, List<String> notes) {
        JsonElement json = JsonParser.parseString(text);
        if (!json.isJsonObject()) throw new IllegalStateException("not a JSON object");
        JsonObject object = json.getAsJsonObject();
        AppSettings settings = isVersion1(object) ? migrateVersion1(object) : GSON.fromJson(object, AppSettings.class);
        settings.fillDefaults();
        // A profile without an id cannot key its secrets or session: drop it rather than crash later.
        settings.profiles.removeIf(p -> p == null || p.id() == null);
        // The state of a session is computed from its expiry; one without can only be dropped.
        settings.sessions.values().removeIf(r -> r == null || r.expiresAt() == null);
        settings.exports.values().removeIf(Objects::isNull);
        settings.afterLogin.values().removeIf(command -> command == null || command.isBlank());
        notes.addAll(HandEditedSettings.fix(settings));
        return settings;
    }

    static boolean isVersion1(String text) {
        return isVersion1(JsonParser.parseString(text).getAsJsonObject());
    }

    private static boolean isVersion1(JsonObject object) {
        return object.has("version") && object.get("version").isJsonPrimitive() && object.get("version").getAsInt() == 1;
    }

    /**
     * Version 1 (the old SettingsStore) held one profile without an id. A real Kite profile is
     * kept under a new id; one pointing elsewhere was the built-in demo, which needs no entry.
     */
    private static AppSettings migrateVersion1(JsonObject old) {
        AppSettings settings = new AppSettings();
        JsonObject p = old.has("profile") && old.get("profile").isJsonObject() ? old.getAsJsonObject("profile") : null;
        if (p == null) return settings;
        String apiKey = text(p, "apiKey");
        String redirectUrl = text(p, "redirectUrl");
        String apiBase = text(p, "apiBase");
        boolean realKite = apiBase != null && stripSlashes(apiBase).equals(KiteHosts.API_BASE);
        if (!realKite || apiKey == null || redirectUrl == null) return settings;
        String loginBase = text(p, "loginBase");
        String name = text(p, "name");
        KiteProfile profile = new KiteProfile(UUID.randomUUID().toString(), name != null ? name : "My Kite app",
                apiKey, redirectUrl, null, loginBase != null ? loginBase : KiteHosts.LOGIN_BASE, KiteHosts.API_BASE);
        settings.profiles.add(profile);
        settings.defaultProfileId = profile.id();
        settings.lastProfileId = profile.id();
        return settings;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static String stripSlashes(String url) {
        String s = url.trim();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    /** Instants as ISO-8601 text ("2026-11-23T04:30:00Z"), readable by people and other tools. */
    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            return Instant.parse(in.nextString());
        }
    }
}
