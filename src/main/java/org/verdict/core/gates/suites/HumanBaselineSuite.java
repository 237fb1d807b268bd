package org.verdict.core.gates.suites;

import java.util.List;
import java.util.Map;

/**
 * Examples labelled by a human reviewer as well as by every model, against the true label.
 *
 * @param predictions per model version, one predicted label per row
 */
public record HumanBaselineSuite(List<String> exampleIds, List<String> labels, List<String> human,
                                 Map<String, List<String>> predictions) {
    public HumanBaselineSuite {
        exampleIds = List.copyOf(exampleIds);
        labels = List.copyOf(labels);
        human = List.copyOf(human);
        predictions = Map.copyOf(predictions);
    }

    public int size() {
        return exampleIds.size();
    }
}
