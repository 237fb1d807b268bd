import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws Verdict's icon once, in Java2D, and writes it as SVG (through JFreeSVG) and as PNGs from 16 to 512 px, so
 * every size comes from the same drawing. The motif is the Compare view's forest plot: a dashed zero line and three
 * intervals in the palette's colours (production blue, candidate orange, better green) on a dark tile.
 *
 * Run from the project root (see packaging/README.md):
 *   java -cp ~/.m2/repository/org/jfree/org.jfree.svg/5.0.6/org.jfree.svg-5.0.6.jar packaging/icon/IconGenerator.java assets
 */
public final class IconGenerator {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "assets");
        Files.createDirectories(out);
        SVGGraphics2D svg = new SVGGraphics2D(512, 512);
        draw(svg, 512);
        Files.writeString(out.resolve("verdict.svg"), svg.getSVGDocument(), StandardCharsets.UTF_8);
        for (int size : SIZES) {
            ImageIO.write(render(size), "png", out.resolve("verdict-" + size + ".png").toFile());
        }
        writeIcns(out.resolve("verdict.icns"));
    }

    private static BufferedImage render(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        draw(g, size);
        g.dispose();
        return image;
    }

    /**
     * macOS icon for jpackage: the ICNS container holds PNGs directly (types ic07/ic08/ic09 = 128/256/512 px), each
     * entry a 4-byte type, a 4-byte big-endian length including that header, and the PNG bytes.
     */
    private static void writeIcns(Path target) throws IOException {
        java.io.ByteArrayOutputStream entries = new java.io.ByteArrayOutputStream();
        String[] types = {"ic07", "ic08", "ic09"};
        int[] sizes = {128, 256, 512};
        for (int i = 0; i < types.length; i++) {
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            ImageIO.write(render(sizes[i]), "png", png);
            java.io.DataOutputStream entry = new java.io.DataOutputStream(entries);
            entry.writeBytes(types[i]);
            entry.writeInt(png.size() + 8);
            png.writeTo(entry);
        }
        try (java.io.DataOutputStream icns = new java.io.DataOutputStream(Files.newOutputStream(target))) {
            icns.writeBytes("icns");
            icns.writeInt(entries.size() + 8);
            entries.writeTo(icns);
        }
    }

    /** Draws on a 512-unit grid scaled to {@code size}; small sizes get thicker strokes so they stay legible. */
    static void draw(Graphics2D g, int size) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double scale = size / 512.0;
        g.scale(scale, scale);
        boolean small = size <= 32;

        g.setPaint(new GradientPaint(0, 0, new Color(0x22, 0x33, 0x4D), 0, 512, new Color(0x12, 0x1C, 0x2B)));
        g.fill(new RoundRectangle2D.Double(16, 16, 480, 480, 112, 112));

        float zeroWidth = small ? 22 : 10;
        g.setColor(new Color(255, 255, 255, 120));
        g.setStroke(new BasicStroke(zeroWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                small ? null : new float[] {26, 18}, 0));
        g.draw(new Line2D.Double(220, 84, 220, 428));

        float whisker = small ? 40 : 22;
        interval(g, 0x0072B2, 128, 150, 300, whisker, marker(225, 128, 0));
        interval(g, 0xE69F00, 256, 236, 400, whisker, marker(318, 256, 1));
        interval(g, 0x009E73, 384, 270, 440, whisker, marker(355, 384, 2));
    }

    private static void interval(Graphics2D g, int rgb, double y, double from, double to, float width,
                                 java.awt.Shape marker) {
        Color colour = new Color(rgb);
        g.setColor(colour);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(from, y, to, y));
        g.fill(marker);
        g.setColor(new Color(0x12, 0x1C, 0x2B));
        g.setStroke(new BasicStroke(8));
        g.draw(marker);
    }

    /** Circle for production, square for candidate, upward triangle for "better": shape, not colour alone. */
    private static java.awt.Shape marker(double x, double y, int kind) {
        double r = 44;
        return switch (kind) {
            case 0 -> new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            case 1 -> new Rectangle2D.Double(x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r);
            default -> {
                Path2D triangle = new Path2D.Double();
                triangle.moveTo(x, y - r * 1.1);
                triangle.lineTo(x + r * 1.1, y + r * 0.8);
                triangle.lineTo(x - r * 1.1, y + r * 0.8);
                triangle.closePath();
                yield triangle;
            }
        };
    }
}
