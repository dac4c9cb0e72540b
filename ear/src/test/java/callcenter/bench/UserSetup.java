package callcenter.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Setting up a centre's users as an admin's script does (issue 14: 1,000 users through the API in ≤ 30 s): N users
 * created with {@code POST /api/users} by a few concurrent clients, each with its own password, then each of them
 * logging in once with it. No shortcut: every user costs the server its password hash.
 */
public final class UserSetup {

    /**
     * @param created users answered 201; {@code statuses} every answer's status and how often
     * @param createSeconds from the first request sent to the last answer; {@code createCpuSeconds} the server's CPU
     * @param loggedIn users whose login with their own password answered 200, in {@code loginSeconds}
     */
    public record Result(int users, int concurrency, int created, Map<Integer, Integer> statuses, double createSeconds,
                  double createCpuSeconds, int loggedIn, double loginSeconds, double loginCpuSeconds) {
    }

    private UserSetup() {
    }

    static Result run(ProductServer server, int users, int concurrency) throws Exception {
        String admin = server.adminToken();
        long cpu = server.cpuMillis();
        Map<String, Long> threads = server.cpuMillisByThread();
        long t0 = System.nanoTime();
        List<Integer> creates = each(users, concurrency, i -> server.post("api/users", "{\"username\":\"setup_" + i
                + "\",\"displayName\":\"Set-up Agent " + i + "\",\"password\":\"" + password(i) + "\",\"extension\":\""
                + (5000 + i) + "\",\"role\":\"agent\"}", admin).statusCode());
        double createSeconds = (System.nanoTime() - t0) / 1e9;
        double createCpu = (server.cpuMillis() - cpu) / 1000.0;
        System.out.print("  users created;");
        Report.threads(threads, server.cpuMillisByThread());

        cpu = server.cpuMillis();
        t0 = System.nanoTime();
        List<Integer> logins = each(users, concurrency, i -> {
            HttpResponse<String> login = server.post("api/auth/login", "{\"username\":\"setup_" + i + "\",\"password\":\""
                    + password(i) + "\"}", null);
            return login.statusCode() == 200 && login.body().contains("\"token\"") ? 200 : login.statusCode();
        });
        double loginSeconds = (System.nanoTime() - t0) / 1e9;
        double loginCpu = (server.cpuMillis() - cpu) / 1000.0;

        Map<Integer, Integer> statuses = new TreeMap<>();
        creates.forEach(s -> statuses.merge(s, 1, Integer::sum));
        return new Result(users, concurrency, statuses.getOrDefault(201, 0), statuses, createSeconds, createCpu,
                (int) logins.stream().filter(s -> s == 200).count(), loginSeconds, loginCpu);
    }

    static void print(Result r) {
        System.out.printf(Locale.ROOT, "  USERS %,d users through the API: %.1f s (%d concurrent clients; %d answered 201, "
                        + "answers %s; server CPU %.1f s, %.1f ms per user)%n", r.users(), r.createSeconds(), r.concurrency(),
                r.created(), r.statuses(), r.createCpuSeconds(), r.createCpuSeconds() * 1000 / Math.max(1, r.users()));
        System.out.printf(Locale.ROOT, "  then each logged in once: %d of %d in %.1f s (server CPU %.1f s)%n", r.loggedIn(),
                r.users(), r.loginSeconds(), r.loginCpuSeconds());
    }

    private static String password(int i) {
        return "set-up-password-" + i;
    }

    /** Calls {@code request} for 0..count-1 from {@code concurrency} threads; answers each one's status, in order. */
    private static List<Integer> each(int count, int concurrency, IntFunction<Integer> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            AtomicInteger next = new AtomicInteger();
            Integer[] statuses = new Integer[count];
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        statuses[i] = request.apply(i);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            return List.of(statuses);
        } finally {
            clients.shutdown();
        }
    }
}
