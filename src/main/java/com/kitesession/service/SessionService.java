package com.kitesession.service;

import com.kitesession.explain.ErrorExplainer;
import com.kitesession.explain.Explanation;
import com.kitesession.kite.KiteApiException;
import com.kitesession.kite.KiteClient;
import com.kitesession.kite.KiteException;
import com.kitesession.kite.KiteTime;
import com.kitesession.kite.PermissionException;
import com.kitesession.kite.TokenException;
import com.kitesession.secrets.InMemorySecretStore;
import com.kitesession.secrets.MaskingSecretStore;
import com.kitesession.secrets.SecretNames;
import com.kitesession.secrets.SecretStore;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.TokenExpiry;
import com.kitesession.storage.AppSettings;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.storage.TokenExportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/**
 * Every profile's session, without JavaFX: remembers logins (token in the secret store, the rest
 * in settings), checks liveness, logs out, exports tokens for scripts. Methods block on I/O:
 * the window calls them on its background executor. The demo profile lives in memory only,
 * because its simulator gets a new port and new tokens every run.
 */
public final class SessionService {
    private static final Logger LOG = Logger.getLogger(SessionService.class.getName());
    private final AppSettingsStore store;
    /** The store as given, for unlocking; secrets are read and written through {@link #savedSecrets}. */
    private final SecretStore secrets;
    /** Every secret read or written through this service is masked in the logs from then on. */
    private final SecretStore savedSecrets;
    private final OkHttpClient http;
    private final Clock clock;
    private final ErrorExplainer explainer = new ErrorExplainer();
    private final SecretStore demoSecrets = new MaskingSecretStore(new InMemorySecretStore());
    private final Map<String, SessionRecord> demoSessions = new ConcurrentHashMap<>();
    private volatile KiteProfile demo;
    private volatile AppSettings settings;
    private volatile Optional<String> loadProblem;

    public SessionService(AppSettingsStore store, SecretStore secrets, OkHttpClient http, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.savedSecrets = new MaskingSecretStore(secrets);
        this.http = http;
        this.clock = clock;
        reload();
    }

    /** Re-reads settings (another process, the CLI, may have changed them). */
    public AppSettings reload() {
        AppSettingsStore.Loaded loaded = store.load();
        settings = loaded.settings();
        loadProblem = loaded.problem();
        return settings;
    }

    public AppSettings settings() {
        return settings;
    }

    /** The folder settings.json lives in: the app's data folder. */
    public Path dataFolder() {
        return store.file().getParent();
    }

    /** A damaged settings file found at start, in plain words; empty when all was well. */
    public Optional<String> loadProblem() {
        return loadProblem;
    }

    public Clock clock() {
        return clock;
    }

    /** Never throws: loading already replaced an unreadable expiryTime, and this falls back the same way. */
    public TokenExpiry expiry() {
        return AppSettings.timeOfDay(settings.expiryTime).map(TokenExpiry::new).orElseGet(TokenExpiry::documented);
    }

    /** The in-memory demo profile (against the built-in simulator), listed while set. */
    public void setDemo(KiteProfile demoProfile, String apiSecret, String password, String totpSecret)
            throws SecretStoreException {
        demoSecrets.store(SecretNames.apiSecret(demoProfile.id()), apiSecret);
        // The demo shows one-click login out of the box: its login secrets are the simulator's.
        saveLoginSecrets(demoProfile, password, totpSecret);
        demo = demoProfile;
    }

    public List<KiteProfile> profiles() {
        List<KiteProfile> all = new ArrayList<>(settings.profiles);
        if (demo != null) all.add(demo);
        return all;
    }

