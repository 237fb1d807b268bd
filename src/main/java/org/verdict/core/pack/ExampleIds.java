package org.verdict.core.pack;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The example ids of a table, in row order, stored as one run of characters with the end of each id. A million
 * ids are then two arrays instead of two million objects (a String and its bytes each), which the garbage collector
 * would otherwise trace again on every cycle while a comparison runs. As in a String, the characters take one byte
 * each while all of them are Latin-1 (ids are nearly always ASCII: 100 MB instead of 200 MB for ten million), and two
 * bytes each once one is not.
 */
public final class ExampleIds {
    /**
     * The characters: one byte each, or two (high byte first) when {@link #wide}. The builder's arrays as they are,
     * room to spare included: trimmed copies would be as much garbage again.
     */
    private final byte[] text;
    private final boolean wide;
    /** ends[row]: exclusive end of the row's id, in characters; an id starts where the previous one ends. */
    private final int[] ends;
    /** The rows of {@link #text}. */
    private final int own;
    /** The ids after these rows (a table read in two parts), or null. */
    private final ExampleIds rest;
    private final int size;

    private ExampleIds(byte[] text, boolean wide, int[] ends, int own, ExampleIds rest) {
        this.text = text;
        this.wide = wide;
        this.ends = ends;
        this.own = own;
        this.rest = rest;
        this.size = own + (rest == null ? 0 : rest.size);
    }

    /**
     * The ids of a table read in two parts: {@code first}'s rows, then {@code rest}'s, neither copied (at ten million
     * rows a copy would be some 140 MB more while both parts are still held).
     */
    static ExampleIds joined(ExampleIds first, ExampleIds rest) {
        if (first.rest != null) {
            throw new IllegalArgumentException("the first part is joined already");
        }
        return new ExampleIds(first.text, first.wide, first.ends, first.own, rest);
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
        if (row >= own) {
            return rest.get(row - own);
        }
        int start = start(row);
        if (!wide) {
            return new String(text, start, ends[row] - start, StandardCharsets.ISO_8859_1);
        }
        char[] id = new char[ends[row] - start];
        copy(row, id);
        return new String(id);
    }

    /** The number of characters of a row's id. */
    public int length(int row) {
        if (row >= own) {
            return rest.length(row - own);
        }
        return ends[row] - start(row);
    }

    /** Copies a row's id to the start of {@code into} (at least {@link #length} long), without making a String. */
    public void copy(int row, char[] into) {
        if (row >= own) {
            rest.copy(row - own, into);
            return;
        }
        int start = start(row);
        for (int i = start; i < ends[row]; i++) {
            into[i - start] = charAt(i);
        }
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

    private int start(int row) {
        return row == 0 ? 0 : ends[row - 1];
    }

    private char charAt(int i) {
        return wide ? (char) ((text[2 * i] & 0xFF) << 8 | text[2 * i + 1] & 0xFF) : (char) (text[i] & 0xFF);
    }

    /** Collects ids one row at a time, growing its arrays as a list would. */
    public static final class Builder {
        private byte[] text;
        private boolean wide;
        private int[] ends;
        /** Characters added so far. */
        private int length;
        private int count;

        public Builder(int expectedRows) {
            int rows = Math.max(16, expectedRows);
            this.text = new byte[rows * 8];
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
            if (capacity() - this.length < length) {
                grow(Math.max(this.length + length, this.length + (this.length >> 1)));
            }
            if (!wide) {
                int i = 0;
                while (i < length && chars[offset + i] < 256) {
                    text[this.length + i] = (byte) chars[offset + i];
                    i++;
                }
                if (i == length) {
                    this.length += length;
                    ends[count++] = this.length;
                    return;
                }
                widen();
            }
            for (int i = 0; i < length; i++) {
                char c = chars[offset + i];
                text[2 * (this.length + i)] = (byte) (c >> 8);
                text[2 * (this.length + i) + 1] = (byte) c;
            }
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
            if (expectedLength > capacity()) {
                grow((int) Math.min(expectedLength, (Integer.MAX_VALUE - 16) / (wide ? 2 : 1)));
            }
        }

        /**
         * The ids added so far. They stay as they are while more are added (the builder only writes past them, and grows
         * into new arrays), so another thread may read them meanwhile, once handed over safely.
         */
        public ExampleIds build() {
            return new ExampleIds(text, wide, ends, count, null);
        }

        private int capacity() {
            return wide ? text.length / 2 : text.length;
        }

        private void grow(int characters) {
            text = Arrays.copyOf(text, wide ? 2 * characters : characters);
        }

        /** From one byte a character to two, the first id that needs it included. */
        private void widen() {
            byte[] twoBytes = new byte[2 * text.length];
            for (int i = 0; i < length; i++) {
                twoBytes[2 * i + 1] = text[i];
            }
            text = twoBytes;
            wide = true;
        }
    }
}
