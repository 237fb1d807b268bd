package org.verdict.core.pack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way the JSON files of a pack (manifest, policy, monitoring) are read: UTF-8 (a byte-order mark is fine),
 * no duplicate keys, no unknown keys, finite numbers within ±1e100, whole numbers where whole numbers are meant, and
 * no text where a number is meant. Every refusal names the file, line and column in words, without the parser's
 * class or option names.
 */
public final class StrictJson {
    private static final ObjectMapper MAPPER = newMapper();
    /** The parser's own words for its syntax errors, which {@link #syntaxInWords} says again for a person. */
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile(
            "^Unexpected character \\('(.)' \\(code \\d+\\)\\)(?: in numeric value)?: (.*)", Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '([^']*)'");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile(
            "^Illegal (unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern UNCLOSED = Pattern.compile("^Unexpected end-of-input: expected close marker for"
            + " (Object|Array) \\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]\\)");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(NaN|Infinity|INF)");

    private StrictJson() {
    }

    private static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * A JSON document as a tree, with the source location of every value by JSON pointer, and of every key by the
     * pointer of its value: a misspelt key is placed where the key starts, not at its value.
     */
    public record Document(JsonNode root, Map<String, JsonLocation> locations, Map<String, JsonLocation> keys) {
    }

    /** Where each value and each key of a document starts, by JSON pointer (a key by its value's). */
    private record Places(Map<String, JsonLocation> values, Map<String, JsonLocation> keys) {
        static final Places NONE = new Places(Map.of(), Map.of());
    }

    /** Reads {@code file} (named {@code fileName} in errors) as a tree after the checks of {@link #bytes}. */
    public static Document readTree(Path file, String fileName) throws PackException {
        byte[] bytes = bytes(file, fileName);
        try {
            Places places = scan(bytes);
            return new Document(MAPPER.readTree(bytes), places.values(), places.keys());
        } catch (IOException e) {
            throw problem(e, fileName);
        }
    }

    /** Reads {@code file} into {@code type}; unknown keys and values of the wrong kind are refused. */
    public static <T> T read(Path file, String fileName, Class<T> type) throws PackException {
        byte[] bytes = bytes(file, fileName);
        Places places = Places.NONE;
        try {
            places = scan(bytes);
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw problem(e, fileName, places);
        }
    }

    /** The file's bytes, refused when they are UTF-16 or UTF-32 (which the parser would otherwise accept). */
    private static byte[] bytes(Path file, String fileName) throws PackException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PackException(fileName, "cannot be read: " + e.getMessage());
        }
        if (bytes.length >= 2 && (bytes[0] == 0 || bytes[1] == 0 || (bytes[0] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFF)) {
            throw new PackException(fileName, 1, 1, "is not UTF-8 text (it looks like UTF-16 or UTF-32); save it as "
                    + "UTF-8");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        if (isBlank(bytes, start)) {
            // the parser reads nothing as no document at all, which the readers would refuse without a place
            throw new PackException(fileName, 1, 1, (bytes.length == 0 ? "is empty (0 bytes)"
                    : bytes.length == start ? "is empty (only a byte-order mark)"
                    : "holds only spaces and line breaks, no JSON") + "; it must hold one JSON object, { … }");
        }
        return bytes;
    }

    /** Whether {@code bytes} from {@code start} on are nothing but the whitespace JSON allows between values. */
    private static boolean isBlank(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\n' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * One pass of the parser over the document: refuses numbers beyond the format's range (which the tree and data
     * binding would turn into infinity) and returns the source location of every value and key by JSON pointer.
     */
    private static Places scan(byte[] bytes) throws IOException {
        Map<String, JsonLocation> locations = new HashMap<>();
        Map<String, JsonLocation> keys = new HashMap<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(bytes)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
                    double value = parser.getValueAsDouble();
                    if (!(Math.abs(value) <= PackText.MAX_MAGNITUDE)) {
                        JsonLocation at = parser.currentTokenLocation();
                        throw new NumberOutOfRange(keyPath(parser.getParsingContext().pathAsPointer()),
                                parser.getText(), at);
                    }
                }
                if (token == JsonToken.FIELD_NAME) {
                    // the context already holds the name, so its pointer is that of the key's value
                    keys.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                            parser.currentTokenLocation());
                } else if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    locations.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                            parser.currentTokenLocation());
                }
            }
        }
        return new Places(locations, keys);
    }

    /** A number beyond what the pack format allows, found while scanning. */
    private static final class NumberOutOfRange extends IOException {
        private static final long serialVersionUID = 1L;
        final transient JsonLocation location;

        NumberOutOfRange(String key, String text, JsonLocation location) {
            super(key + " is " + text + ", not a finite number within ±1e100");
            this.location = location;
        }
    }

    /**
     * A value's place as the messages of every JSON file of a pack name keys, from its JSON pointer
     * ("/models/0/version"): "models[0].version", "latency.p99Ms"; "the value" at the root.
     */
    public static String keyPath(String pointer) {
        return keyPath(JsonPointer.compile(pointer));
    }

    /** {@link #keyPath(String)} of a pointer the parser made. */
    private static String keyPath(JsonPointer pointer) {
        StringBuilder path = new StringBuilder();
        for (JsonPointer step = pointer; !step.matches(); step = step.tail()) {
            if (step.mayMatchElement()) {
                path.append('[').append(step.getMatchingIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(step.getMatchingProperty());
            }
        }
        return path.isEmpty() ? "the value" : path.toString();
    }

    /**
     * A refusal of {@code fileName} (read by the data binding or as a tree) in the words of every JSON file of a pack:
     * also for the decision log's own files, so a decision record's wrong value is named as a policy's is.
     */
    public static PackException problem(IOException e, String fileName) {
        return problem(e, fileName, Places.NONE);
    }

    /**
     * A refusal in words, at the line and column of the refused value when its record says which it is (from
     * {@code locations}, by JSON pointer), else where the parser points.
     */
    private static PackException problem(IOException e, String fileName, Places places) {
        Map<String, JsonLocation> locations = places.values();
        if (e instanceof NumberOutOfRange range) {
            return at(fileName, range.location, range.getMessage());
        }
        if (!(e instanceof JsonProcessingException json)) {
            return new PackException(fileName, "cannot be read: " + e.getMessage());
        }
        JsonLocation where = json.getLocation();
        String original = String.valueOf(json.getOriginalMessage());
        String problem;
        if (original.startsWith("Trailing token")) {
            problem = "holds more after its JSON value ends; a file holds one JSON object";
        } else if (json instanceof JsonMappingException mapping && isAboutOneValue(mapping)) {
            // named by its whole path and placed at the value itself, as the policy's range errors are; an unknown
            // key at the key, where the typo is
            where = (mapping instanceof UnrecognizedPropertyException ? places.keys() : locations)
                    .getOrDefault(pointerOf(mapping.getPath()), where);
            problem = valueProblem(mapping, keyPath(mapping.getPath()));
        } else if (json.getCause() instanceof IllegalArgumentException invalid) {
            problem = invalid.getMessage();
            if (invalid instanceof InvalidValueException value && locations.containsKey(value.pointer())) {
                where = locations.get(value.pointer());
            }
        } else if (original.startsWith("Duplicate field")) {
            // the parser's context already holds the repeated name, so its path is the key's whole path
            problem = "key " + (json.getProcessor() instanceof JsonParser parser
                    ? keyPath(parser.getParsingContext().pathAsPointer())
                    : original.substring("Duplicate field ".length())) + " appears twice";
        } else if (original.contains("Invalid UTF-8") || original.contains("Invalid UTF8")) {
            problem = "is not UTF-8 text; save it as UTF-8";
        } else if (json.getClass() == JsonMappingException.class && !original.contains("`")) {
            problem = original; // written in words by one of Verdict's own readers (e.g. the policy's notApplicable)
        } else if (json instanceof JsonMappingException) {
            problem = "is not what the format expects here: " + original.replaceAll("`[^`]*`", "a value");
        } else {
            problem = "is not valid JSON: " + syntaxInWords(original);
        }
        return at(fileName, where, problem);
    }

    /** A refusal by the parser's syntax rules, "Unexpected character ('}' (code 125)): …", as a person would say it. */
    static String syntaxInWords(String parserMessage) {
        Matcher unexpected = UNEXPECTED_CHARACTER.matcher(parserMessage);
        if (unexpected.find()) {
            String character = unexpected.group(1);
            String expected = unexpected.group(2);
            if (expected.startsWith("maybe a (non-standard) comment")) {
                return "JSON allows no comments (// or /* … */); remove the comment";
            }
            if (character.equals("'")) {
                return "a key or string is written in single quotes ('); JSON writes them in double quotes (\"name\")";
            }
            if (expected.startsWith("was expecting double-quote to start field name")) {
                return character.equals("}") ? "the comma before this } ends the object's last entry; JSON allows no"
                        + " comma after the last entry, so remove it"
                        : character.equals(",") ? "two commas in a row; remove one"
                        : "a key in double quotes (\"name\") is expected here, not '" + character + "'";
            }
            if (expected.startsWith("expected a value") || expected.startsWith("expected a valid value")) {
                return character.equals("]") ? "the comma before this ] ends the list's last entry; JSON allows no"
                        + " comma after the last entry, so remove it"
                        : "a value is expected here (a string in double quotes, a number such as 0.5, true, false,"
                        + " null, a list [ … ] or an object { … }), not '" + character + "'";
            }
            if (expected.startsWith("was expecting comma to separate")) {
                return "a comma (,) is missing before this entry of the " + (expected.contains("Array") ? "list"
                        : "object");
            }
            if (expected.startsWith("was expecting a colon")) {
                return "a colon (:) is missing between the key and its value";
            }
            if (expected.contains("plus sign")) {
                return "a JSON number has no plus sign (write 1, not +1)";
            }
        }
        Matcher word = UNRECOGNIZED_TOKEN.matcher(parserMessage);
        if (word.find()) {
            return NON_FINITE.matcher(word.group(1)).matches()
                    ? word.group(1) + " is not a number JSON can hold; write a finite number such as 0.5"
                    : "'" + word.group(1) + "' is not a JSON value: text is written in double quotes (\"text\"), and"
                    + " the words JSON knows are true, false and null";
        }
        Matcher control = CONTROL_CHARACTER.matcher(parserMessage);
        if (control.find()) {
            int code = Integer.parseInt(control.group(2));
            String named = String.format(Locale.ROOT, "U+%04X%s", code, code == 0 ? ", NUL" : code == 10
                    ? ", a line feed" : code == 13 ? ", a carriage return" : "");
            return control.group(1) == null
                    ? "a control character (" + named + ") stands here, where only spaces, tabs and line breaks may;"
                    + " remove it"
                    : "a key or string holds a control character (" + named + "); a string closes its quote on its own"
                    + " line, and a line break in one is written \\n";
        }
        Matcher unclosed = UNCLOSED.matcher(parserMessage);
        if (unclosed.find()) {
            boolean list = unclosed.group(1).equals("Array");
            return "the file ends before the " + (list ? "list" : "object") + " that opens at line " + unclosed.group(2)
                    + ", column " + unclosed.group(3) + " is closed with " + (list ? "]" : "}")
                    + ": the file is cut short, or a closing " + (list ? "]" : "}") + " is missing";
        }
        if (parserMessage.startsWith("Unexpected end-of-input in VALUE_STRING")
                || parserMessage.startsWith("Unexpected end-of-input in field name")) {
            return "the file ends inside a " + (parserMessage.contains("field name") ? "key" : "string")
                    + ": the file is cut short, or a closing double quote (\") is missing";
        }
        if (parserMessage.startsWith("Unrecognized character escape")) {
            return "a backslash starts an escape JSON does not know (" + parserMessage.replaceAll(
                    "Unrecognized character escape '(.)'.*", "\\\\$1") + "); write a backslash itself as \\\\";
        }
        if (parserMessage.startsWith("Invalid numeric value: Leading zeroes")) {
            return "a JSON number does not begin with 0 unless it is 0 or 0.something (write 1, not 01)";
        }
        return parserMessage.replaceAll("`[^`]*`", "an option");
    }

    private static PackException at(String fileName, JsonLocation where, String problem) {
        return where == null ? new PackException(fileName, problem)
                : new PackException(fileName, Math.max(where.getLineNr(), 0), Math.max(where.getColumnNr(), 0),
                        problem);
    }

    private static List<String> sortedNames(Collection<Object> names) {
        return names.stream().map(String::valueOf).sorted().toList();
    }

    /**
     * Whether the data binding refused one value for its key or kind, rather than a rule of Verdict's own (which
     * places and names its value itself): an unknown key, a value of the wrong kind (text where a number is meant, a
     * fraction where a whole number is, an object where a list is) or a whole number too large for its field.
     */
    private static boolean isAboutOneValue(JsonMappingException e) {
        return e instanceof UnrecognizedPropertyException
                || (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null)
                || e.getCause() instanceof InputCoercionException;
    }

    /** What is wrong with the value at {@code key} ("primary.margin"), in words. */
    private static String valueProblem(JsonMappingException e, String key) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown key " + key + " (a typo?); known keys here: " + sortedNames(unknown.getKnownPropertyIds());
        }
        if (e.getCause() instanceof InputCoercionException tooLarge) {
            boolean isInt = tooLarge.getTargetType() == Integer.TYPE || tooLarge.getTargetType() == Integer.class;
            return key + " must be a whole number from " + (isInt ? Integer.MIN_VALUE : Long.MIN_VALUE) + " to "
                    + (isInt ? Integer.MAX_VALUE : Long.MAX_VALUE) + insteadOf(tooLarge);
        }
        return key + " must be " + kindOf(((MismatchedInputException) e).getTargetType()) + insteadOf(e);
    }

    /** {@link #keyPath(JsonPointer)} of the value at the end of {@code path}, as the data binding found it. */
    private static String keyPath(List<JsonMappingException.Reference> path) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                key.append(key.isEmpty() ? "" : ".").append(step.getFieldName());
            } else {
                key.append('[').append(step.getIndex()).append(']');
            }
        }
        return key.isEmpty() ? "the value" : key.toString();
    }

    /** The JSON pointer of the value at the end of {@code path}, e.g. "/primary/margin", "/requiredSuites/1". */
    private static String pointerOf(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            String name = step.getFieldName() != null ? step.getFieldName() : String.valueOf(step.getIndex());
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** ", not the string "1"": what is written where the parser stopped, or nothing when that cannot be told. */
    private static String insteadOf(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser) || parser.currentToken() == null) {
            return "";
        }
        try {
            JsonToken token = parser.currentToken();
            String text = parser.getText();
            if (token.isNumeric() && (text == null || text.isEmpty())) {
                text = String.valueOf(parser.getNumberValue()); // a buffered number may have no text left
            }
            return text == null ? "" : ", not " + written(token, text);
        } catch (IOException unreadable) {
            return "";
        }
    }

    /**
     * A value of the wrong kind refused in words that say what was expected and what is written instead, the same
     * for every JSON file of a pack: "model.riskTier must be a whole number 1, 2 or 3, not the string "1"".
     *
     * @param pointer the value's JSON pointer, named by {@link #keyPath(String)}: "/model/riskTier"
     */
    public static String mustBe(String pointer, String expected, JsonNode written) {
        return keyPath(pointer) + " must be " + expected + ", not " + written(written);
    }

    /** What a value is, as a message names it: the string "1", the number 1.0, true, null, a list, a JSON object. */
    public static String written(JsonNode value) {
        if (value.isArray()) {
            return value.isEmpty() ? "an empty list" : "a list";
        }
        return written(value.asToken(), value.isTextual() ? value.asText() : value.toString());
    }

    /** What a value of {@code token} written as {@code text} is, as a message names it ({@link #written(JsonNode)}). */
    public static String written(JsonToken token, String text) {
        return switch (token) {
            case VALUE_STRING -> "the string " + TextNode.valueOf(text);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text;
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a JSON object";
            default -> text; // true, false, null
        };
    }

    /** What a value of {@code type} is, as a message asks for it: "a whole number", "a string", "a list". */
    public static String kindOf(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a JSON object";
    }
}
