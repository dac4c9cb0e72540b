package callcenter.queues.boundary;

import java.util.List;
import java.util.Map;

/** The queues an agent is a member of, by name, and its skills with their levels (1-10). */
public record Membership(List<String> queues, Map<String, Integer> skills) {

    public static final Membership NONE = new Membership(List.of(), Map.of());
}
