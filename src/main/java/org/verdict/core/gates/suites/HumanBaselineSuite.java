package org.verdict.core.gates.suites;

import java.util.Collections;
import java.util.LinkedHashMap;
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
        // Copies keep the file's order (Map.copyOf would not), so reports come out the same on every run.
        predictions = Collections.unmodifiableMap(new LinkedHashMap<>(predictions));
    }

    public int size() {
        return exampleIds.size();
    }
}
