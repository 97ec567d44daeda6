package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.desktop.LoginRequest;
import com.kitesession.desktop.SingleInstance;
import com.kitesession.otp.Totp;
import com.kitesession.secrets.EncryptedFileSecretStore;
import com.kitesession.secrets.SecretStore;
import com.kitesession.secrets.SecretStores;
import com.kitesession.session.ActiveSession;
import com.kitesession.testing.OfficialSdkRoutes;
import com.kitesession.testing.SimClient;
import com.kitesession.testing.WebPage;
import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.TokenException;
import com.zerodhatech.models.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The recipe of docs/examples, end to end: a script on Zerodha's official Java SDK (javakiteconnect
 * 3.5.1) holds yesterday's session; past 06:00 IST Kite refuses it, the SDK's session-expiry hook
 * runs {@code kite-session token --wait} as a real process, the command asks this window to log
 * in, the test plays the person at Kite's login in the window, the command prints the fresh token,
 * the hook hands it to the SDK, and the script's retried call succeeds.
 * <p>
 * The window and the command share the settings folder and the encrypted secrets file (the
 * command unlocks it with KITE_SESSION_PASSPHRASE). The command runs on the real clock, so the
 * simulator's clock is set around it: yesterday's login a day before now, the morning's a few
 * minutes after now (a login the command counts as fresh has to come after it asked).
 */
class OfficialSdkTokenWaitTest extends WindowTestBase {
    private static final String PASSPHRASE = "correct horse battery staple";

    @Start
    void start(Stage stage) throws Exception {
        clock.setInstant(Instant.now().minus(Duration.ofDays(1)));
        open(stage);
    }

    @Override
    SecretStore secretStore(Path settingsFolder) throws Exception {
        EncryptedFileSecretStore file = new EncryptedFileSecretStore(settingsFolder.resolve(SecretStores.FILE_NAME));
        file.unlock(PASSPHRASE.toCharArray());
        return file;
    }

    @Test
    void theExpiryHookRunsTokenWaitAndTheScriptCarriesOnWithTheWindowsLogin(FxRobot robot) throws Throwable {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        try (OfficialSdkRoutes routes = OfficialSdkRoutes.pointAt(simulator.baseUrl());
                SingleInstance.Primary running = (SingleInstance.Primary) SingleInstance.acquire(settingsFolder, List.of(),
                        args -> LoginRequest.profileIn(args).ifPresent(id -> Platform.runLater(() -> window.requestLogin(id))))) {
            KiteConnect kite = new KiteConnect(account().apiKey());
            kite.setUserId(account().userId());
            User yesterday = kite.generateSession(new SimClient(simulator).requestToken(account()), account().apiSecret());
            kite.setAccessToken(yesterday.accessToken);
            assertEquals(account().userName(), kite.getProfile().userName);

            clock.setInstant(Instant.now().plus(Duration.ofMinutes(5))); // the next morning, past 06:00 IST
            CompletableFuture<Void> person = CompletableFuture.runAsync(() -> logInWhenAsked(robot));
            List<TokenWait> hookRuns = new ArrayList<>();
            kite.setSessionExpiryHook(() -> {
                TokenWait wait = TokenWait.start(settingsFolder);
                hookRuns.add(wait);
                kite.setAccessToken(wait.token());
            });

            assertThrows(TokenException.class, kite::getProfile, "the SDK calls the hook, then still throws");
            person.get(30, TimeUnit.SECONDS);
            assertEquals(1, hookRuns.size(), "the hook ran once");
            TokenWait wait = hookRuns.get(0);
            assertEquals(0, wait.exit, wait.err);
            ActiveSession shown = onFx(() -> robot.lookup("#token-view").queryAs(TokenView.class).session());
            assertEquals(shown.accessToken(), wait.token(), "the window's fresh login, printed alone on stdout");
            assertNotEquals(yesterday.accessToken, wait.token());
            assertFalse(wait.err.contains(wait.token()), "the token only on stdout");

            assertEquals(account().userName(), kite.getProfile().userName, "the script's retry, on the fresh token");
        }
    }

    /** The person: Kite's login appears in the window (the command asked for it); they log in. */
    private void logInWhenAsked(FxRobot robot) {
        waitUntil(() -> visible(robot, "#login-webview"), "the Kite login page the command asked for");
        WebPage page = new WebPage(robot, WebPage.loginView(robot));
        page.waitFor("#userid");
        page.type("#userid", account().userId());
        page.type("#password", account().password());
        page.click("button[type=submit]");
        page.type(CODE_FIELD, Totp.code(account().totpSecretBase32(), clock.instant()));
        waitUntil(() -> visible(robot, "#token-view"), "the token view");
    }

    /** {@code kite-session token --wait} as a real process, as the hook in docs/examples runs it. */
    private static final class TokenWait {
        final int exit;
        final String out;
        final String err;

        private TokenWait(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }

        static TokenWait start(Path settingsFolder) {
            try {
                Path out = Files.createTempFile(settingsFolder, "token-wait", ".out");
                Path err = Files.createTempFile(settingsFolder, "token-wait", ".err");
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), "-Dkite.session.home=" + settingsFolder,
                        "-D" + SecretStores.PROPERTY + "=file", "com.kitesession.Main",
                        "token", "--wait", "--profile", "Simulator", "--timeout", "2m")
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                // A server's script: no display (the running window is asked), the passphrase from the environment.
                builder.environment().remove("DISPLAY");
                builder.environment().remove("WAYLAND_DISPLAY");
                builder.environment().put("KITE_SESSION_PASSPHRASE", PASSPHRASE);
                Process process = builder.start();
                if (!process.waitFor(90, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("token --wait did not end: " + Files.readString(err));
                }
                return new TokenWait(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        String token() {
            assertTrue(out.endsWith(System.lineSeparator()), out);
            return out.strip();
        }
    }
}
