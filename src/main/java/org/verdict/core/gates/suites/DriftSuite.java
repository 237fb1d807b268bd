package org.verdict.core.gates.suites;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference and a current sample of the model's inputs and predictions.
 *
 * @param numeric per numeric feature: [reference values, current values]
 * @param categorical per categorical feature (and the prediction when it is not numeric): [reference, current]
 */
public record DriftSuite(Map<String, Samples<double[]>> numeric, Map<String, Samples<List<String>>> categorical) {
    public static final String PREDICTION = "prediction";

    public DriftSuite {
        // Copies keep the file's order (Map.copyOf would not), so reports come out the same on every run.
        numeric = Collections.unmodifiableMap(new LinkedHashMap<>(numeric));
        categorical = Collections.unmodifiableMap(new LinkedHashMap<>(categorical));
    }

    /** One feature's reference and current sample. */
    public record Samples<T>(T reference, T current) {
    }
}
