package org.verdict.core.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.verdict.core.pack.ManifestReader;
import org.verdict.core.pack.PackException;
import org.verdict.core.pack.PackFiles;
import org.verdict.core.pack.PackManifest;

/**
 * Reads the manifest that describes the rows to summarise (models, task, slices), with every check of a pack's
 * manifest except that the files it names must exist: the rows live in a lake or warehouse, not beside it. The
 * manifest's bytes are checked as they are, so errors name its own lines and columns.
 */
public final class RowManifest {
    private RowManifest() {
    }

    public static PackManifest read(Path manifestFile) throws PackException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(manifestFile);
        } catch (NoSuchFileException e) {
            throw new PackException(manifestFile.toString(), "does not exist");
        } catch (IOException e) {
            throw new PackException(manifestFile.toString(), "cannot be read: " + e.getMessage());
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("verdict-row-manifest-");
            Files.write(scratch.resolve(PackManifest.FILE_NAME), bytes);
            placeholdersForNamedFiles(bytes, scratch);
            return new ManifestReader().read(PackFiles.open(scratch));
        } catch (PackException refused) {
            // the reader names the manifest as a pack's, by its name in the pack; here it is the file the user gave
            boolean aboutManifest = refused.file().equals(PackManifest.FILE_NAME)
                    || refused.file().equals(String.valueOf(scratch.getFileName()));
            throw aboutManifest ? new PackException(manifestFile.toString(), refused.line(), refused.column(),
                    refused.problem()) : refused;
        } catch (IOException e) {
            throw new PackException(manifestFile.toString(), "cannot be checked: " + e.getMessage());
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** Empty stand-ins for the suite and policy files the manifest names, where the name is a plain relative path. */
    private static void placeholdersForNamedFiles(byte[] bytes, Path scratch) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (IOException invalidJson) {
            return; // the manifest reader reports it with its line and column
        }
        List<String> named = new ArrayList<>();
        root.path("suites").forEach(suite -> named.add(suite.path("file").asText("")));
        named.add(root.path("policy").asText(""));
        for (String name : named) {
            String file = name.replace('\\', '/');
            if (file.isBlank() || file.startsWith("/") || file.matches("^[A-Za-z]:.*") || file.contains("..")) {
                continue;
            }
            Path placeholder = scratch.resolve(file).normalize();
            if (placeholder.startsWith(scratch) && !Files.exists(placeholder)) {
                Files.createDirectories(placeholder.getParent());
                Files.createFile(placeholder);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
