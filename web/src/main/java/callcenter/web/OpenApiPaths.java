package callcenter.web;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Puts every path of the OpenAPI document under the application that really serves it.
 *
 * <p>The WAR has three JAX-RS applications ({@code /api}, {@code /webhooks}, {@code /health}), but the OpenAPI
 * scanner prefixes every resource with the path of one of them. This filter (registered as {@code mp.openapi.filter})
 * takes the applications' own class lists, which are the truth about what is served where, and moves each path to
 * its application's prefix.
 */
public class OpenApiPaths implements OASFilter {

    static final List<Application> APPLICATIONS = List.of(new RestApplication(), new WebhooksApplication(),
            new HealthApplication());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        Map<String, String> served = servedPaths();
        Map<String, PathItem> moved = new TreeMap<>();
        paths.getPathItems().forEach((path, item) -> {
            String relative = relative(path);
            // One documented path can hold operations of two applications (GET /api/sms and POST /webhooks/sms).
            Map<String, Map<PathItem.HttpMethod, Operation>> byTarget = new TreeMap<>();
            item.getOperations().forEach((method, operation) -> byTarget
                    .computeIfAbsent(served.getOrDefault(key(method.name(), relative), path), t -> new TreeMap<>())
                    .put(method, operation));
            if (byTarget.size() <= 1) {
                moved.put(byTarget.isEmpty() ? path : byTarget.keySet().iterator().next(), item);
                return;
            }
            byTarget.forEach((target, operations) -> {
                PathItem part = OASFactory.createPathItem().parameters(item.getParameters());
                operations.forEach(part::setOperation);
                moved.put(target, part);
            });
        });
        List.copyOf(paths.getPathItems().keySet()).forEach(paths::removePathItem);
        moved.forEach(paths::addPathItem);
    }

    /** {@code "GET /calls/{id}"} (HTTP method and path relative to its application) → the path a client calls. */
    static Map<String, String> servedPaths() {
        Map<String, String> served = new HashMap<>();
        for (Application application : APPLICATIONS) {
            String prefix = prefix(application);
            for (Class<?> type : application.getClasses()) {
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue; // a provider, not a resource
                }
                for (Method method : type.getMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = join(join("", root.value()), sub == null ? "" : sub.value());
                        served.put(key(httpMethod, path), prefix + (path.isEmpty() ? "" : path));
                    }
                }
            }
        }
        return served;
    }

    static String key(String httpMethod, String relativePath) {
        return httpMethod + " " + relativePath;
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Drops the one application prefix the scanner put in front. */
    static String relative(String documented) {
        for (Application application : APPLICATIONS) {
            String prefix = prefix(application);
            if (documented.startsWith(prefix + "/")) {
                return documented.substring(prefix.length());
            }
        }
        return documented;
    }

    private static String prefix(Application application) {
        return "/" + trim(application.getClass().getAnnotation(ApplicationPath.class).value());
    }

    private static String join(String base, String segment) {
        String cleaned = trim(segment).replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}"); // {id: regex} is {id} in OpenAPI
        return cleaned.isEmpty() ? base : base + "/" + cleaned;
    }

    private static String trim(String path) {
        String p = path.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
