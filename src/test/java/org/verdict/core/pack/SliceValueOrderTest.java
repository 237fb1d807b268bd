package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdict.core.task.Progress;

class SliceValueOrderTest {
    @TempDir
    Path temp;

    /** A pack's slice column lists its values in this order, so every view of its slices does (s2 before s10). */
    @Test
    void aPacksSliceValuesAreListedNaturally() throws Exception {
        Path pack = PackFixture.write(temp.resolve("stores"), PackFixture.BINARY_MANIFEST,
                "example_id,label,region,score_7,score_8\nt1,fraud,s10,0.9,0.4\nt2,ok,s2,0.2,0.35\n"
                        + "t3,ok,s1,0.3,0.3\nt4,fraud,s0,0.8,0.7\n");
        EvaluationTable table = new PackLoader().load(pack, Progress.NONE).primary();
        assertEquals(List.of("s0", "s1", "s2", "s10"), table.column("region").orElseThrow().levels());
    }

    private static List<String> sorted(String... values) {
        return java.util.Arrays.stream(values).sorted(SliceValueOrder.INSTANCE).toList();
    }

    @Test
    void numbersWithinNamesSortByValue() {
        assertEquals(List.of("s0", "s1", "s2", "s10", "s11"), sorted("s10", "s2", "s0", "s11", "s1"));
        assertEquals(List.of("6-12", "13-24", "25-60", "61-120"), sorted("25-60", "13-24", "61-120", "6-12"));
        assertEquals(List.of("store_9_east", "store_10_east", "store_10_west"),
                sorted("store_10_west", "store_9_east", "store_10_east"));
        assertEquals(List.of("month-to-month", "one_year", "two_year"), sorted("two_year", "one_year", "month-to-month"),
                "names without numbers keep their text order");
        assertEquals(List.of("a", "a1", "b"), sorted("b", "a1", "a"));
        assertEquals(List.of("x99999999999999999999", "x100000000000000000000"),
                sorted("x100000000000000000000", "x99999999999999999999"), "numbers beyond a long");
    }

    @Test
    void differentValuesNeverCompareEqual() {
        assertNotEquals(0, SliceValueOrder.INSTANCE.compare("s01", "s1"));
        TreeSet<String> levels = new TreeSet<>(SliceValueOrder.INSTANCE);
        levels.addAll(List.of("s1", "s01", "s1"));
        assertEquals(List.of("s01", "s1"), List.copyOf(levels), "a sorted set keeps both, in text order");
    }
}
