package com.kitesession.service;

import com.kitesession.secrets.SecretStore;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The demo's profile, kept for this run only: its simulator gets a new port and new tokens every
 * run, so nothing of it belongs in the settings or in this machine's secret store. Nothing here
 * is written anywhere, and there is no export for scripts.
 */
final class InMemoryProfileStore implements ProfileStore {
    private final SecretStore secrets;
    /** Guarded by this. */
    private final Map<String, KiteProfile> profiles = new LinkedHashMap<>();
    private final Map<String, SessionRecord> sessions = new ConcurrentHashMap<>();

    /** {@code secrets} should keep nothing beyond the run either, e.g. an in-memory store. */
    InMemoryProfileStore(SecretStore secrets) {
        this.secrets = secrets;
    }

    @Override
    public synchronized List<KiteProfile> profiles() {
        return List.copyOf(profiles.values());
    }

    @Override
    public SecretStore secrets() {
        return secrets;
    }

    @Override
    public String describeSecrets() {
        return "this run's memory (the demo keeps nothing on disk)";
    }

    @Override
    public synchronized void putProfile(KiteProfile profile) {
        profiles.put(profile.id(), profile);
    }

    @Override
    public synchronized void removeProfile(KiteProfile profile) {
        profiles.remove(profile.id());
        sessions.remove(profile.id());
    }

    /** A profile of this run is never the command line's default: the command line cannot see it. */
    @Override
    public void makeDefault(KiteProfile profile) {
        // Nothing to remember.
    }

    @Override
    public SessionRecord session(KiteProfile profile) {
        return sessions.get(profile.id());
    }

    @Override
    public Optional<String> rememberLogin(KiteProfile profile, ActiveSession session, SessionRecord record) {
        sessions.put(profile.id(), record);
        return Optional.empty();
    }

    @Override
    public void changeSession(KiteProfile profile, UnaryOperator<SessionRecord> change) {
        sessions.computeIfPresent(profile.id(), (id, record) -> change.apply(record));
    }

    @Override
    public void forgetSession(KiteProfile profile) {
        sessions.remove(profile.id());
    }
}
