package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.gates.WorseFindings;
import org.verdict.core.task.CancelledException;
import org.verdict.core.task.CancelledProgress;
import org.verdict.core.task.Progress;

class ApprovalPackWriterTest {
    private static final Map<String, String> HASHES = Map.of(
            "manifest.json", "1111111111111111111111111111111111111111111111111111111111111111",
            "primary.csv", "2222222222222222222222222222222222222222222222222222222222222222");

    private final ApprovalPackWriter writer = new ApprovalPackWriter();

    @Test
    void htmlShowsEveryGateWithItsVerdictMarkAndWord() {
        String html = writer.html(ApprovalPackFixture.content(HASHES));
        for (String gate : ApprovalPackFixture.GATE_NAMES) {
            assertTrue(html.contains(gate + "</h3>"), "section heading of gate " + gate);
        }
        assertTrue(html.contains("<td class=\"fail\">✘ fail</td>"), "failing gate marked with ✘ and the word");
        assertTrue(html.contains("<td class=\"insufficient\">? insufficient evidence</td>"));
        assertTrue(html.contains("<td class=\"worse\">▼ worse</td>"));
        // every gate and check counted in one line, as the app's Gates view counts them, the checks' own count after
        assertTrue(html.contains("✘ Not every gate passes: 8 pass, 1 fail, 2 insufficient evidence, of 11 gates: the 9 "
                + "below and 2 data-validation checks (section Retraining triggers and data validation: 1 pass, 1 "
                + "insufficient evidence)."), html);
        assertTrue(html.contains("<dt>Not in this pack</dt><dd>canary, annotations</dd>"));
        // beside the approval, what no gate judges, said even when nothing else is worse, in gate's words
        String none = writer.html(ApprovalPackFixture.content(HASHES).withWorse(new WorseFindings(
                List.of(), "None of the 2 tested slices is significantly worse on macro_f1.", List.of(),
                "Nothing else is significantly worse overall: no other metric.", "", List.of())));
        assertTrue(none.contains("<dt>Worse slices</dt><dd>None of the 2 tested slices is significantly worse on "
                + "macro_f1.</dd>"), none);
        assertTrue(none.contains("<dt>Also worse overall</dt><dd>Nothing else is significantly worse overall: no other "
                + "metric.</dd>"), none);
        String warned = writer.html(ApprovalPackFixture.content(HASHES).withWorse(new WorseFindings(
                List.of("language=ja: Δ −0.104 [−0.131, −0.076] (n=2,883, adjusted p <0.001)"),
                "Slices significantly worse on macro_f1 (1 of the 2 tested), the largest loss first:", List.of(
                "recall of fraud_report worse: Δ −0.232 [−0.383, −0.068] (99% Holm-adjusted interval over 5 classes; "
                        + "n=125, adjusted p 0.002)"), "", "", List.of())));
        assertTrue(warned.contains("<dt>Worse slices</dt><dd>Slices significantly worse on macro_f1 (1 of the 2 "
                + "tested), the largest loss first:<ul class=\"findings\"><li>▼ language=ja: Δ −0.104 <span class=\"ci\">"
                + "[−0.131, −0.076]</span> (n=2,883, adjusted p &lt;0.001)</li></ul></dd>"), warned);
        assertTrue(warned.contains("<dt>Also worse overall</dt><dd><ul class=\"findings\"><li>▼ recall of "
                + "fraud_report worse: Δ −0.232 <span class=\"ci\">[−0.383, −0.068]</span> (99% Holm-adjusted interval over 5 classes; n=125, "
                + "adjusted p 0.002)</li></ul></dd>"), warned);
        // what only the held-out set shows worse, which no gate reads, stands beside the approval as its own finding
        String heldOut = writer.html(ApprovalPackFixture.content(HASHES).withWorse(new WorseFindings(List.of(),
                "None of the 2 tested slices is significantly worse on macro_f1.", List.of(),
                "Nothing else is significantly worse overall: no other metric.", "", List.of("held-out set, "
                + "device=kiosk: Δ −0.253 [−0.388, −0.117] at 98.75% (n=119, adjusted p <0.001)"))));
        assertTrue(heldOut.contains("<dt>Worse on the held-out set</dt><dd>Significantly worse on the held-out set (1),"
                + " which no gate judges: read it before approving.<ul class=\"findings\"><li>▼ held-out set, "
                + "device=kiosk: Δ −0.253 <span class=\"ci\">[−0.388, −0.117]</span> at 98.75% (n=119, adjusted p "
                + "&lt;0.001)</li></ul></dd>"), heldOut);
        assertFalse(none.contains("held-out set"), "said only when the held-out set shows a loss");
        // a dozen worse slices are a dozen lines, none run together with the next
        List<String> twelve = java.util.stream.IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "region=r" + i + ": Δ −0.1" + i + " [−0.2, −0.05] at 99% (n=500, adjusted p <0.001)")
                .toList();
        String many = writer.html(ApprovalPackFixture.content(HASHES).withWorse(new WorseFindings(twelve,
                "Slices significantly worse on macro_f1 (12 of the 12 tested), the largest loss first:", List.of(),
                "Nothing else is significantly worse overall: no other metric.", "", List.of())));
        assertEquals(12, count(many, "<li>▼ region=r"), many);
        assertFalse(many.contains("adjusted p &lt;0.001);"), "no finding is joined to the next by ';'");
        assertEquals(7, count(html, "<svg "), "one inline SVG per chart of the fixture (2 forests, 4 paired, 1 over time)");
    }

    @Test
    void withoutADecisionLogTheDecisionSectionSaysOneTrueThing() {
        String html = writer.html(ApprovalPackFixture.content(HASHES).withDecisions(List.of(), null));
        assertTrue(html.contains("No decision log was given, so no recorded decision or log checkpoint is shown."),
                html);
        assertFalse(html.contains("decision log given"), "no sentence may speak of a log that was not given");
        String withLog = writer.html(ApprovalPackFixture.content(HASHES));
        assertFalse(withLog.contains("No decision log was given"), withLog);
    }

    @Test
    void htmlIsSelfContained() {
        String html = writer.html(ApprovalPackFixture.content(HASHES));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("http"), "no web address, not even an XML namespace");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "no external stylesheet");
        assertFalse(html.contains("<img"), "no external image");
        assertFalse(Pattern.compile("url\\((?!#)").matcher(html).find(), "CSS and SVG only refer inside the file");
    }

    @Test
    void htmlFollowsTheBoardsReadingOrder() {
        String html = writer.html(ApprovalPackFixture.content(HASHES));
        List<String> order = List.of(ApprovalPackComposer.SUMMARY, ApprovalPackComposer.LINEAGE,
                ApprovalPackComposer.GATES, "Primary metric", "Human baseline", ApprovalPackComposer.TRIGGERS,
                ApprovalPackComposer.DECISIONS, ApprovalPackComposer.HASHES, ApprovalPackComposer.VERIFY);
        int main = html.indexOf("<main>");
        int previous = main;
        for (String title : order) {
            int at = html.indexOf(title + "</h", main);
            assertTrue(at > previous, title + " comes after the section before it");
            previous = at;
        }
    }

    @Test
    void sameContentGivesByteIdenticalHtmlWhateverTheMachineLocaleAndZone() {
        byte[] first = writer.html(ApprovalPackFixture.content(HASHES)).getBytes(StandardCharsets.UTF_8);
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            byte[] second = new ApprovalPackWriter().html(ApprovalPackFixture.content(HASHES))
                    .getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(first, second);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void pdfHasContentsWithTheRightPageNumbersAndNumberedPages() throws IOException {
        byte[] pdf = writer.pdf(ApprovalPackFixture.content(HASHES));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            List<String> pageTexts = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pageTexts.add(stripper.getText(document));
            }
            assertTrue(pageTexts.get(0).contains("Contents"));
            for (int p = 1; p <= pages; p++) {
                assertTrue(pageTexts.get(p - 1).contains("Page " + p + " of " + pages), "footer of page " + p);
            }
            for (String title : List.of(ApprovalPackComposer.SUMMARY, ApprovalPackComposer.GATES, "Latency",
                    ApprovalPackComposer.DECISIONS, ApprovalPackComposer.VERIFY)) {
                Matcher entry = Pattern.compile("\\d+(\\.\\d+)?  " + Pattern.quote(title) + "[ .]*(\\d+)")
                        .matcher(pageTexts.get(0));
                assertTrue(entry.find(), "contents entry for " + title);
                int page = Integer.parseInt(entry.group(2));
                assertTrue(pageTexts.get(page - 1).contains(title), title + " is on page " + page);
            }
        }
    }

    @Test
    void pdfPrintsTheMarksAndChartTextAsText() throws IOException {
        try (PDDocument document = Loader.loadPDF(writer.pdf(ApprovalPackFixture.content(HASHES)))) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("✘ fail"));
            assertTrue(text.contains("▼ worse"));
            assertTrue(text.contains("segment=enterprise"), "chart labels are real text, not outlines");
            assertTrue(text.contains(HASHES.get("primary.csv")));
        }
    }

    /**
     * Every text of the PDF, the verdicts' coloured words included, reads at WCAG AA's 4.5:1 or more on the white page;
     * the HTML's coloured words (on white, the tables' striped rows and header) too, each in the PDF's colour for it.
     */
    @Test
    void everyTextReadsAtFourAndAHalfToOneAndTheHtmlColoursItsWordsAsThePdfDoes() throws IOException {
        ApprovalPackContent content = ApprovalPackFixture.content(HASHES);
        Map<String, StringBuilder> textByColour = new TreeMap<>();
        try (PDDocument document = Loader.loadPDF(writer.pdf(content))) {
            PDFTextStripper colours = new PDFTextStripper() {
                {
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor(this));
                    addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor(this));
                }

                @Override
                protected void processTextPosition(TextPosition text) {
                    try {
                        String colour = String.format(Locale.ROOT, "#%06X",
                                getGraphicsState().getNonStrokingColor().toRGB() & 0xFFFFFF);
                        textByColour.computeIfAbsent(colour, c -> new StringBuilder()).append(text.getUnicode());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    super.processTextPosition(text);
                }
            };
            colours.getText(document);
        }
        textByColour.forEach((colour, text) -> assertTrue(contrast(colour, "#FFFFFF") >= 4.5,
                colour + " reads at " + contrast(colour, "#FFFFFF") + ":1, under 4.5:1: " + text));

        String html = writer.html(content);
        Map<String, String> pdfColourOf = Map.of("pass", "✔ pass", "fail", "✘ fail", "insufficient",
                "? insufficient", "worse", "▼ worse");
        for (Map.Entry<String, String> word : pdfColourOf.entrySet()) {
            Matcher rule = Pattern.compile("\\." + word.getKey() + "\\b[^{]*\\{ color: (#[0-9A-F]{6})").matcher(html);
            assertTrue(rule.find(), "a colour for ." + word.getKey());
            String colour = rule.group(1);
            for (String background : List.of("#FFFFFF", "#FAFAFA", "#F0F0F0")) {
                assertTrue(contrast(colour, background) >= 4.5, "." + word.getKey() + " " + colour + " on "
                        + background + ": " + contrast(colour, background) + ":1");
            }
            assertTrue(textByColour.containsKey(colour) && textByColour.get(colour).toString()
                    .replaceAll("\\s", "").contains(word.getValue().replaceAll("\\s", "")),
                    "the PDF prints " + word.getValue() + " in the HTML's colour " + colour + ": " + textByColour);
        }
        Matcher neutral = Pattern.compile("\\.no-difference \\{ color: (#[0-9A-F]{6})").matcher(html);
        assertTrue(neutral.find());
        assertTrue(contrast(neutral.group(1), "#FAFAFA") >= 4.5, neutral.group(1));
    }

    /** WCAG 2's contrast ratio of two sRGB colours written #RRGGBB. */
    private static double contrast(String colour, String background) {
        double a = luminance(colour);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double[] weights = {0.2126, 0.7152, 0.0722};
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double channel = ((rgb >> (16 - 8 * i)) & 0xFF) / 255.0;
            sum += weights[i] * (channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4));
        }
        return sum;
    }

    /** Text copied out of the PDF must be the characters printed: a hash with "ff" once came out as U+FB00. */
    @Test
    void pdfTextHasNoLigaturesAndEveryEvidenceHashCopiesVerbatim() throws IOException {
        ApprovalPackContent content = ApprovalPackFixture.content(Map.of("manifest.json", "00ff".repeat(16),
                "primary.csv", "ff1f".repeat(16)));
        StringBuilder glyphs = new StringBuilder();
        String text;
        try (PDDocument document = Loader.loadPDF(writer.pdf(content))) {
            // each glyph's own Unicode, as pdftotext and a viewer copy it: getText alone folds ligatures back (NFKC)
            text = new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<TextPosition> positions) throws IOException {
                    positions.forEach(position -> glyphs.append(position.getUnicode()));
                    super.writeString(string, positions);
                }
            }.getText(document);
        }
        assertFalse(glyphs.codePoints().anyMatch(c -> c >= 0xFB00 && c <= 0xFB06), "no ligature (ﬀ ﬁ ﬂ …) drawn");
        assertTrue(text.contains("fingerprint"), "the column header keeps its letters");
        for (String hash : content.evidenceHashes().values()) {
            assertTrue(text.contains(hash), hash);
        }
    }

    /**
     * An auditor copies a hash out of the PDF to compare it: every SHA-256 the HTML shows (the evidence files, the
     * policy, the signed payload, a key fingerprint, the Merkle root) comes out of the PDF's text whole, as often as
     * the HTML shows it, and every line of the checkpoint and of its note as one line. Broken over two lines, a copy
     * would hold a line break (or a hyphen) inside the hash.
     */
    @Test
    void everyHashAndEveryCheckpointLineCopiesOutOfThePdfWhole() throws IOException {
        ApprovalPackContent content = ApprovalPackFixture.content(Map.of("manifest.json", "0f".repeat(32),
                "suites/a-rather-long-folder-name/holdout_group_over_time.csv", "ab".repeat(32)));
        String html = writer.html(content).replaceAll("(?s)<svg.*?</svg>", "").replaceAll("<[^>]+>", " ");
        String text;
        try (PDDocument document = Loader.loadPDF(writer.pdf(content))) {
            text = new PDFTextStripper().getText(document);
        }
        Map<String, Integer> digests = new TreeMap<>();
        Matcher digest = Pattern.compile("(?<![0-9a-f])[0-9a-f]{32,}(?![0-9a-f])").matcher(html);
        while (digest.find()) {
            digests.merge(digest.group(), 1, Integer::sum);
        }
        assertTrue(digests.keySet().containsAll(List.of("0f".repeat(32), content.checkpoint().rootHash(),
                content.decisions().get(0).payloadSha256(), content.decisions().get(0).signatures().get(0)
                        .keyFingerprint(), content.policy().sha256())), digests.toString());
        for (Map.Entry<String, Integer> shown : digests.entrySet()) {
            assertEquals(shown.getValue(), count(text, shown.getKey()), shown.getKey() + " whole in:\n" + text);
        }
        List<String> lines = text.lines().map(String::strip).toList();
        for (String line : (content.checkpoint().text() + "\n" + content.checkpoint().note()).lines().toList()) {
            assertTrue(lines.contains(line.strip()), "one line: " + line);
        }
    }

    @Test
    void pdfChartsAreVectorFormsNotImages() throws IOException {
        try (PDDocument document = Loader.loadPDF(writer.pdf(ApprovalPackFixture.content(HASHES)))) {
            int forms = 0;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    PDXObject object = page.getResources().getXObject(name);
                    assertFalse(object instanceof PDImageXObject, "a chart was drawn as a bitmap");
                    forms += object instanceof PDFormXObject ? 1 : 0;
                }
            }
            assertEquals(7, forms, "one vector form per chart of the fixture");
        }
    }

    @Test
    void writesBothFilesAndNothingWhenCancelled(@TempDir Path folder) throws IOException {
        List<Path> written = writer.write(ApprovalPackFixture.content(HASHES), folder.resolve("out"), Progress.NONE);
        assertEquals(List.of(folder.resolve("out/approval-pack.html"), folder.resolve("out/approval-pack.pdf")),
                written);
        assertTrue(Files.size(written.get(1)) > 1000);

        Path cancelledOut = folder.resolve("cancelled");
        Progress cancelled = new CancelledProgress();
        assertThrows(CancelledException.class,
                () -> writer.write(ApprovalPackFixture.content(HASHES), cancelledOut, cancelled));
        assertFalse(Files.exists(cancelledOut));
    }

    @Test
    void aFailureWhileWritingLeavesNoFileOfThePackAndNoTemporaryFolder(@TempDir Path folder) throws IOException {
        // the failure strikes once the first file is on disk, as a full disk would
        Path fresh = folder.resolve("fresh");
        assertThrows(CancelledException.class,
                () -> writer.write(ApprovalPackFixture.content(HASHES), fresh, failingAfterFirstFileWritten()));
        assertFalse(Files.exists(fresh), "no half pack (a SHA256SUMS naming files that are not there)");

        Path earlier = folder.resolve("earlier");
        writer.write(ApprovalPackFixture.content(HASHES), earlier, Progress.NONE);
        Files.writeString(earlier.resolve("notes.txt"), "the board's own notes");
        Map<String, byte[]> before = new TreeMap<>();
        try (Stream<Path> files = Files.list(earlier)) {
            for (Path file : files.toList()) {
                before.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        assertThrows(CancelledException.class, () -> writer.write(ApprovalPackFixture.content(HASHES), earlier,
                failingAfterFirstFileWritten()));
        try (Stream<Path> files = Files.list(earlier)) {
            List<Path> after = files.sorted().toList();
            assertEquals(before.keySet().stream().toList(), after.stream().map(f -> f.getFileName().toString()).toList());
            for (Path file : after) {
                assertArrayEquals(before.get(file.getFileName().toString()), Files.readAllBytes(file), file.toString());
            }
        }
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("earlier"), left.map(f -> f.getFileName().toString()).toList(),
                    "the temporary folder is deleted");
        }
    }

    /** Lets the first file be written, then fails. */
    private static Progress failingAfterFirstFileWritten() {
        return new Progress() {
            private boolean writing;
            private int checks;

            @Override
            public void update(double fraction, String message) {
                writing |= message.startsWith("Writing");
            }

            @Override
            public boolean isCancelled() {
                return writing && ++checks > 1;
            }
        };
    }

    private static int count(String text, String part) {
        int found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            found++;
        }
        return found;
    }
}
