package org.verdict.core.sample;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes the files of one pack so that a regenerated pack is byte-identical on every platform:
 * UTF-8, LF line ends, fixed decimal places, JSON keys in insertion order. The pack is written into a
 * private folder next to the target and moved into place only when complete, so a failed run never
 * leaves a half-written pack behind.
 */
final class PackFileWriter implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectWriter JSON = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private final Path target;
    private final Path partial;
    private boolean complete;

    PackFileWriter(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.partial = this.target.resolveSibling("." + this.target.getFileName() + ".partial");
        deleteTree(partial);
        Files.createDirectories(partial);
    }

    /** Writes a CSV file; {@code rows} receives the writer after the header is written. */
    void csv(String fileName, List<String> header, Consumer<CsvWriter> rows) throws IOException {
        try (CsvWriter out = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
                .build(partial.resolve(fileName), StandardCharsets.UTF_8)) {
            out.writeRecord(header);
            rows.accept(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes a JSON file from maps, lists, strings and numbers (use {@link #decimal} for exact decimals). */
    void json(String fileName, Object tree) throws IOException {
        Files.writeString(partial.resolve(fileName), JSON.writeValueAsString(tree) + "\n", StandardCharsets.UTF_8);
    }

    /** Reads JSON keeping decimals exact, so writing it back prints them as given. */
    static JsonNode readTree(InputStream in) throws IOException {
        return MAPPER.readTree(in);
    }

    /** Replaces the target folder with the completed pack. */
    void commit() throws IOException {
        deleteTree(target);
        Files.createDirectories(target.getParent());
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        complete = true;
    }

    @Override
    public void close() throws IOException {
        if (!complete) {
            deleteTree(partial);
        }
    }

    /** A number rounded half-up to fixed places, as written into CSV and JSON. */
    static BigDecimal decimal(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }

    static String text(double value, int places) {
        return decimal(value, places).toPlainString();
    }

    /**
     * A JSON object from key and value pairs, keys in the given order. ({@code Map.of} would not do: its
     * iteration order changes from one JVM run to the next.)
     */
    static Map<String, Object> object(Object... keyValuePairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keyValuePairs.length; i += 2) {
            object.put((String) keyValuePairs[i], keyValuePairs[i + 1]);
        }
        return object;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
