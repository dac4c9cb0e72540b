package callcenter.calls.control;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import callcenter.calls.entity.CallLog;

/**
 * An EntityManager for unit tests of the call controls: {@code find} answers one stored call, and every query is
 * recorded with its parameters; {@code executeUpdate} answers the scripted row counts in turn (then 1).
 */
final class RecordingEntityManager {

    /** One query as the control built it. */
    record Recorded(String jpql, Map<String, Object> parameters) {
    }

    final List<Recorded> queries = new ArrayList<>();
    final Deque<Integer> updateCounts = new ArrayDeque<>();
    CallLog stored;

    EntityManager proxy() {
        return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EntityManager.class},
                (p, method, args) -> switch (method.getName()) {
                    case "find" -> stored;
                    case "refresh", "persist", "flush" -> null;
                    case "createQuery" -> query((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Query query(String jpql) {
        Recorded recorded = new Recorded(jpql, new LinkedHashMap<>());
        queries.add(recorded);
        return (Query) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Query.class},
                (q, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        recorded.parameters().put((String) args[0], args[1]);
                        yield q;
                    }
                    case "executeUpdate" -> updateCounts.isEmpty() ? 1 : updateCounts.poll();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    Recorded last() {
        return queries.get(queries.size() - 1);
    }
}
