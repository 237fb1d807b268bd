package org.verdict.core.pack;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The example ids of a table, in row order, stored as one run of characters with the end of each id. A million
 * ids are then two arrays instead of two million objects (a String and its bytes each), which the garbage collector
 * would otherwise trace again on every cycle while a comparison runs.
 */
public final class ExampleIds {
    /** The builder's arrays as they are, room to spare included: trimmed copies would be garbage of 24 bytes a row. */
    private final char[] characters;
    /** ends[row]: exclusive end of the row's id in {@code characters}; an id starts where the previous one ends. */
    private final int[] ends;
    private final int size;

    private ExampleIds(char[] characters, int[] ends, int size) {
        this.characters = characters;
        this.ends = ends;
        this.size = size;
    }

    public static ExampleIds of(String... ids) {
        Builder builder = new Builder(ids.length);
        for (String id : ids) {
            builder.add(id);
        }
        return builder.build();
    }

    public int size() {
        return size;
    }

    /** The id of a row (a new String each call). */
    public String get(int row) {
        int start = start(row);
        return new String(characters, start, ends[row] - start);
    }

    /** The number of characters of a row's id. */
    public int length(int row) {
        return ends[row] - start(row);
    }

    /** Copies a row's id to the start of {@code into} (at least {@link #length} long), without making a String. */
    public void copy(int row, char[] into) {
        int start = start(row);
        System.arraycopy(characters, start, into, 0, ends[row] - start);
    }

    /** A read-only view as a list of Strings. */
    public List<String> asList() {
        return new AbstractList<>() {
            @Override
            public String get(int row) {
                return ExampleIds.this.get(Objects.checkIndex(row, size));
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Equals {@code get(row).hashCode()} without making the String. */
    int hash(int row) {
        int hash = 0;
        for (int i = start(row); i < ends[row]; i++) {
            hash = 31 * hash + characters[i];
        }
        return hash;
    }

    /** A second, independent hash of the row's id (32-bit FNV-1a over its characters). */
    int fnvHash(int row) {
        int hash = 0x811C9DC5;
        for (int i = start(row); i < ends[row]; i++) {
            hash = (hash ^ characters[i]) * 0x01000193;
        }
        return hash;
    }

    private int start(int row) {
        return row == 0 ? 0 : ends[row - 1];
    }

    /** Collects ids one row at a time, growing its arrays as a list would. */
    public static final class Builder {
        private char[] characters;
        private int[] ends;
        private int length;
        private int count;

        public Builder(int expectedRows) {
            int rows = Math.max(16, expectedRows);
            this.characters = new char[rows * 8];
            this.ends = new int[rows];
        }

        public void add(String id) {
            add(id.toCharArray(), 0, id.length());
        }

        /** Adds the id {@code chars[offset, offset + length)}. */
        public void add(char[] chars, int offset, int length) {
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count + (count >> 1));
            }
            if (characters.length - this.length < length) {
                characters = Arrays.copyOf(characters, Math.max(this.length + length, this.length + (this.length >> 1)));
            }
            System.arraycopy(chars, offset, characters, this.length, length);
            this.length += length;
            ends[count++] = this.length;
        }

        /**
         * Makes room for about {@code rows} ids in all, each as long as those added so far on average, at once: a
         * million ids otherwise grow both arrays by half a dozen times, each growth a copy and garbage to collect.
         */
        public void expect(int rows) {
            if (rows > ends.length) {
                ends = Arrays.copyOf(ends, rows);
            }
            long expectedLength = count == 0 ? 0 : (long) length * rows / count;
            if (expectedLength > characters.length) {
                characters = Arrays.copyOf(characters, (int) Math.min(expectedLength, Integer.MAX_VALUE - 16));
            }
        }

        /** The ids added so far; the builder is not to be used after. */
        public ExampleIds build() {
            return new ExampleIds(characters, ends, count);
        }
    }
}
