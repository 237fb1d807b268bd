package org.verdict.core.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of one review pack, with every reference checked to stay inside the pack and to be a regular file.
 * A .zip is unpacked into a private temporary folder first, entry by entry, with limits on the number of entries
 * and on the uncompressed size, each entry checked against its CRC, so a hostile or damaged archive can neither
 * escape, fill the disk nor pass altered evidence off as what was written. The unpacked copy is deleted when these
 * files are closed, when the pack they were handed to is closed ({@link ReviewPack#close()}), or when the process
 * ends.
 */
public final class PackFiles implements AutoCloseable {
    /** More entries than any real pack needs; a zip bomb of tiny files stops here. */
    static final int MAX_ZIP_ENTRIES = 10_000;
    /** Uncompressed bytes a pack may hold in all. */
    static final long MAX_UNCOMPRESSED_BYTES = 4L << 30;

    private final Path root;
    private final Path realRoot;
    /** How the pack is named in errors: the folder's or the zip's own name, never a temporary folder. */
    private final String displayName;
    /**
     * Whether {@link #open} unpacked the root itself: only then does closing delete it, so opening the root of a pack
     * that is already unpacked (to resolve one more of its files) never deletes the copy its pack still reads.
     */
    private final boolean unpackedHere;

    private PackFiles(Path root, String displayName, boolean unpackedHere) throws IOException {
        this.root = root;
        this.realRoot = root.toRealPath();
        this.displayName = displayName;
        this.unpackedHere = unpackedHere;
    }

    /**
     * Opens a pack folder, or unpacks a .zip into a private temporary folder that {@link UnpackedPacks#release}
     * deletes again.
     */
    public static PackFiles open(Path source) throws PackException {
        String name = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        try {
            if (Files.isDirectory(source)) {
                return new PackFiles(source, name, false);
            }
            if (isZip(source, name)) {
                return new PackFiles(unzip(source, name), name, true);
            }
        } catch (IOException e) {
            throw new PackException(name, "cannot be read: " + e.getMessage());
        }
        if (Files.isSymbolicLink(source) && !Files.exists(source)) {
            throw new PackException(source.toString(), brokenLink(source));
        }
        if (!Files.exists(source)) {
            throw new PackException(source.toString(), "does not exist");
        }
        Path folder = source.toAbsolutePath().getParent();
        if (folder != null && Files.isRegularFile(folder.resolve(PackManifest.FILE_NAME))) {
            // a file of the pack given for the pack (verdict validate pack/primary.csv): name the folder to give
            Path given = source.getParent() == null ? Path.of(".") : source.getParent();
            throw new PackException(name, "is a file of the pack " + given + ", not a pack: give the pack's folder, "
                    + given + " (the folder that holds " + PackManifest.FILE_NAME + "), or a .zip of it");
        }
        throw new PackException(name, "is neither a pack folder nor a .zip file");
    }

    public Path root() {
        return root;
    }

    /** The folder's or the zip's name, as errors about the pack as a whole call it. */
    public String displayName() {
        return displayName;
    }

    private static boolean isZip(Path source, String name) {
        return Files.isRegularFile(source) && name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /**
     * The bytes of the pack's manifest.json, read from a folder or straight out of a .zip without unpacking it (at
     * the zip's top or inside its one top folder, where {@link #open} finds it); empty when there is none. Nothing is
     * checked: for a command that needs one fact (the task, whether it is a summary pack) before the pack is read.
     */
    public static Optional<byte[]> peekManifest(Path source) throws IOException {
        if (Files.isDirectory(source)) {
            Path manifest = source.resolve(PackManifest.FILE_NAME);
            return Files.isRegularFile(manifest) ? Optional.of(Files.readAllBytes(manifest)) : Optional.empty();
        }
        if (source.getFileName() == null || !isZip(source, source.getFileName().toString())) {
            return Optional.empty();
        }
        try (ZipFile zip = new ZipFile(source.toFile())) {
            ZipEntry manifest = zippedManifest(zip);
            if (manifest == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(manifest)) {
                return Optional.of(in.readAllBytes());
            }
        }
    }

    private static ZipEntry zippedManifest(ZipFile zip) {
        ZipEntry top = zip.getEntry(PackManifest.FILE_NAME);
        if (top != null) {
            return top;
        }
        List<? extends ZipEntry> nested = zip.stream()
                .filter(e -> !e.getName().startsWith("__MACOSX"))
                .filter(e -> e.getName().matches("[^/]+/" + PackManifest.FILE_NAME))
                .toList();
        return nested.size() == 1 ? nested.get(0) : null;
    }

    /**
     * Deletes the copy {@link #open} unpacked a .zip into; nothing happens for a pack folder, nor for the unpacked
     * root of a pack opened earlier, which its pack releases. The name {@link PackLoader} uses on failure: on success it
     * hands the copy on to the {@link ReviewPack} it returns.
     */
    public void release() {
        if (unpackedHere) {
            UnpackedPacks.release(root);
        }
    }

    /** As {@link #release()}: so a command that only looks into a pack opens it with try-with-resources. */
    @Override
    public void close() {
        release();
    }

    /**
     * Resolves a path written in the manifest. Absolute paths, {@code ..} segments, control characters and links
     * that lead out of the pack are refused, and so is anything but a regular file: a pack can only point at its
     * own files, and reading never blocks on a FIFO or a device.
     */
    public Path resolve(String relative, String referencedFrom, long line, long column) throws PackException {
        if (relative == null || relative.isBlank()) {
            throw new PackException(referencedFrom, line, column, "a file name is required");
        }
        String normalizedSeparators = relative.replace('\\', '/');
        String problem = nameProblem(normalizedSeparators);
        if (problem != null) {
            throw new PackException(referencedFrom, line, column, "'" + relative + "' " + problem);
        }
        Path file = root.resolve(normalizedSeparators).normalize();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new PackException(referencedFrom, line, column, "'" + relative + "' is missing from the pack");
        }
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new PackException(referencedFrom, line, column, "'" + relative + "' " + brokenLink(file));
        }
        try {
            if (!file.toRealPath().startsWith(realRoot)) {
                throw new PackException(referencedFrom, line, column,
                        "'" + relative + "' is a link that leads outside the pack");
            }
        } catch (IOException e) {
            throw new PackException(referencedFrom, line, column, "'" + relative + "' cannot be read: " + e.getMessage());
        }
        if (Files.isDirectory(file)) {
            throw new PackException(referencedFrom, line, column, "'" + relative + "' is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new PackException(referencedFrom, line, column, "'" + relative + "' " + NOT_REGULAR);
        }
        return file;
    }

    /**
     * Why a symbolic link leads to nothing readable: a loop (x → y → x, which the system reports only as "too many
     * levels of symbolic links"), or a dangling link whose target does not exist.
     */
    private static String brokenLink(Path link) {
        List<String> chain = linkChain(link);
        return chain != null ? "is a symbolic-link loop (" + String.join(" → ", chain) + "): it leads back to itself and"
                + " never to a file or folder" : "is a dangling link: what it points at does not exist";
    }

    private static boolean isLinkLoop(Path link) {
        return linkChain(link) != null;
    }

    /**
     * The links passed from {@code link} (as their targets are written) until one comes round again, or null when the
     * chain ends somewhere that is not a link: not a loop.
     */
    private static List<String> linkChain(Path link) {
        List<String> chain = new ArrayList<>(List.of(String.valueOf(link.getFileName())));
        Set<Path> passed = new HashSet<>();
        Path current = link.toAbsolutePath().normalize();
        while (Files.isSymbolicLink(current)) {
            if (!passed.add(current)) {
                return chain;
            }
            try {
                Path written = Files.readSymbolicLink(current);
                chain.add(written.toString());
                current = current.resolveSibling(written).normalize();
            } catch (IOException unreadable) {
                return null;
            }
        }
        return null;
    }

    private static final String NOT_REGULAR =
            "is not a regular file (a FIFO, device or socket); a pack holds only regular files";

    /**
     * Why a pack-relative name ('/'-separated) is refused, or null when it is fine. Names are judged segment by
     * segment, so {@code notes..v2.txt} is an ordinary name while {@code a/../b} leaves the folder. Control
     * characters are refused because a name holding a line break would make the "hash  name" listing behind the
     * pack hash ambiguous.
     */
    static String nameProblem(String name) {
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return "is an absolute path; files must be given relative to the pack";
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return "leaves the pack ('..' is not allowed)";
            }
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return String.format(Locale.ROOT, "has a control character (U+%04X) in its name", (int) c);
            }
        }
        return null;
    }

    /**
     * SHA-256 of every file in the pack, keyed by its path relative to the root with '/' separators. Links are
     * not followed into other folders: a link to a file inside the pack is hashed under its own name, one that leads
     * outside (file or folder) or nowhere is refused, and so is every FIFO, device or socket, by name.
     */
    public Map<String, String> hashAllFiles() throws PackException {
        return walk(true);
    }

    /**
     * The walk of {@link #hashAllFiles()} with its refusals, without reading the files: for a command that shows no
     * hashes (hashing the benchmark's 19.5 MB summary pack was 0.13 s of a fresh process's 1.5 s of CPU).
     */
    public void checkAllFiles() throws PackException {
        walk(false);
    }

    private Map<String, String> walk(boolean hash) throws PackException {
        Map<String, String> hashes = new TreeMap<>();
        PackException[] refused = new PackException[1];
        SimpleFileVisitor<Path> hashEach = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String relative = realRoot.relativize(file).toString().replace('\\', '/');
                refused[0] = hashOne(file, relative, attributes, hash ? hashes : null);
                return refused[0] == null ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }
        };
        try {
            // from the real root, so a pack opened through a link to its folder is walked, not taken for a link
            Files.walkFileTree(realRoot, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, hashEach);
        } catch (IOException e) {
            throw new PackException(displayName, "cannot be read: " + e.getMessage());
        }
        if (refused[0] != null) {
            throw refused[0];
        }
        return hashes;
    }

    /** Hashes one entry of the walk into {@code hashes} (unless null), or says why it is refused. */
    private PackException hashOne(Path file, String relative, BasicFileAttributes attributes,
                                  Map<String, String> hashes) throws IOException {
        String problem = nameProblem(relative);
        if (problem != null) {
            return new PackException(relative, problem);
        }
        if (attributes.isSymbolicLink()) {
            Path target;
            try {
                target = file.toRealPath();
            } catch (NoSuchFileException e) {
                return new PackException(relative, brokenLink(file));
            } catch (FileSystemException e) {
                // a loop, or a target that cannot be looked at: said in words, not in the system's own text
                return new PackException(relative, isLinkLoop(file) ? brokenLink(file)
                        : "is a link whose target cannot be looked at (" + e.getReason() + ")");
            }
            if (!target.startsWith(realRoot)) {
                return new PackException(relative, "is a link that leads outside the pack");
            }
            if (Files.isDirectory(target)) {
                return null; // its files are hashed where they really are
            }
            if (!Files.isRegularFile(target)) {
                return new PackException(relative, NOT_REGULAR);
            }
        } else if (!attributes.isRegularFile()) {
            return new PackException(relative, NOT_REGULAR);
        }
        if (hashes != null) {
            hashes.put(relative, Hashes.sha256Hex(file));
        }
        return null;
    }

    private static Path unzip(Path zip, String zipName) throws IOException, PackException {
        // the property as it is now (Files.createTempDirectory(prefix) keeps the first value it saw)
        Path target = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "verdict-pack-");
        try {
            unzipInto(zip, zipName, target);
            Path root = singleTopFolder(target, zipName);
            UnpackedPacks.register(root, target);
            return root;
        } catch (PackException | IOException | RuntimeException e) {
            UnpackedPacks.deleteRecursively(target);
            throw e;
        }
    }

    private static void unzipInto(Path zip, String zipName, Path target) throws IOException, PackException {
        long total = 0;
        int entries = 0;
        Set<String> names = new HashSet<>();
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = zipFile.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new PackException(zipName, "has more than " + MAX_ZIP_ENTRIES + " entries");
                }
                String name = entry.getName().replace('\\', '/');
                String problem = nameProblem(name);
                if (problem != null) {
                    throw new PackException(zipName, "entry '" + name + "' "
                            + (problem.startsWith("leaves") || problem.startsWith("is an absolute")
                            ? "would be written outside the pack" : problem));
                }
                Path out = target.resolve(name).normalize();
                if (!out.startsWith(target)) {
                    throw new PackException(zipName, "entry '" + name + "' would be written outside the pack");
                }
                String key = target.relativize(out).toString();
                if (!names.add(key)) {
                    throw new PackException(zipName, "entry '" + name + "' appears twice; which one is the pack's "
                            + "evidence cannot be told");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                total = copyChecked(zipFile, entry, name, zipName, out, total);
            }
        } catch (ZipException e) {
            throw new PackException(zipName, "is not a readable zip: " + e.getMessage());
        }
    }

    /** Copies one entry, checking the running total against the size limit and the bytes against the CRC. */
    private static long copyChecked(ZipFile zipFile, ZipEntry entry, String name, String zipName, Path out, long total)
            throws IOException, PackException {
        CRC32 crc = new CRC32();
        try (InputStream in = zipFile.getInputStream(entry); OutputStream os = Files.newOutputStream(out)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                total += read;
                if (total > MAX_UNCOMPRESSED_BYTES) {
                    throw new PackException(zipName, "unpacks to more than " + (MAX_UNCOMPRESSED_BYTES >> 20) + " MiB");
                }
                crc.update(buffer, 0, read);
                os.write(buffer, 0, read);
            }
        } catch (ZipException e) {
            throw new PackException(zipName, "entry '" + name + "' is damaged: " + e.getMessage());
        }
        if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
            throw new PackException(zipName, "entry '" + name + "' is damaged: its content does not match the "
                    + "checksum (CRC-32) stored in the zip");
        }
        return total;
    }

    /**
     * Zips made by "compress this folder" hold one top-level folder; the pack is inside it. A zip that holds
     * nothing but another zip is named, since "manifest.json is missing" would not say why.
     */
    private static Path singleTopFolder(Path unpacked, String zipName) throws IOException, PackException {
        if (Files.exists(unpacked.resolve(PackManifest.FILE_NAME))) {
            return unpacked;
        }
        List<Path> list;
        try (Stream<Path> children = Files.list(unpacked)) {
            list = children.filter(p -> !p.getFileName().toString().startsWith("__MACOSX")).toList();
        }
        if (list.size() == 1 && Files.isDirectory(list.get(0))) {
            return list.get(0);
        }
        if (list.size() == 1 && list.get(0).getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new PackException(zipName, "holds another zip, '" + list.get(0).getFileName()
                    + "', instead of a pack; open that zip, or zip the pack folder itself");
        }
        return unpacked;
    }
}
