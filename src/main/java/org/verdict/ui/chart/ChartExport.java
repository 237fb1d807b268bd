package org.verdict.ui.chart;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chart as PNG (raster, for slides) or SVG (vector, for documents) at a given size. */
public final class ChartExport {
    private final int width;
    private final int height;

    public ChartExport(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public BufferedImage image(JFreeChart chart) {
        return chart.createBufferedImage(width, height);
    }

    /** Encodes an image drawn by {@link #image}: safe off the FX thread, as the image no longer needs the chart. */
    public static void writePng(BufferedImage image, Path target) throws IOException {
        if (!ImageIO.write(image, "png", target.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    public String svg(JFreeChart chart) {
        SVGGraphics2D graphics = new SVGGraphics2D(width, height);
        chart.draw(graphics, new Rectangle(0, 0, width, height));
        return graphics.getSVGDocument();
    }

    public static void writeSvg(String svg, Path target) throws IOException {
        Files.writeString(target, svg, StandardCharsets.UTF_8);
    }
}
