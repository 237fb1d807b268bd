package org.verdict.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.verdict.core.pack.EvaluationTable;
import org.verdict.core.pack.Task;

class SuperpopulationTest {
    /** The two-class population is the binary one declared multiclass: same rows, classes and predictions, no scores. */
    @Test
    void twoClassDrawsTheBinaryRowsAsAMulticlassPack() {
        for (Superpopulation.Effect effect : Superpopulation.Effect.values()) {
            EvaluationTable binary = Superpopulation.BINARY.draw(effect, new int[] {40, 40}, new SplittableRandom(7));
            EvaluationTable twoClass = Superpopulation.TWO_CLASS.draw(effect, new int[] {40, 40},
                    new SplittableRandom(7));
            assertEquals(Task.MULTICLASS, twoClass.task());
            assertEquals(List.of("no", "yes"), twoClass.classes());
            assertArrayEquals(binary.labelCodes(), twoClass.labelCodes());
            assertArrayEquals(binary.sliceColumns().get("slice").codes(), twoClass.sliceColumns().get("slice").codes());
            for (int m = 0; m < 2; m++) {
                String version = Superpopulation.version(m);
                assertArrayEquals(binary.predictionsOf(version).classCodes(),
                        twoClass.predictionsOf(version).classCodes());
                assertFalse(twoClass.predictionsOf(version).hasScores(), "a multiclass pack has no scores");
            }
        }
    }
}
