package org.verdict.ui.suites;

import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * What one evidence view shows for a suite: a summary sentence, or plainly what is missing; its tables; and an
 * optional chart (built off the FX thread).
 *
 * @param id the page id gates link to ({@code Gate.evidenceView()})
 * @param missing why there is nothing to show (e.g. "The pack has no safety suite."), else null
 * @param chart null when the page has no chart
 */
public record EvidencePage(String id, String title, String summary, String missing, List<EvidenceTable> tables,
                           JFreeChart chart) {
    public EvidencePage {
        tables = List.copyOf(tables);
    }

    static EvidencePage missing(String id, String title, String why) {
        return new EvidencePage(id, title, "", why, List.of(), null);
    }

    public boolean isPresent() {
        return missing == null;
    }
}
