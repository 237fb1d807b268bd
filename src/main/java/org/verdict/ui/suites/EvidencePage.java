package org.verdict.ui.suites;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.verdict.core.gates.model.EvidencePageId;

/**
 * What one evidence view shows for a suite: a summary sentence, or plainly what is missing; its charts (built off
 * the FX thread; several are small multiples, e.g. one per safety category) and its tables.
 *
 * @param id the page gates link to ({@code Gate.evidencePage()})
 * @param missing why there is nothing to show (e.g. "The pack has no safety suite."), else null
 * @param charts empty when the page has no chart
 */
public record EvidencePage(EvidencePageId id, String title, String summary, String missing, List<EvidenceTable> tables,
                           List<JFreeChart> charts) {
    public EvidencePage {
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
    }

    static EvidencePage missing(EvidencePageId id, String title, String why) {
        return new EvidencePage(id, title, "", why, List.of(), List.of());
    }

    public boolean isPresent() {
        return missing == null;
    }
}
