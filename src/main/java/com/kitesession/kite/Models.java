package com.kitesession.kite;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads Kite's {@code data} objects into our records. Tolerant, like the official SDKs: unknown
 * fields are ignored, a missing or non-text field is null, a missing list is empty.
 * Returns null when the one field that makes the object useful is missing.
 */
final class Models {
    private static final DateTimeFormatter KITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Models() {}

    /** Null if there is no access_token. */
    static UserSession session(JsonObject d) {
        String accessToken = text(d, "access_token");
        if (accessToken == null || accessToken.isBlank()) return null;
        return new UserSession(text(d, "user_id"), text(d, "user_name"), text(d, "user_shortname"),
                text(d, "email"), text(d, "user_type"), text(d, "broker"), text(d, "api_key"), accessToken,
                text(d, "public_token"), kiteTime(text(d, "login_time")), text(d, "avatar_url"),
                texts(d, "exchanges"), texts(d, "products"), texts(d, "order_types"));
    }

    /** Null if there is no user_id. */
    static UserProfile profile(JsonObject d) {
        String userId = text(d, "user_id");
        if (userId == null || userId.isBlank()) return null;
        return new UserProfile(userId, text(d, "user_name"), text(d, "user_shortname"), text(d, "email"),
                text(d, "user_type"), text(d, "broker"), text(d, "avatar_url"),
                texts(d, "exchanges"), texts(d, "products"), texts(d, "order_types"));
    }

    /** Unmodifiable copy without nulls; null becomes empty. */
    static List<String> copy(List<String> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    /** Kite's naive "yyyy-MM-dd HH:mm:ss" is India time; null when absent or unreadable. */
    static ZonedDateTime kiteTime(String s) {
        if (s == null) return null;
        try {
            return LocalDateTime.parse(s.trim(), KITE_TIME).atZone(KiteTime.IST);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A text (or number) field; null when missing, JSON null, an object or a list. */
    static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static List<String> texts(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || !e.isJsonArray()) return List.of();
        List<String> out = new ArrayList<>();
        for (JsonElement item : (JsonArray) e) {
            if (item.isJsonPrimitive()) out.add(item.getAsString());
        }
        return out;
    }
}
