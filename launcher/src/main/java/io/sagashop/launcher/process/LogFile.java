package io.sagashop.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a process writes its output, and its last lines for a message that explains why
 * it failed.
 */
public record LogFile(Path path) {

    public LogFile {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the log folder of " + path, ex);
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(path, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException | UncheckedIOException ex) {
            return "(no log at " + path + ")";
        }
    }
}
