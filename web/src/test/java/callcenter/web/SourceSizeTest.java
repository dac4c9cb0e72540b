package callcenter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No production unit over 300 lines (docs/architecture.md): every Java source of the ejb, web and config modules
 * and every script of the pages. A unit that grows past it has more than one job; split it by job.
 */
class SourceSizeTest {

    static final int MAX_LINES = 300;

    /** Units over the limit today, being split; the test fails when one is split but still listed. */
    static final Map<String, Integer> KNOWN = Map.of();

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void noProductionUnitIsOverThreeHundredLines() {
        Map<String, Integer> over = new TreeMap<>();
        for (Path file : sources()) {
            int lines = lines(file);
            if (lines > MAX_LINES) {
                over.put(ROOT.relativize(file).toString(), lines);
            }
        }
        Map<String, Integer> unexpected = new TreeMap<>(over);
        unexpected.keySet().removeAll(KNOWN.keySet());
        assertEquals(Map.of(), unexpected, "production units over " + MAX_LINES + " lines");
        Map<String, Integer> stale = new TreeMap<>(KNOWN);
        stale.keySet().removeAll(over.keySet());
        assertEquals(Map.of(), stale, "split units still listed in KNOWN: remove them");
    }

    @Test
    void theSourcesOfEveryModuleAreCounted() {
        List<Path> files = sources();
        assertTrue(files.stream().anyMatch(f -> f.endsWith(Path.of("callcenter/calls/boundary/CallService.java"))));
        assertTrue(files.stream().anyMatch(f -> f.endsWith(Path.of("dashboard/main.js"))));
        assertTrue(files.stream().anyMatch(f -> f.toString().contains("/config/src/main/java/")));
    }

    static List<Path> sources() {
        List<Path> roots = List.of(ROOT.resolve("ejb/src/main/java"), ROOT.resolve("web/src/main/java"),
                ROOT.resolve("config/src/main/java"), ROOT.resolve("web/src/main/webapp"));
        return roots.stream().flatMap(SourceSizeTest::walk)
                .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".js"))
                .sorted().toList();
    }

    private static Stream<Path> walk(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return (int) lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
