package callcenter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The import rules of docs/architecture.md, checked over the compiled production classes of every module (the ejb
 * and config classes are on this module's class path): imports run down the layers of a feature and down the list
 * of features, never into another feature's control, and web packages use ejb boundaries only.
 */
class ArchitectureTest {

    /** Feature → the features it may use (besides common and platform, which everyone may use). */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("common", Set.of()),
            Map.entry("platform", Set.of()),
            Map.entry("config", Set.of()),
            Map.entry("events", Set.of()),
            Map.entry("users", Set.of("events")),
            Map.entry("auth", Set.of("users", "events")),
            Map.entry("idempotency", Set.of()),
            Map.entry("queues", Set.of("users", "events")),
            Map.entry("calls", Set.of("users", "idempotency", "events", "queues")),
            Map.entry("agents", Set.of("calls", "users", "events")),
            Map.entry("routing", Set.of("agents", "calls", "users", "events", "queues")),
            Map.entry("sms", Set.of("events")),
            Map.entry("stats", Set.of("agents", "calls", "events", "queues")),
            Map.entry("providers", Set.of("calls", "idempotency")),
            Map.entry("providers.telnyx", Set.of("providers", "calls", "routing", "agents", "users", "sms",
                    "idempotency", "events")),
            Map.entry("providers.africastalking", Set.of("providers", "calls", "routing", "agents", "users",
                    "idempotency", "events")));

    static final Set<String> LAYERS = Set.of("boundary", "control", "entity");

    /**
     * Imports that break the rules today and are being removed; the test fails when one is fixed but still listed,
     * so this list only shrinks. Format: {@code from-class -> to-class}.
     */
    static final Set<String> KNOWN = Set.of();

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("callcenter");
    }

    @Test
    void theProductionClassesOfEveryModuleAreChecked() {
        assertTrue(classes.stream().anyMatch(c -> c.getName().equals("callcenter.calls.boundary.CallService")), "ejb classes imported");
        assertTrue(classes.stream().anyMatch(c -> c.getName().equals("callcenter.web.RestApplication")), "web classes imported");
    }

    @Test
    void importsRunDownTheLayersAndTheFeatures() {
        Set<String> found = new TreeSet<>();
        for (JavaClass from : classes) {
            for (Dependency dependency : from.getDirectDependenciesFromSelf()) {
                JavaClass to = dependency.getTargetClass();
                String reason = violation(outer(from).getName(), outer(to).getName());
                if (reason != null) {
                    found.add(outer(from).getName() + " -> " + outer(to).getName() + "  (" + reason + ")");
                }
            }
        }
        Set<String> unexpected = new TreeSet<>();
        Set<String> seenKnown = new TreeSet<>();
        for (String f : found) {
            String key = f.substring(0, f.indexOf("  ("));
            if (KNOWN.contains(key)) {
                seenKnown.add(key);
            } else {
                unexpected.add(f);
            }
        }
        assertEquals(Set.of(), unexpected, "imports against docs/architecture.md");
        Set<String> stale = new TreeSet<>(KNOWN);
        stale.removeAll(seenKnown);
        assertEquals(Set.of(), stale, "fixed imports still listed in KNOWN: remove them");
    }

    @Test
    void theRulesThemselvesCatchAnUpwardImport() {
        assertEquals("control imports its feature's boundary",
                violation("callcenter.calls.control.RingTimeouts", "callcenter.calls.boundary.CallService"));
        assertEquals("entity imports its feature's control",
                violation("callcenter.calls.entity.CallLog", "callcenter.calls.control.CallMetrics"));
        assertEquals("events may not use agents",
                violation("callcenter.events.Push", "callcenter.agents.boundary.PresenceService"));
        assertEquals("platform may not use providers.telnyx",
                violation("callcenter.platform.health.TelnyxCheck", "callcenter.providers.telnyx.TelnyxSettings"));
        assertEquals("another feature's control",
                violation("callcenter.agents.boundary.PresenceService", "callcenter.calls.control.CallPushes"));
        assertEquals("web uses an ejb control",
                violation("callcenter.web.calls.CallsResource", "callcenter.calls.control.CallPushes"));
        assertEquals("web.calls uses web.push",
                violation("callcenter.web.calls.CallsResource", "callcenter.web.push.PushDelivery"));
        assertEquals(null, violation("callcenter.agents.boundary.PresenceService", "callcenter.calls.boundary.CallService"));
        assertEquals(null, violation("callcenter.web.calls.CallsResource", "callcenter.web.Problems"));
    }

    /** Why importing {@code to} from {@code from} breaks the rules; null when it is allowed. */
    static String violation(String from, String to) {
        if (!to.startsWith("callcenter.") || from.equals(to)) {
            return null;
        }
        if (from.startsWith("callcenter.web")) {
            return webViolation(from, to);
        }
        if (to.startsWith("callcenter.web")) {
            return "ejb uses web";
        }
        String fromFeature = feature(from);
        String toFeature = feature(to);
        String fromLayer = layer(from);
        String toLayer = layer(to);
        if (fromFeature.equals(toFeature)) {
            int f = rank(fromLayer);
            int t = rank(toLayer);
            if (t < f) {
                return fromLayer + " imports its feature's " + toLayer;
            }
            return null;
        }
        if (toFeature.equals("common") || toFeature.equals("platform") || toFeature.equals("config")) {
            return null;
        }
        Set<String> allowed = MAY_USE.get(fromFeature);
        if (allowed == null || !allowed.contains(toFeature)) {
            return fromFeature + " may not use " + toFeature;
        }
        if ("control".equals(toLayer)) {
            return "another feature's control";
        }
        return null;
    }

    private static String webViolation(String from, String to) {
        if (to.startsWith("callcenter.web")) {
            String fromPackage = packageOf(from);
            String toPackage = packageOf(to);
            // The root package assembles the applications out of every feature's resources.
            if (fromPackage.equals(toPackage) || fromPackage.equals("callcenter.web") || toPackage.equals("callcenter.web")
                    || toPackage.equals("callcenter.web.json")) {
                return null;
            }
            return fromPackage.substring("callcenter.".length()) + " uses " + toPackage.substring("callcenter.".length());
        }
        if ("control".equals(layer(to))) {
            return "web uses an ejb control";
        }
        return null;
    }

    /** {@code callcenter.providers.telnyx.X} → {@code providers.telnyx}; {@code callcenter.calls.boundary.X} → {@code calls}. */
    static String feature(String className) {
        List<String> parts = List.of(className.substring("callcenter.".length()).split("\\."));
        if (parts.get(0).equals("providers") && parts.size() > 2 && !LAYERS.contains(parts.get(1))) {
            return "providers." + parts.get(1);
        }
        return parts.get(0);
    }

    /** The layer package a class is in; classes of a feature without layers count as its boundary. */
    static String layer(String className) {
        for (String part : packageOf(className).split("\\.")) {
            if (LAYERS.contains(part)) {
                return part;
            }
        }
        return "boundary";
    }

    private static int rank(String layer) {
        return switch (layer) {
            case "boundary" -> 0;
            case "control" -> 1;
            default -> 2;
        };
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    private static JavaClass outer(JavaClass c) {
        JavaClass current = c;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
