package org.verdict.core.report;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.evidence.Tone;
import org.verdict.core.report.FontRuns.Run;
import org.verdict.core.report.ReportDocument.Block;
import org.verdict.core.report.ReportDocument.Chart;
import org.verdict.core.report.ReportDocument.Code;
import org.verdict.core.report.ReportDocument.Fact;
import org.verdict.core.report.ReportDocument.Facts;
import org.verdict.core.report.ReportDocument.Paragraph;
import org.verdict.core.report.ReportDocument.Section;
import org.verdict.core.report.ReportDocument.Table;

/**
 * Lays the approval pack out on A4 pages with PDFBox: a title page with the table of contents, one chapter per
 * page onwards, charts drawn as vectors through pdfbox-graphics2d, "Page i of n" on every page, and bookmarks.
 * Sections are laid out first so the table of contents can print their page numbers.
 */
final class PdfApprovalPack {
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 56;
    private static final float TOP = PAGE.getHeight() - MARGIN;
    private static final float BOTTOM = MARGIN + 14;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final float BODY = 9.5f;
    private static final float LEADING = 13.5f;
    private static final float CELL_PAD = 3.5f;
    private static final int TOC_ENTRIES_PER_PAGE = 38;
    private static final float TABLE_TEXT = 8.5f;
    private static final float SMALLEST_TABLE_TEXT = 6f;
    /** Between a table's last row and its notes. */
    private static final float NOTE_GAP = 3f;
    /** At most this many rows of a table are not sent alone onto the next page: the table goes over whole instead. */
    private static final int ROWS_NOT_LEFT_ALONE = 2;
    private static final float CODE_TEXT = 7.5f;
    /** The smallest size a digest or a line of code is drawn at to keep it on one line; readable when printed. */
    private static final float SMALLEST_VERBATIM_TEXT = 6f;
    /** Charts are laid out at {@link EvidenceCharts#WIDTH} and drawn at the page's width. */
    private static final float CHART_SCALE = WIDTH / (float) EvidenceCharts.WIDTH;
    /** The fewest rows a part of a split chart shows; fewer would leave a part that is mostly frame. */
    static final int FEWEST_ROWS_PER_PART = 6;
    /** The marks of a verdict or outcome, never at a line's end apart from their word. */
    private static final java.util.Set<String> MARKS = java.util.Set.of("▲", "▼", "✔", "✘", "?", "–");

    private final EvidenceCharts charts;
    private PDDocument pdf;
    private PDFont sans;
    private PDFont bold;
    private PDFont mono;
    /** Draws what the DejaVu faces lack: Chinese, Japanese and Korean (Droid Sans Fallback). */
    private PDFont fallback;
    /** Each font's Unicode cmap, to pick per character a font that has its glyph. */
    private final Map<PDFont, CmapLookup> cmaps = new HashMap<>();
    /** Each font's file, and the Arabic shaping made from it when a text first needs it. */
    private final Map<PDFont, String> fontFiles = new HashMap<>();
    private final List<TrueTypeFont> faces = new ArrayList<>();
    private final Map<PDFont, ArabicShaping> shapings = new HashMap<>();
    private PdfBoxGraphics2DFontTextDrawer chartText;
    private PDPage page;
    private PDPageContentStream out;
    private float y;
    private final List<ChartBox> chartBoxes = new ArrayList<>();

    /** Where the last rendering drew a chart: its page (0 = the first) and its box in PDF points. */
    record ChartBox(int page, float left, float bottom, float width, float height) {
    }

    /** The content area every chart must stay inside: above the footer, below the top margin. */
    static final float CONTENT_TOP = TOP;
    static final float CONTENT_BOTTOM = BOTTOM;

    PdfApprovalPack(EvidenceCharts charts) {
        this.charts = charts;
    }

