package callcenter.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product as an operator runs it: {@code java -jar callcenter-bootable.jar} in a process of its own, with the
 * environment the test gives it and nothing inherited from the test run's own settings.
 */
final class BootableJar implements AutoCloseable {

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final int port;

    private BootableJar(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(() -> {
            // Also to a file in the node's work directory: what a failed cluster test needs read afterwards.
            java.io.Writer file = null;
            try {
                file = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                // no copy on disk then; the output is still read, or the process would block on it
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                    file = copy(file, line);
                }
            } catch (IOException e) {
                // the process ended
            } finally {
                try {
                    if (file != null) {
                        file.close();
                    }
                } catch (IOException e) {
                    // nothing to keep
                }
            }
        }, "bootable-jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The line to the copy on disk; null from the first failure on (reading must go on). */
    private static java.io.Writer copy(java.io.Writer file, String line) {
        if (file != null) {
            try {
                file.write(line + System.lineSeparator());
                file.flush();
            } catch (IOException e) {
                return null;
            }
        }
        return file;
    }

    static BootableJar start(Path workDir, int port, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", System.getProperty("it.bootable.jar"))
                .directory(workDir.toFile())
                .redirectErrorStream(true);
        // The failsafe run points the Arquillian server at PostgreSQL through CALLCENTER_*: none of that here.
        builder.environment().keySet().removeIf(name -> name.startsWith("CALLCENTER_") || name.equals("PORT"));
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("CALLCENTER_MANAGEMENT_PORT", Integer.toString(port + 1));
        builder.environment().putAll(env);
        try {
            return new BootableJar(builder.start(), port, workDir.resolve("console.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URL url() {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until /health/ready answers 200; false if the process died or the time ran out. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + "health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Waits until a line of output contains the text. */
    boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().stream().anyMatch(line -> line.contains(text))) {
                return true;
            }
            if (!process.isAlive() && output().stream().noneMatch(line -> line.contains(text))) {
                return false;
            }
            Thread.sleep(300);
        }
        return false;
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    String outputText() {
        return String.join("\n", output());
    }

    /** SIGKILL, as a crash or an OOM killer does it: no shutdown hook, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        // SIGTERM through the process handle: Process.destroy() also closes the pipe this class reads, so the
        // server's shutdown (the drain's log lines among it) was lost from console.log and output().
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
