package org.verdict.core.pack;

/**
 * Integer codes of the distinct values of a text column (slice values, class names), looked up by the characters as
 * the CSV reader hands them over: a million rows with a few dozen distinct values then make a String only the first
 * time each value appears, not once per row. Open addressing with linear probing, at most half full.
 */
final class TextCodes {
    /** The values' characters (arrays compare faster than a String's characters one call at a time). */
    private char[][] keys = new char[16][];
    private int[] codes = new int[16];
    private int size;

    /**
     * The code of {@code chars[offset, offset + length)}, or −1 when that value has not been put. One method with
     * its comparison inside: under the client compiler, which inlines only methods of up to 35 bytes of bytecode, a
     * comparison of its own was a call for every value of every row (7,000,000 lookups: 175 against 210 ms).
     */
    int get(char[] chars, int offset, int length) {
        int mask = keys.length - 1;
        probing:
        for (int slot = hash(chars, offset, offset + length) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            char[] key = keys[slot];
            if (key.length != length) {
                continue;
            }
            for (int i = 0; i < length; i++) {
                if (key[i] != chars[offset + i]) {
                    continue probing;
                }
            }
            return codes[slot];
        }
        return -1;
    }

    /** Records the code of a value that {@link #get} does not know yet. */
    void put(String key, int code) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(key.toCharArray(), code);
        size++;
    }

    int size() {
        return size;
    }

    private void insert(char[] key, int code) {
        int mask = keys.length - 1;
        int slot = hash(key, 0, key.length) & mask;
        while (keys[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        codes[slot] = code;
    }

    private void grow() {
        char[][] oldKeys = keys;
        int[] oldCodes = codes;
        keys = new char[oldKeys.length * 2][];
        codes = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldCodes[i]);
            }
        }
    }

    /** Small enough for the client compiler to inline into {@link #get}. */
    private static int hash(char[] chars, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + chars[i];
        }
        return hash ^ (hash >>> 16);
    }
}
