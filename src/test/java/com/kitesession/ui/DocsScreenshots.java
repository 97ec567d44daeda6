package com.kitesession.ui;

import static com.kitesession.testing.WebPage.onFx;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes a scene as a PNG (atomically) for the README. By default into {@code target/docs}, so
 * a test run leaves the work tree as it was; {@code mvn -B verify -Dkite.docsDir=docs} refreshes
 * the README's own pictures in {@code docs/}.
 */
final class DocsScreenshots {
    static final Path DOCS = Path.of(System.getProperty("user.dir")).resolve(System.getProperty("kite.docsDir", "target/docs"));

    private DocsScreenshots() {}

    static Path write(Scene scene, String name) throws IOException {
        WritableImage image = onFx(() -> scene.snapshot(null));
        Files.createDirectories(DOCS);
        Path file = DOCS.resolve(name);
        Path temp = Files.createTempFile(DOCS, name, ".tmp");
        ImageIO.write(toBuffered(image), "png", temp.toFile());
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** Without javafx-swing: the pixels copied one by one (a few hundred thousand, quick enough). */
    private static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) out.setRGB(x, y, pixels.getArgb(x, y));
        }
        return out;
    }
}
