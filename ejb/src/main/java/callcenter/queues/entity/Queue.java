package callcenter.queues.entity;

import java.io.StringReader;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import callcenter.common.JsonP;

/** A queue: which calls it holds is the calls' business; this is how it routes them. */
@Entity
@Table(name = "queues")
public class Queue {

    /** The queue that exists from the first start and takes every call no other queue has. */
    public static final String DEFAULT = "general";

    @Id
    private String name;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(nullable = false, length = 16)
    private String strategy;

    @Column(name = "required_skills", nullable = false, length = 4000)
    private String requiredSkills;

    @Column(nullable = false)
    private int priority;

    @Column(name = "offer_timeout_seconds", nullable = false)
    private int offerTimeoutSeconds;

    @Column(name = "max_wait_seconds")
    private Integer maxWaitSeconds;

    @Column(name = "relax_after_seconds", nullable = false)
    private int relaxAfterSeconds;

    @Column(name = "overflow_after_seconds")
    private Integer overflowAfterSeconds;

    @Column(name = "overflow_queue", length = 64)
    private String overflowQueue;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /**
     * Counted up by every change of the queue ({@link #changed()}; bulk updates count it up themselves): nodes that
     * cache the queue for routing check it in the statement that uses the cached copy (routing's
     * {@code QueueDefinitions}). A plain column, not JPA's optimistic version: changes lock the row instead.
     */
    @Column(name = "version", nullable = false)
    private long version;

    protected Queue() {
    }

    public Queue(String name, Instant now) {
        this.name = name;
        this.displayName = name;
        this.strategy = Strategy.RING_ALL.wireName();
        this.requiredSkills = "{}";
        this.offerTimeoutSeconds = 15;
        this.relaxAfterSeconds = 30;
        this.createdAt = now;
    }

    public String name() {
        return name;
    }

    public String displayName() {
        return displayName;
    }

    public Strategy strategy() {
        return Strategy.of(strategy).orElse(Strategy.RING_ALL);
    }

    public Map<String, Integer> requiredSkills() {
        try (var reader = JsonP.createReader(new StringReader(requiredSkills))) {
            JsonObject o = reader.readObject();
            Map<String, Integer> skills = new LinkedHashMap<>();
            o.forEach((skill, level) -> skills.put(skill, ((jakarta.json.JsonNumber) level).intValue()));
            return Collections.unmodifiableMap(skills);
        }
    }

    public int priority() {
        return priority;
    }

    public int offerTimeoutSeconds() {
        return offerTimeoutSeconds;
    }

    /** Null: the platform's ring timeout. */
    public Integer maxWaitSeconds() {
        return maxWaitSeconds;
    }

    public int relaxAfterSeconds() {
        return relaxAfterSeconds;
    }

    public Integer overflowAfterSeconds() {
        return overflowAfterSeconds;
    }

    public String overflowQueue() {
        return overflowQueue;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }

    /** This copy, read with its row locked, was changed: the version counts it. */
    public void changed() {
        version++;
    }

    public void displayName(String value) {
        displayName = value;
    }

    public void strategy(Strategy value) {
        strategy = value.wireName();
    }

    public void requiredSkills(Map<String, Integer> skills) {
        JsonObjectBuilder o = JsonP.createObjectBuilder();
        skills.forEach(o::add);
        requiredSkills = o.build().toString();
    }

    public void priority(int value) {
        priority = value;
    }

    public void offerTimeoutSeconds(int value) {
        offerTimeoutSeconds = value;
    }

    public void maxWaitSeconds(Integer value) {
        maxWaitSeconds = value;
    }

    public void relaxAfterSeconds(int value) {
        relaxAfterSeconds = value;
    }

    /** Null {@code queue}: no overflow. */
    public void overflow(Integer afterSeconds, String queue) {
        overflowAfterSeconds = queue == null ? null : afterSeconds;
        overflowQueue = queue;
    }
}
