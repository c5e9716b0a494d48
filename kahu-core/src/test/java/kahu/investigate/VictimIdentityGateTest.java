package kahu.investigate;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A victim's real name is read in one place only: no other main source selects organisation.name. */
class VictimIdentityGateTest {
    private static final Pattern READS_NAME = Pattern.compile("SELECT[^\"]*\\bname\\b[^\"]*FROM\\s+organisation", Pattern.CASE_INSENSITIVE);

    @Test
    void onlyTheGateSelectsTheRealName() throws Exception {
        Path root = Path.of(System.getProperty("kahu.repo.root", "..")).toAbsolutePath().normalize();
        List<Path> readers;
        try (Stream<Path> s = Files.walk(root)) {
            readers = s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/"))
                    .filter(p -> {
                        try {
                            return READS_NAME.matcher(Files.readString(p).replace("\n", " ")).find();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
        assertThat(readers).extracting(p -> p.getFileName().toString()).containsExactly("VictimIdentityGate.java");
    }
}
