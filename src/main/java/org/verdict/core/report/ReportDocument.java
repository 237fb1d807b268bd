package org.verdict.core.report;

import java.util.List;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.Tone;

/**
 * The approval pack laid out as numbered sections of simple blocks. The HTML and PDF writers render this one
 * document, so both show the same content in the same order.
 */
record ReportDocument(String title, String subtitle, List<Section> sections) {
    ReportDocument {
        sections = List.copyOf(sections);
    }

    /**
     * @param anchor stable id for links and bookmarks, e.g. {@code gate-3}
     * @param number e.g. {@code 3.2}
     * @param level 1 for a chapter, 2 for a gate inside "Gates"
     */
    record Section(String anchor, String number, String title, int level, List<Block> blocks) {
        Section {
            blocks = List.copyOf(blocks);
        }
    }

    sealed interface Block {
    }

    record Paragraph(String text, Tone tone) implements Block {
        static Paragraph plain(String text) {
            return new Paragraph(text, Tone.PLAIN);
        }
    }

    /** Label–value pairs, e.g. the model's facts. */
    record Facts(List<Fact> facts) implements Block {
        Facts {
            facts = List.copyOf(facts);
        }
    }

    /**
     * @param items lines listed under the value, one a line, each after {@code mark} (e.g. "▼"); none for a plain fact
     */
    record Fact(String label, String value, String mark, List<String> items) {
        Fact {
            items = List.copyOf(items);
        }

        Fact(String label, String value) {
            this(label, value, "", List.of());
        }

        /** A heading and a list under it, one item a line, each after {@code mark}. */
        static Fact listed(String label, String heading, String mark, List<String> items) {
            return new Fact(label, heading, mark, items);
        }
    }

    record Table(EvidenceTable table) implements Block {
    }

    /** @param id unique in the document; also prefixes the SVG's internal ids */
    record Chart(String id, EvidenceChart chart) implements Block {
    }

    /**
     * Text to copy exactly: commands, hash lists, a checkpoint.
     *
     * @param commands shell commands, which a page too narrow for a line may break at a space with a line
     *                 continuation; other text (JSON, checksum lines) has no such mark
     */
    record Code(List<String> lines, boolean commands) implements Block {
        Code {
            lines = List.copyOf(lines);
        }

        static Code commands(List<String> lines) {
            return new Code(lines, true);
        }

        static Code text(List<String> lines) {
            return new Code(lines, false);
        }
    }
}
