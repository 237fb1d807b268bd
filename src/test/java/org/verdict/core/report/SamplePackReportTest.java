package org.verdict.core.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.compare.ComparisonEngine;
import org.verdict.core.gates.CandidateReview;
import org.verdict.core.gates.GateReview;
import org.verdict.core.gates.policy.PolicyReader;
import org.verdict.core.gates.suites.SuiteReader;
import org.verdict.core.pack.PackLoader;
import org.verdict.core.pack.ReviewPack;
import org.verdict.core.task.Progress;

/** The approval pack of the bundled support-router sample, with every suite, end to end. */
class SamplePackReportTest {
    private static final Path SAMPLE = Path.of("sample-data", "support-router");

    @TempDir
    Path out;

    @Test
    void samplePackReportCarriesEveryGateTheStoryAndEveryFilesHash() throws Exception {
        PackLoader loader = new PackLoader();
        List<Path> written = new ApprovalPackExport(loader,
                new GateReview(new ComparisonEngine(), loader, new SuiteReader(), new PolicyReader()),
                new ApprovalPackWriter()).export(SAMPLE, null, null, null, out, Progress.NONE);

        String html = Files.readString(written.get(0), StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String path = SAMPLE.relativize(file).toString().replace('\\', '/');
                String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(file)));
                assertTrue(html.contains("<td>" + path + "</td><td>" + sha256 + "</td>"), "hash of " + path);
            }
        }
        assertTrue(html.contains("<dt>Policy policy.json</dt>"), "the policy's hash is printed on its own too");
        // the pack hash validate, the status bar and a signed record name, where an auditor looks first
        String packHash = loader.load(SAMPLE, Progress.NONE).packHash();
        String header = html.substring(html.indexOf("<header>"), html.indexOf("</header>"));
        assertTrue(header.contains("pack hash " + packHash), header);
        assertTrue(html.contains("<dt>Pack hash</dt><dd>" + packHash + "</dd>"), "summary");
        assertTrue(html.contains(ApprovalPackComposer.PACK_HASH_RULE), "how it is formed");
        // the sample's story: better overall, clearly worse in Japanese and in the enterprise segment
        assertTrue(html.contains("<td>Language parity</td><td class=\"fail\">✘ fail</td>"));
        assertTrue(html.contains("<td>language=ja</td>"));
        assertTrue(html.contains("Disparities over gender: each model's value with its 95% bootstrap intervals of "
                + "a largest gap, simultaneous over the group pairs that may be largest, reaching parity unless a "
                + "chi-square test of equal rates rejects it; the worsening with its 95% "
                + "paired bootstrap percentile interval"), "the fairness table names its intervals");
        assertTrue(html.contains("<th>Code version</th><th>Trained at</th></tr>"),
                "a multiclass model's lineage has no decision threshold column");
        assertTrue(html.contains("<td>segment=enterprise</td>"));
        for (String evidence : List.of("Safety", "Fairness", "Latency", "Canary / A-B", "Circuit breaker",
                "Held-out evaluation set", "Holdout group over time", "Human baseline")) {
            assertTrue(html.contains(evidence + "</h3>"), evidence);
        }
        assertFalse(html.toLowerCase(Locale.ROOT).contains("http"));

        try (PDDocument pdf = Loader.loadPDF(written.get(1).toFile())) {
            int pages = pdf.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pages);
            stripper.setEndPage(pages);
            String last = stripper.getText(pdf);
            assertTrue(last.contains(ApprovalPackComposer.VERIFY), "the verification chapter ends the document");
            assertTrue(last.contains("Page " + pages + " of " + pages));
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertTrue(stripper.getText(pdf).replaceAll("\\s+", "").contains("packhash" + packHash),
                    "the PDF's first page names the pack hash");
        }
    }

    @Test
    void aReviewAlreadyJudgedExportsTheSameDocumentWithoutJudgingAgain() throws Exception {
        PackLoader loader = new PackLoader();
        GateReview gates = new GateReview(new ComparisonEngine(), loader, new SuiteReader(), new PolicyReader());
        ReviewPack pack = loader.load(SAMPLE, Progress.NONE);
        List<Path> judgedHere = new ApprovalPackExport(loader, gates, new ApprovalPackWriter())
                .export(pack, null, null, null, out.resolve("judged-here"), Progress.NONE);
        CandidateReview review = gates.reviewUnderItsPolicy(pack, null, Progress.NONE);
        // no GateReview at all: the export cannot judge the gates again, it must use the review it is given
        List<Path> reused = new ApprovalPackExport(loader, null, new ApprovalPackWriter())
                .exportReviewed(pack, review, null, null, out.resolve("reused"), Progress.NONE);
        assertArrayEquals(Files.readAllBytes(judgedHere.get(0)), Files.readAllBytes(reused.get(0)));
    }
}
