package com.kitesession.cli;

import java.io.Console;
import java.util.Optional;

/**
 * The person at the terminal a command runs in, asked for what must never be an argument (a
 * secret, read without echo) or for a confirmation. There is none when standard input or output
 * is redirected: a script says everything up front.
 */
public interface Terminal {

    /** Shows the prompt and reads a line without echoing it; null at the end of input. */
    char[] readHidden(String prompt);

    /** Shows the prompt and reads a line; null at the end of input. */
    String readLine(String prompt);

    /** This process's terminal, if it has one. */
    static Optional<Terminal> ofThisProcess() {
        Console console = System.console();
        if (console == null || !isTerminal(console)) return Optional.empty();
        return Optional.of(new Terminal() {
            @Override
            public char[] readHidden(String prompt) {
                return console.readPassword("%s", prompt);
            }

            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }
        });
    }

    /**
     * Up to Java 21 a console exists only at a terminal; from Java 22 System.console() may return
     * one for redirected streams too, and Console.isTerminal() (Java 22, hence by name) tells.
     */
    private static boolean isTerminal(Console console) {
        try {
            return Boolean.TRUE.equals(Console.class.getMethod("isTerminal").invoke(console));
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
