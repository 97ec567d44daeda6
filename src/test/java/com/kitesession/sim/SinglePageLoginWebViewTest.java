package com.kitesession.sim;

import static com.kitesession.testing.WebPage.onFx;
import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.otp.Totp;
import com.kitesession.testing.WebPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The single-page login in a real WebView (JavaFX's WebKit): step two appears in the same document
 * without a page load, the code field submits itself at six digits, errors show in place, and only
 * an accepted code navigates on to the app's redirect URL.
 */
@ExtendWith(ApplicationExtension.class)
class SinglePageLoginWebViewTest {
    private static final Instant NOW = Instant.parse("2026-11-23T04:30:10Z");

    private final SimulatorClock clock = SimulatorClock.fixedAt(NOW);
    private final List<String> locations = new CopyOnWriteArrayList<>();
    private final AtomicInteger loads = new AtomicInteger(); // documents the load worker finished
    private KiteSimulator simulator;
    private WebView view;

    @Start
    void start(Stage stage) {
        view = new WebView();
        // Listeners only record: the engine is never touched from inside its own callbacks.
        view.getEngine().locationProperty().addListener((obs, old, url) -> locations.add(url));
        view.getEngine().getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) loads.incrementAndGet();
        });
        stage.setScene(new Scene(view, 800, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            view.getEngine().load(null);
            return null;
        });
        if (simulator != null) simulator.close();
    }

    @Test
    void stepTwoReplacesStepOneInTheSameDocumentAndSixDigitsLogIn(FxRobot robot) {
        WebPage page = passwordStep(robot, LoginPageStyle.SPA);
        assertEquals(Boolean.TRUE, page.script("document.querySelector('form.login-form') == null"
                + " && document.getElementById('userid') == null && document.getElementById('password') == null"),
                "step one left the DOM");
        assertEquals("", page.script("document.querySelector('form.twofa-form input.su-input').id"));
        assertTrue(page.text().contains("External TOTP"), page.text());

        page.type("form.twofa-form input", code()); // no click on Continue: six digits submit by themselves
        waitForRedirect();
    }

    @Test
    void aWrongCodeShowsInPlaceAndTheFieldTakesAnotherTry(FxRobot robot) {
        WebPage page = passwordStep(robot, LoginPageStyle.SPA);
        String login = page.location();
        page.type("form.twofa-form input", Totp.code(simulator.account().totpSecretBase32(), NOW.plusSeconds(3600)));
        page.waitForText("Invalid TOTP. 4 attempts remain.");
        assertEquals("Invalid TOTP. 4 attempts remain.", page.script("document.getElementById('error').textContent"));
        assertEquals("error", page.script("document.getElementById('error').className"));
        assertEquals("", page.script("document.querySelector('form.twofa-form input').value"), "cleared for a new try");
        assertEquals(login, page.location());
        assertEquals(1, loads.get(), "no page load");

        page.type("form.twofa-form input", code());
        waitForRedirect();
    }

    @Test
    void spaUseridPutsIdUseridOnTheCodeField(FxRobot robot) {
        WebPage page = passwordStep(robot, LoginPageStyle.SPA_USERID);
        assertEquals("number", page.script("document.getElementById('userid').type"));
        assertEquals(Boolean.TRUE, page.script("document.getElementById('userid').form.className == 'twofa-form'"
                + " && document.querySelectorAll('#userid').length == 1"));
    }

    @Test
    void theRenamedPageStillLogsInAPersonWhoTypes(FxRobot robot) {
        simulator = start(LoginPageStyle.RENAMED);
        WebPage page = open(robot, "#login-handle");
        page.type("#login-handle", simulator.account().userId());
        page.type("#login-secret", simulator.account().password());
        page.click("form.signin button[type=submit]");
        page.type("#verify-code", code());
        page.click("form.verify-form button[type=submit]"); // no auto-submit here: Continue it is
        waitForRedirect();
    }

    /** Opens the page, fills step one by script, clicks Login; returns once step two has replaced it. */
    private WebPage passwordStep(FxRobot robot, LoginPageStyle style) {
        simulator = start(style);
        DemoAccount a = simulator.account();
        WebPage page = open(robot, "#userid");
        String login = page.location();
        page.script("document.getElementById('userid').value = '" + a.userId() + "';"
                + "document.getElementById('password').value = '" + a.password() + "';");
        page.click("form.login-form button[type=submit]");
        page.waitFor("form.twofa-form");
        assertEquals(login, page.location(), "same document");
        assertEquals(1, loads.get(), "the load worker reported no second document");
        return page;
    }

    private KiteSimulator start(LoginPageStyle style) {
        try {
            return KiteSimulator.start(SimulatorConfig.builder().clock(clock).loginPage(style).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebPage open(FxRobot robot, String selector) {
        String url = simulator.baseUrl() + "/connect/login?v=3&api_key=" + simulator.account().apiKey();
        onFx(() -> {
            view.getEngine().load(url);
            return null;
        });
        WebPage page = new WebPage(robot, view);
        page.waitFor(selector);
        waitUntil(() -> loads.get() == 1, "the login page loaded");
        return page;
    }

    private String code() {
        return Totp.code(simulator.account().totpSecretBase32(), clock.instant());
    }

    private void waitForRedirect() {
        String redirect = simulator.account().redirectUrl();
        waitUntil(() -> locations.stream().anyMatch(u -> u.startsWith(redirect + "?") && u.contains("request_token=")),
                "the redirect with a request_token, after " + locations);
    }
}
