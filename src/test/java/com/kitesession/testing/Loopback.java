package com.kitesession.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** The test's side of a loopback redirect address: a free port for it, whether anything listens there, a browser's GET. */
public final class Loopback {
    private Loopback() {}

    /** A port on 127.0.0.1 that nothing listens on (yet). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether something accepts connections on 127.0.0.1:{@code port}. */
    public static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** What a browser shows at {@code url}: the body of a plain GET. */
    public static String get(String url) throws IOException {
        try (Response response = new OkHttpClient().newCall(new Request.Builder().url(url).build()).execute()) {
            return response.body().string();
        }
    }
}
