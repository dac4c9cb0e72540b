package callcenter.calls.boundary;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import callcenter.calls.control.QueuePositions;
import callcenter.calls.entity.CallLog;

/** Waiting calls with their place in their queue (api.md section 7: {@code queuePosition}, {@code estimatedWaitSeconds}). */
@Stateless
public class CallPlaces {

    @Inject
    QueuePositions positions;

    /** The call as the API shows it, with its place while it waits. */
    public CallView placed(CallLog call) {
        CallView view = CallView.of(call);
        QueuePositions.Place place = positions.of(call);
        return place == null ? view : view.at(place.position(), place.estimatedWaitSeconds());
    }

    /** Every waiting call's place, at most {@code max}: what the callers' {@code queue:position} events tell. */
    public List<QueuePositions.Place> all(int max) {
        return positions.all(max);
    }
}
