package com.kitesession.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineSplitterTest {

    private static void posix(String line, String... words) {
        assertEquals(List.of(words), CommandLineSplitter.posix(line), line);
    }

    private static void windows(String line, String... words) {
        assertEquals(List.of(words), CommandLineSplitter.windows(line), line);
    }

    @Test
    void posixSplitsOnBlanks() {
        posix("");
        posix("   \t ");
        posix("systemctl --user restart mybot", "systemctl", "--user", "restart", "mybot");
        posix("  a\tb \n c  ", "a", "b", "c");
    }

    @Test
    void posixSingleQuotesKeepEverything() {
        posix("ssh vps 'cat > ~/.kite/token'", "ssh", "vps", "cat > ~/.kite/token");
        posix("echo 'a \\ \"b\" $HOME'", "echo", "a \\ \"b\" $HOME");
        posix("''", "");
        posix("a'b c'd", "ab cd");
    }

    @Test
    void posixDoubleQuotesKeepAllButFourEscapes() {
        posix("echo \"a b\"", "echo", "a b");
        posix("echo \"say \\\"hi\\\" \\\\ \\$X \\`x\\` \\n\"", "echo", "say \"hi\" \\ $X `x` \\n");
        posix("\"\"", "");
        posix("x\"y z\"'w'", "xy zw");
        posix("echo \"$HOME\"", "echo", "$HOME"); // no expansion: there is no shell
    }

    @Test
    void posixBackslashKeepsTheNextCharacter() {
        posix("a\\ b c", "a b", "c");
        posix("\\'x\\\"", "'x\"");
        posix("a \\\nb", "a", "b");
        posix("a\\\\b", "a\\b");
        posix("trailing\\", "trailing");
    }

    @Test
    void posixShellCharactersAreJustText() {
        posix("a | b > c ; d && e", "a", "|", "b", ">", "c", ";", "d", "&&", "e");
        posix("curl -fsS --data-binary @- https://example.com/hook?a=1&b=2",
                "curl", "-fsS", "--data-binary", "@-", "https://example.com/hook?a=1&b=2");
    }

    @Test
    void posixUnclosedQuotesAreSaidInWords() {
        assertEquals("A single quote (') is not closed; add the closing quote.",
                assertThrows(IllegalArgumentException.class, () -> CommandLineSplitter.posix("echo 'abc")).getMessage());
        assertEquals("A double quote (\") is not closed; add the closing quote.",
                assertThrows(IllegalArgumentException.class, () -> CommandLineSplitter.posix("echo \"abc")).getMessage());
    }

    @Test
    void windowsSplitsOnSpacesAndTabs() {
        windows("");
        windows("   ");
        windows("a b\tc", "a", "b", "c");
        windows("  a   b  ", "a", "b");
    }

    @Test
    void windowsProgramNameTakesBackslashesAsTheyAre() {
        windows("\"C:\\Program Files\\Bot\\bot.exe\" --restart", "C:\\Program Files\\Bot\\bot.exe", "--restart");
        windows("C:\\tools\\run.bat x", "C:\\tools\\run.bat", "x");
        windows("C:\\dir\\\" x", "C:\\dir\\ x"); // the quote opens, and is not escaped, in the program name
    }

    @Test
    void windowsArgumentsFollowCommandLineToArgvW() {
        // The examples of Microsoft's "Parsing C command-line arguments".
        windows("p \"a b c\" d e", "p", "a b c", "d", "e");
        windows("p \"ab\\\"c\" \"\\\\\" d", "p", "ab\"c", "\\", "d");
        windows("p a\\\\\\b d\"e f\"g h", "p", "a\\\\\\b", "de fg", "h");
        windows("p a\\\\\\\"b c d", "p", "a\\\"b", "c", "d");
        windows("p a\\\\\\\\\"b c\" d e", "p", "a\\\\b c", "d", "e");
        windows("p a\"b\"\" c d", "p", "ab\" c d");
    }

    @Test
    void windowsQuotesAndEmpties() {
        windows("p \"\"", "p", "");
        windows("p \"unclosed text", "p", "unclosed text");
        windows("p C:\\path\\ x", "p", "C:\\path\\", "x");
        windows("p 'single' quotes", "p", "'single'", "quotes");
    }
}
