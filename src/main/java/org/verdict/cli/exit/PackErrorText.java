package org.verdict.cli.exit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.verdict.core.pack.PackException;

/**
 * A pack error as the command line prints it: a file inside the pack is named with the pack as the user gave it
 * ("packs/nfd/primary.csv, line 5, column 3: …"; inside a zip "pack.zip: primary.csv, line 5, …", since the zip's
 * own top folder is not part of what the user typed), so a user with several packs can tell which one is at fault.
 * An error about the pack itself, or about a file given by its own path, is printed as it is.
 */
public final class PackErrorText {
    private PackErrorText() {
    }

    public static String of(Path pack, PackException error) {
        String file = error.file();
        Path packName = pack.getFileName();
        if (file.equals(pack.toString()) || (packName != null && file.equals(packName.toString()))
                || Path.of(file).isAbsolute()) {
            return error.getMessage();
        }
        boolean zip = Files.isRegularFile(pack) && pack.toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        return error.relocated(zip ? pack + ": " + file : pack.resolve(file).toString()).getMessage();
    }
}
