package com.kitesession.kite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What people paste from an address bar, made into the URL the redirect parser reads. */
class PastedRedirectTest {
    private static final String REGISTERED = "http://127.0.0.1:5483/kite-redirect";
    private static final String URL = REGISTERED
            + "?action=login&type=login&status=success&request_token=Tk7QvX2mR9pL4sN8wC1eY6uB3hJ5dF0a&ks_state=q-3_Zx";
    private static final String BARE = URL.substring("http://".length());

    /** Sloppy pastes of {@link #URL}: each comes out as exactly that URL. */
    static Stream<Arguments> sloppyPastes() {
        int middle = URL.indexOf("request_token");
        return Stream.of(
                Arguments.of("as is", URL),
                Arguments.of("spaces around", "   " + URL + "  "),
                Arguments.of("line breaks around", "\n" + URL + "\r\n\n"),
                Arguments.of("tabs around", "\t" + URL + "\t"),
                Arguments.of("wrapped line", URL.substring(0, middle) + "\n" + URL.substring(middle)),
                Arguments.of("wrapped and indented", URL.substring(0, middle) + "\r\n    " + URL.substring(middle)),
                Arguments.of("a space inside", URL.substring(0, 20) + " " + URL.substring(20)),
                Arguments.of("double quotes", "\"" + URL + "\""),
                Arguments.of("single quotes", "'" + URL + "'"),
                Arguments.of("backticks", "`" + URL + "`"),
                Arguments.of("angle brackets", "<" + URL + ">"),
                Arguments.of("curly double quotes", "\u201c" + URL + "\u201d"),
                Arguments.of("curly single quotes", "\u2018" + URL + "\u2019"),
                Arguments.of("full stop", URL + "."),
                Arguments.of("comma", URL + ","),
                Arguments.of("quoted, then a full stop", "\"" + URL + "\"."),
                Arguments.of("full stop inside the quotes", "\u201c" + URL + ".\u201d "),
                Arguments.of("no scheme", BARE),
                Arguments.of("no scheme, quoted", "'" + BARE + "'."),
                Arguments.of("non-breaking spaces", "\u00a0" + URL + "\u00a0"),
                Arguments.of("narrow non-breaking space", "\u202f" + URL + "\u202f"),
                Arguments.of("figure space inside", URL.substring(0, middle) + "\u2007" + URL.substring(middle)),
                Arguments.of("zero-width space inside", URL.substring(0, middle) + "\u200b" + URL.substring(middle)),
                Arguments.of("word joiner inside", URL.substring(0, middle) + "\u2060" + URL.substring(middle)),
                Arguments.of("byte order mark", "\ufeff" + URL),
                Arguments.of("line separator", URL.substring(0, middle) + "\u2028" + URL.substring(middle)),
                Arguments.of("left-to-right mark", "\u200e" + URL + "\u200f"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sloppyPastes")
    void aSloppyPasteIsTheRedirect(String how, String pasted) {
        assertEquals(Optional.of(URL), PastedRedirect.normalise(pasted, "http"), how);
        LoginRedirect.Success success = assertInstanceOf(LoginRedirect.Success.class,
                new RedirectParser(REGISTERED).parse(PastedRedirect.normalise(pasted, "http").orElseThrow()), how);
        assertEquals("Tk7QvX2mR9pL4sN8wC1eY6uB3hJ5dF0a", success.requestToken());
        assertEquals("q-3_Zx", success.params().get(LoginState.PARAM));
    }

    @Test
    void anIpv6LoopbackWithoutSchemeGetsOne() {
        String ipv6 = "[::1]:5483/kite-redirect?status=cancelled";
        assertEquals(Optional.of("http://" + ipv6), PastedRedirect.normalise(" " + ipv6 + "\n", "http"));
        assertInstanceOf(LoginRedirect.Cancelled.class,
                new RedirectParser("http://[::1]:5483/kite-redirect").parse("http://" + ipv6));
    }

    @Test
    void theSchemeAddedIsTheOneAsked() {
        assertEquals(Optional.of("https://example.com/cb?status=cancelled"),
                PastedRedirect.normalise("example.com/cb?status=cancelled", "https"));
        assertEquals(Optional.of("HTTP://127.0.0.1/x"), PastedRedirect.normalise("HTTP://127.0.0.1/x", "https"),
                "a scheme that is there stays");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\n\t\r\n", "\u00a0\u200b", "\"\"", "'  '", "<>", "\u201c\u201d", ".", " , "})
    void nothingPastedIsEmpty(String pasted) {
        assertEquals(Optional.empty(), PastedRedirect.normalise(pasted, "http"));
    }

    private static final List<String> SPACES = List.of(" ", "\n", "\r\n", "\t", "\u00a0", "\u200b", "\u202f", "\ufeff");
    private static final List<String[]> WRAPPERS = List.of(new String[] {"\"", "\""}, new String[] {"'", "'"},
            new String[] {"`", "`"}, new String[] {"<", ">"}, new String[] {"\u201c", "\u201d"},
            new String[] {"\u2018", "\u2019"});

    /** Random valid redirects, in random wrappings: whitespace anywhere, quotes around, a full stop after. */
    @Property(tries = 300)
    void anyWrappingOfAValidRedirectNormalisesToIt(@ForAll("redirects") String url, @ForAll("wrappings") Wrapping how) {
        assertEquals(Optional.of(url), PastedRedirect.normalise(how.apply(url), "http"), how.apply(url));
    }

    @Provide
    Arbitrary<String> redirects() {
        Arbitrary<String> token = Arbitraries.strings().alpha().numeric().ofLength(32);
        Arbitrary<String> state = Arbitraries.strings().withChars("ABCxyz019-_").ofMinLength(1).ofMaxLength(22);
        Arbitrary<String> origin = Arbitraries.of("http://127.0.0.1:5483", "http://localhost:5483", "http://[::1]:5483",
                "http://127.0.0.1");
        return Combinators.combine(origin, token, state, Arbitraries.of(true, false)).as((o, t, s, stateFirst) -> o
                + "/kite-redirect?" + (stateFirst ? "ks_state=" + s + "&" : "") + "action=login&type=login&status=success"
                + "&request_token=" + t + (stateFirst ? "" : "&ks_state=" + s));
    }

    @Provide
    Arbitrary<Wrapping> wrappings() {
        Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(0, 1000).list().ofMaxSize(4);
        Arbitrary<List<String>> spaces = Arbitraries.of(SPACES).list().ofMinSize(4).ofMaxSize(4);
        Arbitrary<List<String[]>> quotes = Arbitraries.of(WRAPPERS).list().ofMaxSize(2);
        return Combinators.combine(cuts, spaces, quotes, Arbitraries.of("", ".", ",", ";"), Arbitraries.of(true, false))
                .as(Wrapping::new);
    }

    /** Whitespace at {@code cuts}, then each pair of {@code quotes} around, then {@code after}, the scheme dropped or not. */
    record Wrapping(List<Integer> cuts, List<String> spaces, List<String[]> quotes, String after, boolean dropScheme) {
        String apply(String url) {
            StringBuilder text = new StringBuilder(dropScheme ? url.substring("http://".length()) : url);
            for (int i = 0; i < cuts.size(); i++) {
                text.insert(cuts.get(i) % (text.length() + 1), spaces.get(i));
            }
            for (String[] pair : quotes) {
                text.insert(0, pair[0] + spaces.get(0)).append(pair[1]);
            }
            return spaces.get(1) + text + after + spaces.get(2);
        }

        @Override
        public String toString() {
            return "Wrapping[cuts=" + cuts + ", quotes=" + quotes.stream().map(q -> q[0] + q[1]).toList() + ", after="
                    + after + ", dropScheme=" + dropScheme + "]";
        }
    }
}
