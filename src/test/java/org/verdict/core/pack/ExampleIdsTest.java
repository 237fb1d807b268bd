package org.verdict.core.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleIdsTest {
    /** Every id comes back as it went in, across the builder's growth steps, with non-Latin characters too. */
    @Test
    void keepsEveryIdInRowOrder() {
        List<String> written = new ArrayList<>();
        ExampleIds.Builder builder = new ExampleIds.Builder(1);
        for (int row = 0; row < 5_000; row++) {
            String id = switch (row % 4) {
                case 0 -> "t-" + row;
                case 1 -> "チケット-" + row;
                case 2 -> "a-much-longer-example-identifier-than-the-builder-expects-" + row;
                default -> "x";
            };
            written.add(id);
            builder.add(id);
        }
        ExampleIds ids = builder.build();
        assertEquals(written.size(), ids.size());
        assertEquals(written, ids.asList());
        assertEquals("チケット-1", ids.get(1));
    }

    /** Room made ahead (too little, then too much) keeps every id, and later ids longer than the average still fit. */
    @Test
    void keepsEveryIdWhenRoomIsMadeAhead() {
        List<String> written = new ArrayList<>();
        ExampleIds.Builder builder = new ExampleIds.Builder(1);
        builder.expect(1_000);
        for (int row = 0; row < 3_000; row++) {
            if (row == 10) {
                builder.expect(200);
            }
            String id = row < 100 ? "s" + row : "a-longer-identifier-" + row;
            written.add(id);
            builder.add(id);
        }
        ExampleIds ids = builder.build();
        assertEquals(written, ids.asList());
    }

    /**
     * Ids of one byte a character (Latin-1, up to 'ÿ') and, once an id needs more, of two: every id, its length and its
     * characters come back the same before and after the switch.
     */
    @Test
    void keepsLatinAndWiderIdsAlikeAcrossTheSwitchToTwoBytes() {
        List<String> written = List.of("ex-1", "café-ÿ", "", "Ω-2", "ex-3", "\uD83D\uDE00-4", "naïve");
        for (int widenAt = 0; widenAt <= written.size(); widenAt++) {
            ExampleIds.Builder builder = new ExampleIds.Builder(1);
            List<String> ids = new ArrayList<>(written.subList(0, widenAt).stream()
                    .filter(id -> id.chars().allMatch(c -> c < 256)).toList());
            ids.addAll(written.subList(widenAt, written.size()));
            ids.forEach(builder::add);
            ExampleIds built = builder.build();
            assertEquals(ids, built.asList());
            for (int row = 0; row < ids.size(); row++) {
                char[] copied = new char[built.length(row)];
                built.copy(row, copied);
                assertEquals(ids.get(row), new String(copied));
            }
        }
    }

    @Test
    void listViewIsReadOnly() {
        List<String> view = ExampleIds.of("a").asList();
        assertThrows(UnsupportedOperationException.class, () -> view.set(0, "b"));
    }

    /** Two parts' ids joined come back in order, whichever of them is one byte wide, by every accessor. */
    @Test
    void joinsTwoPartsIdsWhateverTheirWidth() {
        List<List<String>> parts = List.of(List.of("ex-1", "café", ""), List.of("Ω-2", "ex-3"), List.of("naïve", "x"),
                List.of());
        for (List<String> first : parts) {
            for (List<String> rest : parts) {
                ExampleIds joined = ExampleIds.joined(ExampleIds.of(first.toArray(String[]::new)),
                        ExampleIds.of(rest.toArray(String[]::new)));
                List<String> all = new ArrayList<>(first);
                all.addAll(rest);
                assertEquals(all, joined.asList());
                for (int row = 0; row < all.size(); row++) {
                    char[] copied = new char[joined.length(row)];
                    joined.copy(row, copied);
                    assertEquals(all.get(row), new String(copied));
                }
            }
        }
    }
}
