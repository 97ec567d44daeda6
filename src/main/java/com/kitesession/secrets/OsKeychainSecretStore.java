package com.kitesession.secrets;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Secrets in the OS keychain through java-keyring: macOS Keychain, Windows Credential Manager, or
 * the Linux Secret Service (GNOME Keyring, KWallet) over D-Bus. Entries are filed under the service
 * "kite-session" with the secret's name as the account.
 *
 * <p>Keychain calls can block (no D-Bus answer, a locked keyring waiting for the person), so every
 * call runs on one daemon thread with a time limit; {@link #isSupported()} probes once, within
 * about 3 seconds, and remembers the answer for the run.
 */
public final class OsKeychainSecretStore implements SecretStore {
    static final String SERVICE = "kite-session";
    private static final String PROBE_ACCOUNT = "kite-session.probe";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    /** Long enough for the person to answer an OS prompt ("allow kite-session to use the keychain?"). */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /**
     * java-keyring reports a missing entry with the same exception as a refusal; these are its words
     * for "missing" (Secret Service and macOS, Windows ERROR_NOT_FOUND, KWallet).
     */
    private static final List<String> NOT_FOUND_MARKERS = List.of(
            "no stored credentials match", "password not found", "error code 1168", "not in wallet", "no password to delete");

    private final Callable<Keyring> opener;
    private final Duration probeTimeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "kite-session-keychain");
        thread.setDaemon(true); // a hung keychain call must not keep the program alive
        return thread;
    });
    private Boolean supported; // guarded by this; null until probed
    private Keyring keyring;   // used on the worker thread only

    public OsKeychainSecretStore() {
        this(Keyring::create, PROBE_TIMEOUT);
    }

    /** Tests pass an opener that hangs or fails, and a short probe time. */
    OsKeychainSecretStore(Callable<Keyring> opener, Duration probeTimeout) {
        this.opener = opener;
        this.probeTimeout = probeTimeout;
    }

    @Override
    public synchronized boolean isSupported() {
        if (supported == null) supported = probe();
        return supported;
    }

    /** Opens the keyring and reads a probe entry that normally is missing: "missing" means it answers. */
    private boolean probe() {
        Future<Boolean> answer = worker.submit(() -> {
            keyring = opener.call();
            try {
                keyring.getPassword(SERVICE, PROBE_ACCOUNT);
            } catch (PasswordAccessException e) {
                return isNotFound(e);
            }
            return true;
        });
        try {
            return answer.get(probeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return false;
        } catch (ExecutionException e) {
            return false; // no backend (BackendNotSupportedException), no native library, no D-Bus
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return false;
        }
    }

    @Override
    public void store(String name, String secret) throws SecretStoreException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
        call(() -> {
            keyring.setPassword(SERVICE, name, secret);
            return null;
        }, secret);
    }

    @Override
    public Optional<String> load(String name) throws SecretStoreException {
        Objects.requireNonNull(name, "name");
        return call(() -> {
            try {
                return Optional.of(keyring.getPassword(SERVICE, name));
            } catch (PasswordAccessException e) {
                if (isNotFound(e)) return Optional.empty();
                throw e;
            }
        }, null);
    }

    @Override
    public void delete(String name) throws SecretStoreException {
        Objects.requireNonNull(name, "name");
        call(() -> {
            try {
                keyring.deletePassword(SERVICE, name);
            } catch (PasswordAccessException e) {
                if (!isNotFound(e)) throw e;
            }
            return null;
        }, null);
    }

    @Override
    public String describe() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) return "macOS Keychain";
        if (os.contains("win")) return "Windows Credential Manager";
        return "Linux Secret Service";
    }

    @Override
    public String toString() {
        return "OsKeychainSecretStore[" + describe() + "]";
    }

    static boolean isNotFound(Exception e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return NOT_FOUND_MARKERS.stream().anyMatch(message::contains);
    }

    private <T> T call(Callable<T> action, String secretToHide) throws SecretStoreException {
        if (!isSupported()) throw new SecretStoreException("The " + describe() + " does not answer on this machine.");
        Future<T> result = worker.submit(action);
        try {
            return result.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new SecretStoreException("The system keychain did not answer within " + CALL_TIMEOUT.toSeconds() + " seconds.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new SecretStoreException("Stopped while waiting for the system keychain.");
        } catch (ExecutionException e) {
            throw refused(e.getCause(), secretToHide);
        }
    }

    /** The library's words name the service and account only; a secret is masked all the same, in case. */
    private static SecretStoreException refused(Throwable cause, String secretToHide) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (secretToHide != null && !secretToHide.isEmpty()) why = why.replace(secretToHide, "***");
        return new SecretStoreException("The system keychain refused the request: " + why);
    }
}
