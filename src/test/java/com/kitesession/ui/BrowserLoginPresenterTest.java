package com.kitesession.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.sim.DemoAccount;
import com.kitesession.session.KiteProfile;
import com.kitesession.testing.Loopback;
import com.kitesession.testing.SimClient;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/**
 * The browser road's presenter without the toolkit: the listener opens on the profile's loopback
 * redirect URL, takes the browser's redirect (the test's HTTP client), refuses another login's,
 * and closes on cancel, on leaving the card and after its wait; a redirect URL that is not this
 * computer goes straight to pasting.
 */
class BrowserLoginPresenterTest extends PresenterTestBase {
    private final int port = Loopback.freePort();
    private final String redirectUrl = "http://127.0.0.1:" + port + "/kite-redirect";
    private Duration wait = BrowserLoginPresenter.WAIT;

    @Override
    DemoAccount simulatorAccount() {
        return DemoAccount.standard().withRedirectUrl(redirectUrl);
    }

    @Override
    Duration browserWait() {
        return wait;
    }

    @Test
    void theBrowsersRedirectLogsInAndAnotherLoginsIsRefused() throws Exception {
        openOnSavedProfile();
        commands.loginWithBrowser();
        assertEquals(MainModel.Card.BROWSER_LOGIN, card());
        BrowserWait shown = model.browserWaitProperty().get();
        assertTrue(shown.waiting(), "listening at " + shown.redirectUrl());
        assertEquals(dialogs.browsed.get(dialogs.browsed.size() - 1), shown.loginUrl(), "the browser was opened on it");
        String params = HttpUrl.parse(shown.loginUrl()).queryParameter("redirect_params");

        String stale = new SimClient(simulator).login(account(), "ks_state=from-an-old-tab");
        assertTrue(Loopback.get(stale).contains("another, older login"), "the old tab is told");
        assertEquals("This redirect belongs to another, older login", model.explanationProperty().get().title());
        assertEquals(MainModel.Card.BROWSER_LOGIN, card(), "still waiting for this login's redirect");
        assertTrue(Loopback.listening(port));

        String page = Loopback.get(new SimClient(simulator).login(account(), params));
        assertTrue(page.contains("You can close this tab"), page);
        assertNotNull(model.sessionProperty().get(), "logged in");
        assertEquals(MainModel.Card.TOKEN, card());
        assertFalse(Loopback.listening(port), "closed after the capture");
    }

    @Test
    void cancelAndLeavingTheCardCloseTheListener() throws Exception {
        openOnSavedProfile();
        commands.loginWithBrowser();
        assertTrue(Loopback.listening(port));
        commands.cancelBrowserLogin();
        assertEquals(MainModel.Card.WELCOME, card());
        assertFalse(Loopback.listening(port), "cancel closed it");

        commands.loginWithBrowser();
        assertTrue(Loopback.listening(port));
        commands.addProfile(); // another card: the login is left behind
        assertFalse(Loopback.listening(port), "leaving the card closed it");
    }

    @Test
    void afterItsWaitTheListenerClosesAndSaysSoButPastingStillWorks() throws Exception {
        wait = Duration.ofMillis(300);
        openOnSavedProfile();
        commands.loginWithBrowser();
        String params = HttpUrl.parse(model.browserWaitProperty().get().loginUrl()).queryParameter("redirect_params");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (model.browserWaitProperty().get().waiting() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertFalse(model.browserWaitProperty().get().waiting());
        assertFalse(Loopback.listening(port));
        assertEquals("No login came back from the browser", model.explanationProperty().get().title());
        assertTrue(model.browserWaitProperty().get().whyNotWaiting().startsWith("Stopped waiting"));

        commands.usePastedAddress(" " + new SimClient(simulator).login(account(), params) + "\n");
        assertNotNull(model.sessionProperty().get(), "the pasted address logged in");
    }

    @Test
    void aRedirectUrlElsewhereGoesStraightToPasting() throws Exception {
        KiteProfile remote = new KiteProfile("r", "Remote", account().apiKey(), "https://example.com/kite", null,
                simulator.baseUrl(), simulator.baseUrl());
        sessions.saveProfile(remote, account().apiSecret());
        open();
        commands.select("r");
        commands.loginWithBrowser();
        BrowserWait shown = model.browserWaitProperty().get();
        assertFalse(shown.waiting());
        assertTrue(shown.whyNotWaiting().contains("is not on this computer"), shown.whyNotWaiting());
        assertTrue(shown.browserOpened(), "the browser still opens: the person logs in there and pastes");

        commands.usePastedAddress("");
        assertTrue(model.pasteNoticeProperty().get().text().startsWith("Nothing was pasted"));
    }

    @Test
    void pasteAloneOpensNoBrowserAndNoListener() throws Exception {
        openOnSavedProfile();
        int browsed = dialogs.browsed.size();
        commands.pasteRedirectAddress();
        assertEquals(MainModel.Card.BROWSER_LOGIN, card());
        assertFalse(model.browserWaitProperty().get().browserOpened());
        assertEquals(browsed, dialogs.browsed.size());
        assertFalse(Loopback.listening(port));
        assertNull(model.sessionProperty().get());
    }
}
