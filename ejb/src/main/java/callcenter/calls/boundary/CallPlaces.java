package callcenter.calls.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import callcenter.calls.control.PositionPushes;
import callcenter.calls.control.QueuePositions;
import callcenter.calls.entity.CallLog;
import callcenter.events.Push;

/** Waiting calls with their place in their queue (api.md section 7: {@code queuePosition}, {@code estimatedWaitSeconds}). */
@Stateless
public class CallPlaces {

    @Inject
    QueuePositions positions;

    @Inject
    PositionPushes pushes;

    /** The call as the API shows it, with its place while it waits. */
    public CallView placed(CallLog call) {
        return at(call, positions.of(call));
    }

    /**
     * The calls as the API shows them, in their order, with their places read in a few statements for all of them
     * ({@link QueuePositions#of(java.util.Collection)}).
     */
    public List<CallView> placed(List<CallLog> calls) {
        Map<UUID, QueuePositions.Place> places = positions.of(calls);
        return calls.stream().map(call -> at(call, places.get(call.id()))).toList();
    }

    private static CallView at(CallLog call, QueuePositions.Place place) {
        CallView view = CallView.of(call);
        return place == null ? view : view.at(place.position(), place.estimatedWaitSeconds());
    }

    /**
     * What a caller's socket opened at {@code openedAt} is told at once of its waiting call's place (api.md sections 7
     * and 8): a reloaded caller page shows where it stands now, not at the queue's next change.
     * {@link PositionPushes#toldOnJoin} records it as told, so that the callers' ticks tell only changes.
     */
    public Optional<Push> toldOnJoin(CallLog call, Instant openedAt) {
        QueuePositions.Place place = positions.of(call);
        return place == null ? Optional.empty() : pushes.toldOnJoin(place, openedAt);
    }
}
