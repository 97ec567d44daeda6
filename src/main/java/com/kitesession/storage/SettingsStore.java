package com.kitesession.storage;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.kitesession.session.KiteProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The non-secret settings file ({@code settings.json}): the person's Kite app profile.
 * Secrets are never written here. A corrupt file is set aside as {@code settings.json.corrupt}
 * and reported in plain words; the app then starts as if new rather than failing.
 */
public final class SettingsStore {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** What loading found: the profile, if any, and a problem to tell the person, if any. */
    public record Loaded(Optional<KiteProfile> profile, Optional<String> problem) {}

    private static final class SettingsFile {
        int version = 1;
        KiteProfile profile;
    }

    private final Path file;

    public SettingsStore(Path folder) {
        this.file = folder.resolve("settings.json");
    }

    /** The OS's usual config folder, or {@code -Dkite.session.home} when set (tests, portable use). */
    public static SettingsStore atDefaultLocation() {
        return new SettingsStore(AppPaths.configFolder());
    }

    public Path file() {
        return file;
    }

    public Loaded load() {
        if (!Files.exists(file)) return new Loaded(Optional.empty(), Optional.empty());
        try {
            SettingsFile settings = GSON.fromJson(Files.readString(file), SettingsFile.class);
            if (settings == null) throw new JsonParseException("empty");
            KiteProfile profile = settings.profile;
            if (profile != null && (profile.apiKey() == null || profile.redirectUrl() == null)) profile = null;
            return new Loaded(Optional.ofNullable(profile), Optional.empty());
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return new Loaded(Optional.empty(), Optional.of(setAside()));
        }
    }

    public void save(KiteProfile profile) throws IOException {
        SettingsFile settings = new SettingsFile();
        settings.profile = profile;
        AtomicFiles.write(file, GSON.toJson(settings));
    }

    private String setAside() {
        Path corrupt = file.resolveSibling(file.getFileName() + ".corrupt");
        try {
            Files.move(file, corrupt, StandardCopyOption.REPLACE_EXISTING);
            return "The settings file could not be read (it is damaged). It was kept as " + corrupt
                    + " and the app started with the demo profile; enter your Kite app again.";
        } catch (IOException e) {
            return "The settings file " + file + " could not be read (it is damaged) and could not be moved aside."
                    + " The app started with the demo profile; check the folder's permissions.";
        }
    }
}
