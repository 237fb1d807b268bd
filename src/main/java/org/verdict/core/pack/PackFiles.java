package org.verdict.core.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of one review pack, with every reference checked to stay inside the pack.
 * A .zip is unpacked into a private temporary folder first, entry by entry, with limits on the number
 * of entries and on the uncompressed size, so a hostile archive can neither escape nor fill the disk.
 */
public final class PackFiles {
    /** More entries than any real pack needs; a zip bomb of tiny files stops here. */
    static final int MAX_ZIP_ENTRIES = 10_000;
    /** Uncompressed bytes a pack may hold in all. */
    static final long MAX_UNCOMPRESSED_BYTES = 4L << 30;

    private final Path root;
    private final Path realRoot;

    private PackFiles(Path root) throws IOException {
        this.root = root;
        this.realRoot = root.toRealPath();
    }

    /** Opens a pack folder, or unpacks a .zip into a private temporary folder. */
    public static PackFiles open(Path source) throws PackException {
        String name = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        try {
            if (Files.isDirectory(source)) {
                return new PackFiles(source);
            }
            if (Files.isRegularFile(source) && name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                return new PackFiles(unzip(source, name));
            }
        } catch (IOException e) {
            throw new PackException(name, "cannot be read: " + e.getMessage());
        }
        if (!Files.exists(source)) {
            throw new PackException(source.toString(), "does not exist");
        }
        throw new PackException(name, "is neither a pack folder nor a .zip file");
    }

    public Path root() {
        return root;
    }

    /**
     * Resolves a path written in the manifest. Absolute paths, {@code ..} segments and symlinks that lead
     * out of the pack are refused: a pack can only point at its own files.
     */
    public Path resolve(String relative, String referencedFrom, long line, long column) throws PackException {
        if (relative == null || relative.isBlank()) {
            throw new PackException(referencedFrom, line, column, "a file name is required");
        }
        String normalizedSeparators = relative.replace('\\', '/');
        if (normalizedSeparators.startsWith("/") || normalizedSeparators.matches("^[A-Za-z]:.*")) {
            throw new PackException(referencedFrom, line, column,
                    "'" + relative + "' is an absolute path; files must be given relative to the pack");
        }
        for (String segment : normalizedSeparators.split("/")) {
            if (segment.equals("..")) {
                throw new PackException(referencedFrom, line, column,
                        "'" + relative + "' leaves the pack ('..' is not allowed)");
            }
        }
        Path file = root.resolve(normalizedSeparators).normalize();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackException(referencedFrom, line, column, "'" + relative + "' is missing from the pack");
        }
        try {
            if (!file.toRealPath().startsWith(realRoot)) {
                throw new PackException(referencedFrom, line, column,
                        "'" + relative + "' is a link that leads outside the pack");
            }
        } catch (IOException e) {
            throw new PackException(referencedFrom, line, column, "'" + relative + "' cannot be read: " + e.getMessage());
        }
        if (!Files.isRegularFile(file)) {
            throw new PackException(referencedFrom, line, column, "'" + relative + "' is not a file");
        }
        return file;
    }

    /**
     * SHA-256 of every file in the pack, keyed by its path relative to the root with '/' separators.
     * A symlink that leads outside the pack is refused here too, so no outside file is ever read or hashed.
     */
    public Map<String, String> hashAllFiles() throws PackException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                if (Files.isDirectory(file)) {
                    continue;
                }
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (!file.toRealPath().startsWith(realRoot)) {
                    throw new PackException(relative, "is a link that leads outside the pack");
                }
                hashes.put(relative, Hashes.sha256Hex(file));
            }
        } catch (IOException e) {
            throw new PackException(root.toString(), "cannot be read: " + e.getMessage());
        }
        return hashes;
    }

    private static Path unzip(Path zip, String zipName) throws IOException, PackException {
        Path target = Files.createTempDirectory("verdict-pack-");
        target.toFile().deleteOnExit();
        long total = 0;
        int entries = 0;
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = zipFile.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new PackException(zipName, "has more than " + MAX_ZIP_ENTRIES + " entries");
                }
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target) || entry.getName().startsWith("/") || entry.getName().contains("..")) {
                    throw new PackException(zipName, "entry '" + entry.getName() + "' would be written outside the pack");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zipFile.getInputStream(entry); OutputStream os = Files.newOutputStream(out)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        total += read;
                        if (total > MAX_UNCOMPRESSED_BYTES) {
                            throw new PackException(zipName, "unpacks to more than "
                                    + (MAX_UNCOMPRESSED_BYTES >> 20) + " MiB");
                        }
                        os.write(buffer, 0, read);
                    }
                }
            }
        } catch (PackException | IOException e) {
            deleteRecursively(target);
            throw e;
        }
        return singleTopFolder(target);
    }

    /** Zips made by "compress this folder" hold one top-level folder; the pack is inside it. */
    private static Path singleTopFolder(Path unpacked) throws IOException {
        if (Files.exists(unpacked.resolve(PackManifest.FILE_NAME))) {
            return unpacked;
        }
        try (Stream<Path> children = Files.list(unpacked)) {
            var list = children.filter(p -> !p.getFileName().toString().startsWith("__MACOSX")).toList();
            if (list.size() == 1 && Files.isDirectory(list.get(0))) {
                return list.get(0);
            }
        }
        return unpacked;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
