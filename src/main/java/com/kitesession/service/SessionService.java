package com.kitesession.service;

import com.kitesession.explain.Explanation;
import com.kitesession.secrets.InMemorySecretStore;
import com.kitesession.secrets.MaskingSecretStore;
import com.kitesession.secrets.SecretNames;
import com.kitesession.secrets.SecretStore;
import com.kitesession.secrets.SecretStoreException;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import com.kitesession.session.TokenExpiry;
import com.kitesession.storage.AppSettings;
import com.kitesession.storage.AppSettingsStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Every profile's session, without JavaFX: remembers logins (token in the secret store, the rest
 * in settings), checks liveness, logs out, exports tokens for scripts. Methods block on I/O:
 * the window calls them on its background executor. Each profile's data lives in its
 * {@link ProfileStore}: the saved one, or this run's memory for the demo, because its simulator
 * gets a new port and new tokens every run.
 */
public final class SessionService {
    /** The store as given, for unlocking; secrets are read and written through {@link #saved}. */
    private final SecretStore secrets;
    private final SavedProfileStore saved;
    private final InMemoryProfileStore demo;
    private final KiteSessionCalls kite;
    private final Clock clock;

    public SessionService(AppSettingsStore store, SecretStore secrets, OkHttpClient http, Clock clock) {
        this.secrets = secrets;
        // Every secret read or written through this service is masked in the logs from then on.
        this.saved = new SavedProfileStore(store, new MaskingSecretStore(secrets));
        this.demo = new InMemoryProfileStore(new MaskingSecretStore(new InMemorySecretStore()));
        this.kite = new KiteSessionCalls(http, clock);
        this.clock = clock;
    }

    /** Re-reads settings (another process, the CLI, may have changed them). */
    public AppSettings reload() {
        return saved.reload();
    }

    public AppSettings settings() {
        return saved.settings();
    }

    /** The folder settings.json lives in: the app's data folder. */
    public Path dataFolder() {
        return saved.folder();
    }

    /** A damaged settings file found at start, in plain words; empty when all was well. */
    public Optional<String> loadProblem() {
        return saved.loadProblem();
    }

    public Clock clock() {
        return clock;
    }

    /** Never throws: loading already replaced an unreadable expiryTime, and this falls back the same way. */
    public TokenExpiry expiry() {
        return AppSettings.timeOfDay(settings().expiryTime).map(TokenExpiry::new).orElseGet(TokenExpiry::documented);
    }

    /** The in-memory demo profile (against the built-in simulator), listed while set. */
    public void setDemo(KiteProfile demoProfile, String apiSecret, String password, String totpSecret)
            throws SecretStoreException {
        demo.secrets().store(SecretNames.apiSecret(demoProfile.id()), apiSecret);
        // The demo shows one-click login out of the box: its login secrets are the simulator's.
        saveLoginSecrets(demoProfile, password, totpSecret);
        demo.putProfile(demoProfile);
    }

    public List<KiteProfile> profiles() {
        List<KiteProfile> all = new ArrayList<>(saved.profiles());
        all.addAll(demo.profiles());
        return all;
    }

