package callcenter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Application;

import org.junit.jupiter.api.Test;

/**
 * Nothing is open by accident: every resource method of every application is guarded by {@code @RolesAllowed}
 * (or {@code @DenyAll}), except the short public list below, and every {@code @Path} class in the web module is
 * reachable under exactly one application.
 */
class RestSecurityTest {

    /** Open on purpose. Webhooks are not here: each webhook resource is listed whole below. */
    private static final Set<String> PUBLIC_METHODS = Set.of(
            "callcenter.web.auth.AuthResource#login",
            "callcenter.web.auth.AuthResource#token",
            "callcenter.web.health.HealthResource#live",
            "callcenter.web.health.HealthResource#ready");

    /** Applications whose resources are public by design, each authenticating its own way. */
    private static final Map<Class<? extends Application>, String> PUBLIC_APPLICATIONS = Map.of(
            WebhooksApplication.class, "carrier webhooks check the carrier's signature or secret",
            HealthApplication.class, "load balancers probe health without credentials");

    private static final List<Application> APPLICATIONS = List.of(
            new RestApplication(), new WebhooksApplication(), new HealthApplication());

    @Test
    void everyApiMethodNeedsARoleUnlessListedAsPublic() {
        List<String> open = new ArrayList<>();
        List<String> publicSeen = new ArrayList<>();
        for (Application application : APPLICATIONS) {
            for (Class<?> resource : resources(application)) {
                for (Method method : resource.getMethods()) {
                    if (!isResourceMethod(method)) {
                        continue;
                    }
                    String name = resource.getName() + "#" + method.getName();
                    boolean guarded = method.isAnnotationPresent(RolesAllowed.class)
                            || method.isAnnotationPresent(DenyAll.class)
                            || (!method.isAnnotationPresent(PermitAll.class)
                            && (resource.isAnnotationPresent(RolesAllowed.class) || resource.isAnnotationPresent(DenyAll.class)));
                    if (PUBLIC_METHODS.contains(name)) {
                        publicSeen.add(name);
                        assertFalse(guarded, name + " is on the public list but has a role check");
                    } else if (!guarded && !PUBLIC_APPLICATIONS.containsKey(application.getClass())) {
                        open.add(name);
                    }
                }
            }
        }
        assertEquals(List.of(), open, "resource methods without @RolesAllowed and not on the public list");
        assertEquals(new TreeSet<>(PUBLIC_METHODS), new TreeSet<>(publicSeen),
                "the public list names methods that do not exist (renamed?)");
    }

    @Test
    void rolesNamedAreDeclared() {
        Set<String> declared = Set.of(RestApplication.class.getAnnotation(jakarta.annotation.security.DeclareRoles.class).value());
        for (Application application : APPLICATIONS) {
            for (Class<?> resource : resources(application)) {
                List<RolesAllowed> checks = new ArrayList<>();
                if (resource.isAnnotationPresent(RolesAllowed.class)) {
                    checks.add(resource.getAnnotation(RolesAllowed.class));
                }
                for (Method method : resource.getMethods()) {
                    if (method.isAnnotationPresent(RolesAllowed.class)) {
                        checks.add(method.getAnnotation(RolesAllowed.class));
                    }
                }
                for (RolesAllowed check : checks) {
                    for (String role : check.value()) {
                        assertTrue(declared.contains(role), resource.getName() + " allows undeclared role " + role);
                    }
                }
            }
        }
    }

    @Test
    void everyPathClassIsRegisteredInExactlyOneApplication() throws Exception {
        Map<Class<?>, List<String>> registrations = new HashMap<>();
        for (Application application : APPLICATIONS) {
            for (Class<?> resource : resources(application)) {
                registrations.computeIfAbsent(resource, c -> new ArrayList<>()).add(application.getClass().getSimpleName());
            }
        }
        List<Class<?>> pathClasses = compiledPathClasses();
        assertTrue(pathClasses.contains(callcenter.web.auth.AuthResource.class),
                "the scan found no resources: " + pathClasses);
        List<String> wrong = new ArrayList<>();
        for (Class<?> pathClass : pathClasses) {
            List<String> apps = registrations.getOrDefault(pathClass, List.of());
            if (apps.size() != 1) {
                wrong.add(pathClass.getName() + " in " + apps);
            }
        }
        assertEquals(List.of(), wrong, "@Path classes must be registered in exactly one application");
    }

    private static Set<Class<?>> resources(Application application) {
        Set<Class<?>> resources = new java.util.HashSet<>();
        for (Class<?> c : application.getClasses()) {
            if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                resources.add(c);
            }
        }
        return resources;
    }

    private static boolean isResourceMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    /** Every class with {@code @Path} among the module's compiled classes. */
    private static List<Class<?>> compiledPathClasses() throws IOException, ClassNotFoundException {
        Path classes = Path.of(RestApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<Class<?>> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replace('\\', '.');
            name = name.substring(0, name.length() - ".class".length());
            Class<?> type = Class.forName(name, false, RestSecurityTest.class.getClassLoader());
            if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                found.add(type);
            }
        }
        return found;
    }
}
