package callcenter.queues.boundary;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.users.boundary.PasswordHasher;
import callcenter.users.boundary.UserService;

/**
 * The admin's user use cases that carry a password ({@code POST /api/users}, {@code PATCH /api/users/{id}}). Not a
 * transaction: the password is hashed first, outside any (a hash takes tens of milliseconds of a core, and inside
 * the transaction it would hold a database connection that long), then {@link StaffQueues} writes the user and its
 * queues in a short one. Concurrent requests hash on every core at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StaffSetup {

    @Inject
    PasswordHasher hasher;

    @Inject
    StaffQueues staff;

    /** {@code request} without its hash; {@code password} in clear, hashed here. */
    public StaffQueues.Staffed create(UserService.NewUser request, String password, List<String> queues,
                                      Map<String, Integer> skills) {
        return staff.create(request.withPasswordHash(hasher.hash(password)), queues, skills);
    }

    /** {@code password} null: the password stays as it is. */
    public StaffQueues.Staffed update(UUID id, UserService.UserChanges changes, String password, List<String> queues,
                                      Map<String, Integer> skills) {
        UserService.UserChanges hashed = password == null ? changes : changes.withPasswordHash(hasher.hash(password));
        return staff.update(id, hashed, queues, skills);
    }
}
