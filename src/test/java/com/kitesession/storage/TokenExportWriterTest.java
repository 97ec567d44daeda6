package com.kitesession.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.session.TokenExpiry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenExportWriterTest {
    /** 10:00 IST on Mon 23 Nov 2026; the token dies at 06:00 IST the next day. */
    private static final Instant LOGIN = Instant.parse("2026-11-23T04:30:00Z");
    private static final ZonedDateTime EXPIRES = TokenExpiry.documented().expiresAt(LOGIN);

    @TempDir
    Path dir;

    private Path write(String name, AppSettings.ExportFormat format, String token, String userId) throws Exception {
        Path file = dir.resolve(name);
        TokenExportWriter.write(new AppSettings.TokenExport(file.toString(), format), "kitesim_demo", token, userId,
                LOGIN, EXPIRES);
        return file;
    }

    @Test
    void jsonHasExactlyTheFiveFieldsInIst() throws Exception {
        Path file = write("kite.json", AppSettings.ExportFormat.JSON, "tok3nABC", "DM1234");
        assertEquals("""
                {
                  "api_key": "kitesim_demo",
                  "access_token": "tok3nABC",
                  "user_id": "DM1234",
                  "login_time": "2026-11-23T10:00:00+05:30",
                  "expires_at": "2026-11-24T06:00:00+05:30"
                }
                """, Files.readString(file));
    }

    @Test
    void envHasOneUnquotedVariablePerLine() throws Exception {
        Path file = write("kite.env", AppSettings.ExportFormat.ENV, "tok3nABC", "DM1234");
        assertEquals("""
                KITE_API_KEY=kitesim_demo
                KITE_ACCESS_TOKEN=tok3nABC
                KITE_USER_ID=DM1234
                KITE_LOGIN_TIME=2026-11-23T10:00:00+05:30
                KITE_EXPIRES_AT=2026-11-24T06:00:00+05:30
                """, Files.readString(file));
    }

    @Test
    void anExpiryGivenInAnotherZoneIsStillWrittenInIst() throws Exception {
        Path file = dir.resolve("kite.env");
        TokenExportWriter.write(new AppSettings.TokenExport(file.toString(), AppSettings.ExportFormat.ENV),
                "k", "t", null, LOGIN, EXPIRES.withZoneSameInstant(ZoneOffset.UTC));
        List<String> lines = Files.readAllLines(file);
        assertEquals("KITE_USER_ID=", lines.get(2), "no user id: an empty value");
        assertEquals("KITE_EXPIRES_AT=2026-11-24T06:00:00+05:30", lines.get(4));
    }

    @Test
    void aMissingUserIdIsJsonNull() throws Exception {
        Path file = write("kite.json", AppSettings.ExportFormat.JSON, "t", null);
        assertTrue(Files.readString(file).contains("\"user_id\": null,"));
    }

    @Test
    void bothFormatsAreOwnerOnlyEvenOverAReadableFile() throws Exception {
        for (AppSettings.ExportFormat format : AppSettings.ExportFormat.values()) {
            Path file = dir.resolve("token." + format);
            Files.writeString(file, "old");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            write(file.getFileName().toString(), format, "t", "U1");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), format.name());
        }
    }

    @Test
    void replacesTheFileAtomically() throws Exception {
        Path file = write("kite.env", AppSettings.ExportFormat.ENV, "firstToken", "U1");
        String first = Files.readString(file);
        try (InputStream reader = Files.newInputStream(file)) {
            // A script reading while the next login writes sees the whole old file, never a mix.
            write("kite.env", AppSettings.ExportFormat.ENV, "secondToken", "U1");
            assertEquals(first, new String(reader.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(first.replace("firstToken", "secondToken"), Files.readString(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temp file left");
        }
    }

    @Test
    void anEnvValueThatWouldNeedQuotingIsRefusedWithoutEchoingIt() throws Exception {
        Path file = write("kite.env", AppSettings.ExportFormat.ENV, "good", "U1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> write("kite.env", AppSettings.ExportFormat.ENV, "evil\nKITE_API_KEY=x", "U1"));
        assertFalse(e.getMessage().contains("evil"), e.getMessage());
        assertEquals("good", Files.readAllLines(file).get(1).substring("KITE_ACCESS_TOKEN=".length()),
                "the old file is left as it was");
    }

    /** A person who links ~/trading/.env to the export keeps the link; the token lands in the linked file. */
    @Test
    void anExportPathThatIsALinkIsWrittenThroughNotReplaced() throws Exception {
        Path trading = Files.createDirectory(dir.resolve("trading"));
        Path real = Files.writeString(trading.resolve(".env"), "KITE_ACCESS_TOKEN=yesterday\n");
        Path link = Files.createSymbolicLink(dir.resolve("kite.env"), real);
        write("kite.env", AppSettings.ExportFormat.ENV, "tok3nABC", "DM1234");
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).contains("KITE_ACCESS_TOKEN=tok3nABC\n"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    }
}
