package callcenter.platform;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The running boot of one node id, with its last heartbeat (see {@link NodeIdentity}). */
@Entity
@Table(name = "nodes")
public class NodeBoot {

    @Id
    @Column(name = "node_id")
    private String nodeId;

    @Column(name = "boot_id", nullable = false)
    private UUID bootId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "heartbeat_at", nullable = false)
    private Instant heartbeatAt;

    protected NodeBoot() {
    }

    NodeBoot(String nodeId, UUID bootId, Instant now) {
        this.nodeId = nodeId;
        this.bootId = bootId;
        this.startedAt = now;
        this.heartbeatAt = now;
    }
}
