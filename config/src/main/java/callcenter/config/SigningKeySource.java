package callcenter.config;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies MicroProfile JWT with the verification key of the tokens this server signs, so no operator has to
 * copy a public key into the configuration. Its ordinal is below the environment and system properties, which
 * can still override it.
 */
public class SigningKeySource implements ConfigSource {

    private static final Set<String> NAMES = Set.of("mp.jwt.verify.publickey", "mp.jwt.verify.issuer");

    @Override
    public Set<String> getPropertyNames() {
        return NAMES;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("mp.jwt.verify.publickey", getValue("mp.jwt.verify.publickey"),
                "mp.jwt.verify.issuer", SigningKeys.ISSUER);
    }

    @Override
    public String getValue(String propertyName) {
        return switch (propertyName) {
            case "mp.jwt.verify.publickey" -> SigningKeys.get().publicKeyPem();
            case "mp.jwt.verify.issuer" -> SigningKeys.ISSUER;
            default -> null;
        };
    }

    @Override
    public String getName() {
        return "callcenter-signing-key";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
