package callcenter.calls.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.common.Actor;
import callcenter.common.CallCenterException;

/**
 * Who may see and end a call. The parties of a call are its caller, the API client that started it and its agent;
 * supervisors and admins act on every call; agents also see the calls waiting to be offered. The rule is written
 * once, as conditions on a call's attributes that are both evaluated on a loaded call and written into the list
 * query, so the two can never disagree.
 */
public final class CallAccess {

    /** An attribute a condition compares, with its JPQL path and its value on a loaded call. */
    enum Attribute {
        ID("c.id", CallLog::id),
        CLIENT("c.createdByClientId", CallLog::createdByClientId),
        AGENT("c.agentId", CallLog::agentId),
        STATUS("c.status", CallLog::status);

        final String path;
        final Function<CallLog, Object> value;

        Attribute(String path, Function<CallLog, Object> value) {
            this.path = path;
            this.value = value;
        }
    }

    /** {@code attribute = value}. */
    record Condition(Attribute attribute, Object value) {
        boolean holds(CallLog call) {
            return Objects.equals(value, attribute.value.apply(call));
        }
    }

    /** A JPQL condition on {@code c} and the parameters it names. */
    public record Restriction(String jpql, Map<String, Object> parameters) {
    }

    private CallAccess() {
    }

    /** The call's parties: may end it (and see it). */
    public static boolean isParty(CallLog call, Actor who) {
        return who.seesAll() || parties(who).stream().anyMatch(c -> c.holds(call));
    }

    /** Whether {@code who} may see the call at all; a call it may not see is a 404 to it. */
    public static boolean visible(CallLog call, Actor who) {
        return who.seesAll() || visibility(who).stream().anyMatch(c -> c.holds(call));
    }

    /**
     * The same rule for {@code GET /api/calls}: the calls {@code who} may see, as a JPQL condition; null when it sees
     * every call. A caller lists nothing: its token is for one call.
     */
    public static Restriction listable(Actor who) {
        if (who.seesAll()) {
            return null;
        }
        if (!who.isUser() && !who.isClient()) {
            throw CallCenterException.forbidden("Your role does not allow this");
        }
        List<String> any = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (Condition condition : visibility(who)) {
            String name = "access" + parameters.size();
            any.add(condition.attribute().path + " = :" + name);
            parameters.put(name, condition.value());
        }
        return new Restriction("(" + String.join(" OR ", any) + ")", parameters);
    }

    static List<Condition> parties(Actor who) {
        if (who.isCaller()) {
            return List.of(new Condition(Attribute.ID, who.callId()));
        }
        if (who.isClient()) {
            return List.of(new Condition(Attribute.CLIENT, who.id()));
        }
        return List.of(new Condition(Attribute.AGENT, who.id()));
    }

    static List<Condition> visibility(Actor who) {
        List<Condition> visible = new ArrayList<>(parties(who));
        if (who.isUser()) {
            visible.add(new Condition(Attribute.STATUS, CallStatus.WAITING));
        }
        return visible;
    }
}
