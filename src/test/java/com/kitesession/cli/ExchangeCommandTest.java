package com.kitesession.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.sim.DemoAccount;
import com.kitesession.sim.KiteSimulator;
import com.kitesession.sim.SimulatorConfig;
import com.kitesession.testing.SimClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeCommandTest {
    private KiteSimulator sim;
    private DemoAccount account;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        sim = KiteSimulator.start(SimulatorConfig.builder().build());
        account = sim.account();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int run(Map<String, String> env, String... args) {
        return ExchangeCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOnlyTheAccessToken() {
        String token = new SimClient(sim).requestToken(account);
        int exit = run(Map.of("KITE_API_SECRET", account.apiSecret()),
                "--api-key", account.apiKey(), "--request-token", token, "--api-base", sim.baseUrl());
        assertEquals(0, exit, err());
        String accessToken = out().strip();
        assertTrue(accessToken.matches("[A-Za-z0-9]{32}"), accessToken);
        assertEquals(200, new SimClient(sim).profile(account.apiKey(), accessToken).code());
        assertEquals("", err());
    }

    @Test
    void wrongSecretExitsThreeWithLayerMessageAndFixNoStackTrace() {
        String token = new SimClient(sim).requestToken(account);
        int exit = run(Map.of("KITE_API_SECRET", "not-the-secret"),
                "--api-key", account.apiKey(), "--request-token", token, "--api-base", sim.baseUrl());
        assertEquals(3, exit);
        assertEquals("", out());
        assertTrue(err().startsWith("Kite Connect API (your program's session): The api_secret does not match"), err());
        assertTrue(err().contains("Kite said: Invalid `checksum`."));
        assertTrue(err().contains("  1. "));
        assertFalse(err().contains("\tat "), "no stack trace");
        assertFalse(err().contains("not-the-secret"));
        assertFalse(err().contains(token));
    }

    @Test
    void reusedTokenExitsThree() {
        String token = new SimClient(sim).requestToken(account);
        Map<String, String> env = Map.of("KITE_API_SECRET", account.apiSecret());
        assertEquals(0, run(env, "--api-key", account.apiKey(), "--request-token", token, "--api-base", sim.baseUrl()));
        assertEquals(3, run(env, "--api-key", account.apiKey(), "--request-token", token, "--api-base", sim.baseUrl()));
        assertTrue(err().contains("Token is invalid or has expired."));
    }

    @Test
    void deadNetworkExitsFour() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int exit = run(Map.of("KITE_API_SECRET", "s"), "--api-key", "k", "--request-token", "abc",
                "--api-base", "http://127.0.0.1:" + closedPort);
        assertEquals(4, exit);
        assertTrue(err().contains("Cannot reach Kite"), err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run(Map.of(), "--api-key", "k", "--request-token", "t"));
        assertTrue(err().contains("KITE_API_SECRET"));
        assertEquals(2, run(Map.of("KITE_API_SECRET", "s"), "--api-key", "k"));
        assertEquals(2, run(Map.of("KITE_API_SECRET", "s"), "--api-key", "k", "--request-token", "t", "--api-secret", "x"));
        assertTrue(err().contains("never from an argument"));
        assertEquals(2, run(Map.of("KITE_API_SECRET", "s"), "--api-key", "k", "--request-token"));
        assertEquals(2, run(Map.of("KITE_API_SECRET", "s"), "--api-key", "k k", "--request-token", "t"));
        assertEquals("", out());
    }

    @Test
    void aRequestTokenOnStandardInputIsItsFirstLineSoEnterEndsIt() throws Exception {
        assertEquals("tok123", ExchangeCommand.readToken(new ByteArrayInputStream(" tok123 \nnot read".getBytes())));
        assertEquals("tok456", ExchangeCommand.readToken(new ByteArrayInputStream("tok456".getBytes())));
    }
}
