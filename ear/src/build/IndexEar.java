import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.jboss.jandex.IndexWriter;
import org.jboss.jandex.Indexer;

/**
 * Build step of the ear module (run by the JDK's source launcher between the EAR and the bootable jar): writes the
 * Jandex annotation index that WildFly would otherwise build at every start into every archive of the EAR, as
 * {@code META-INF/jandex.idx}, except the WAR's own classes (see {@link #rewrite}).
 *
 * <p>Why: at deployment WildFly reads every class file of every resource root to index its annotations, unless the
 * root carries that file. The ActiveMQ resource adapter alone holds 37 jars (about 9,000 classes); indexing them
 * was 1.5 to 2 s of every start on 2 cores (docs/performance.md, "Start-up"). The index is made here from the same
 * bytes, with the Jandex version the server runs (ear/pom.xml), so it says what the server's own indexing would
 * say; an index the server cannot read is logged as such, and the server then indexes that root itself.
 *
 * <p>Usage: {@code java -cp jandex.jar IndexEar.java target/callcenter.ear} (rewrites the EAR in place).
 */
public class IndexEar {

    private static final String INDEX = "META-INF/jandex.idx";

    public static void main(String[] args) throws IOException {
        Path ear = Path.of(args[0]);
        byte[] rewritten = rewrite(Files.readAllBytes(ear), "");
        Path tmp = ear.resolveSibling(ear.getFileName() + ".indexing");
        Files.write(tmp, rewritten);
        Files.move(tmp, ear, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Copies an archive, giving each nested jar, rar or war the same treatment and adding the index of the classes
     * directly in it under {@code classesPrefix} (empty: the archive's root; null: it holds none of its own).
     */
    static byte[] rewrite(byte[] archive, String classesPrefix) throws IOException {
        Indexer indexer = new Indexer();
        boolean hasClasses = false;
        boolean hasIndex = false;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(archive.length + 65536);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                byte[] content = in.readAllBytes();
                if (!entry.isDirectory()) {
                    if (name.endsWith(".jar") || name.endsWith(".rar")) {
                        content = rewrite(content, "");
                    } else if (name.endsWith(".war")) {
                        // Its own classes are left to the server: the integration tests add probe servlets to the
                        // WAR, which an index made here would hide (a few hundred classes, not the cost); the jars
                        // in its WEB-INF/lib are indexed.
                        content = rewrite(content, null);
                    } else if (classesPrefix != null && name.startsWith(classesPrefix) && name.endsWith(".class")) {
                        indexer.index(new ByteArrayInputStream(content));
                        hasClasses = true;
                    } else if (classesPrefix != null && name.equals(classesPrefix + INDEX)) {
                        hasIndex = true; // a jar that ships its own index keeps it
                    }
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
            if (hasClasses && !hasIndex) {
                out.putNextEntry(new ZipEntry(classesPrefix + INDEX));
                new IndexWriter(out).write(indexer.complete());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
