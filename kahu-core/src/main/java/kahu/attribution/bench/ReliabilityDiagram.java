package kahu.attribution.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A reliability diagram as PNG, drawn with Java2D (headless): for each ranker, the observed accuracy
 * of its top-ranked actor against its mean probability in each of the 10 bins, beside the diagonal of
 * perfect calibration. Marker area grows with the bin's number of cases.
 */
public final class ReliabilityDiagram {
    private static final int W = 720, H = 640, LEFT = 80, RIGHT = 30, TOP = 50, BOTTOM = 70;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};

    private ReliabilityDiagram() {}

    public static void write(BenchmarkResult result, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true"); // no display on servers and in CI
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            draw(g, result);
        } finally {
            g.dispose();
        }
        if (png.getParent() != null) Files.createDirectories(png.getParent());
        if (!ImageIO.write(img, "png", png.toFile())) throw new IOException("no PNG writer available for " + png);
    }

    private static void draw(Graphics2D g, BenchmarkResult result) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        int pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;

        // grid and ticks
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 10; i++) {
            double v = i / 10.0;
            int x = x(v, pw), y = y(v, ph);
            g.setColor(new Color(0xeeeeee));
            g.drawLine(x, TOP, x, TOP + ph);
            g.drawLine(LEFT, y, LEFT + pw, y);
            g.setColor(Color.DARK_GRAY);
            String label = String.format("%.1f", v);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, TOP + ph + 18);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, pw, ph);

        // perfect calibration
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 6}, 0));
        g.drawLine(x(0, pw), y(0, ph), x(1, pw), y(1, ph));

        List<RankerResult> rankers = result.rankers();
        int total = 0;
        for (ReliabilityBin b : rankers.getFirst().reliability()) total += b.cases();
        for (int r = 0; r < rankers.size(); r++) {
            Color c = COLORS[r % COLORS.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(2.2f));
            Path2D.Double line = new Path2D.Double();
            boolean started = false;
            for (ReliabilityBin b : rankers.get(r).reliability()) {
                if (b.cases() == 0) continue;
                double px = x(b.meanConfidence(), pw), py = y(b.accuracy(), ph);
                if (started) line.lineTo(px, py);
                else line.moveTo(px, py);
                started = true;
            }
            g.draw(line);
            for (ReliabilityBin b : rankers.get(r).reliability()) {
                if (b.cases() == 0) continue;
                double radius = 3 + 9 * Math.sqrt(b.cases() / (double) Math.max(1, total));
                g.fill(new Ellipse2D.Double(x(b.meanConfidence(), pw) - radius, y(b.accuracy(), ph) - radius, 2 * radius, 2 * radius));
            }
        }

        // labels, title, legend
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        AttributionBenchmark cfg = result.config();
        String title = String.format("Reliability at k=%d (noise %.2f, holdout %.2f, %d seeds, %d incidents)",
                cfg.diagramK(), cfg.noise(), cfg.holdout(), cfg.seeds().size(), total);
        g.drawString(title, LEFT + (pw - g.getFontMetrics().stringWidth(title)) / 2, TOP - 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        String xLabel = "Probability given to the top-ranked actor (bin mean)";
        g.drawString(xLabel, LEFT + (pw - g.getFontMetrics().stringWidth(xLabel)) / 2, H - 25);
        String yLabel = "Share of incidents where it was the true actor";
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(TOP + (ph + g.getFontMetrics().stringWidth(yLabel)) / 2), 25);
        rotated.dispose();

        // Legend in the lower right: a calibrated or over-confident curve stays near or below the diagonal's upper half.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int boxW = 430, boxH = 20 * (rankers.size() + 1) + 10;
        int lx = LEFT + pw - boxW - 10, ly = TOP + ph - boxH + 10;
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(lx - 8, ly - 22, boxW, boxH);
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(lx - 8, ly - 22, boxW, boxH);
        for (int r = 0; r < rankers.size(); r++) {
            RankerResult rr = rankers.get(r);
            double ece = rr.perK().stream().filter(m -> m.k() == cfg.diagramK()).mapToDouble(Metrics::ece).findFirst().orElse(Double.NaN);
            g.setColor(COLORS[r % COLORS.length]);
            g.fillRect(lx, ly + r * 20 - 9, 22, 4);
            g.setColor(Color.BLACK);
            String name = r == 0 ? rr.name() + " model" : rr.name() + " baseline (scores normalised to sum 1)";
            g.drawString(String.format("%s, ECE %.3f", name, ece), lx + 30, ly + r * 20 - 3);
        }
        g.setColor(Color.GRAY);
        g.drawString("- - perfect calibration", lx + 30, ly + rankers.size() * 20 - 3);
    }

    private static int x(double v, int pw) {
        return LEFT + (int) Math.round(v * pw);
    }

    private static int y(double v, int ph) {
        return TOP + ph - (int) Math.round(v * ph);
    }
}
