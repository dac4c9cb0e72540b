package callcenter.platform;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import callcenter.common.JsonP;

/**
 * The application's settings, read through MicroProfile Config and parsed here rather than by injection, so that
 * a wrong value is reported in one line naming the environment variable (see {@link StartupChecks}) instead of
 * a CDI stack trace.
 */
@ApplicationScoped
public class Settings {

    /** A setting whose value cannot be used; the message names the environment variable. */
    public static class InvalidSetting extends RuntimeException {
        public InvalidSetting(String message) {
            super(message);
        }
    }

    public int tokenTtlMinutes() {
        return positiveInt("callcenter.token-ttl-minutes");
    }

    public int ringTimeoutSeconds() {
        return positiveInt("callcenter.ring-timeout-seconds");
    }

    public int dialTimeoutSeconds() {
        return positiveInt("callcenter.dial-timeout-seconds");
    }

    public int presenceGraceSeconds() {
        return nonNegativeInt("callcenter.presence-grace-seconds");
    }

    /** How often every WebSocket is pinged (CALLCENTER_WS_PING_SECONDS): its pong keeps idle sockets open. */
    public int wsPingSeconds() {
        return positiveInt("callcenter.ws-ping-seconds");
    }

    /**
     * This node's name (CALLCENTER_NODE_ID, at most 23 characters): it owns this node's WebSocket rows in the shared
     * presence tables. Default: the host name and HTTP port, so two nodes on one host differ.
     */
    public String nodeId() {
        String id = optional("callcenter.node-id").orElseGet(() -> {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "node";
            }
            String port = optional("callcenter.port").or(() -> optional("port")).orElse("8080");
            host = host.replaceAll("[^A-Za-z0-9.-]", "");
            return host.substring(0, Math.min(host.length(), 22 - port.length())) + "-" + port;
        });
        if (id.length() > 23) {
            throw invalid("callcenter.node-id", id, "must be at most 23 characters");
        }
        return id;
    }

    /**
     * How many times a node runs a caller's initiate and an agent's accept, each rolled back, once it is ready
     * (CALLCENTER_WARMUP_PASSES; 0: not at all). See {@code CallPathsWarmUp}.
     */
    public int warmupPasses() {
        return nonNegativeInt("callcenter.warmup-passes");
    }

    public int serviceLevelSeconds() {
        return positiveInt("callcenter.service-level-seconds");
    }

    /**
     * STUN/TURN servers for the browsers (CALLCENTER_ICE_SERVERS): a JSON list of {"urls","username"?,"credential"?},
     * handed to the pages as it is; checked here so a typo is reported at start rather than in a browser.
     */
    public JsonArray iceServers() {
        return parse("callcenter.ice-servers", raw -> {
            try (var reader = JsonP.createReader(new StringReader(raw))) {
                JsonArray list = reader.readArray();
                for (JsonValue server : list) {
                    if (!(server instanceof JsonObject o) || !o.containsKey("urls")) {
                        throw new IllegalArgumentException("each ICE server needs \"urls\"");
                    }
                }
                return list;
            }
        }, "must be a JSON list of {\"urls\",\"username\"?,\"credential\"?}");
    }

    public int providerTimeoutSeconds() {
        return positiveInt("callcenter.provider-timeout-seconds");
    }

    public long maxBodyBytes() {
        return positiveInt("callcenter.max-body-bytes");
    }

    public String defaultRegion() {
        String region = required("callcenter.default-region").toUpperCase();
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw invalid("callcenter.default-region", region, "must be a two-letter region code such as KE or US");
        }
        return region;
    }

    public ZoneId timezone() {
        return parse("callcenter.timezone", ZoneId::of, "must be a time zone id such as UTC or Africa/Nairobi");
    }

    public Optional<String> adminPassword() {
        return optional("callcenter.admin-password");
    }

    public String database() {
        String db = required("callcenter.db").toLowerCase();
        if (!db.equals("h2") && !db.equals("postgresql")) {
            throw invalid("callcenter.db", db, "must be h2 or postgresql");
        }
        return db;
    }

    /** PostgreSQL rather than the embedded H2: a few hot statements have a PostgreSQL-only form of fewer round trips. */
    public boolean postgresql() {
        return "postgresql".equals(database());
    }

    public Optional<String> databaseUrl() {
        return optional("callcenter.db-url");
    }

    /** Failed logins from one client address within the throttle window before it is locked (api.md section 2). */
    public int loginAddressMaxFailures() {
        int max = positiveInt("callcenter.login-address-max-failures");
        if (max > 2000) {
            // The times of that many attempts are kept per address (login_attempts.attempt_times, 20,000 characters).
            throw invalid("callcenter.login-address-max-failures", Integer.toString(max), "must be at most 2000");
        }
        return max;
    }

    /**
     * The addresses of the reverse proxies whose {@code X-Forwarded-For} is believed (comma list, exact addresses);
     * empty: the connection's own address is the client's.
     */
    public Set<String> trustedProxies() {
        return optional("callcenter.trusted-proxies").stream()
                .flatMap(raw -> Arrays.stream(raw.split(",")))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public Optional<String> string(String name) {
        return optional(name);
    }

    /** Checks the combinations that each value alone cannot show. */
    public void checkDatabase() {
        String db = database();
        Optional<String> url = databaseUrl();
        if (db.equals("postgresql") && optional("callcenter.db-password").isEmpty()) {
            // The datasource would fall back to the password "callcenter", which anyone can guess: never run so.
            throw new InvalidSetting("Missing setting CALLCENTER_DB_PASSWORD: required when CALLCENTER_DB=postgresql "
                    + "(there is no default password for a shared database)");
        }
        if (db.equals("postgresql") && url.isEmpty()) {
            throw new InvalidSetting("Invalid setting CALLCENTER_DB_URL: required when CALLCENTER_DB=postgresql "
                    + "(jdbc:postgresql://host:5432/database)");
        }
        url.ifPresent(u -> {
            if (!u.startsWith("jdbc:" + db + ":")) {
                throw new InvalidSetting("Invalid setting CALLCENTER_DB_URL: '" + u.replaceAll("password=[^&;]*", "password=***")
                        + "' does not match CALLCENTER_DB=" + db + " (expected a jdbc:" + db + ": URL)");
            }
        });
    }

    private int positiveInt(String name) {
        int value = integer(name);
        if (value < 1) {
            throw invalid(name, Integer.toString(value), "must be a whole number greater than 0");
        }
        return value;
    }

    private int nonNegativeInt(String name) {
        int value = integer(name);
        if (value < 0) {
            throw invalid(name, Integer.toString(value), "must be a whole number, 0 or more");
        }
        return value;
    }

    private int integer(String name) {
        return parse(name, v -> Integer.valueOf(v.trim()), "must be a whole number");
    }

    private <T> T parse(String name, Function<String, T> parser, String rule) {
        String raw = required(name);
        try {
            return parser.apply(raw);
        } catch (RuntimeException e) {
            throw invalid(name, raw, rule);
        }
    }

    private String required(String name) {
        return optional(name).orElseThrow(() -> new InvalidSetting("Missing setting " + environmentName(name)));
    }

    private Optional<String> optional(String name) {
        return config().getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Config config() {
        return ConfigProvider.getConfig(Settings.class.getClassLoader());
    }

    private static InvalidSetting invalid(String name, String value, String rule) {
        return new InvalidSetting("Invalid setting " + environmentName(name) + "='" + value + "': " + rule);
    }

    /** callcenter.ring-timeout-seconds → CALLCENTER_RING_TIMEOUT_SECONDS, the name operators set. */
    public static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }
}
