package com.kitesession.service;

import com.kitesession.secrets.SecretStore;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import com.kitesession.storage.AppSettings;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.storage.TokenExportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The profiles kept across runs: in settings.json (tokens and other secrets in this machine's
 * secret store), each login also written to the file the person chose for their scripts. Holds
 * the settings as last read or written; {@link #reload()} reads them again.
 */
final class SavedProfileStore implements ProfileStore {
    private final AppSettingsStore file;
    private final SecretStore secrets;
    private volatile AppSettings settings;
    private volatile Optional<String> loadProblem;

    SavedProfileStore(AppSettingsStore file, SecretStore secrets) {
        this.file = file;
        this.secrets = secrets;
        reload();
    }

    /** Reads the settings again (another process, the CLI, may have changed them). */
    AppSettings reload() {
        AppSettingsStore.Loaded loaded = file.load();
        settings = loaded.settings();
        loadProblem = loaded.problem();
        return settings;
    }

    AppSettings settings() {
        return settings;
    }

    /** A damaged settings file found when last read, in plain words; empty when all was well. */
    Optional<String> loadProblem() {
        return loadProblem;
    }

    /** The folder settings.json lives in. */
    Path folder() {
        return file.file().getParent();
    }

    /** Changes the settings and writes them (under the file's lock, over what another process wrote). */
    void update(Consumer<AppSettings> change) throws IOException {
        settings = file.update(change);
    }

    @Override
    public List<KiteProfile> profiles() {
        return settings.profiles;
    }

    @Override
    public SecretStore secrets() {
        return secrets;
    }

    @Override
    public String describeSecrets() {
        return "the " + secrets.describe();
    }

    /** The first profile saved becomes the default. */
    @Override
    public void putProfile(KiteProfile profile) throws IOException {
        update(s -> {
            s.putProfile(profile);
            if (s.defaultProfileId == null) s.defaultProfileId = profile.id();
        });
    }

    @Override
    public void removeProfile(KiteProfile profile) throws IOException {
        update(s -> s.removeProfile(profile.id()));
    }

    @Override
    public void makeDefault(KiteProfile profile) throws IOException {
        update(s -> s.defaultProfileId = profile.id());
    }

    @Override
    public SessionRecord session(KiteProfile profile) {
        return settings.sessions.get(profile.id());
    }

    @Override
    public Optional<String> rememberLogin(KiteProfile profile, ActiveSession session, SessionRecord record)
            throws IOException {
        update(s -> {
            s.sessions.put(profile.id(), record);
            s.lastProfileId = profile.id();
        });
        AppSettings.TokenExport export = settings.exports.get(profile.id());
        if (export == null) return Optional.empty();
        try {
            TokenExportWriter.write(export, profile.apiKey(), session.accessToken(), session.userId(),
                    session.loginTime(), session.expiresAt());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("The token could not be written to " + export.path() + " for your scripts."
                    + " Check that the folder exists and is writable, or choose another file.");
        }
    }

    @Override
    public void changeSession(KiteProfile profile, UnaryOperator<SessionRecord> change) throws IOException {
        update(s -> s.sessions.computeIfPresent(profile.id(), (id, record) -> change.apply(record)));
    }

    @Override
    public void forgetSession(KiteProfile profile) throws IOException {
        update(s -> s.sessions.remove(profile.id()));
    }
}
