package org.verdict.core.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated evaluation suite in the primary format: the examples and the columns they are sliced by.
 *
 * @param versions model versions, production first, in manifest order
 * @param scorePlaces decimal places of {@code score_V}, or 0 when the task has no scores
 */
record ExampleSet(List<String> slices, List<String> sensitive, List<String> versions, int scorePlaces,
                  List<Example> examples) {

    ExampleSet {
        slices = List.copyOf(slices);
        sensitive = List.copyOf(sensitive);
        versions = List.copyOf(versions);
        examples = List.copyOf(examples);
    }

    /** Slice columns then sensitive columns: the order of {@link Example#sliceValues()}. */
    List<String> columns() {
        List<String> columns = new ArrayList<>(slices);
        columns.addAll(sensitive);
        return columns;
    }

    List<String> header() {
        List<String> header = new ArrayList<>(List.of("example_id", "label"));
        header.addAll(columns());
        for (String version : versions) {
            header.add("pred_" + version);
            if (scorePlaces > 0) {
                header.add("score_" + version);
            }
        }
        return header;
    }

    List<String> record(Example example) {
        List<String> record = new ArrayList<>(List.of(example.id(), example.label()));
        record.addAll(example.sliceValues());
        for (int v = 0; v < versions.size(); v++) {
            record.add(example.predictions().get(v));
            if (scorePlaces > 0) {
                record.add(PackFileWriter.text(example.scores()[v], scorePlaces));
            }
        }
        return record;
    }
}
