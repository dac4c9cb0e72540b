package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Issue 16's pages in headless Chromium: an admin creates a queue and sets an agent's queues and skills on the admin
 * page; a supervisor's wallboard shows the queue's row, live, and the chart of the last hour; the dashboard card
 * shows an offer's queue and priority.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QueuesPageIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    @Test
    void anAdminCreatesAQueueAndSetsAnAgentsQueuesAndSkillsOnTheQueuesPage() {
        Api api = Api.at(base);
        Api.TestUser admin = api.createUser("admin");
        Api.TestUser agent = api.createUser("agent");
        String name = "billing-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser b = Browser.open("queues", api.base())) {
            b.signIn(admin);
            b.await("queues link", d -> d.findElement(By.id("queues-link")).isDisplayed());
            b.go("/queues.html");
            b.await("general listed", d -> !d.findElements(By.cssSelector("#queue-table tr[data-queue='general']")).isEmpty());
            b.field("Name").sendKeys(name);
            new org.openqa.selenium.support.ui.Select(b.field("Strategy")).selectByValue("skills");
            b.field("Required skills").sendKeys("swahili:4");
            b.field("Priority").clear();
            b.field("Priority").sendKeys("5");
            b.button("Create queue").click();
            b.await("queue listed", d -> !d.findElements(By.cssSelector("#queue-table tr[data-queue='" + name + "']")).isEmpty());
            JsonObject queue = api.get("api/queues/" + name, admin.token()).json();
            assertEquals("skills", queue.getString("strategy"));
            assertEquals(4, queue.getJsonObject("requiredSkills").getInt("swahili"));
            assertEquals(5, queue.getInt("priority"));

            var queues = b.await("agent row", d -> d.findElement(By.cssSelector("input[aria-label='Queues of " + agent.username() + "']")));
            queues.clear();
            queues.sendKeys("general, " + name);
            var skills = b.driver.findElement(By.cssSelector("input[aria-label='Skills of " + agent.username() + "']"));
            skills.clear();
            skills.sendKeys("swahili:6");
            b.button("Save queues of " + agent.username()).click();
            b.await("saved", Duration.ofSeconds(10), d -> api.get("api/users/" + agent.id(), admin.token()).json()
                    .getJsonArray("queues").size() == 2);
            assertEquals(6, api.get("api/users/" + agent.id(), admin.token()).json().getJsonObject("skills").getInt("swahili"));
            b.screenshot("queues-admin");

            b.field("Name").sendKeys("Bad Name");
            b.button("Create queue").click();
            assertTrue(api.get("api/queues/Bad Name".replace(" ", "%20"), admin.token()).status() == 404);
            b.assertNoConsoleErrors();
        }
    }

    @Test
    void theWallboardShowsEachQueueAndTheLastHourAndTheDashboardAnOffersQueueAndPriority() {
        Api api = Api.at(base);
        Api.TestUser boss = api.createUser("supervisor");
        String admin = api.adminToken();
        String name = "vip-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, api.post("api/queues", "{\"name\":\"" + name + "\",\"priority\":6}", admin).status());
        Api.TestUser agent = api.createUser("agent");
        assertEquals(200, api.patch("api/users/" + agent.id(), "{\"queues\":[\"" + name + "\"]}", admin).status());
        String client = api.clientToken();
        try (Browser w = Browser.open("wallboard-queues", api.base()); Browser a = Browser.open("agent-queue", api.base())) {
            a.signIn(agent);
            w.signIn(boss);
            w.go("/wallboard.html");
            w.await("queue row", d -> !d.findElements(By.cssSelector("#queues tr[data-queue='" + name + "']")).isEmpty());
            w.await("chart drawn", d -> "60".equals(d.findElement(By.id("chart")).getAttribute("data-minutes")));
            String callId = api.post("api/calls/initiate", "{\"callerName\":\"Queue VIP\",\"phoneNumber\":\"0711000111\","
                    + "\"queueName\":\"" + name + "\"}", client).json().getString("id");
            w.await("waiting pushed to the queue's row", Duration.ofSeconds(10), d -> "1".equals(d.findElement(
                    By.cssSelector("#queues tr[data-queue='" + name + "'] td")).getText()));
            a.await("card with queue and priority", d -> {
                var card = d.findElements(By.cssSelector("li.incoming[data-call-id='" + callId + "']"));
                return !card.isEmpty() && card.get(0).findElement(By.cssSelector(".queue")).getText().equals(name)
                        && card.get(0).findElement(By.cssSelector(".priority")).getText().equals("6");
            });
            a.screenshot("dashboard-queue-offer");
            w.screenshot("wallboard-queues");
            assertEquals(200, api.post("api/calls/" + callId + "/end", null, client).status());
            w.assertNoConsoleErrors();
            a.assertNoConsoleErrors();
        }
    }
}
