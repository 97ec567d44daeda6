package com.kitesession.storage;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import com.kitesession.kite.KiteConnect;
import com.kitesession.session.KiteProfile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@code settings.json}: the app's non-secret settings, shared by the window and the command line.
 *
 * <p>Every change runs under an exclusive lock on {@code settings.json.lock}: re-read the latest
 * file, apply the change, keep the previous good file as {@code settings.json.bak}, write the new
 * one atomically (owner-only). So two processes, or two threads, never lose each other's update.
 * A damaged file is never dropped silently: it is kept as {@code settings.json.corrupt-<time>},
 * the {@code .bak} copy takes its place, and {@link #load()} says so in plain words. A version-1 file
 * (the old SettingsStore's) is migrated once and kept as {@code settings.json.v1}.
 */
public final class AppSettingsStore {
    private static final Logger LOG = Logger.getLogger(AppSettingsStore.class.getName());
    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .create();
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    /**
     * A JVM may hold only one FileLock per file: a second lock() from another thread of the same
     * process throws instead of waiting. Threads therefore queue on this monitor first.
     */
    private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

    /** What loading found: the settings to use, and what to tell the person if the file was damaged. */
    public record Loaded(AppSettings settings, Optional<String> problem) {}

    private final Path file;
    private final Path backup;
    private final Path lockFile;

    public AppSettingsStore(Path folder) {
        file = folder.toAbsolutePath().normalize().resolve("settings.json");
        backup = file.resolveSibling("settings.json.bak");
        lockFile = file.resolveSibling("settings.json.lock");
    }

    /** The OS's usual config folder, or {@code -Dkite.session.home} when set. */
    public static AppSettingsStore atDefaultLocation() {
        return new AppSettingsStore(AppPaths.configFolder());
    }

    public Path file() {
        return file;
    }

    /** The latest settings; never throws. A damaged file is set aside and repaired from the backup. */
    public Loaded load() {
        // Nothing to read or repair: do not create the folder or the lock file just to look.
        if (Files.notExists(file)) return new Loaded(new AppSettings(), Optional.empty());
        try {
            return locked(this::readLatest);
        } catch (IOException | RuntimeException e) {
            // No lock (a read-only folder, say): read without repairing anything.
            try {
                return new Loaded(parse(Files.readString(file)), Optional.empty());
            } catch (IOException | RuntimeException again) {
                Optional<AppSettings> previous = readBackup();
                LOG.warning("Settings could not be locked (" + e.getClass().getSimpleName() + ") nor read ("
                        + again.getClass().getSimpleName() + "); " + (previous.isPresent() ? "the backup was used." : "started empty."));
                return new Loaded(previous.orElseGet(AppSettings::new), Optional.of("The settings file " + file
                        + " could not be read (" + plain(again) + ")."
                        + (previous.isPresent() ? " The last good version was used." : " The app started with no profiles.")
                        + " Nothing was changed on disk; check the folder's permissions."));
            }
        }
    }

    /**
     * Applies {@code change} to the latest settings on disk and saves them.
     *
     * @return the settings as saved (a copy: changing it changes nothing on disk)
     */
    public AppSettings update(Consumer<AppSettings> change) throws IOException {
        Objects.requireNonNull(change, "change");
        return locked(() -> {
            removeLeftoverTempFiles();
            AppSettings settings = readLatest().settings();
            change.accept(settings);
            return save(settings);
        });
    }

    private interface LockedAction<T> {
        T run() throws IOException;
    }

    private <T> T locked(LockedAction<T> action) throws IOException {
        synchronized (IN_PROCESS.computeIfAbsent(file, f -> new Object())) {
            AtomicFiles.createPrivateDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                return action.run();
            }
        }
    }

    /** Under the lock: the current file, repaired first if damaged, migrated if from version 1. */
    private Loaded readLatest() throws IOException {
        if (!Files.exists(file)) return new Loaded(new AppSettings(), Optional.empty());
        String text;
        AppSettings settings;
        try {
            text = Files.readString(file);
            settings = parse(text);
        } catch (IOException | RuntimeException e) {
            return repair(e);
        }
        if (isVersion1(text)) {
            // Persist at once: the migrated profile gets a new id, under which its secrets will be filed,
            // so it must never be migrated (and re-numbered) again, not even from the backup. Hence the
            // backup gets the migrated version too, and the original is kept as settings.json.v1.
            String json = GSON.toJson(settings);
            AtomicFiles.write(file.resolveSibling("settings.json.v1"), text);
            AtomicFiles.write(file, json);
            AtomicFiles.write(backup, json);
        }
        return new Loaded(settings, Optional.empty());
    }

    /** Moves the damaged file aside and puts the backup in its place (if it parses). */
    private Loaded repair(Exception why) throws IOException {
        Path kept = file.resolveSibling("settings.json.corrupt-" + STAMP.format(Instant.now()));
        Files.move(file, kept); // a rename: works even when the file is unreadable, and keeps it whole
        Optional<AppSettings> previous = readBackup();
        if (previous.isPresent()) AtomicFiles.write(file, GSON.toJson(previous.get()));
        LOG.warning("Damaged settings recovered (" + why.getClass().getSimpleName() + "): kept as " + kept.getFileName()
                + (previous.isPresent() ? "; the backup " + backup.getFileName() + " was restored." : "; no good backup, started empty."));
        String problem = "The settings file " + file + " was damaged and could not be read (" + plain(why) + "). "
                + (previous.isPresent()
                        ? "The last good version (" + backup.getFileName() + ") was used instead; changes made since it was saved may be missing. "
                        : "No earlier good version was found, so the app started with no profiles. ")
                + "The damaged file was kept as " + kept + ".";
        return new Loaded(previous.orElseGet(AppSettings::new), Optional.of(problem));
    }

    private Optional<AppSettings> readBackup() {
        try {
            return Optional.of(parse(Files.readString(backup)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps the current (good) file as the backup, then writes the new one; returns what was written. */
    private AppSettings save(AppSettings settings) throws IOException {
        settings.version = AppSettings.VERSION;
        settings.fillDefaults();
        String json = GSON.toJson(settings);
        if (Files.exists(file)) AtomicFiles.write(backup, Files.readString(file));
        AtomicFiles.write(file, json);
        return parse(json);
    }

    /**
     * A crash between writing and renaming leaves {@code .settings.json*.tmp} behind (the real file
     * is untouched). Only lock holders write those, so under the lock any found are stale.
     */
    private void removeLeftoverTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".settings.json") && name.endsWith(".tmp")) Files.deleteIfExists(p);
            }
        }
    }

    /** Any failure here means the text is not settings we can use; the caller reports it. */
    static AppSettings parse(String text) {
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
        return settings;
    }

    private static boolean isVersion1(String text) {
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
        boolean realKite = apiBase != null && stripSlashes(apiBase).equals(KiteConnect.API_BASE);
        if (!realKite || apiKey == null || redirectUrl == null) return settings;
        String loginBase = text(p, "loginBase");
        String name = text(p, "name");
        KiteProfile profile = new KiteProfile(UUID.randomUUID().toString(), name != null ? name : "My Kite app",
                apiKey, redirectUrl, null, loginBase != null ? loginBase : KiteConnect.LOGIN_BASE, KiteConnect.API_BASE);
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

    /** Why the file could not be used, in a few words for a person (never the file's content). */
    private static String plain(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.charset.CharacterCodingException) return "it is not text";
        if (e instanceof IOException) return e.getClass().getSimpleName();
        return "it is incomplete or not valid settings";
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
