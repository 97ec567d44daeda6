package com.kitesession.cli;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command may read besides its arguments: the environment, standard input and the person
 * at the terminal, if there is one. Tests hand in their own.
 */
public record CommandInput(Map<String, String> env, InputStream stdin, Optional<Terminal> terminal) {

    public CommandInput {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(terminal, "terminal");
    }

    public static CommandInput ofThisProcess() {
        return new CommandInput(System.getenv(), System.in, Terminal.ofThisProcess());
    }
}
