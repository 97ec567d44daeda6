package com.kitesession.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options of one command, each at most once. A flag given twice is a usage error, not
 * last-one-wins: {@code --profile live --profile paper} must not quietly pick one of them.
 */
final class CommandFlags {
    private final Map<String, String> values;

    private CommandFlags(Map<String, String> values) {
        this.values = values;
    }

    /**
     * {@code withValue} flags take the next argument (which may not start with "--");
     * {@code switches} take none. Throws IllegalArgumentException with a plain message
     * (unknown option, missing value, given twice) that never echoes a value.
     */
    static CommandFlags parse(String[] args, Set<String> withValue, Set<String> switches) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            boolean valued = withValue.contains(name);
            if (!valued && !switches.contains(name)) throw new IllegalArgumentException("unknown option " + withoutValue(name));
            if (values.containsKey(name)) throw new IllegalArgumentException(name + " was given twice; give it once");
            if (valued && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            values.put(name, valued ? args[++i] : "");
        }
        return new CommandFlags(values);
    }

    /** "--api-secret=..." for "--api-secret=VALUE": whatever follows an "=" may be a secret, so it is never repeated. */
    private static String withoutValue(String arg) {
        int equals = arg.indexOf('=');
        return equals < 0 ? arg : arg.substring(0, equals) + "=... (an option's value follows it after a space)";
    }

    String value(String name) {
        return values.get(name);
    }

    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }
}
