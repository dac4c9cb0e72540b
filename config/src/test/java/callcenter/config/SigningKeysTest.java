package callcenter.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    /**
     * Two nodes starting at once on one data directory: both generate, but both must end up signing with the same
     * key (the one on disk), or the tokens of one would fail on the other and after its restart.
     */
    @Test
    void twoNodesRacingOnOneDataDirectoryShareTheKeyOnDisk() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Path data = dir.resolve("round-" + round);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<SigningKeys>> nodes = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    nodes.add(pool.submit(() -> {
                        start.await();
                        return SigningKeys.load(Optional.empty(), data);
                    }));
                }
                SigningKeys first = nodes.get(0).get();
                SigningKeys second = nodes.get(1).get();
                SigningKeys onDisk = SigningKeys.load(Optional.empty(), data);
                assertArrayEquals(onDisk.privateKey().getEncoded(), first.privateKey().getEncoded(), "round " + round);
                assertArrayEquals(onDisk.privateKey().getEncoded(), second.privateKey().getEncoded(), "round " + round);
                try (Stream<Path> files = Files.list(data)) {
                    assertEquals(List.of(SigningKeys.GENERATED_FILE_NAME),
                            files.map(f -> f.getFileName().toString()).toList(), "no temporary file is left behind");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
