package com.kitesession.ui;

import static com.kitesession.testing.WebPage.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.otp.Totp;
import com.kitesession.service.SessionService;
import com.kitesession.session.KiteProfile;
import com.kitesession.testing.WebPage;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A stored 2FA secret that is not the account's (an old one, after the person re-registered
 * their authenticator): one-click fills a wrong code, Kite rejects it, and the app never fills
 * another, since Kite blocks the account after five. Four more wrong codes, typed, block it, and
 * the window explains the block.
 */
class RejectedCodeTest extends WindowTestBase {
    /** Valid base32, but not the simulator account's secret. */
    private static final String OLD_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    void beforeWindow(SessionService sessions) throws Exception {
        KiteProfile profile = new KiteProfile("sim", "Simulator", account().apiKey(), account().redirectUrl(),
                account().userId(), simulator.baseUrl(), simulator.baseUrl());
        sessions.saveProfile(profile, account().apiSecret());
        sessions.saveLoginSecrets(profile, account().password(), OLD_SECRET);
    }

    @Test
    void aRejectedCodeIsNeverFilledAgainAndFiveBlockTheAccount(FxRobot robot) {
        waitUntil(() -> !robot.lookup("#login").queryButton().isDisabled(), "the profile");
        robot.clickOn("#login");
        WebPage page = new WebPage(robot, WebPage.loginView(robot));
        waitUntil(() -> account().password().equals(page.script("(document.getElementById('password') || {}).value")),
                "the password filled");
        page.click("button[type=submit]");
        page.waitForText("Invalid TOTP. 4 attempts remain.");
        waitUntil(() -> visible(robot, "#explanation"), "the 2FA explanation");
        assertTrue(text(robot, "#explanation-title").contains("2FA code"), text(robot, "#explanation-title"));

        // The page cleared the field for a new try; a second fill would now cost a second attempt.
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        assertEquals("", page.script("document.querySelector('" + CODE_FIELD + "').value"), "never filled again");
        assertTrue(page.text().contains("4 attempts remain"), page.text());

        String wrong = wrongCode();
        for (int remaining = 3; remaining >= 1; remaining--) {
            page.type(CODE_FIELD, wrong);
            String expected = remaining == 1 ? "1 attempt remains." : remaining + " attempts remain.";
            page.waitForText("Invalid TOTP. " + expected);
        }
        page.type(CODE_FIELD, wrong);
        page.waitForText("Your account is blocked");
        waitUntil(() -> text(robot, "#explanation-title").contains("blocked"), "the blocked-account explanation");
        assertEquals("Open Kite's reset page", onFxButtonText(robot));
    }

    /** Six digits that are no code of the account's within a minute either way of the simulator's clock. */
    private String wrongCode() {
        Set<String> right = Set.of(-1, 0, 1).stream()
                .map(step -> Totp.code(account().totpSecretBase32(), clock.instant().plusSeconds(30L * step)))
                .collect(Collectors.toSet());
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", 123456 + i);
            if (!right.contains(candidate)) return candidate;
        }
    }

    private static String onFxButtonText(FxRobot robot) {
        return WebPage.onFx(() -> robot.lookup("#explanation-action").queryButton().getText());
    }
}
