package com.kitesession.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FixturesInSyncTest {
    @Test
    void bundledFixturesMatchSharedOnes() throws Exception {
        Path shared = Path.of(System.getProperty("kite.sharedFixtures", "../shared/kite-fixtures"));
        assumeTrue(Files.isDirectory(shared), "no shared/kite-fixtures beside this clone");
        try (var files = Files.list(shared)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String name = file.getFileName().toString();
                assertEquals(Files.readString(file, StandardCharsets.UTF_8), Fixtures.read(name), name);
            }
        }
    }
}
