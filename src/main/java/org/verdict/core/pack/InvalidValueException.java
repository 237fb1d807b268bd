package org.verdict.core.pack;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A value a JSON file's record refuses in its constructor (out of range, incomplete), carrying the keys that lead to
 * it. The constructor runs once the enclosing object has been read, where the parser's location is already its
 * closing brace; the keys let {@link StrictJson} name the line and column of the value itself.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String pointer;

    /** @param keys the keys from the document's root to the value, e.g. "primary", "margin" */
    public InvalidValueException(String problem, String... keys) {
        super(problem);
        this.pointer = Arrays.stream(keys).map(key -> "/" + key.replace("~", "~0").replace("/", "~1"))
                .collect(Collectors.joining());
    }

    /** The value's JSON pointer, e.g. "/primary/margin". */
    public String pointer() {
        return pointer;
    }
}
