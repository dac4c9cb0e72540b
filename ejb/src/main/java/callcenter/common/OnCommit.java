package callcenter.common;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

/** A transaction synchronisation that runs its action once the transaction has committed, and not otherwise. */
public record OnCommit(Runnable action) implements Synchronization {

    @Override
    public void beforeCompletion() {
    }

    @Override
    public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
            action.run();
        }
    }
}