    public Optional<KiteProfile> profile(String id) {
        return profiles().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<ProfileStatus> statuses() throws SecretStoreException {
        List<ProfileStatus> rows = new ArrayList<>();
        String defaultId = settings().defaultProfileId;
        for (KiteProfile profile : profiles()) {
            SessionRecord record = storeOf(profile).session(profile);
            boolean tokenStored = record != null && token(profile).isPresent();
            rows.add(new ProfileStatus(profile, record, tokenStored, profile.id().equals(defaultId)));
        }
        return rows;
    }

    /** The store behind saved profiles, as given (the window unlocks an encrypted file before using it). */
    public SecretStore secretStore() {
        return secrets;
    }

    /** Where this profile's secrets are kept, for the person: "the Linux Secret Service", ... */
    public String describeSecrets(KiteProfile profile) {
        return storeOf(profile).describeSecrets();
    }

    public Optional<String> apiSecret(KiteProfile profile) throws SecretStoreException {
        return storeOf(profile).secrets().load(SecretNames.apiSecret(profile.id()));
    }

    /** Saves the profile; a non-blank {@code apiSecret} replaces the stored one. */
    public void saveProfile(KiteProfile profile, String apiSecret) throws IOException, SecretStoreException {
        ProfileStore store = storeOf(profile);
        if (apiSecret != null && !apiSecret.isBlank()) store.secrets().store(SecretNames.apiSecret(profile.id()), apiSecret);
        store.putProfile(profile);
    }

    /** Removes the profile and all its secrets; the logs stop masking them unless another profile has them too. */
    public void deleteProfile(KiteProfile profile) throws IOException, SecretStoreException {
        ProfileStore store = storeOf(profile);
        for (String name : SecretNames.all(profile.id())) store.secrets().delete(name);
        store.removeProfile(profile);
    }

    /** The person's opt-in login secrets for one-click login; both empty unless they chose to store them. */
    public record LoginSecrets(Optional<String> password, Optional<String> totpSecret) {
        public boolean any() {
            return password.isPresent() || totpSecret.isPresent();
        }
    }

    public LoginSecrets loginSecrets(KiteProfile profile) throws SecretStoreException {
        SecretStore store = storeOf(profile).secrets();
        return new LoginSecrets(store.load(SecretNames.password(profile.id())), store.load(SecretNames.totpSecret(profile.id())));
    }

    /**
     * Stores (opt-in) or forgets the Kite password and TOTP secret. A null value leaves the
     * stored one as it is; an empty string forgets it.
     */
    public void saveLoginSecrets(KiteProfile profile, String password, String totpSecret) throws SecretStoreException {
        SecretStore store = storeOf(profile).secrets();
        putOrForget(store, SecretNames.password(profile.id()), password);
        putOrForget(store, SecretNames.totpSecret(profile.id()), totpSecret);
    }

    private static void putOrForget(SecretStore store, String name, String value) throws SecretStoreException {
        if (value == null) return;
        if (value.isEmpty()) store.delete(name);
        else store.store(name, value);
    }

    public void setDefault(KiteProfile profile) throws IOException {
        storeOf(profile).makeDefault(profile);
    }

    public void rememberLastProfile(String profileId) throws IOException {
        saved.update(s -> s.lastProfileId = profileId);
    }

    public void setClipboardClearSeconds(int seconds) throws IOException {
        saved.update(s -> s.clipboardClearSeconds = Math.max(0, seconds));
    }

    public Preferences preferences() {
        return Preferences.of(settings());
    }

    public void savePreferences(Preferences preferences) throws IOException {
        saved.update(preferences::applyTo);
    }

    public void rememberWindow(AppSettings.WindowPlacement placement) throws IOException {
        saved.update(s -> s.window = placement);
    }

    public void setExport(KiteProfile profile, AppSettings.TokenExport export) throws IOException {
        saved.update(s -> {
            if (export == null) s.exports.remove(profile.id());
            else s.exports.put(profile.id(), export);
        });
    }

    /** Sets the command run after each login of {@code profile}; blank removes it. */
    public void setAfterLogin(KiteProfile profile, String command) throws IOException {
        saved.update(s -> {
            if (command == null || command.isBlank()) s.afterLogin.remove(profile.id());
            else s.afterLogin.put(profile.id(), command.strip());
        });
    }

    /** The command run after each login of {@code profile}, if one is set. */
    public Optional<String> afterLogin(KiteProfile profile) {
        return Optional.ofNullable(settings().afterLogin.get(profile.id())).filter(c -> !c.isBlank());
    }

    /**
     * Remembers a fresh login: the token into the secret store, the rest into settings, and the
     * export file rewritten if the person set one. Returns a problem with the export, if any
     * (the login itself stands).
     */
    public Optional<String> recordLogin(KiteProfile profile, ActiveSession session)
            throws IOException, SecretStoreException {
        ProfileStore store = storeOf(profile);
        store.secrets().store(SecretNames.accessToken(profile.id()), session.accessToken());
        return store.rememberLogin(profile, session, session.toRecord().checked(clock.instant(), LivenessVerdict.LIVE));
    }

    /** The remembered session with its token, if one is stored (expired or not). */
    public Optional<ActiveSession> session(KiteProfile profile) throws SecretStoreException {
        SessionRecord record = storeOf(profile).session(profile);
        if (record == null) return Optional.empty();
        return token(profile).map(token -> ActiveSession.restore(profile.apiKey(), record, token));
    }

    /**
     * The outcome of a liveness check; {@code explanation} is null when the session is live.
     * {@code rateLimited}: Kite answered 429 (its 10 a second were used up, by the trader's own
     * scripts as likely as by us), which says nothing about the token; the last verdict stands.
     */
    public record CheckResult(LivenessVerdict verdict, Explanation explanation, boolean rateLimited) {
        public CheckResult(LivenessVerdict verdict, Explanation explanation) {
            this(verdict, explanation, false);
        }
    }

    /**
     * Asks Kite whether the stored token still works ({@code GET /user/profile}; see
     * {@link KiteSessionCalls#check}). The verdict is saved only onto the session that was
     * checked: a re-login meanwhile must not inherit the old token's verdict.
     */
    public CheckResult check(KiteProfile profile) throws IOException, SecretStoreException {
        Optional<ActiveSession> session = session(profile);
        if (session.isEmpty()) return new CheckResult(null, null);
        ActiveSession checked = session.get();
        CheckResult result = kite.check(profile, checked);
        if (result.rateLimited()) return result; // not checked: the list keeps what it knew
        Instant at = clock.instant();
        storeOf(profile).changeSession(profile,
                record -> record.loginTime().equals(checked.loginTime()) ? record.checked(at, result.verdict()) : record);
        return result;
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
            Optional<Explanation> problem = kite.logout(profile, session.get());
            if (problem.isPresent()) return new LogoutResult(false, problem.get());
        }
        forgetSession(profile);
        return new LogoutResult(true, null);
    }

    /**
     * Wipes the token and the session record locally, without telling Kite. The logs stop masking
     * the session's tokens (a process that runs for weeks must not keep every one it ever had).
     */
    public void forgetSession(KiteProfile profile) throws IOException, SecretStoreException {
        ProfileStore store = storeOf(profile);
        store.secrets().delete(SecretNames.accessToken(profile.id()));
        store.forgetSession(profile);
    }

    /** The stored access token; a blank one counts as none (window and CLI agree on that here). */
    private Optional<String> token(KiteProfile profile) throws SecretStoreException {
        return storeOf(profile).secrets().load(SecretNames.accessToken(profile.id())).filter(t -> !t.isBlank());
    }

    /** The one place a profile's store is chosen: the demo's lives in this run's memory. */
    private ProfileStore storeOf(KiteProfile profile) {
        return profile.isDemo() ? demo : saved;
    }
}
