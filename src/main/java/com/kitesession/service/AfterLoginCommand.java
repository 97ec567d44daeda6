package com.kitesession.service;

import com.kitesession.explain.ErrorLayer;
import com.kitesession.explain.Explanation;
import com.kitesession.explain.FixAction;
import com.kitesession.logging.LogRedactor;
import com.kitesession.session.ActiveSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The profile's "Run after login" command, run once per login: split into words without a shell
 * ({@link CommandLineSplitter}), the session in its environment ({@code KITE_API_KEY},
 * {@code KITE_ACCESS_TOKEN}, {@code KITE_USER_ID}, {@code KITE_LOGIN_TIME}, {@code KITE_EXPIRES_AT})
 * and the token as one line on standard input; never in its arguments. Blocks up to the time
 * limit; the process tree is killed after it. Its output is kept short and masked.
 */
public final class AfterLoginCommand {
    public static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    static final int MAX_LINES = 20;
    static final int MAX_BYTES = 4096;
    private static final Logger LOG = Logger.getLogger(AfterLoginCommand.class.getName());

    /** How the run went: {@code exitCode} null when it did not end by itself; {@code problem} null on success. */
    public record Result(String command, Integer exitCode, String output, Explanation problem) {
        public boolean ok() {
            return problem == null;
        }

        /** One line for the dashboard and the log. */
        public String summary() {
            String status = problem == null ? "exit 0" : exitCode != null ? "exit " + exitCode : problem.title();
            return status + (output.isBlank() ? "" : "\n" + output.strip());
        }
    }

    private final Duration limit;
    private final Path workingFolder;

    public AfterLoginCommand(Duration limit, Path workingFolder) {
        this.limit = limit;
        this.workingFolder = workingFolder;
    }

    /** As every login runs it, in the window or the command line: from the person's home folder, for at most 60 s. */
    public static AfterLoginCommand standard() {
        return new AfterLoginCommand(TIME_LIMIT, Path.of(System.getProperty("user.home")));
    }

    /** What keeps {@code commandLine} from being run, in words (unclosed quotes), or empty. */
    public static Optional<String> problem(String commandLine) {
        if (commandLine == null || commandLine.isBlank()) return Optional.empty();
        try {
            CommandLineSplitter.split(commandLine);
            return Optional.empty();
        } catch (IllegalArgumentException badQuotes) {
            return Optional.of("The command after login: " + badQuotes.getMessage());
        }
    }

    /** Runs {@code commandLine} for {@code session}; blocks. Never throws for the command's own failure. */
    public Result run(String commandLine, ActiveSession session) {
        LogRedactor.registerSecret(session.accessToken());
        String shownCommand = LogRedactor.redact(commandLine.strip());
        List<String> words;
        try {
            words = CommandLineSplitter.split(commandLine);
        } catch (IllegalArgumentException badQuotes) {
            return logged(new Result(shownCommand, null, "", problem("The command after login could not be read",
                    badQuotes.getMessage(), "Correct the quotes in the profile's \u201cRun after login\u201d.")));
        }
        if (words.isEmpty()) return logged(new Result(shownCommand, null, "", null));
        ProcessBuilder builder = new ProcessBuilder(words).redirectErrorStream(true);
        if (workingFolder != null) builder.directory(workingFolder.toFile());
        Map<String, String> env = builder.environment();
        env.put("KITE_API_KEY", nonNull(session.apiKey()));
        env.put("KITE_ACCESS_TOKEN", session.accessToken());
        env.put("KITE_USER_ID", nonNull(session.userId()));
        env.put("KITE_LOGIN_TIME", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(session.loginTime().atZone(session.expiresAt().getZone())));
        env.put("KITE_EXPIRES_AT", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(session.expiresAt()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException | RuntimeException cannotStart) {
            return logged(new Result(shownCommand, null, "", problem("The command after login could not start",
                    "\u201c" + LogRedactor.redact(words.get(0)) + "\u201d was not found or cannot be run on this computer.",
                    "Give the program's full path, or install it.", "Check it runs in a terminal, then save the profile again.")));
        }
        OutputHead head = new OutputHead(process.getInputStream());
        Thread reader = new Thread(head, "after-login-output");
        reader.setDaemon(true);
        reader.start();
        writeToken(process.getOutputStream(), session.accessToken());
        return logged(await(process, reader, head, shownCommand));
    }

    private Result await(Process process, Thread reader, OutputHead head, String shownCommand) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                reader.join(1000);
                return new Result(shownCommand, null, head.text(), problem("The command after login took too long",
                        "It ran for " + limit.toSeconds() + " s and was stopped, with every program it started.",
                        "Make it finish sooner, e.g. start a long job in the background (systemd, nohup).",
                        "Check it does not wait for typed input."));
            }
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new Result(shownCommand, null, head.text(), problem("The command after login was stopped",
                    "The app was closing.", "Log in again to run it."));
        }
        int exit = process.exitValue();
        if (exit == 0) return new Result(shownCommand, 0, head.text(), null);
        return new Result(shownCommand, exit, head.text(), problem("The command after login failed with exit status " + exit,
                "It ran, but reported a failure; its first lines of output are shown.",
                "Read its output for the reason.", "Run it in a terminal with the same KITE_ variables to try it."));
    }

    private static void writeToken(OutputStream stdin, String token) {
        try (stdin) {
            stdin.write((token + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignoredNotReading) {
            // The command does not read its input and ended (or closed it) first: nothing to do.
        }
    }

    private static Result logged(Result result) {
        if (result.command().isEmpty()) return result;
        String text = "After login, " + result.command() + ": " + result.summary();
        if (result.ok()) LOG.info(LogRedactor.redact(text));
        else LOG.warning(LogRedactor.redact(text));
        return result;
    }

    private static Explanation problem(String title, String why, String... fixes) {
        List<String> steps = new ArrayList<>(List.of(fixes));
        steps.add("Your login stands: the token is saved whatever the command did.");
        return new Explanation(ErrorLayer.LOCAL, title, why, steps, FixAction.EDIT_AFTER_LOGIN, null);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Reads all the output (so the command never blocks on a full pipe), keeping its first lines, masked. */
    private static final class OutputHead implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean cut;

        OutputHead(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (kept) {
                        int room = 2 * MAX_BYTES - kept.size();
                        kept.write(buffer, 0, Math.max(0, Math.min(room, n)));
                        if (n > room) cut = true;
                    }
                }
            } catch (IOException closed) {
                // The process was killed: what was read is what there is.
            }
        }

        String text() {
            String all;
            synchronized (kept) {
                all = kept.toString(StandardCharsets.UTF_8);
            }
            // A line cut short could end in half a token, which masking no longer recognises: it goes.
            if (cut) all = all.substring(0, Math.max(0, all.lastIndexOf('\n')));
            String[] lines = all.split("\r?\n", -1);
            boolean more = cut || lines.length > MAX_LINES + 1 || (lines.length == MAX_LINES + 1 && !lines[MAX_LINES].isEmpty());
            String head = String.join("\n", List.of(lines).subList(0, Math.min(lines.length, MAX_LINES))).stripTrailing();
            String shown = LogRedactor.cut(LogRedactor.redact(head), MAX_BYTES);
            return shown + (more ? "\n\u2026 (more output cut)" : "");
        }
    }
}