    public Optional<KiteProfile> profile(String id) {
        return profiles().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<ProfileStatus> statuses() throws SecretStoreException {
        List<ProfileStatus> rows = new ArrayList<>();
        for (KiteProfile profile : profiles()) {
            SessionRecord record = record(profile);
            boolean tokenStored = record != null && token(profile).isPresent();
            rows.add(new ProfileStatus(profile, record, tokenStored, profile.id().equals(settings.defaultProfileId)));
        }
        return rows;
    }

    /** The store behind saved profiles, as given (the window unlocks an encrypted file before using it). */
    public SecretStore secretStore() {
        return secrets;
    }

    /** Where this profile's secrets are kept, for the person: "the Linux Secret Service", ... */
    public String describeSecrets(KiteProfile profile) {
        return profile.isDemo() ? "this run's memory (the demo keeps nothing on disk)" : "the " + secrets.describe();
    }

    public Optional<String> apiSecret(KiteProfile profile) throws SecretStoreException {
        return secretsFor(profile).load(SecretNames.apiSecret(profile.id()));
    }

    /** Saves the profile; a non-blank {@code apiSecret} replaces the stored one. */
    public void saveProfile(KiteProfile profile, String apiSecret) throws IOException, SecretStoreException {
        if (apiSecret != null && !apiSecret.isBlank()) {
            secretsFor(profile).store(SecretNames.apiSecret(profile.id()), apiSecret);
        }
        if (profile.isDemo()) return;
        update(s -> {
            s.putProfile(profile);
            if (s.defaultProfileId == null) s.defaultProfileId = profile.id();
        });
    }

    /** Removes the profile and all its secrets; the logs stop masking them unless another profile has them too. */
    public void deleteProfile(KiteProfile profile) throws IOException, SecretStoreException {
        for (String name : SecretNames.all(profile.id())) secretsFor(profile).delete(name);
        if (profile.isDemo()) {
            demo = null;
            return;
        }
        update(s -> s.removeProfile(profile.id()));
    }

    /** The person's opt-in login secrets for one-click login; both empty unless they chose to store them. */
    public record LoginSecrets(Optional<String> password, Optional<String> totpSecret) {
        public boolean any() {
            return password.isPresent() || totpSecret.isPresent();
        }
    }

    public LoginSecrets loginSecrets(KiteProfile profile) throws SecretStoreException {
        SecretStore store = secretsFor(profile);
        return new LoginSecrets(store.load(SecretNames.password(profile.id())), store.load(SecretNames.totpSecret(profile.id())));
    }

    /**
     * Stores (opt-in) or forgets the Kite password and TOTP secret. A null value leaves the
     * stored one as it is; an empty string forgets it.
     */
    public void saveLoginSecrets(KiteProfile profile, String password, String totpSecret) throws SecretStoreException {
        SecretStore store = secretsFor(profile);
        putOrForget(store, SecretNames.password(profile.id()), password);
        putOrForget(store, SecretNames.totpSecret(profile.id()), totpSecret);
    }

    private static void putOrForget(SecretStore store, String name, String value) throws SecretStoreException {
        if (value == null) return;
        if (value.isEmpty()) store.delete(name);
        else store.store(name, value);
    }

    public void setDefault(KiteProfile profile) throws IOException {
        if (!profile.isDemo()) update(s -> s.defaultProfileId = profile.id());
    }

    public void rememberLastProfile(String profileId) throws IOException {
        update(s -> s.lastProfileId = profileId);
    }

    public void setClipboardClearSeconds(int seconds) throws IOException {
        update(s -> s.clipboardClearSeconds = Math.max(0, seconds));
    }

    public Preferences preferences() {
        return Preferences.of(settings);
    }

    public void savePreferences(Preferences preferences) throws IOException {
        update(preferences::applyTo);
    }

    public void rememberWindow(AppSettings.WindowPlacement placement) throws IOException {
        update(s -> s.window = placement);
    }

    public void setExport(KiteProfile profile, AppSettings.TokenExport export) throws IOException {
        update(s -> {
            if (export == null) s.exports.remove(profile.id());
            else s.exports.put(profile.id(), export);
        });
    }

    /**
     * Remembers a fresh login: the token into the secret store, the rest into settings, and the
     * export file rewritten if the person set one. Returns a problem with the export, if any
     * (the login itself stands).
     */
    public Optional<String> recordLogin(KiteProfile profile, ActiveSession session)
            throws IOException, SecretStoreException {
        secretsFor(profile).store(SecretNames.accessToken(profile.id()), session.accessToken());
        SessionRecord record = session.toRecord().checked(clock.instant(), LivenessVerdict.LIVE);
        if (profile.isDemo()) {
            demoSessions.put(profile.id(), record);
            return Optional.empty();
        }
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

    /** The remembered session with its token, if one is stored (expired or not). */
    public Optional<ActiveSession> session(KiteProfile profile) throws SecretStoreException {
        SessionRecord record = record(profile);
        if (record == null) return Optional.empty();
        return token(profile).map(token -> ActiveSession.restore(profile.apiKey(), record, token));
    }

    /** The outcome of a liveness check; {@code explanation} is null when the session is live. */
    public record CheckResult(LivenessVerdict verdict, Explanation explanation) {}

    /**
     * {@code GET /user/profile} with the stored token. Only Kite's 403 about the token itself
     * marks it refused (invalidated early, or expired past the expiry); a timeout, a dead
     * network, a 429 or a 5xx say nothing about the token: unknown, and the token is kept.
     * The verdict is saved only onto the session that was checked: a re-login meanwhile must
     * not inherit the old token's verdict.
     */
    public CheckResult check(KiteProfile profile) throws IOException, SecretStoreException {
        Optional<ActiveSession> session = session(profile);
        if (session.isEmpty()) return new CheckResult(null, null);
        ActiveSession checked = session.get();
        CheckResult result;
        String failure = null;
        try {
            new KiteClient(profile.apiBase(), http).getProfile(profile.apiKey(), checked.accessToken());
            result = new CheckResult(LivenessVerdict.LIVE, null);
        } catch (KiteException e) {
            failure = e.getClass().getSimpleName() + (e instanceof KiteApiException api ? ", HTTP " + api.httpStatus() : "");
            result = new CheckResult(refusesToken(e) ? LivenessVerdict.REFUSED : LivenessVerdict.OFFLINE,
                    explainer.explainApiCall(e, checked.expiresAt(), clock.instant().atZone(KiteTime.IST)));
        }
        Instant at = clock.instant();
        LivenessVerdict verdict = result.verdict();
        LOG.info("Liveness of profile " + profile.id() + ": " + verdict + (failure == null ? "" : " (" + failure + ")"));
        if (profile.isDemo()) {
            demoSessions.computeIfPresent(profile.id(), (id, r) -> sameLogin(r, checked) ? r.checked(at, verdict) : r);
        } else {
            update(s -> s.sessions.computeIfPresent(profile.id(), (id, r) -> sameLogin(r, checked) ? r.checked(at, verdict) : r));
        }
        return result;
    }

    /** Kite's answer about this token itself: a 403 (TokenException, PermissionException). */
    private static boolean refusesToken(KiteException e) {
        return e instanceof TokenException || e instanceof PermissionException
                || e instanceof KiteApiException api && api.httpStatus() == 403;
    }

    private static boolean sameLogin(SessionRecord record, ActiveSession session) {
        return record.loginTime().equals(session.loginTime());
    }

    /** The outcome of a logout: whether Kite confirmed it, and what went wrong if not. */
    public record LogoutResult(boolean done, Explanation problem) {}

    /**
     * {@code DELETE /session/token}, then the token is wiped. If Kite cannot be told, nothing
     * is wiped: the person decides ({@link #forgetSession}) with the explanation in hand.
     */
    public LogoutResult logout(KiteProfile profile) throws IOException, SecretStoreException {
        Optional<ActiveSession> session = session(profile);
        if (session.isPresent() && !session.get().isExpired(clock)) {
            try {
                new KiteClient(profile.apiBase(), http).invalidateAccessToken(profile.apiKey(),
                        session.get().accessToken());
            } catch (KiteApiException e) {
                // Kite refusing the token means it is dead already: nothing left to log out.
            } catch (KiteException e) {
                return new LogoutResult(false, explainer.explainExchange(e));
            }
        }
        forgetSession(profile);
        return new LogoutResult(true, null);
    }

    /**
     * Wipes the token and the session record locally, without telling Kite. The logs stop masking
     * the session's tokens (a process that runs for weeks must not keep every one it ever had).
     */
    public void forgetSession(KiteProfile profile) throws IOException, SecretStoreException {
        secretsFor(profile).delete(SecretNames.accessToken(profile.id()));
        if (profile.isDemo()) demoSessions.remove(profile.id());
        else update(s -> s.sessions.remove(profile.id()));
    }

    /** The stored access token; a blank one counts as none (window and CLI agree on that here). */
    private Optional<String> token(KiteProfile profile) throws SecretStoreException {
        return secretsFor(profile).load(SecretNames.accessToken(profile.id())).filter(t -> !t.isBlank());
    }

    private SessionRecord record(KiteProfile profile) {
        return profile.isDemo() ? demoSessions.get(profile.id()) : settings.sessions.get(profile.id());
    }

    private SecretStore secretsFor(KiteProfile profile) {
        return profile.isDemo() ? demoSecrets : savedSecrets;
    }

    private void update(Consumer<AppSettings> change) throws IOException {
        settings = store.update(change);
    }
}
