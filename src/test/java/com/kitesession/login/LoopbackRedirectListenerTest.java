package com.kitesession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.kitesession.login.LoopbackRedirectListener.Answer;
import com.kitesession.login.RedirectListenerProblem.Kind;
import com.kitesession.session.RedirectUrlCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser road's catcher, with a plain HTTP client as the browser: only the registered path,
 * only loopback, closed once the redirect is taken, and hostile local peers cannot hold it.
 */
class LoopbackRedirectListenerTest {
    private static final String TOKEN = "Tk7QvX2mR9pL4sN8wC1eY6uB3hJ5dF0a";
    private static final String QUERY = "?action=login&type=login&status=success&request_token=" + TOKEN
            + "&ks_state=s7Ate";
    private static final String TAKEN_PAGE = "Logged in. You can close this tab.";
    private static final String REFUSED_PAGE = "This redirect belongs to another login.";
    private static final Duration LONG = Duration.ofMinutes(5);

    /** The browser: one hop, no retries (a retry would hide a refused connection). */
    private final OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false)
            .retryOnConnectionFailure(false).connectTimeout(Duration.ofSeconds(2))
            .readTimeout(deadlinePlus(4)).build();
    private final List<String> judged = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** What the judge answers, in turn; the last one repeats. */
    private final List<Answer> answers = new CopyOnWriteArrayList<>(List.of(Answer.taken(TAKEN_PAGE)));

    private static Duration deadlinePlus(int seconds) {
        return LoopbackRedirectListener.READ_DEADLINE.plusSeconds(seconds);
    }

    /** A port free on 127.0.0.1 for this test, and the redirect URL registered on it. */
    private int port;
    private String redirect;

    @BeforeEach
    void pickAPort() throws IOException {
        port = freePort("127.0.0.1");
        redirect = "http://127.0.0.1:" + port + "/kite-redirect";
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) c.close();
        browser.dispatcher().executorService().shutdown();
        browser.connectionPool().evictAll();
    }

    private Answer judge(String url) {
        judged.add(url);
        return answers.size() > 1 ? answers.remove(0) : answers.get(0);
    }

    private LoopbackRedirectListener open(String redirectUrl) throws RedirectListenerProblem {
        return open(redirectUrl, LONG, () -> { });
    }

    private LoopbackRedirectListener open(String redirectUrl, Duration timeout, Runnable onTimeout)
            throws RedirectListenerProblem {
        LoopbackRedirectListener listener = LoopbackRedirectListener.open(redirectUrl, timeout, this::judge, onTimeout);
        toClose.add(listener);
        return listener;
    }

    /** A port free right now on {@code host}: bound to port 0, then released. */
    private static int freePort(String host) throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return probe.getLocalPort();
        }
    }

    private static boolean ipv6LoopbackAvailable() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private record Reply(int code, String headers, String body) {}

    private Reply get(String url) throws IOException {
        return call(new Request.Builder().url(url).build());
    }

    private Reply call(Request request) throws IOException {
        try (Response r = browser.newCall(request).execute()) {
            return new Reply(r.code(), r.headers().toString(), r.body().string());
        }
    }

    /** A raw exchange: {@code request} written as is, the whole answer read until the server closes. */
    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) deadlinePlus(4).toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertRefused(String host, int port) {
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getByName(host), port), 2000);
            }
        }, host + ":" + port + " still answers");
    }

    private static void assertFree(String host, int port) throws IOException {
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        }
    }

    @Test
    void aWrongPathIs404AndTheRightOneIsTakenOnceWithoutTheTokenInTheTab() throws Exception {
        LoopbackRedirectListener listener = open(redirect);
        assertEquals("http://127.0.0.1:" + port, listener.origin());

        Reply favicon = get("http://127.0.0.1:" + port + "/favicon.ico");
        assertEquals(404, favicon.code());
        Reply elsewhere = get("http://127.0.0.1:" + port + "/other" + QUERY);
        assertEquals(404, elsewhere.code());
        assertFalse(elsewhere.body().contains(TOKEN), elsewhere.body());
        assertTrue(elsewhere.body().contains("/kite-redirect"), "names where it waits: " + elsewhere.body());
        assertTrue(listener.isOpen(), "a wrong path does not end the wait");
        assertEquals(List.of(), judged);

        Reply taken = get(redirect + QUERY);
        assertEquals(200, taken.code());
        assertTrue(taken.body().contains(TAKEN_PAGE), taken.body());
        assertFalse(taken.body().contains(TOKEN), "the tab never shows the token: " + taken.body());
        assertFalse(taken.headers().contains(TOKEN), taken.headers());
        assertTrue(taken.headers().contains("Cache-Control: no-store"), taken.headers());
        assertTrue(taken.headers().contains("Referrer-Policy: no-referrer"), taken.headers());
        assertEquals(List.of(redirect + QUERY), judged, "the judge hears the whole redirect, once");

        assertFalse(listener.isOpen(), "taken: the listener closed");
        assertRefused("127.0.0.1", port);
        assertThrows(ConnectException.class, () -> get(redirect + QUERY), "a second request after the capture");
        assertEquals(1, judged.size());
    }

    @Test
    void aTrailingSlashOnThePathIsTheSamePath() throws Exception {
        open("http://127.0.0.1:" + port + "/kite-redirect");
        assertEquals(200, get("http://127.0.0.1:" + port + "/kite-redirect/" + QUERY).code());
        assertEquals(1, judged.size());
    }

    @Test
    void aRefusedAnswerKeepsItOpenForTheRightRedirect() throws Exception {
        answers.add(0, Answer.refused(REFUSED_PAGE));
        LoopbackRedirectListener listener = open(redirect);

        Reply refused = get(redirect + QUERY.replace("s7Ate", "older"));
        assertEquals(200, refused.code());
        assertTrue(refused.body().contains(REFUSED_PAGE), refused.body());
        assertTrue(listener.isOpen(), "an old login's redirect does not end the wait");

        Reply taken = get(redirect + QUERY);
        assertTrue(taken.body().contains(TAKEN_PAGE), taken.body());
        assertEquals(2, judged.size());
        assertFalse(listener.isOpen());
    }

    /** The page is the judge's words, escaped: a crafted page text cannot become markup. */
    @Test
    void theJudgesWordsAreEscaped() throws Exception {
        answers.set(0, Answer.taken("<script>alert(1)</script> & \"done\""));
        open("http://127.0.0.1:" + port + "/cb");
        String body = get("http://127.0.0.1:" + port + "/cb" + QUERY).body();
        assertFalse(body.contains("<script>"), body);
        assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;done&quot;"), body);
    }

    /** Every address of this machine that is not loopback: the listener must not answer on any. */
    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> found = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) continue;
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (!address.isLoopbackAddress()) found.add(address);
            }
        }
        return found;
    }

    @Test
    void itCannotBeReachedOnAnyOtherAddressOfThisMachine() throws Exception {
        List<InetAddress> others = nonLoopbackAddresses();
        // A machine with no network interface up but loopback has nothing to test against; only then skip.
        assumeFalse(others.isEmpty(), "this machine has no non-loopback address");
        open("http://127.0.0.1:" + port + "/kite-redirect");
        for (InetAddress other : others) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(other, port), 1000);
                throw new AssertionError("the listener answered on " + other.getHostAddress() + ":" + port);
            } catch (ConnectException expected) {
                // Refused: nothing listens there.
            } catch (IOException unreachable) {
                // A link-local address without its route, a timeout: not reached either.
            }
        }
        assertEquals(List.of(), judged);
        assertEquals(200, get("http://127.0.0.1:" + port + "/kite-redirect" + QUERY).code(), "loopback still works");
    }

    @Test
    void localhostListensOnTheIpv4LoopbackAndTheIpv6OneWhereThereIsOne() throws Exception {
        answers.set(0, Answer.refused(REFUSED_PAGE));
        LoopbackRedirectListener listener = open("http://localhost:" + port + "/cb");
        assertEquals("http://localhost:" + port, listener.origin());

        assertEquals(200, get("http://127.0.0.1:" + port + "/cb" + QUERY).code());
        if (ipv6LoopbackAvailable()) {
            assertEquals(200, get("http://[::1]:" + port + "/cb" + QUERY).code());
        }
        assertTrue(judged.stream().allMatch(url -> url.startsWith("http://localhost:" + port + "/cb?")), judged.toString());

        listener.close();
        assertRefused("127.0.0.1", port);
        if (ipv6LoopbackAvailable()) assertRefused("::1", port);
    }

    /**
     * Another program on [::1] and the port: a browser trying ::1 first for localhost would hand it
     * the token, so the listener must not quietly serve the IPv4 half alone.
     */
    @Test
    void localhostWithTheIpv6LoopbackTakenIsATakenPort() throws Exception {
        assumeTrue(ipv6LoopbackAvailable(), "this machine has no IPv6 loopback");
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(InetAddress.getByName("::1"), port));
            RedirectListenerProblem problem = assertThrows(RedirectListenerProblem.class,
                    () -> open("http://localhost:" + port + "/cb"));
            assertEquals(Kind.PORT_TAKEN, problem.kind(), problem.getMessage());
        }
        assertFree("127.0.0.1", port);
    }

    @Test
    void anIpv6LoopbackAddressListensThere() throws Exception {
        assumeTrue(ipv6LoopbackAvailable(), "this machine has no IPv6 loopback");
        int v6port = freePort("::1");
        LoopbackRedirectListener listener = open("http://[::1]:" + v6port + "/cb");
        assertEquals("http://[::1]:" + v6port, listener.origin());
        assertEquals(200, get("http://[::1]:" + v6port + "/cb" + QUERY).code());
        assertEquals(List.of("http://[::1]:" + v6port + "/cb" + QUERY), judged);
    }

    @Test
    void theTimeoutClosesItAndSaysSo() throws Exception {
        CountDownLatch timedOut = new CountDownLatch(1);
        LoopbackRedirectListener listener = open("http://127.0.0.1:" + port + "/cb", Duration.ofMillis(200),
                timedOut::countDown);
        assertTrue(timedOut.await(5, TimeUnit.SECONDS), "onTimeout ran");
        assertFalse(listener.isOpen());
        assertRefused("127.0.0.1", port);
        assertFree("127.0.0.1", port);
    }

    /**
     * Cancel, then log in again at once: when close returns the port refuses connections and is
     * free (a socket closed under a thread blocked in accept used to go on listening a moment).
     */
    @Test
    void closeCancelsTheWaitAndThePortIsFreeAtOnceForTheNextLogin() throws Exception {
        AtomicInteger timeouts = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            LoopbackRedirectListener listener = open(redirect, Duration.ofMillis(300), timeouts::incrementAndGet);
            assertEquals(404, get("http://127.0.0.1:" + port + "/x").code(), "served a request first");
            listener.close();
            assertFalse(listener.isOpen());
            assertRefused("127.0.0.1", port);
            listener.close(); // twice is harmless
        }
        assertFree("127.0.0.1", port);
        Thread.sleep(600); // past the timeout the last one would have had
        assertEquals(0, timeouts.get(), "a cancelled wait does not also time out");
    }

    @Test
    void aTakenPortIsNamedWithItsAddress() throws Exception {
        try (ServerSocket other = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            RedirectListenerProblem problem = assertThrows(RedirectListenerProblem.class, () -> open(redirect));
            assertEquals(Kind.PORT_TAKEN, problem.kind());
            assertTrue(problem.getMessage().contains("http://127.0.0.1:" + port), problem.getMessage());
            assertTrue(problem.getMessage().contains("paste the address"), problem.getMessage());
        }
    }

    /** Tests may run as root, where port 80 binds: the classification is checked on the exception itself. */
    @Test
    void aPrivilegedPortIsExplainedWithTheSuggestedAddress() {
        RedirectListenerProblem port80 = RedirectListenerProblem.bindFailed("http://127.0.0.1", 80,
                new BindException("Permission denied"));
        assertEquals(Kind.PRIVILEGED_PORT, port80.kind());
        assertTrue(port80.getMessage().contains("port 80 (the default when an address names no port)"), port80.getMessage());
        assertTrue(port80.getMessage().contains(RedirectUrlCheck.SUGGESTED), port80.getMessage());

        RedirectListenerProblem port443 = RedirectListenerProblem.bindFailed("http://127.0.0.1:443", 443,
                new BindException("Permission denied (Bind failed)"));
        assertEquals(Kind.PRIVILEGED_PORT, port443.kind());
        assertFalse(port443.getMessage().contains("the default when"), port443.getMessage());

        // Windows words it "access permissions".
        assertEquals(Kind.PRIVILEGED_PORT, RedirectListenerProblem.bindFailed("http://127.0.0.1", 80, new BindException(
                "An attempt was made to access a socket in a way forbidden by its access permissions")).kind());
    }

    /** Only a port in use is "taken by another program"; other refusals say what they are. */
    @Test
    void otherBindFailuresAreNotCalledATakenPort() {
        assertEquals(Kind.PORT_TAKEN, RedirectListenerProblem.bindFailed("http://127.0.0.1", 80,
                new BindException("Address already in use")).kind(), "in use, even below 1024");
        // Windows refuses ports in its reserved ranges (Hyper-V, WSL) with a permission error.
        RedirectListenerProblem reserved = RedirectListenerProblem.bindFailed("http://127.0.0.1:5483", 5483,
                new BindException("Permission denied: bind"));
        assertEquals(Kind.CANNOT_LISTEN, reserved.kind(), reserved.getMessage());
        assertFalse(reserved.getMessage().contains("taken by another program"), reserved.getMessage());
        assertTrue(reserved.getMessage().contains("http://127.0.0.1:5483"), reserved.getMessage());
        // macOS has only 127.0.0.1 on its loopback unless told otherwise.
        RedirectListenerProblem missing = RedirectListenerProblem.bindFailed("http://127.0.0.2:5483", 5483,
                new BindException("Can't assign requested address"));
        assertEquals(Kind.CANNOT_LISTEN, missing.kind(), missing.getMessage());
        assertTrue(missing.getMessage().contains("http://127.0.0.2:5483"), missing.getMessage());
        assertEquals(Kind.CANNOT_LISTEN, RedirectListenerProblem.bindFailed("http://127.0.0.1:5483", 5483,
                new SocketException("Protocol family unavailable")).kind());
    }

    @Test
    void anAddressNotOnThisComputerIsNotLoopback() {
        for (String url : new String[] {"https://example.com/kite/callback", "http://192.168.1.5:5483/cb",
                "http://127.evil.example:5483/cb", "http://0.0.0.0:5483/cb", "not an address", null}) {
            RedirectListenerProblem problem = assertThrows(RedirectListenerProblem.class, () -> open(url), url);
            assertEquals(Kind.NOT_LOOPBACK, problem.kind(), url);
            assertTrue(problem.getMessage().contains("paste the address"), problem.getMessage());
        }
    }

    @Test
    void httpsOnLoopbackCannotBeAnswered() {
        RedirectListenerProblem problem = assertThrows(RedirectListenerProblem.class,
                () -> open("https://127.0.0.1:5483/kite-redirect"));
        assertEquals(Kind.NOT_HTTP, problem.kind());
        assertTrue(problem.getMessage().contains("certificate"), problem.getMessage());
    }

    @Test
    void aPostIs405AndTheWaitGoesOn() throws Exception {
        LoopbackRedirectListener listener = open(redirect);
        Reply post = call(new Request.Builder().url(redirect + QUERY)
                .post(RequestBody.create("x=1", MediaType.get("application/x-www-form-urlencoded"))).build());
        assertEquals(405, post.code());
        assertFalse(post.body().contains(TOKEN));
        assertEquals(List.of(), judged);
        assertTrue(listener.isOpen());
        assertEquals(200, get(redirect + QUERY).code());
    }

    @Test
    void aHeadLargerThanTheLimitIs400AndTheWaitGoesOn() throws Exception {
        LoopbackRedirectListener listener = open(redirect);
        String huge = "GET /kite-redirect" + QUERY + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: "
                + "a".repeat(LoopbackRedirectListener.MAX_HEAD_BYTES) + "\r\n\r\n";
        String answer = raw(port, huge);
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertFalse(answer.contains(TOKEN));
        assertEquals(List.of(), judged, "never judged");
        assertTrue(listener.isOpen());

        assertTrue(raw(port, "NONSENSE\r\n\r\n").startsWith("HTTP/1.1 400 "), "not a request line");
        assertEquals(200, get(redirect + QUERY).code());
    }

    /** The browser's redirect, sent while {@code peer} holds the listener: answered once the deadline let it go. */
    private void assertServedWithinTheDeadline(String redirect, String peer) {
        Reply taken = assertTimeoutPreemptively(deadlinePlus(2), () -> get(redirect + QUERY),
                "the redirect waited on " + peer + " past the read deadline");
        assertEquals(200, taken.code());
        assertEquals(List.of(redirect + QUERY), judged);
    }

    /** A local peer that connects and says nothing holds the listener for the read deadline at most. */
    @Test
    void aSilentPeerDelaysTheRedirectByTheReadDeadlineAtMost() throws Exception {
        open(redirect);
        try (Socket silent = new Socket("127.0.0.1", port)) {
            assertServedWithinTheDeadline(redirect, "a silent peer");
            silent.setSoTimeout(2000);
            assertEquals(-1, silent.getInputStream().read(), "the silent peer was let go");
        }
    }

    /**
     * A peer that sends a byte now and then, never finishing its head: the deadline is for the
     * whole head, not each byte, or such a peer holds the listener for hours.
     */
    @Test
    void aTricklingPeerDelaysTheRedirectByTheReadDeadlineAtMost() throws Exception {
        open(redirect);
        try (Socket trickle = new Socket("127.0.0.1", port)) {
            long gap = LoopbackRedirectListener.READ_DEADLINE.toMillis() / 4;
            CompletableFuture<Void> dripping = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = trickle.getOutputStream();
                    for (int i = 0; i < 40; i++) {
                        out.write('G');
                        out.flush();
                        Thread.sleep(gap);
                    }
                } catch (IOException | InterruptedException stopped) {
                    // The listener let go of it (or the test ended): the point.
                }
            });
            assertServedWithinTheDeadline(redirect, "a trickling peer");
            dripping.cancel(true);
        }
    }
}
