package org.verdict.core.ledger;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.util.ClassUtil;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.StrictJson;

/**
 * A decision record read from its JSON file ({@code log append --record}) with every problem it has, each at its
 * line and column, as a pack's files name theirs: the data binding goes on past a value it refuses (an unknown key, a
 * value of the wrong kind, an unknown kind of record), and the record's own rules (a required field, a date, the
 * risk tier) are placed at the value they judge, or at the object that lacks it. Only JSON that is not well-formed
 * stops at its first problem, where the parser can read no further.
 */
public final class RecordFile {
    /** What {@code log append --pack} fills in or checks against the pack: judged once the record is bound to it. */
    public static final List<String> FILLED_BY_PACK = List.of("/evidence", "/evaluationSummary", "/overrides");

    private final String name;
    private final DecisionRecord record;
    private final Map<String, JsonLocation> locations;
    private final List<Located> valueProblems;

    private record Located(JsonLocation at, String pointer, String message) {
    }

    private RecordFile(String name, DecisionRecord record, Map<String, JsonLocation> locations,
                       List<Located> valueProblems) {
        this.name = name;
        this.record = record;
        this.locations = locations;
        this.valueProblems = valueProblems;
    }

    /**
     * Reads {@code file}, noting every value it cannot take; refuses at once only what is not well-formed JSON or not
     * a JSON object (one problem, at its line and column).
     */
    public static RecordFile read(Path file) throws LedgerException {
        String name = file.toString();
        StrictJson.Document document;
        try {
            document = StrictJson.readTree(file, name);
        } catch (PackException e) {
            throw new LedgerException(e.getMessage(), e);
        }
        JsonNode root = document.root();
        if (root == null || root.isMissingNode()) {
            throw new LedgerException(name + ": empty record file");
        }
        if (!root.isObject()) {
            throw new LedgerException(new PackException(name, 1, 1, "a decision record is a JSON object, not "
                    + StrictJson.written(root)).getMessage());
        }
        List<Located> problems = new ArrayList<>();
        JavaType type = RecordJson.reader().getTypeFactory().constructType(DecisionRecord.class);
        shapeProblems(root, "", type, document.locations(), problems);
        DecisionRecord record;
        try {
            // found above, in the tree: the binding buffers unknown keys, losing their place, and refuses a fraction
            // for a whole number without asking a handler (the value it then takes is never used: the file is refused)
            record = RecordJson.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .withHandler(new Collector(document.locations(), problems))
                    .treeToValue(root, DecisionRecord.class);
        } catch (IOException e) {
            // what the handler cannot step over
            throw new LedgerException(StrictJson.problem(e, name).getMessage(), e);
        }
        return new RecordFile(name, record, document.locations(), problems);
    }

    /**
     * Notes every key of {@code node} (at {@code pointer}, to be bound as {@code type}) that the type does not have,
     * and every fraction where it has a whole number, within it too, as Jackson sees the record's types; a map
     * (evidence files, facts) takes any key.
     */
    private static void shapeProblems(JsonNode node, String pointer, JavaType type, Map<String, JsonLocation> locations,
                                      List<Located> problems) {
        Class<?> raw = type.getRawClass();
        if (node.isFloatingPointNumber() && (raw == Integer.class || raw == int.class || raw == Long.class
                || raw == long.class)) {
            problems.add(new Located(locations.getOrDefault(pointer, JsonLocation.NA), pointer,
                    StrictJson.mustBe(pointer, "a whole number", node)));
            return;
        }
        if (node.isArray() && type.isCollectionLikeType()) {
            for (int i = 0; i < node.size(); i++) {
                shapeProblems(node.get(i), pointer + "/" + i, type.getContentType(), locations, problems);
            }
            return;
        }
        if (!node.isObject() || type.isContainerType() || ClassUtil.isJDKClass(type.getRawClass())
                || type.getRawClass().isEnum()) {
            if (node.isObject() && type.isMapLikeType()) {
                node.fields().forEachRemaining(field -> shapeProblems(field.getValue(), pointer + "/"
                        + escaped(field.getKey()), type.getContentType(), locations, problems));
            }
            return;
        }
        Map<String, JavaType> known = new TreeMap<>();
        for (BeanPropertyDefinition property : RecordJson.reader().getConfig().introspect(type).findProperties()) {
            known.put(property.getName(), property.getPrimaryType());
        }
        node.fields().forEachRemaining(field -> {
            String at = pointer + "/" + escaped(field.getKey());
            JavaType fieldType = known.get(field.getKey());
            if (fieldType == null) {
                problems.add(new Located(locations.getOrDefault(at, JsonLocation.NA), at, "unknown key "
                        + StrictJson.keyPath(at) + " (a typo?); known keys here: " + List.copyOf(known.keySet())));
            } else {
                shapeProblems(field.getValue(), at, fieldType, locations, problems);
            }
        });
    }

