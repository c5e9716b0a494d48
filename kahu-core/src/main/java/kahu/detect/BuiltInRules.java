package kahu.detect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** The Sigma rules Kahu ships ({@code kahu/detect/rules}), as a path whether Kahu runs from classes or a jar. */
public final class BuiltInRules {
    static final String FOLDER = "kahu/detect/rules";

    private BuiltInRules() {}

    public static Path folder() {
        try {
            URI uri = BuiltInRules.class.getClassLoader().getResource(FOLDER).toURI();
            if (!"jar".equals(uri.getScheme())) return Path.of(uri);
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            return fs.getPath("/" + FOLDER);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("the built-in rules are missing from the class path", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
