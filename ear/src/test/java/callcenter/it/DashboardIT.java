package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import callcenter.it.probe.DropSocketsProbeServlet;

/**
 * The pages in a real headless Chromium against the deployed EAR: two agents see one call, one answers with real
 * WebRTC audio from the caller page, mute, hang-up, wrap-up and history; a dropped socket recovers; the wallboard
 * follows the figures. Every browser fails the test on any console error.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.earWith(DropSocketsProbeServlet.class);
    }

    @ArquillianResource
    URL base;

    /** The inbound-rtp audio bytes received, or the outbound-rtp bytes sent, of a page's current peer connection. */
    private static final String RTP_BYTES = """
            const [kind, done] = [arguments[0], arguments[arguments.length - 1]];
            const peer = window.callcenterDebug && window.callcenterDebug.peer();
            if (!peer) { done(-1); return; }
            peer.pc.getStats().then(report => {
              let bytes = 0;
              report.forEach(s => {
                if (s.type === kind && (s.kind === 'audio' || s.mediaType === 'audio')) {
                  bytes += kind === 'inbound-rtp' ? s.bytesReceived : s.bytesSent;
                }
              });
              done(bytes);
            }, () => done(-2));
            """;

    /** Records, per call id, the time (ms since the epoch) its incoming card first appeared on the page. */
    private static final String WATCH_CARDS = """
            window.__cardSeen = {};
            const list = document.getElementById('incoming-list');
            new MutationObserver(() => list.querySelectorAll('li[data-call-id]').forEach(li => {
              window.__cardSeen[li.dataset.callId] = window.__cardSeen[li.dataset.callId] || Date.now();
            })).observe(list, { childList: true });
            """;

    /**
     * The dashboards count every waiting call and the shortcut A answers the oldest: start each test without calls
     * left by earlier test classes.
     */
    @BeforeEach
    void noCallsWaiting() {
        Api.at(base).endWaitingCalls();
    }

    @Test
    void twoAgentsSeeTheCallOneAnswersAndTalksToTheCallerOverWebRtc() throws Exception {
        Api api = Api.at(base);
        Api.TestUser alice = api.createUser("agent");
        Api.TestUser bob = api.createUser("agent");
        JsonObject client = newClient(api);
        String callerName = "Actor " + UUID.randomUUID().toString().substring(0, 6);

        try (Browser a = Browser.open("agent-a", api.base()); Browser b = Browser.open("agent-b", api.base());
             Browser caller = Browser.open("caller", api.base())) {
            a.signIn(alice);
            b.signIn(bob);
            a.js(WATCH_CARDS);
            b.js(WATCH_CARDS);

            caller.go("/call");
            caller.field("Client ID").sendKeys(client.getString("clientId"));
            caller.field("Client secret").sendKeys(client.getString("clientSecret"));
            caller.field("Your name").sendKeys(callerName);
            caller.field("Phone number").sendKeys("0711000111");
            new Select(caller.field("What is it about?")).selectByValue("2-support");
            // No queue has that name: the call is routed by the default queue, "general" (api.md section 7).
            new Select(caller.field("Queue")).selectByValue("priority");
            caller.button("Call now").click();
            String callId = caller.await("call started", d -> (String) caller.js(
                    "const c = window.callcenterDebug.call(); return c ? c.id : null"));
            long startedAt = ((Number) caller.js("return window.callcenterDebug.call().startedAt")).longValue();

            // Both agents see the same call within a second of the caller's initiate returning.
            for (Browser agent : List.of(a, b)) {
                long seenAt = agent.await("card of " + callId, d -> (Number) agent.js(
                        "return window.__cardSeen[arguments[0]] || null", callId)).longValue();
                assertTrue(seenAt - startedAt <= 1000, agent.name + " saw the call " + (seenAt - startedAt) + " ms after initiate");
            }
            WebElement card = a.driver.findElement(By.cssSelector("li[data-call-id='" + callId + "']"));
            String cardText = card.getText();
            assertTrue(cardText.contains(callerName), cardText);
            assertTrue(cardText.contains("+254711000111"), cardText);
            assertTrue(cardText.contains("2-support"), cardText);
            assertTrue(cardText.contains("general (asked for priority)"), cardText);
            assertBadgeCountsTheCards(a);
            a.screenshot("dashboard-incoming-call");

            // Alice answers with the keyboard shortcut; Bob's card goes away at once.
            a.driver.findElement(By.tagName("body")).sendKeys("a");
            b.await("card removed after call:taken", Duration.ofSeconds(2), d ->
                    d.findElements(By.cssSelector("li[data-call-id='" + callId + "']")).isEmpty());
            assertBadgeCountsTheCards(b);
            a.await("active call card", d -> d.findElement(By.id("active-call")).isDisplayed());
            assertEquals(callerName, a.text("active-caller"));
            // The routing queue, as on the ringing card, and the name the caller asked for.
            assertTrue(a.text("active-meta").contains("Queue: general (asked for priority)"), a.text("active-meta"));
            caller.await("caller sees the agent", d -> caller.text("call-state").contains(alice.username()));

            // Real audio between the two pages.
            for (Browser side : List.of(a, caller)) {
                side.await("RTCPeerConnection connected", Duration.ofSeconds(20), d -> "connected".equals(side.js(
                        "const p = window.callcenterDebug.peer(); return p && p.pc.connectionState")));
            }
            long received = bytes(a, "inbound-rtp");
            a.await("agent receives audio", Duration.ofSeconds(10), d -> bytes(a, "inbound-rtp") > received + 1000);
            a.screenshot("dashboard-active-call");
            caller.screenshot("caller-page-in-call");
            Path docs = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
            assertTrue(Files.size(docs.resolve("dashboard-active-call.png")) > 0);

            // Mute really stops the agent's microphone: track disabled and no more audio bytes leave.
            a.button("Mute").click();
            a.await("mute applied", d -> Boolean.FALSE.equals(a.js("return window.callcenterDebug.peer().track.enabled")));
            assertEquals("true", a.driver.findElement(By.id("mute")).getAttribute("aria-pressed"));
            Thread.sleep(500); // let packets already on their way be counted
            long sentWhileMuted = bytes(a, "outbound-rtp");
            Thread.sleep(1500);
            assertEquals(sentWhileMuted, bytes(a, "outbound-rtp"), "audio was sent while muted");
            a.driver.findElement(By.tagName("body")).sendKeys("m");
            a.await("unmuted audio flows again", Duration.ofSeconds(10), d -> bytes(a, "outbound-rtp") > sentWhileMuted + 1000);

            // The caller hangs up: both sides end.
            caller.button("Hang up").click();
            caller.await("caller page ended", d -> "ended".equals(
                    d.findElement(By.id("call-state")).getAttribute("data-state")));
            a.await("agent call ended", d -> !d.findElement(By.id("active-call")).isDisplayed());
            assertEquals("ended", api.get("api/calls/" + callId, alice.token()).json().getString("status"));
            assertEquals("ended_by_caller", api.get("api/calls/" + callId, alice.token()).json().getString("hangupCause"));

            // Wrap-up, then the history shows the call and its timeline.
            a.await("wrap-up form", d -> d.findElement(By.id("wrapup")).isDisplayed());
            new Select(a.field("Disposition")).selectByValue("resolved");
            a.field("Note").sendKeys("Password reset");
            a.button("Save wrap-up").click();
            a.await("wrap-up saved", d -> !d.findElement(By.id("wrapup")).isDisplayed());
            JsonObject stored = api.get("api/calls/" + callId, alice.token()).json();
            assertEquals("resolved", stored.getString("disposition"));
            assertEquals("Password reset", stored.getString("note"));
            a.await("history row", d -> !d.findElements(By.cssSelector("#history tr[data-call-id='" + callId + "']")).isEmpty());
            a.await("timeline opened", d -> {
                if (!d.findElement(By.id("timeline")).isDisplayed()) {
                    d.findElement(By.cssSelector("#history tr[data-call-id='" + callId + "'] button")).click();
                }
                return d.findElement(By.id("timeline")).isDisplayed();
            });
            String timeline = a.text("timeline-events");
            for (String type : List.of("created", "offered", "accepted", "ended", "wrapup")) {
                assertTrue(timeline.contains(type), "timeline lacks " + type + ": " + timeline);
            }
            a.screenshot("dashboard-history-timeline");

            a.assertNoConsoleErrors();
            b.assertNoConsoleErrors();
            caller.assertNoConsoleErrors();
        }
    }

    @Test
    void aDroppedSocketShowsReconnectingAndRecoversTheState() throws Exception {
        Api api = Api.at(base);
        Api.TestUser carol = api.createUser("agent");
        Api.TestUser dave = api.createUser("agent");
        String clientToken = api.clientToken();
        try (Browser c = Browser.open("agent-c", api.base())) {
            c.signIn(carol);
            c.js("window.__states = []; const box = document.getElementById('connection');"
                    + "new MutationObserver(() => window.__states.push(box.dataset.state))"
                    + ".observe(box, { attributes: true, attributeFilter: ['data-state'] });");
            String first = initiate(api, clientToken, "First caller");
            c.await("first card", d -> !d.findElements(By.cssSelector("li[data-call-id='" + first + "']")).isEmpty());

            // Drop the socket from the server side; meanwhile a colleague takes the first call and a second one arrives.
            assertEquals(204, drop(api, carol.id()));
            assertEquals(200, api.post("api/calls/" + first + "/accept", null, dave.token()).status());
            String second = initiate(api, clientToken, "Second caller");

            c.await("back to connected", Duration.ofSeconds(20), d -> {
                @SuppressWarnings("unchecked")
                List<String> states = (List<String>) c.js("return window.__states");
                return states.contains("reconnecting") && "connected".equals(states.get(states.size() - 1));
            });
            c.await("second card", d -> d.findElements(By.cssSelector("li[data-call-id='" + second + "']")).size() == 1);
            c.await("first card gone", d -> d.findElements(By.cssSelector("li[data-call-id='" + first + "']")).isEmpty());
            assertBadgeCountsTheCards(c);

            // On a call, a second drop hands the call back: the active card survives, and E ends it.
            c.button("Answer call from Second caller").click();
            c.await("active call", d -> d.findElement(By.id("active-call")).isDisplayed());
            c.await("busy", d -> "busy".equals(new Select(c.driver.findElement(By.id("status-select")))
                    .getFirstSelectedOption().getAttribute("value")));
            c.js("window.__states = []");
            assertEquals(204, drop(api, carol.id()));
            c.await("reconnected again", Duration.ofSeconds(20), d -> {
                @SuppressWarnings("unchecked")
                List<String> states = (List<String>) c.js("return window.__states");
                return states.contains("reconnecting") && "connected".equals(states.get(states.size() - 1));
            });
            assertTrue(c.driver.findElement(By.id("active-call")).isDisplayed());
            assertEquals("Second caller", c.text("active-caller"));
            c.driver.findElement(By.tagName("body")).sendKeys("e");
            c.await("call ended", d -> !d.findElement(By.id("active-call")).isDisplayed());
            JsonObject ended = api.get("api/calls/" + second, carol.token()).json();
            assertEquals("ended", ended.getString("status"));
            assertEquals("ended_by_agent", ended.getString("hangupCause"));
            c.assertNoConsoleErrors();
        }
    }

    @Test
    void theWallboardFollowsTheFiguresLive() {
        Api api = Api.at(base);
        Api.TestUser boss = api.createUser("supervisor");
        String clientToken = api.clientToken();
        try (Browser w = Browser.open("wallboard", api.base())) {
            w.go("/wallboard.html");
            // Not signed in: the dashboard's login brings the supervisor back to the wallboard.
            w.await("login form", d -> w.field("Username").isDisplayed());
            w.field("Username").sendKeys(boss.username());
            w.field("Password").sendKeys(boss.password());
            w.button("Sign in").click();
            w.await("wallboard connected", d -> d.getCurrentUrl().endsWith("/wallboard.html")
                    && "connected".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
            w.await("figures shown", d -> !"–".equals(w.text("waiting")));
            long waitingBefore = api.get("api/stats", boss.token()).json().getJsonNumber("waiting").longValue();
            String callId = initiate(api, clientToken, "Wallboard caller");
            w.await("waiting count pushed", Duration.ofSeconds(5),
                    d -> Long.parseLong(w.text("waiting")) >= waitingBefore + 1);
            w.screenshot("wallboard");
            assertEquals(200, api.post("api/calls/" + callId + "/end", null, clientToken).status());
            JsonObject stats = api.get("api/stats", boss.token()).json();
            w.await("missed count pushed", Duration.ofSeconds(5),
                    d -> w.text("missed").equals(String.valueOf(stats.getJsonObject("today").getInt("missed"))));
            w.assertNoConsoleErrors();
        }
    }

    @Test
    void theAgentListFollowsPresenceChangesThatArriveTogether() {
        Api api = Api.at(base);
        Api.TestUser dana = api.createUser("agent");
        List<Api.TestUser> others = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(api.createUser("agent"));
        }
        List<WsClient> sockets = new java.util.ArrayList<>();
        try (Browser d = Browser.open("presence", api.base());
             WsClient watcher = WsClient.agent(base, api.createUser("agent").token())) {
            d.signIn(dana);
            for (Api.TestUser other : others) {
                sockets.add(WsClient.connect(base, other.token()));
            }
            // Back to back: the registrations fall into one presence window, which goes out coalesced.
            sockets.forEach(s -> s.send("agent:register", Json.createObjectBuilder().build()));
            for (Api.TestUser other : others) {
                d.await(other.username() + " shown available", dr -> "available".equals(dr.findElement(
                        By.cssSelector("li[data-agent-id='" + other.id() + "']")).getAttribute("data-status")));
            }
            var batch = watcher.await("agents:updated", v -> v.asJsonArray().size() >= 2, Duration.ofSeconds(10));
            assertTrue(batch.asJsonArray().stream().allMatch(a -> a.asJsonObject().containsKey("agentId")
                    && a.asJsonObject().containsKey("status")), batch.toString());
            d.assertNoConsoleErrors();
        } finally {
            sockets.forEach(WsClient::close);
        }
    }

    @Test
    void thePagesAreUsableOnAPhone() {
        Api api = Api.at(base);
        Api.TestUser erin = api.createUser("agent");
        try (Browser p = Browser.phone("phone", api.base())) {
            p.signIn(erin);
            Object overflow = p.js("return document.documentElement.scrollWidth - window.innerWidth");
            assertTrue(((Number) overflow).intValue() <= 0, "the dashboard scrolls sideways on a phone: " + overflow);
            p.screenshot("dashboard-phone");
            p.go("/call");
            p.await("caller page", d -> p.field("Client ID").isDisplayed());
            assertTrue(((Number) p.js("return document.documentElement.scrollWidth - window.innerWidth")).intValue() <= 0);
            p.screenshot("caller-phone");
            // Every button has an accessible name.
            for (String page : List.of("/", "/call", "/wallboard.html")) {
                p.go(page);
                Object unnamed = p.js("return [...document.querySelectorAll('button')].filter(b =>"
                        + " !(b.getAttribute('aria-label') || b.textContent.trim())).length");
                assertEquals(0L, unnamed, "buttons without a name on " + page);
            }
            p.assertNoConsoleErrors();
        }
    }

    private static long bytes(Browser browser, String kind) {
        Object value = browser.asyncJs(RTP_BYTES, kind);
        assertNotNull(value);
        return ((Number) value).longValue();
    }

    private static JsonObject newClient(Api api) {
        Api.Reply created = api.post("api/clients", "{\"name\":\"caller-page-" + UUID.randomUUID() + "\"}", api.adminToken());
        assertEquals(201, created.status(), created.toString());
        return created.json();
    }

    private static String initiate(Api api, String clientToken, String callerName) {
        Api.Reply reply = api.post("api/calls/initiate", Json.createObjectBuilder().add("callerName", callerName)
                .add("phoneNumber", "+254711000222").add("ivrOption", "1-sales").add("queueName", "general").build()
                .toString(), clientToken, Map.of());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getString("id");
    }

    private static int drop(Api api, String userId) {
        return api.send(api.request("it-probe/drop-sockets?userId=" + userId, null)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).status();
    }

    /**
     * Other test classes share the server and may leave calls ringing, so the badge is checked against the
     * cards on the page (each test checks its own call's card by id) rather than against an absolute number.
     */
    private static void assertBadgeCountsTheCards(Browser browser) {
        browser.await("badge equals the number of cards", Duration.ofSeconds(2), d ->
                browser.text("incoming-count").equals(String.valueOf(
                        d.findElements(By.cssSelector("#incoming-list li[data-call-id]")).size())));
    }
}
