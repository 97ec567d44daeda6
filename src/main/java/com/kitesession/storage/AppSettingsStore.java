package com.kitesession.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

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
    /** Settings take a few KB; a file of gigabytes would otherwise be read to an OutOfMemoryError. */
    static final int MAX_FILE_BYTES = 1024 * 1024;
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
    private final AtomicBoolean folderChecked = new AtomicBoolean();

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
        if (!folderChecked.getAndSet(true)) makeFolderPrivate();
        // Nothing to read or repair: do not create the folder or the lock file just to look.
        if (Files.notExists(file)) return new Loaded(new AppSettings(), Optional.empty());
        try {
            return locked(this::readLatest);
        } catch (IOException | RuntimeException e) {
            // No lock (a read-only folder, say): read without repairing anything.
            try {
                return new Loaded(SettingsJson.parse(read(file)), Optional.empty());
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
            AtomicFiles.removeLeftoverTempFiles(file);
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
            AtomicFiles.createPrivateFile(lockFile);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                return action.run();
            }
        }
    }

    /**
     * The folder's file names say which profiles and exports there are; an existing folder made
     * by hand, or by an older version, may be open to every user of the machine.
     */
    private void makeFolderPrivate() {
        Path folder = file.getParent();
        try {
            AtomicFiles.makeFolderPrivate(folder).ifPresent(was -> LOG.warning("The settings folder " + folder
                    + " was open to other users (" + was + "); it is now its owner's only."));
        } catch (IOException e) {
            LOG.warning("The settings folder " + folder + " could not be made its owner's only ("
                    + e.getClass().getSimpleName() + "); check who owns it.");
        }
    }

    /** Under the lock: the current file, repaired first if damaged, migrated if from version 1. */
    private Loaded readLatest() throws IOException {
        if (!Files.exists(file)) return new Loaded(new AppSettings(), Optional.empty());
        String text;
        AppSettings settings;
        List<String> notes = new ArrayList<>();
        try {
            text = read(file);
            settings = SettingsJson.parse(text, notes);
        } catch (IOException | RuntimeException e) {
            return repair(e);
        }
        if (SettingsJson.isVersion1(text)) {
            // Persist at once: the migrated profile gets a new id, under which its secrets will be filed,
            // so it must never be migrated (and re-numbered) again, not even from the backup. Hence the
            // backup gets the migrated version too, and the original is kept as settings.json.v1.
            String json = SettingsJson.toJson(settings);
            AtomicFiles.write(file.resolveSibling("settings.json.v1"), text);
            AtomicFiles.write(file, json);
            AtomicFiles.write(backup, json);
        }
        return new Loaded(settings, notes.isEmpty() ? Optional.empty() : Optional.of(describe(notes)));
    }

    /** What hand-editing broke, and that the defaults stand in until it is corrected. */
    private String describe(List<String> notes) {
        LOG.warning("Settings replaced by defaults at load: " + notes.size());
        return "Some settings in " + file + " could not be used: " + String.join("; ", notes) + ". Correct them in"
                + " the file or in Preferences; until then the defaults apply, and the next change of settings saves them.";
    }

    /** The file's text, refused unread past {@link #MAX_FILE_BYTES}, and only when it is UTF-8. */
    private static String read(Path path) throws IOException {
        byte[] bytes = AtomicFiles.readBounded(path, MAX_FILE_BYTES);
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Moves the damaged file aside and puts the backup in its place (if it parses). */
    private Loaded repair(Exception why) throws IOException {
        Path kept = file.resolveSibling("settings.json.corrupt-" + STAMP.format(Instant.now()));
        Files.move(file, kept); // a rename: works even when the file is unreadable, and keeps it whole
        Optional<AppSettings> previous = readBackup();
        if (previous.isPresent()) AtomicFiles.write(file, SettingsJson.toJson(previous.get()));
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
            return Optional.of(SettingsJson.parse(read(backup)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps the current (good) file as the backup, then writes the new one; returns what was written. */
    private AppSettings save(AppSettings settings) throws IOException {
        settings.version = AppSettings.VERSION;
        settings.fillDefaults();
        String json = SettingsJson.toJson(settings);
        if (Files.exists(file)) AtomicFiles.write(backup, read(file));
        AtomicFiles.write(file, json);
        return SettingsJson.parse(json);
    }

    /** Why the file could not be used, in a few words for a person (never the file's content). */
    private static String plain(Exception e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof CharacterCodingException) return "it is not text";
        if (e instanceof AtomicFiles.TooLargeException) return "it is larger than " + MAX_FILE_BYTES / (1024 * 1024)
                + " MB, far more than settings ever take";
        if (e instanceof IOException) return e.getClass().getSimpleName();
        return "it is incomplete or not valid settings";
    }
}
