package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import callcenter.bench.FanOutBenchmark;
import callcenter.bench.RoutingBenchmark;
import callcenter.bench.UserSetup;

/**
 * The fan-out benchmark (docs/performance.md) in a CI size, so that it cannot rot: the same code path on its own
 * freshly started bootable jar and database, 100 agents and 50 calls at 20/s with accept races during the load.
 * Then 50 users created through {@code POST /api/users} by 4 concurrent clients, each logging in once.
 * The routing benchmark likewise, with 100 agents in 4 queues and 40 waiting calls.
 * Asserts only what must hold on any machine (nothing lost, one winner per race, figures present); the timings are
 * printed, not judged: CI shares its cores with other builds.
 */
class BenchmarkIT {

    @Test
    void aSmallRunDeliversEverythingAndEveryRaceHasOneWinner() throws Exception {
        Properties settings = new Properties();
        settings.setProperty("bench.targets", "product");
        settings.setProperty("bench.jar", System.getProperty("it.bootable.jar"));
        settings.setProperty("bench.port", System.getProperty("it.bench.port", "18880"));
        settings.setProperty("bench.agents", "100");
        settings.setProperty("bench.calls", "50");
        settings.setProperty("bench.rate", "20");
        settings.setProperty("bench.raceAgents", "20");
        settings.setProperty("bench.raceCalls", "10");
        settings.setProperty("bench.idleSeconds", "1");
        settings.setProperty("bench.serverOptions", "-Xmx512m");
        settings.setProperty("bench.users", "50");
        settings.setProperty("bench.userClients", "4");

        FanOutBenchmark benchmark = new FanOutBenchmark(settings);
        List<FanOutBenchmark.Result> results = benchmark.run();

        assertEquals(1, results.size());
        FanOutBenchmark.Result r = results.get(0);
        assertEquals(50L * 100, r.expected());
        assertEquals(0, r.lost(), "every call:incoming reaches every available agent");
        assertEquals(50, r.lastAgent().length, "a time to the last agent for every call");
        assertEquals(10, r.racesWithOneWinner(), "exactly one winner (and 19 call_already_taken) in every race");
        assertEquals(10, r.raceWinner().length);
        assertEquals(0, r.closedByServer(), "no socket closed as too slow");
        assertEquals(0, r.deadlocked(), "no Java-level deadlock in the server after the load");
        assertTrue(r.presenceSampled() >= 5, "presence lists followed: " + r.presenceSampled());
        assertEquals(0, r.presenceWrong(), "every sampled agent sees every registered agent available");
        assertTrue(r.readySeconds() > 0 && r.registerSeconds() > 0 && r.idleRssMb() > 0, "start-up, registration, RSS measured");
        assertTrue(r.settledRssMb() > 0, "the node logged the end of its start-up warm-up within a minute of ready");
        assertTrue(r.frames() >= r.expected() && r.cpuSeconds() > 0, "CPU per frame measured: " + r.microsPerFrame());

        UserSetup.Result users = benchmark.userRuns().get("product");
        assertEquals(Map.of(201, 50), users.statuses(), "every user created");
        assertEquals(50, users.loggedIn(), "every user logs in with its own password");
        assertTrue(users.createSeconds() > 0 && users.createCpuSeconds() > 0, "user set-up measured");
    }

    @Test
    void aSmallRoutingRunRoutesEveryDeclinedCallAgain() throws Exception {
        Properties settings = new Properties();
        settings.setProperty("bench.jar", System.getProperty("it.bootable.jar"));
        settings.setProperty("bench.port", System.getProperty("it.bench.port", "18880"));
        settings.setProperty("bench.agents", "100");
        settings.setProperty("bench.queues", "4");
        settings.setProperty("bench.waiting", "40");
        settings.setProperty("bench.declines", "200");
        settings.setProperty("bench.rate", "20");
        settings.setProperty("bench.serverOptions", "-Xmx512m");

        RoutingBenchmark.Result r = new RoutingBenchmark(settings).run();

        assertEquals(0, r.unanswered(), "every declined call is offered to a next member");
        assertEquals(200, r.declineToOffer().length, "a time for every decline");
        assertTrue(r.routings() >= 200, "the server timed every routing: " + r.routings());
        assertTrue(r.serverP50() > 0 && r.serverP99() >= r.serverP50() && r.serverMax() >= r.serverP99(),
                "server quantiles measured: " + r.serverP50() + " " + r.serverP99() + " " + r.serverMax());
        // Each routing's time with its pushes contains its time without them, so every quantile is at least as large.
        assertTrue(r.published()[0] >= r.serverP50() && r.published()[1] >= r.serverP99()
                        && r.published()[2] >= r.serverMax(),
                "times with the pushes: " + java.util.Arrays.toString(r.published()));
    }
}
