package org.verdict.ui.error;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sends java.util.logging output to rotating files in the user's log folder, where users can find and send them. */
public final class ApplicationLog {
    private ApplicationLog() {
    }

    /** @return the log file pattern in use, for messages that tell the user where to look */
    public static Path install(Path logFolder) throws IOException {
        Files.createDirectories(logFolder);
        Path pattern = logFolder.resolve("verdict-%g.log");
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        FileHandler handler = new FileHandler(pattern.toString().replace("\\", "/"), 1_000_000, 5, true);
        handler.setFormatter(new SimpleFormatter());
        Logger.getLogger("").addHandler(handler);
        return logFolder.resolve("verdict-0.log");
    }
}