    private static String escaped(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The record as the file gives it, the values it could not take left out. */
    public DecisionRecord record() {
        return record;
    }

    /**
     * Refuses, naming every problem, a file whose values the binding refused or whose record ({@code asBound}: as
     * read, or as bound to a pack) breaks a rule of the record, except rules about the fields under {@code leftOut}
     * (JSON pointers), judged later. A field whose value was refused is not also called missing.
     */
    public void requireSound(DecisionRecord asBound, List<String> leftOut) throws LedgerException {
        List<Located> problems = new ArrayList<>(valueProblems);
        for (DecisionRecord.FieldProblem problem : asBound.fieldProblems()) {
            boolean refused = valueProblems.stream().anyMatch(b -> b.pointer().equals(problem.pointer()));
            boolean later = leftOut.stream().anyMatch(p -> problem.pointer().equals(p)
                    || problem.pointer().startsWith(p + "/"));
            if (!refused && !later) {
                problems.add(new Located(nearest(problem.pointer()), problem.pointer(), problem.message()));
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        problems.sort(Comparator.comparingInt((Located p) -> p.at().getLineNr())
                .thenComparingInt(p -> p.at().getColumnNr()));
        List<String> lines = problems.stream().map(this::line).toList();
        throw new LedgerException(lines.size() == 1 ? lines.get(0) : name + ": " + lines.size() + " problems in the"
                + " record; nothing was appended:\n  " + String.join("\n  ", lines));
    }

    /**
     * Refuses, at the field's line and column, a record dated after {@code signedAt}, the time it is about to be
     * signed ({@link DecisionRecord#datedAfterSigning}).
     */
    public void requireDatedBy(Instant signedAt) throws LedgerException {
        Optional<DecisionRecord.FieldProblem> late = record.datedAfterSigning(signedAt);
        if (late.isPresent()) {
            throw new LedgerException(line(new Located(nearest(late.get().pointer()), late.get().pointer(),
                    late.get().message())) + "; nothing was appended");
        }
    }

    private String line(Located problem) {
        return new PackException(name, Math.max(problem.at().getLineNr(), 0), Math.max(problem.at().getColumnNr(), 0),
                problem.message()).getMessage();
    }

    /** Where the value at {@code pointer} is, or — left out — where the nearest object that holds it begins. */
    private JsonLocation nearest(String pointer) {
        for (JsonPointer at = JsonPointer.compile(pointer); at != null; at = at.head()) {
            JsonLocation location = locations.get(at.toString());
            if (location != null) {
                return location;
            }
        }
        return JsonLocation.NA;
    }

    /**
     * Notes each value the data binding refuses, at the value's place in the file, and steps over it (the field stays
     * unset), so one read finds them all. Every refusal is said as a pack's JSON files say theirs.
     */
    private static final class Collector extends DeserializationProblemHandler {
        private final Map<String, JsonLocation> locations;
        private final List<Located> problems;

        Collector(Map<String, JsonLocation> locations, List<Located> problems) {
            this.locations = locations;
            this.problems = problems;
        }

        private void note(JsonParser p, String message) {
            String pointer = p.getParsingContext().pathAsPointer().toString();
            problems.add(new Located(locations.getOrDefault(pointer, JsonLocation.NA), pointer, message));
        }

        private static String key(JsonParser p) {
            return StrictJson.keyPath(p.getParsingContext().pathAsPointer().toString());
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) throws IOException {
            note(p, key(p) + " must be " + StrictJson.kindOf(targetType.getRawClass()) + ", not " + written(p, t));
            p.skipChildren();
            return skipped(targetType.getRawClass());
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) {
            JsonParser p = ctxt.getParser();
            note(p, key(p) + " must be " + StrictJson.kindOf(targetType) + ", not " + written(p, JsonToken.VALUE_STRING));
            return skipped(targetType);
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) {
            JsonParser p = ctxt.getParser();
            note(p, key(p) + " must be " + StrictJson.kindOf(targetType) + ", not " + written(p, p.currentToken()));
            return skipped(targetType);
        }

        @Override
        public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument,
                                                 Throwable t) {
            // a value Verdict's own types refuse, such as an unknown kind of record: said in their words
            note(ctxt.getParser(), key(ctxt.getParser()) + ": " + t.getMessage());
            return skipped(instClass);
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                ValueInstantiator valueInsta, JsonParser p, String msg)
                throws IOException {
            note(p, key(p) + " must be " + StrictJson.kindOf(instClass) + ", not " + written(p, p.currentToken()));
            p.skipChildren();
            return skipped(instClass);
        }

        /** The value a refused field takes: none, or a primitive's default (the binding refuses null for it). */
        private static Object skipped(Class<?> type) {
            return type.isPrimitive() ? ClassUtil.defaultValue(type) : null;
        }

        private static String written(JsonParser p, JsonToken token) {
            try {
                return StrictJson.written(token, p.getText());
            } catch (IOException unreadable) {
                return "what is written";
            }
        }
    }
}
