package org.lectern.console.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves what a scene shows as {@code target/screens/console-<name>.png}; the documentation's screenshots are
 * copies of these. Converts the pixels itself, because TestFX's own capture needs javafx-swing.
 */
public final class Screenshots {

    public static final Path DIRECTORY = Path.of("target", "screens");

    private Screenshots() {
    }

    public static Path save(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, pixels, 0, width);
        Files.createDirectories(DIRECTORY);
        Path file = DIRECTORY.resolve("console-" + name + ".png");
        if (!ImageIO.write(png, "png", file.toFile())) {
            throw new IOException("No PNG writer");
        }
        return file;
    }
}
