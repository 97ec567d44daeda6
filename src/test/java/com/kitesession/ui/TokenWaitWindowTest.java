package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.cli.CliContext;
import com.kitesession.cli.LoginSurroundings;
import com.kitesession.cli.TokenCommand;
import com.kitesession.desktop.LoginRequest;
import com.kitesession.desktop.SingleInstance;
import com.kitesession.kite.KiteClient;
import com.kitesession.otp.Totp;
import com.kitesession.service.SessionService;
import com.kitesession.session.ActiveSession;
import com.kitesession.storage.AppSettingsStore;
import com.kitesession.testing.WebPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * {@code kite-session token --wait} against this window: the command asks it to log in (over the
 * single-instance port, as {@link KiteSessionApp#bringToFront} passes it on), the window says a
 * script waits, the person logs in here (or cancels), and every waiting command hears it. A second
 * request while the login is open does not restart it.
 */
class TokenWaitWindowTest extends WindowTestBase {
    @TempDir
    Path instanceFolder;
    private final List<List<String>> handed = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    void beforeWindow(SessionService sessions) throws Exception {
        saveProfiles(sessions, "Alpha", "Beta");
    }

    /** One {@code token --wait --profile Beta} run on a thread of its own. */
    private final class Waiting {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final CompletableFuture<Integer> exit;

        Waiting() {
            CliContext cli = new CliContext(new AppSettingsStore(sessions().dataFolder()), sessions().secretStore(), clock,
                    KiteClient.defaultHttpClient());
            LoginSurroundings around = new LoginSurroundings(Map.of(), "Linux", InputStream.nullInputStream(),
                    instanceFolder, windowArgs -> {
                        throw new IOException("no window may be started: one runs");
                    });
            exit = CompletableFuture.supplyAsync(() -> TokenCommand.run(new String[] {"--wait", "--profile", "Beta",
                "--timeout", "2m"}, cli, around, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
        }

        int exitCode() throws Exception {
            return exit.get(30, TimeUnit.SECONDS);
        }

        String said() {
            return err.toString(StandardCharsets.UTF_8);
        }

        String printed() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private SingleInstance.Primary thisWindowAnswering() throws Exception {
        return (SingleInstance.Primary) SingleInstance.acquire(instanceFolder, List.of(), args -> {
            handed.add(args);
            LoginRequest.profileIn(args).ifPresent(id -> Platform.runLater(() -> window.requestLogin(id)));
        });
    }

    private static boolean notified(FxRobot robot, String text) {
        return onFx(() -> robot.lookup(".notification-bar .label").queryAll().stream()
                .anyMatch(node -> node instanceof Labeled label && label.getText() != null
                        && label.getText().contains(text)));
    }

    @Test
    void twoWaitingCommandsShareOneLoginAndBothGetTheToken(FxRobot robot) throws Exception {
        try (SingleInstance.Primary running = thisWindowAnswering()) {
            Waiting first = new Waiting();
            waitUntil(() -> visible(robot, "#login-webview"), "the Kite login page");
            WebPage page = new WebPage(robot, WebPage.loginView(robot));
            page.waitFor("#userid");
            waitUntil(() -> notified(robot, "A script is waiting for a fresh Kite session (profile Beta)"),
                    "the notification over the window");
            page.type("#userid", account().userId());

            Waiting second = new Waiting();
            waitUntil(() -> handed.size() == 2, "the second request");
            Thread.sleep(500); // a restart would reload the page now
            assertEquals(account().userId(), page.script("document.querySelector('#userid').value"),
                    "the open login was kept, not started again");

            page.type("#password", account().password());
            page.click("button[type=submit]");
            page.type(CODE_FIELD, Totp.code(account().totpSecretBase32(), clock.instant()));
            waitUntil(() -> visible(robot, "#token-view"), "the token view");
            ActiveSession shown = onFx(() -> robot.lookup("#token-view").queryAs(TokenView.class).session());
            assertEquals(0, first.exitCode(), first.said());
            assertEquals(0, second.exitCode(), second.said());
            assertEquals(shown.accessToken() + System.lineSeparator(), first.printed());
            assertEquals(shown.accessToken() + System.lineSeparator(), second.printed());
            assertFalse(first.said().contains(shown.accessToken()));
        }
    }

    @Test
    void cancellingTheLoginInTheWindowEndsTheWaitWith3(FxRobot robot) throws Exception {
        try (SingleInstance.Primary running = thisWindowAnswering()) {
            Waiting waiting = new Waiting();
            waitUntil(() -> visible(robot, "#login-webview"), "the Kite login page");
            robot.clickOn("#close-login");
            assertEquals(3, waiting.exitCode(), waiting.said());
            assertEquals("", waiting.printed());
            assertTrue(waiting.said().contains("The login for 'Beta' was cancelled in the window"), waiting.said());
        }
    }
}