    byte[] render(ReportDocument document) throws IOException {
        try (PDDocument created = new PDDocument(); PdfBoxGraphics2DFontTextDrawer drawer =
                new FallbackFontTextDrawer(ReportFonts.fallbackFace())) {
            pdf = created;
            chartBoxes.clear();
            sans = font(ReportFonts.SANS);
            bold = font(ReportFonts.SANS_BOLD);
            mono = font(ReportFonts.MONO);
            fallback = font(ReportFonts.FALLBACK);
            chartText = drawer;
            chartText.registerFont("DejaVu Sans", sans);
            chartText.registerFont("DejaVu Sans Bold", bold);
            chartText.registerFont(ReportFonts.fallbackFace().getFontName(), fallback);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(document.title());
            info.setSubject(document.subtitle());

            int tocPages = (document.sections().size() + TOC_ENTRIES_PER_PAGE - 1) / TOC_ENTRIES_PER_PAGE;
            List<PDPage> contentsPages = new ArrayList<>();
            for (int i = 0; i < Math.max(1, tocPages); i++) {
                PDPage contents = new PDPage(PAGE);
                pdf.addPage(contents);
                contentsPages.add(contents);
            }
            List<PDPage> sectionPages = new ArrayList<>();
            for (Section section : document.sections()) {
                sectionPages.add(section(section));
            }
            closePage();
            tableOfContents(document, contentsPages, sectionPages);
            bookmarks(document.sections(), sectionPages);
            footers(document.title());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        } finally {
            // loaded from a parsed face, the fonts do not close it themselves; the subsets are embedded on save
            for (TrueTypeFont face : faces) {
                face.close();
            }
            faces.clear();
            pdf = null;
            out = null;
            page = null;
            cmaps.clear();
            fontFiles.clear();
            shapings.clear();
        }
    }

    /** The charts of the last rendering, in the order they were drawn. */
    List<ChartBox> chartBoxes() {
        return List.copyOf(chartBoxes);
    }

    private PDFont font(String fileName) throws IOException {
        try (InputStream in = ReportFonts.open(fileName)) {
            TrueTypeFont face = new TTFParser().parse(new RandomAccessReadBuffer(in));
            // PDFBox would apply the face's GSUB ligatures as it encodes text, so that "ff" in a hash drew, and copied
            // out, as U+FB00; Arabic is shaped before (ArabicShaping), so no text needs the font's substitutions
            face.setEnableGsub(false);
            faces.add(face);
            PDFont loaded = PDType0Font.load(pdf, face, true);
            fontFiles.put(loaded, fileName);
            return loaded;
        }
    }

    /** Lays out one section and returns the page it starts on. */
    private PDPage section(Section section) throws IOException {
        if (section.level() == 1 || out == null) {
            newPage();
        } else {
            ensure(keepWithHeading(section));
            y -= 10;
        }
        float size = section.level() == 1 ? 17 : 13;
        PDPage start = page;
        text(section.number() + "  " + section.title(), bold, size, MARGIN, y - size, Color.BLACK);
        y -= size + (section.level() == 1 ? 6 : 4);
        if (section.level() == 1) {
            rule(ReportPalette.PRODUCTION, 1.5f);
        }
        y -= 8;
        for (Block block : section.blocks()) {
            block(block);
        }
        return start;
    }

    /**
     * Room for a gate's heading, its verdict line and its first chart (or that chart's first part, when it is split),
     * so a heading never ends a page alone and no page is left almost empty before a tall chart.
     */
    private static float keepWithHeading(Section section) {
        float needed = 90;
        for (Block block : section.blocks()) {
            if (block instanceof Chart chart) {
                EvidenceChart first = chart.chart();
                int rows = EvidenceCharts.rowCount(first);
                double height = rows == 0 ? EvidenceCharts.heightOf(first)
                        : EvidenceCharts.heightOf(first, Math.min(rows, FEWEST_ROWS_PER_PART));
                return needed + (float) height * CHART_SCALE;
            }
            if (!(block instanceof Paragraph)) {
                break;
            }
        }
        return needed;
    }

    private void block(Block block) throws IOException {
        if (block instanceof Paragraph paragraph) {
            wrapped(paragraph.text(), emphasised(paragraph.tone()) ? bold : sans, BODY, MARGIN, WIDTH,
                    colour(paragraph.tone()));
            y -= 5;
        } else if (block instanceof Facts facts) {
            facts(facts.facts());
        } else if (block instanceof Table table) {
            table(table.table());
        } else if (block instanceof Chart chart) {
            chart(chart);
        } else if (block instanceof Code code) {
            code(code);
        }
    }

