package org.verdict.ui.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.verdict.settings.UserDataFolder;

/**
 * Where a file is, in a few words: its folder with the home folder as {@code ~} (as a path field takes it), a long
 * one cut in the middle between two folders ({@code /srv/…/tamper}), so that two logs of one name, a copy and the
 * real one, never read alike. The whole path belongs in a tooltip beside it.
 */
public final class FolderText {
    /** Stands for the folders left out of a long folder. */
    private static final String LEFT_OUT = "…";

    private FolderText() {
    }

    /** The folder of {@code file}, up to about {@code maxChars} characters: its first and last folders kept. */
    public static String folderOf(Path file, int maxChars) {
        return folderOf(file, UserDataFolder.userHome(), maxChars);
    }

    /** {@code file} in its folder ({@link #folderOf}), e.g. {@code ~/.verdict/decisions.db}. */
    public static String fileIn(Path file, int maxChars) {
        Path whole = file.toAbsolutePath().normalize();
        String folder = folderOf(whole, maxChars);
        String separator = whole.getFileSystem().getSeparator();
        return (folder.endsWith(separator) ? folder : folder + separator) + whole.getFileName();
    }

    static String folderOf(Path file, Path home, int maxChars) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder == null) {
            return "";
        }
        String separator = folder.getFileSystem().getSeparator();
        boolean inHome = home != null && folder.startsWith(home);
        // a folder in the home folder is said from ~, any other from its root
        Path start = inHome ? home : folder.getRoot();
        String lead = inHome ? (folder.equals(home) ? "~" : "~" + separator) : String.valueOf(start);
        List<String> names = new ArrayList<>();
        if (!folder.equals(start)) {
            start.relativize(folder).forEach(name -> names.add(name.toString()));
        }
        String whole = lead + String.join(separator, names);
        if (whole.length() <= maxChars || names.size() <= 2) {
            return whole;
        }
        // the first folder says where it is (/tmp, /home, ~/projects), the last ones which of its kind
        String head = lead + names.get(0) + separator + LEFT_OUT;
        List<String> tail = new ArrayList<>();
        int length = head.length();
        for (int i = names.size() - 1; i > 0; i--) {
            int added = separator.length() + names.get(i).length();
            if (!tail.isEmpty() && length + added > maxChars) {
                break;
            }
            tail.add(0, names.get(i));
            length += added;
        }
        return tail.size() == names.size() - 1 ? whole : head + separator + String.join(separator, tail);
    }
}
