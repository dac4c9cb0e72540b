package callcenter.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The RSA key pair that signs the tokens the product issues. Read from {@code CALLCENTER_JWT_KEY_FILE} (a PKCS#8
 * PEM private key shared by every node of a cluster) or, when that is unset, generated once on first start and
 * kept in the data directory so that tokens stay valid across restarts.
 *
 * <p>Lives in the EAR's {@code lib/} so that the MicroProfile Config source (verification) and the token issuer
 * (signing) share one instance per deployment.
 */
public final class SigningKeys {

    public static final String ISSUER = "callcenter";
    static final String GENERATED_FILE_NAME = "jwt-signing-key.pem";

    private static volatile SigningKeys instance;

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    SigningKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sha256(publicKey.getEncoded())).substring(0, 16);
    }

    /** The keys of this server, loaded (or generated) on first use. */
    public static SigningKeys get() {
        SigningKeys keys = instance;
        if (keys == null) {
            synchronized (SigningKeys.class) {
                keys = instance;
                if (keys == null) {
                    keys = load(setting("callcenter.jwt-key-file", "CALLCENTER_JWT_KEY_FILE"),
                            Path.of(setting("callcenter.data-dir", "CALLCENTER_DATA_DIR").orElse("./data")));
                    instance = keys;
                }
            }
        }
        return keys;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The public key as a PEM document, the form {@code mp.jwt.verify.publickey} takes. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    static SigningKeys load(Optional<String> keyFile, Path dataDir) {
        try {
            if (keyFile.isPresent()) {
                return fromPrivateKey(readPrivateKey(Path.of(keyFile.get())));
            }
            return fromPrivateKey(readOrGenerate(dataDir.resolve(GENERATED_FILE_NAME)));
        } catch (IOException e) {
            throw new UncheckedIOException("CALLCENTER_JWT_KEY_FILE / CALLCENTER_DATA_DIR: cannot read or write the signing key: " + e.getMessage(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("CALLCENTER_JWT_KEY_FILE: not a PKCS#8 PEM RSA private key (" + e.getMessage() + ")", e);
        }
    }

    private static PrivateKey readOrGenerate(Path file) throws IOException, GeneralSecurityException {
        if (Files.exists(file)) {
            return readPrivateKey(file);
        }
        Files.createDirectories(file.getParent());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path temp = Files.createTempFile(file.getParent(), "jwt-key", ".tmp");
        try {
            Files.writeString(temp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            // Two nodes sharing a data directory may both generate. A move would replace the other's file after that
            // node had started signing with it; a hard link is created only if the name is free (atomically, with
            // the whole content already written), so the first key to land wins and the other node reads it.
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException lost) {
            // Another node's key is there: use it.
        } catch (UnsupportedOperationException | FileSystemException noLinks) {
            writeNew(file, pair); // a file system without hard links
        } finally {
            Files.deleteIfExists(temp);
        }
        return readPrivateKey(file);
    }

    /** Without hard links: created exclusively (CREATE_NEW); losing the race leaves the winner's file untouched. */
    private static void writeNew(Path file, KeyPair pair) throws IOException {
        try {
            Files.writeString(file, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException lost) {
            // Another node's key is there: use it.
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("PKCS#1 key found; convert it with: openssl pkcs8 -topk8 -nocrypt");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static SigningKeys fromPrivateKey(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("the key carries no public exponent");
        }
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return new SigningKeys(key, publicKey);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A setting read as MicroProfile Config would, without Config itself (this runs while Config is built). */
    static Optional<String> setting(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
