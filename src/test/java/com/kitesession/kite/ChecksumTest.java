package com.kitesession.kite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksumTest {
    // Vectors from: printf '%s' 'key''token''secret' | sha256sum
    @Test
    void matchesSha256sumOfKeyTokenSecret() {
        assertEquals("08a03d928417ea4085557933d3b187ff2a3515b039d6054dbd230c95d978a17a",
                Checksum.sha256Hex("key", "token", "secret"));
        assertEquals("da8203e05188abf001d0deae184b49f97bdf040794634bfe7a17f5993ade5827",
                Checksum.sha256Hex("abc123", "rTokXyZ0987654321", "s3cr3tS3cr3t"));
    }

    @Test
    void orderMattersAndEmptyInputIsTheEmptyHash() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Checksum.sha256Hex("", "", ""));
        assertEquals(Checksum.sha256Hex("ke", "ytoken", "secret"), Checksum.sha256Hex("key", "token", "secret"),
                "plain concatenation, no separator");
    }

    @Test
    void nullIsRefusedWithoutEchoingValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> Checksum.sha256Hex("key", null, "hunter2"));
        assertEquals(false, e.getMessage().contains("hunter2"));
    }
}