    private void facts(List<Fact> facts) throws IOException {
        // the labels' own width, kept apart from the gap after them: (w + 12) − 12 in floats can come out a hair
        // below w and break the widest label inside a word
        float labelText = 0;
        for (Fact fact : facts) {
            labelText = Math.max(labelText, width(fact.label(), bold, BODY));
        }
        // up to half the page, so that a long hyperparameter name (colsample_bytree_per_level) stays whole
        labelText = Math.min(labelText, WIDTH * 0.5f - 12);
        float labelWidth = labelText + 12;
        for (Fact fact : facts) {
            List<String> labelLines = lines(fact.label(), bold, BODY, labelText);
            boolean digest = isDigest(fact.value());
            PDFont valueFont = digest ? mono : sans;
            float valueSize = digest ? fitting(List.of(fact.value()), mono, BODY, WIDTH - labelWidth) : BODY;
            List<String> valueLines = new ArrayList<>(fact.value().isEmpty() && !fact.items().isEmpty() ? List.of()
                    : lines(fact.value(), valueFont, valueSize, WIDTH - labelWidth));
            List<Float> indents = new ArrayList<>(Collections.nCopies(valueLines.size(), 0f));
            // a listed item starts on a line of its own after its mark, and its wrapped lines hang under its text
            float hang = fact.items().isEmpty() ? 0 : width(fact.mark() + " ", valueFont, valueSize);
            for (String item : fact.items()) {
                List<String> itemLines = lines(item, valueFont, valueSize, WIDTH - labelWidth - hang);
                for (int i = 0; i < itemLines.size(); i++) {
                    valueLines.add(i == 0 ? fact.mark() + " " + itemLines.get(i) : itemLines.get(i));
                    indents.add(i == 0 ? 0f : hang);
                }
            }
            int rows = Math.max(labelLines.size(), valueLines.size());
            // a fact stays on one page; a list starts with its heading and first items on one and goes on over the
            // page break line by line, so a dozen findings do not leave the page before them half empty
            float together = (fact.items().isEmpty() ? rows : Math.min(rows, 4)) * LEADING;
            if (together <= TOP - BOTTOM) {
                ensure(together);
            }
            for (int i = 0; i < rows; i++) {
                float before = y;
                ensure(LEADING);
                float baseline = y - BODY;
                if (i < labelLines.size()) {
                    text(labelLines.get(i), bold, BODY, MARGIN, baseline, Color.BLACK);
                } else if (y != before) {
                    // the list went on over a page break: its label again, so the page says what it lists
                    text(labelLines.get(0), bold, BODY, MARGIN, baseline, Color.BLACK);
                }
                if (i < valueLines.size()) {
                    text(valueLines.get(i), valueFont, valueSize, MARGIN + labelWidth + indents.get(i), baseline,
                            Color.BLACK);
                }
                y -= LEADING;
            }
        }
        y -= 6;
    }

