package com.kitesession.desktop;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The wire of {@link SingleInstance}: the running window's {@code instance.json} (its loopback
 * port and a random cookie), the one line of JSON a later launch sends (the cookie, which proves
 * it can read that owner-only file, and its arguments), and the ack. Every read has a deadline and
 * a size limit.
 */
final class InstanceHandOff {
    /** A hand-off is one short line; anything longer is not one. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    /** For connecting, and for a whole hand-off line to arrive (one deadline, not one per byte). */
    static final int SOCKET_TIMEOUT_MILLIS = 3000;

    private static final Gson GSON = new Gson();
    private static final SecureRandom RANDOM = new SecureRandom();

    private InstanceHandOff() {}

    /** Sends the cookie and the arguments; true only on the primary's positive ack. */
    static boolean handOff(Info info, List<String> args) {
        if (info.cookie == null || info.port <= 0 || info.port > 65535) return false;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), info.port),
                    SOCKET_TIMEOUT_MILLIS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            Message message = new Message();
            message.cookie = info.cookie;
            message.args = args;
            OutputStream out = socket.getOutputStream();
            out.write((GSON.toJson(message) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            Ack ack = GSON.fromJson(readLine(socket, System.nanoTime() + SOCKET_TIMEOUT_MILLIS * 1_000_000L), Ack.class);
            return ack != null && ack.ok;
        } catch (IOException | JsonParseException e) {
            // Nobody there (a crashed primary's port), or somebody else's server: not a hand-off.
            return false;
        }
    }

    static Optional<Info> readInfo(Path dir) throws IOException {
        try {
            Info info = GSON.fromJson(Files.readString(dir.resolve(SingleInstance.INFO_FILE)), Info.class);
            return Optional.ofNullable(info).filter(i -> i.cookie != null);
        } catch (NoSuchFileException | CharacterCodingException | JsonParseException e) {
            // None, or garbage (a crash mid-write cannot leave one: the file is renamed into place).
            return Optional.empty();
        }
    }

    /** One line (up to \n) of at most {@link #MAX_MESSAGE_BYTES}, all of it by {@code deadline} ({@link System#nanoTime}). */
    private static String readLine(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) throw new SocketTimeoutException("no whole line in time");
            socket.setSoTimeout((int) left);
            int b = in.read();
            if (b == -1 || b == '\n') return line.toString(StandardCharsets.UTF_8);
            if (line.size() >= MAX_MESSAGE_BYTES) throw new IOException("message too long");
            line.write(b);
        }
    }

    static Message parse(String line) {
        try {
            return GSON.fromJson(line, Message.class);
        } catch (JsonParseException e) {
            return null;
        }
    }

    static String newCookie() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code instance.json}. */
    static final class Info {
        int port;
        String cookie;
        long pid;
    }

    static String json(Info info) {
        return GSON.toJson(info);
    }

    static String ack(boolean ok) {
        return GSON.toJson(new Ack(ok));
    }

    /** What a later launch sends: the cookie proves it can read our owner-only file. */
    static final class Message {
        String cookie;
        List<String> args;
    }

    static final class Ack {
        boolean ok;

        Ack(boolean ok) {
            this.ok = ok;
        }
    }
}
