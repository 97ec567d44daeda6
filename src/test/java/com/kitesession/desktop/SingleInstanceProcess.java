package com.kitesession.desktop;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A launch in a second JVM, for SingleInstanceTest: {@code DIR ARGS...}. Prints
 * {@code secondary} and exits 0 after handing ARGS to a running instance; or prints
 * {@code primary PORT TOOK-OVER}, then {@code handoff ["a","b"]} for each later launch, until its
 * standard input closes (or it is killed).
 */
public final class SingleInstanceProcess {
    public static void main(String[] args) throws IOException {
        Logger.getLogger("").setLevel(Level.WARNING); // stderr is the test's console: only what went wrong
        List<String> handed = Arrays.asList(args).subList(1, args.length);
        SingleInstance.Outcome outcome = SingleInstance.acquire(Path.of(args[0]), handed,
                received -> {
                    System.out.println("handoff " + new Gson().toJson(received));
                    System.out.flush();
                }, Duration.ofSeconds(20));
        if (outcome instanceof SingleInstance.Secondary) {
            System.out.println("secondary");
            System.exit(0);
        }
        try (SingleInstance.Primary primary = (SingleInstance.Primary) outcome) {
            System.out.println("primary " + primary.port() + " " + primary.tookOver());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() != -1) {
                // Until the test closes our input.
            }
        }
        System.exit(0);
    }
}