    private void table(EvidenceTable table) throws IOException {
        // A table whose longest words (a number, an interval bound, a header word) do not fit side by side at the
        // body size gets smaller text: a cell breaks between words, never inside a word or a number.
        // An interval is kept on one line as a word is, unless the intervals side by side overflow the page even at
        // the smallest size (seven of them, in millions of dollars): then its bounds may go on two lines, each whole.
        // Each value stays on one line with its interval in the same way, unless those overflow the page.
        LineBreaks.Keep keep = LineBreaks.Keep.VALUES_WITH_INTERVALS;
        while (keep != LineBreaks.Keep.NOTHING && sum(longestWords(table, SMALLEST_TABLE_TEXT, keep)) > WIDTH) {
            keep = LineBreaks.Keep.values()[keep.ordinal() + 1];
        }
        float size = TABLE_TEXT;
        while (size > SMALLEST_TABLE_TEXT && sum(longestWords(table, size, keep)) > WIDTH) {
            size -= 0.5f;
        }
        TableLayout layout = new TableLayout(size, size * 1.35f, columnWidths(table, size, keep), keep);
        List<Cell> header = table.headers().stream().map(h -> new Cell(h, Tone.PLAIN)).toList();
        // the caption, the header and the first row stay together: a header alone at a page's foot tells nothing;
        // a table that fits on one page and would leave only its last rows on the next goes over whole (a page
        // holding one row of a table and nothing else read as a lost page)
        float captionHeight = lines(table.caption(), bold, BODY, WIDTH).size() * BODY * 1.42f + 2;
        float headed = captionHeight + rowHeight(header, layout, true);
        float firstRow = table.rows().isEmpty() ? 0 : rowHeight(table.rows().get(0), layout, false);
        // the notes under the table go with its last row, so they never open a page alone
        float notes = notesHeight(table.notes(), size);
        float whole = headed;
        int rowsOver = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            whole += rowHeight(table.rows().get(r), layout, false) + (r == table.rows().size() - 1 ? notes : 0);
            rowsOver += y - whole < BOTTOM ? 1 : 0;
        }
        boolean fewRowsOver = rowsOver > 0 && rowsOver <= ROWS_NOT_LEFT_ALONE && whole <= TOP - BOTTOM;
        ensure(fewRowsOver ? whole : headed + firstRow);
        wrapped(table.caption(), bold, BODY, MARGIN, WIDTH, Color.BLACK);
        y -= 2;
        row(header, layout, true);
        for (int r = 0; r < table.rows().size(); r++) {
            List<Cell> cells = table.rows().get(r);
            if (rowHeight(cells, layout, false) + (r == table.rows().size() - 1 ? notes : 0) > y - BOTTOM) {
                newPage();
                row(header, layout, true);
            }
            row(cells, layout, false);
        }
        if (!table.notes().isEmpty()) {
            y -= NOTE_GAP;
            for (String note : table.notes()) {
                wrapped(note, sans, size, MARGIN, WIDTH, Color.BLACK);
            }
        }
        y -= 10;
    }

    /**
     * The room a table's notes take in the table's text size, each line counted at least the body's leading, the room
     * {@link #wrapped} makes sure of before drawing it.
     */
    private float notesHeight(List<String> notes, float size) throws IOException {
        float height = notes.isEmpty() ? 0 : NOTE_GAP;
        for (String note : notes) {
            height += lines(note, sans, size, WIDTH).size() * Math.max(LEADING, size * 1.42f);
        }
        return height;
    }

    /** How a table is drawn: its text size and leading, its columns' widths, and whether intervals break. */
    private record TableLayout(float size, float leading, float[] widths, LineBreaks.Keep keep) {
    }

    /** Measured in the font the cell is drawn in: bold text wraps sooner, and a header cell must not overflow. */
    private float rowHeight(List<Cell> cells, TableLayout layout, boolean header) throws IOException {
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            lines = Math.max(lines, cellLines(cells.get(c), c, layout, header).size());
        }
        return lines * layout.leading() + 2 * CELL_PAD;
    }

    private List<String> cellLines(Cell cell, int column, TableLayout layout, boolean header) throws IOException {
        return lines(cell.text(), fontOf(cell, header), layout.size(), layout.widths()[column] - 2 * CELL_PAD,
                layout.keep());
    }

    private PDFont fontOf(Cell cell, boolean header) {
        return header || emphasised(cell.tone()) ? bold : isDigest(cell.text()) ? mono : sans;
    }

    /**
     * A SHA-256 (a file's hash, a key fingerprint, a record id, a Merkle root): one word of hex digits that an auditor
     * copies to compare. It is drawn in monospace and kept on one line, since text copied across a line break is no
     * longer the hash; a table shrinks and gives its column the room rather than break it.
     */
    static boolean isDigest(String text) {
        return text.length() >= 32 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** The largest size, from {@code size} down to the smallest verbatim size, at which every line fits the width. */
    private float fitting(List<String> lines, PDFont font, float size, float width) throws IOException {
        float fits = size;
        for (String line : lines) {
            while (fits > SMALLEST_VERBATIM_TEXT && width(line, font, fits) > width) {
                fits -= 0.5f;
            }
        }
        return fits;
    }

    /**
     * Outcomes and verdicts are bold. Insufficient evidence blocks a promotion as a failure does, so it is never
     * fainter than a passing line: bold, in near-black rather than the light grey of "no difference".
     */
    private static boolean emphasised(Tone tone) {
        return tone == Tone.PASS || tone == Tone.FAIL || tone == Tone.INSUFFICIENT || tone == Tone.WORSE
                || tone == Tone.BETTER;
    }

    private static Color colour(Tone tone) {
        return ReportPalette.textOf(tone);
    }

    private void row(List<Cell> cells, TableLayout layout, boolean header) throws IOException {
        float[] widths = layout.widths();
        float size = layout.size();
        float height = rowHeight(cells, layout, header);
        float x = MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            if (header) {
                out.setNonStrokingColor(new Color(0xEEEEEE));
                out.addRect(x, y - height, widths[c], height);
                out.fill();
            }
            out.setStrokingColor(new Color(0xBBBBBB));
            out.setLineWidth(0.5f);
            out.addRect(x, y - height, widths[c], height);
            out.stroke();
            PDFont cellFont = fontOf(cell, header);
            List<String> lines = cellLines(cell, c, layout, header);
            for (int i = 0; i < lines.size(); i++) {
                text(lines.get(i), cellFont, size, x + CELL_PAD, y - CELL_PAD - size - i * layout.leading() + 1.5f,
                        colour(cell.tone()));
            }
            x += widths[c];
        }
        y -= height;
    }

    /**
     * Natural column widths when they fit; otherwise each column keeps room for its longest word (a slice name, a
     * number) and the rest of the page is shared in proportion to how much more each column would like.
     */
    private float[] columnWidths(EvidenceTable table, float size, LineBreaks.Keep keep) throws IOException {
        int columns = table.headers().size();
        float[] natural = new float[columns];
        for (int c = 0; c < columns; c++) {
            for (Drawn cell : columnCells(table, c)) {
                natural[c] = Math.max(natural[c], width(cell.text(), cell.font(), size) + 2 * CELL_PAD + 1);
            }
        }
        float naturalSum = sum(natural);
        if (naturalSum <= WIDTH) {
            return natural;
        }
        float[] longestWord = longestWords(table, size, keep);
        float minimumSum = sum(longestWord);
        float[] widths = new float[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = minimumSum >= WIDTH ? longestWord[c] * WIDTH / minimumSum
                    : longestWord[c] + (WIDTH - minimumSum) * (natural[c] - longestWord[c]) / (naturalSum - minimumSum);
        }
        return widths;
    }

    /**
     * Per column, the room its longest word needs, measured in the face each cell is drawn in: measured in bold, a
     * slice table's plain intervals seemed wider than they are drawn, and were let break between their bounds.
     */
    private float[] longestWords(EvidenceTable table, float size, LineBreaks.Keep keep) throws IOException {
        int columns = table.headers().size();
        float[] longest = new float[columns];
        for (int c = 0; c < columns; c++) {
            float digest = 0;
            for (Drawn cell : columnCells(table, c)) {
                for (String word : words(cell.text(), keep)) {
                    float room = width(word, cell.font(), size) + 2 * CELL_PAD + 1;
                    longest[c] = Math.max(longest[c], room);
                    digest = isDigest(word) ? Math.max(digest, room) : digest;
                }
            }
            // a path or a long name may break between characters past half the page; a digest never
            longest[c] = Math.max(Math.min(longest[c], WIDTH / 2), digest);
        }
        return longest;
    }

    /** A table text with the face {@link #row} draws it in. */
    private record Drawn(String text, PDFont font) {
    }

    /** A column's header and cells, each with the face it is drawn in ({@link #fontOf}). */
    private List<Drawn> columnCells(EvidenceTable table, int column) {
        List<Drawn> cells = new ArrayList<>();
        Cell header = new Cell(table.headers().get(column), Tone.PLAIN);
        cells.add(new Drawn(header.text(), fontOf(header, true)));
        for (List<Cell> row : table.rows()) {
            Cell cell = row.get(column);
            cells.add(new Drawn(cell.text(), fontOf(cell, false)));
        }
        return cells;
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }

    /**
     * Draws a chart at the page's width. A row chart (forest plot, paired estimates) too tall for the room left is
     * split into parts of whole rows on the same value axis, each part starting where the last ended (a new page when
     * fewer than {@link #FEWEST_ROWS_PER_PART} rows fit): a chart never runs into the footer.
     */
    private void chart(Chart chart) throws IOException {
        EvidenceChart description = chart.chart();
        int rows = EvidenceCharts.rowCount(description);
        if (rows == 0) {
            float height = (float) EvidenceCharts.heightOf(description);
            ensure(height * CHART_SCALE + 8);
            draw(charts.build(description), height);
            return;
        }
        int from = 0;
        while (from < rows) {
            int remaining = rows - from;
            int fit = rowsFitting(description, remaining);
            if (fit < Math.min(remaining, FEWEST_ROWS_PER_PART)) {
                newPage();
                fit = rowsFitting(description, remaining);
            }
            int part = Math.max(1, fit);
            // no last part of a row or two: leave it a few more
            if (part < remaining && remaining - part < FEWEST_ROWS_PER_PART) {
                part = Math.max(1, remaining - FEWEST_ROWS_PER_PART);
            }
            draw(charts.buildRows(description, from, from + part), (float) EvidenceCharts.heightOf(description, part));
            from += part;
        }
    }

    /** How many of a row chart's rows fit the room left on this page (at most {@code wanted}). */
    private int rowsFitting(EvidenceChart chart, int wanted) {
        int rows = 0;
        while (rows < wanted && EvidenceCharts.heightOf(chart, rows + 1) * CHART_SCALE + 8 <= y - BOTTOM) {
            rows++;
        }
        return rows;
    }

    private void draw(JFreeChart built, float height) throws IOException {
        float width = (float) EvidenceCharts.WIDTH;
        PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(pdf, width, height);
        g2.setFontTextDrawer(chartText);
        built.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        g2.dispose();
        PDFormXObject form = g2.getXFormObject();
        out.saveGraphicsState();
        Matrix placement = Matrix.getTranslateInstance(MARGIN, y - height * CHART_SCALE);
        placement.concatenate(Matrix.getScaleInstance(CHART_SCALE, CHART_SCALE));
        out.transform(placement);
        out.drawForm(form);
        out.restoreGraphicsState();
        chartBoxes.add(new ChartBox(pdf.getNumberOfPages() - 1, MARGIN, y - height * CHART_SCALE, WIDTH,
                height * CHART_SCALE));
        y -= height * CHART_SCALE + 10;
    }

    /**
     * Text to copy. A command too long for the page is broken at a space and goes on after a shell's line continuation
     * ({@code \}), so it still pastes as one. Other text (JSON, checksum lines), which no mark can continue, is drawn
     * smaller, down to {@link #SMALLEST_VERBATIM_TEXT}, until its longest line fits, and broken at a space only past
     * that. The text starts at the margin, as the paragraphs do (the shading reaches into the margin
     * instead): {@code pdftotext -layout} then copies it without leading spaces, which {@code sha256sum -c} would take
     * as part of a line.
     */
    private void code(Code code) throws IOException {
        float size = code.commands() ? CODE_TEXT : fitting(code.lines(), mono, CODE_TEXT, WIDTH);
        float leading = size * 4 / 3;
        List<String> wrapped = new ArrayList<>();
        for (String line : code.lines()) {
            // a text line too long even at the smallest size (a checksum line of a very long path) breaks at a
            // space, so that the hash in it stays whole
            wrapped.addAll(code.commands() ? commandLines(line, size)
                    : width(line, mono, size) <= WIDTH ? List.of(line) : lines(line, mono, size, WIDTH));
        }
        int index = 0;
        while (index < wrapped.size()) {
            ensure(leading + 8);
            int fits = Math.max(1, (int) ((y - BOTTOM - 8) / leading));
            int end = Math.min(wrapped.size(), index + fits);
            float height = (end - index) * leading + 8;
            out.setNonStrokingColor(new Color(0xF3F3F3));
            out.addRect(MARGIN - 6, y - height, WIDTH + 12, height);
            out.fill();
            for (int i = index; i < end; i++) {
                text(wrapped.get(i), mono, size, MARGIN, y - 4 - size - (i - index) * leading, Color.BLACK);
            }
            y -= height;
            index = end;
        }
        y -= 8;
    }

    /** A command broken at spaces, each line but the last ending in a line continuation. */
    private List<String> commandLines(String command, float size) throws IOException {
        String mark = " \\";
        float room = WIDTH - width(mark, mono, size);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : command.split(" ")) {
            String longer = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(longer, mono, size) > room) {
                lines.add(line + mark);
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(longer);
            }
        }
        // a single word wider than the page (none of the pack's commands has one) is broken where the page ends
        lines.addAll(hardWrap(line.toString(), mono, size, WIDTH));
        return lines;
    }

    private void tableOfContents(ReportDocument document, List<PDPage> contentsPages, List<PDPage> sectionPages)
            throws IOException {
        List<Section> sections = document.sections();
        for (int p = 0; p < contentsPages.size(); p++) {
            PDPage contents = contentsPages.get(p);
            try (PDPageContentStream toc = new PDPageContentStream(pdf, contents,
                    PDPageContentStream.AppendMode.APPEND, true)) {
                out = toc;
                y = TOP;
                if (p == 0) {
                    text(document.title(), bold, 20, MARGIN, y - 20, Color.BLACK);
                    y -= 30;
                    wrapped(document.subtitle(), sans, 10.5f, MARGIN, WIDTH, new Color(0x444444));
                    y -= 6;
                    rule(ReportPalette.PRODUCTION, 2f);
                    y -= 26;
                    text("Contents", bold, 15, MARGIN, y - 15, Color.BLACK);
                    y -= 30;
                }
                int end = Math.min(sections.size(), (p + 1) * TOC_ENTRIES_PER_PAGE);
                for (int s = p * TOC_ENTRIES_PER_PAGE; s < end; s++) {
                    tocEntry(contents, sections.get(s), sectionPages.get(s));
                }
            }
        }
        out = null;
    }

    private void tocEntry(PDPage contents, Section section, PDPage target) throws IOException {
        float indent = section.level() == 1 ? 0 : 22;
        PDFont font = section.level() == 1 ? bold : sans;
        float size = section.level() == 1 ? 11 : 10;
        String label = section.number() + "  " + section.title();
        String number = String.valueOf(pdf.getPages().indexOf(target) + 1);
        float baseline = y - size;
        text(label, font, size, MARGIN + indent, baseline, Color.BLACK);
        float numberWidth = width(number, font, size);
        text(number, font, size, MARGIN + WIDTH - numberWidth, baseline, Color.BLACK);
        float dotsStart = MARGIN + indent + width(label, font, size) + 6;
        float dotsEnd = MARGIN + WIDTH - numberWidth - 6;
        StringBuilder dots = new StringBuilder();
        while (width(dots + " .", sans, size) < dotsEnd - dotsStart) {
            dots.append(" .");
        }
        text(dots.toString(), sans, size, dotsEnd - width(dots.toString(), sans, size), baseline,
                ReportPalette.NO_DIFFERENCE_TEXT);
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(MARGIN + indent, baseline - 3, WIDTH - indent, size + 5));
        PDBorderStyleDictionary noBorder = new PDBorderStyleDictionary();
        noBorder.setWidth(0);
        link.setBorderStyle(noBorder);
        PDActionGoTo goTo = new PDActionGoTo();
        goTo.setDestination(destination(target));
        link.setAction(goTo);
        contents.getAnnotations().add(link);
        y -= size + (section.level() == 1 ? 9 : 6);
    }

    private static PDPageFitWidthDestination destination(PDPage target) {
        PDPageFitWidthDestination destination = new PDPageFitWidthDestination();
        destination.setPage(target);
        destination.setTop((int) PAGE.getHeight());
        return destination;
    }

    private void bookmarks(List<Section> sections, List<PDPage> sectionPages) {
        PDDocumentOutline outline = new PDDocumentOutline();
        PDOutlineItem chapter = null;
        for (int s = 0; s < sections.size(); s++) {
            Section section = sections.get(s);
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(section.number() + " " + section.title());
            item.setDestination(destination(sectionPages.get(s)));
            if (section.level() == 1 || chapter == null) {
                outline.addLast(item);
                chapter = item;
            } else {
                chapter.addLast(item);
            }
        }
        outline.openNode();
        pdf.getDocumentCatalog().setDocumentOutline(outline);
    }

    private void footers(String title) throws IOException {
        int total = pdf.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream footer = new PDPageContentStream(pdf, pdf.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                out = footer;
                String number = "Page " + (i + 1) + " of " + total;
                text(title, sans, 8, MARGIN, MARGIN - 20, new Color(0x666666));
                text(number, sans, 8, MARGIN + WIDTH - width(number, sans, 8), MARGIN - 20, new Color(0x666666));
            }
        }
        out = null;
    }

    private void newPage() throws IOException {
        closePage();
        page = new PDPage(PAGE);
        pdf.addPage(page);
        out = new PDPageContentStream(pdf, page);
        y = TOP;
    }

    private void closePage() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void rule(Color color, float thickness) throws IOException {
        out.setStrokingColor(color);
        out.setLineWidth(thickness);
        out.moveTo(MARGIN, y);
        out.lineTo(MARGIN + WIDTH, y);
        out.stroke();
    }

    private void wrapped(String text, PDFont font, float size, float x, float width, Color color) throws IOException {
        for (String line : lines(text, font, size, width)) {
            ensure(LEADING);
            text(line, font, size, x, y - size, color);
            y -= size * 1.42f;
        }
    }

    private void text(String text, PDFont font, float size, float x, float baseline, Color color) throws IOException {
        out.beginText();
        out.setNonStrokingColor(color);
        out.newLineAtOffset(x, baseline);
        for (Run<PDFont> run : runs(visualOrder(shaped(text, font)), font)) {
            out.setFont(run.font(), size);
            out.showText(run.text());
        }
        out.endText();
    }

    private float width(String text, PDFont font, float size) throws IOException {
        float width = 0;
        for (Run<PDFont> run : runs(shaped(text, font), font)) {
            width += run.font().getStringWidth(run.text()) / 1000f * size;
        }
        return width;
    }

    /** The text in runs of a font that has their glyphs ({@link FontRuns}: {@code font}, else the CJK fallback). */
    private List<Run<PDFont>> runs(String text, PDFont font) throws IOException {
        CmapLookup own = cmap(font);
        CmapLookup fallbackGlyphs = cmap(fallback);
        return FontRuns.split(text, font, codePoint -> own.getGlyphId(codePoint) != 0, fallback,
                codePoint -> fallbackGlyphs.getGlyphId(codePoint) != 0);
    }

    private CmapLookup cmap(PDFont font) throws IOException {
        CmapLookup cmap = cmaps.get(font);
        if (cmap == null) {
            cmap = ((PDCIDFontType2) ((PDType0Font) font).getDescendantFont()).getTrueTypeFont()
                    .getUnicodeCmapLookup();
            cmaps.put(font, cmap);
        }
        return cmap;
    }

    /** Arabic in its joined forms, drawn with the glyphs {@code font} has for them (see {@link ArabicShaping}). */
    private String shaped(String text, PDFont font) throws IOException {
        if (!ArabicShaping.needsShaping(text)) {
            return text;
        }
        ArabicShaping shaping = shapings.get(font);
        if (shaping == null) {
            shaping = new ArabicShaping(ReportFonts.awtFont(fontFiles.get(font)), cmap(font));
            shapings.put(font, shaping);
        }
        return shaping.shape(text);
    }

    /**
     * Text in the order it is drawn, left to right: runs of a right-to-left script (Arabic, Hebrew) reversed, as the
     * Unicode bidirectional algorithm orders them. PDF text has no direction of its own. Every line is read in the
     * document's direction, left to right, as a browser reads the HTML's, so the two order a line alike: taken
     * from its first letter, a line starting in Hebrew was read right to left and its English words and numbers put
     * before it.
     */
    static String visualOrder(String text) {
        if (!Bidi.requiresBidi(text.toCharArray(), 0, text.length())) {
            return text;
        }
        Bidi bidi = new Bidi(text, Bidi.DIRECTION_LEFT_TO_RIGHT);
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        String[] pieces = new String[count];
        for (int r = 0; r < count; r++) {
            String piece = text.substring(bidi.getRunStart(r), bidi.getRunLimit(r));
            levels[r] = (byte) bidi.getRunLevel(r);
            pieces[r] = levels[r] % 2 == 1 ? new StringBuilder(piece).reverse().toString() : piece;
        }
        Bidi.reorderVisually(levels, 0, pieces, 0, count);
        return String.join("", pieces);
    }

    /**
     * Word-wraps to the width; a word wider than a line (a hash, a path) is broken between characters. An interval
     * ("[0.950, 0.965]", "[−$1,054, −$133]") wraps as one word: its bounds apart on two lines read as two numbers; so
     * does a value with its interval where a text gives several ({@link LineBreaks#words}).
     */
    private List<String> lines(String text, PDFont font, float size, float width) throws IOException {
        return lines(text, font, size, width, LineBreaks.Keep.VALUES_WITH_INTERVALS);
    }

    private List<String> lines(String text, PDFont font, float size, float width, LineBreaks.Keep keep)
            throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words(text, keep)) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, font, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            List<String> pieces = hardWrap(word, font, size, width);
            lines.addAll(pieces.subList(0, pieces.size() - 1));
            line.append(pieces.get(pieces.size() - 1));
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * The words a line may break between ({@link LineBreaks.Keep#words}), a verdict's or outcome's mark kept with the
     * word after it: in a Verdict column as narrow as its longest word, "▲ better" had left its ▲ alone on a line.
     */
    private static List<String> words(String text, LineBreaks.Keep keep) {
        List<String> words = new ArrayList<>(keep.words(text));
        for (int i = 0; i + 1 < words.size(); i++) {
            if (MARKS.contains(words.get(i))) {
                words.set(i, words.get(i) + " " + words.remove(i + 1));
            }
        }
        return words;
    }

    private List<String> hardWrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int end = 1; end <= text.length(); end++) {
            if (width(text.substring(start, end), font, size) > width && end - 1 > start) {
                pieces.add(text.substring(start, end - 1));
                start = end - 1;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }
}
